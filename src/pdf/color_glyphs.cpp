#include "pdf/color_glyphs.hpp"

#include "pdf/ft_face.hpp"

#include <algorithm>

namespace galley::pdf {

namespace {

/// FreeType's BGRA bitmaps are premultiplied by alpha; PDF wants the colour as is, with the
/// alpha as a soft mask (11.6.5.3).
ImageData unpremultiplied(const FT_Bitmap& bitmap) {
  ImageData out;
  out.width = bitmap.width;
  out.height = bitmap.rows;
  out.components = 3;
  out.samples.reserve(std::size_t(bitmap.width) * bitmap.rows * 3);
  out.alpha.reserve(std::size_t(bitmap.width) * bitmap.rows);
  bool opaque = true;
  for (unsigned y = 0; y < bitmap.rows; ++y) {
    const unsigned char* row = bitmap.buffer + std::ptrdiff_t(y) * bitmap.pitch;
    for (unsigned x = 0; x < bitmap.width; ++x) {
      const unsigned char* px = row + std::size_t(x) * 4;
      const unsigned a = px[3];
      for (int c : {2, 1, 0}) // B, G, R in memory
        out.samples.push_back(char(a == 0 ? 0 : std::min(255u, (px[c] * 255u + a / 2) / a)));
      out.alpha.push_back(char(a));
      opaque = opaque && a == 255;
    }
  }
  if (opaque) out.alpha.clear();
  return out;
}

} // namespace

std::map<std::uint32_t, ColorGlyph> read_color_glyphs(const std::string& font_bytes,
                                                      int face_index, const FontUsage& usage,
                                                      const std::string& name) {
  std::map<std::uint32_t, ColorGlyph> out;
  const MemoryFace opened =
      open_face(font_bytes, face_index, "cannot read font '" + name + "'");
  FT_Face face = opened.face.get();
  // Only bitmap strikes with colour: a COLR font has outlines, which the font program carries.
  if (!FT_HAS_COLOR(face) || face->num_fixed_sizes == 0) return out;
  int best = 0;
  for (int i = 1; i < face->num_fixed_sizes; ++i)
    if (face->available_sizes[i].y_ppem > face->available_sizes[best].y_ppem) best = i;
  if (FT_Select_Size(face, best) != 0) return out;
  const double ppem = face->available_sizes[best].y_ppem / 64.0;
  if (ppem <= 0) return out;
  for (const auto& entry : usage.glyphs) {
    const std::uint32_t gid = entry.first;
    if (FT_Load_Glyph(face, gid, FT_LOAD_COLOR) != 0) continue;
    const FT_GlyphSlot slot = face->glyph;
    if (slot->bitmap.pixel_mode != FT_PIXEL_MODE_BGRA || slot->bitmap.width == 0 ||
        slot->bitmap.rows == 0)
      continue;
    ColorGlyph g;
    g.image = unpremultiplied(slot->bitmap);
    g.left = slot->bitmap_left / ppem;
    g.top = slot->bitmap_top / ppem;
    g.width = slot->bitmap.width / ppem;
    g.height = slot->bitmap.rows / ppem;
    out.emplace(gid, std::move(g));
  }
  return out;
}

} // namespace galley::pdf
