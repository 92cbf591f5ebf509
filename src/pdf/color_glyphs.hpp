#pragma once
// Colour bitmap glyphs (OpenType CBDT/CBLC and sbix, as in Noto Color Emoji): their pictures,
// read with FreeType at the font's largest strike, for the PDF writer to draw as images.
#include "pdf/fonts.hpp"

#include <map>
#include <string>

namespace galley::pdf {

/// The pictures of the glyphs in `usage`, when face `face_index` of `font_bytes` is a colour
/// bitmap font; empty for an outline font. A glyph without a picture is left out.
std::map<std::uint32_t, ColorGlyph> read_color_glyphs(const std::string& font_bytes,
                                                      int face_index, const FontUsage& usage,
                                                      const std::string& name);

} // namespace galley::pdf
