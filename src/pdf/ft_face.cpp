#include "pdf/ft_face.hpp"

#include "galley/error.hpp"

namespace galley::pdf {

MemoryFace open_face(const std::string& bytes, int index, const std::string& failure) {
  MemoryFace out;
  FT_Library raw_lib = nullptr;
  if (FT_Init_FreeType(&raw_lib) != 0)
    throw Error("cannot initialise FreeType");
  out.lib.reset(raw_lib);
  FT_Face raw_face = nullptr;
  if (FT_New_Memory_Face(raw_lib, reinterpret_cast<const FT_Byte*>(bytes.data()),
                         FT_Long(bytes.size()), index, &raw_face) != 0)
    throw Error(failure);
  out.face.reset(raw_face);
  return out;
}

} // namespace galley::pdf
