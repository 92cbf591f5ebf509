#pragma once
// A FreeType face over font bytes in memory, for what the PDF writer reads with FreeType: the
// font descriptor, a CFF's charset, colour glyph bitmaps.
#include <ft2build.h>
#include FT_FREETYPE_H

#include <memory>
#include <string>

namespace galley::pdf {

struct FtLibraryDeleter {
  void operator()(FT_Library l) const { FT_Done_FreeType(l); }
};
struct FtFaceDeleter {
  void operator()(FT_Face f) const { FT_Done_Face(f); }
};

/// A face with its own library (one per call: the writer runs fonts on several threads, and a
/// FreeType library is not shared between threads). The bytes must outlive it.
struct MemoryFace {
  std::unique_ptr<FT_LibraryRec_, FtLibraryDeleter> lib;
  std::unique_ptr<FT_FaceRec_, FtFaceDeleter> face;
};

/// Opens face `index` of `bytes`; throws galley::Error(`failure`) when FreeType cannot read it.
MemoryFace open_face(const std::string& bytes, int index, const std::string& failure);

} // namespace galley::pdf
