#pragma once
// Readable traces of shaped text and broken paragraphs, for `galley shape` and golden tests.
// Numbers are rounded to two decimals and formatted without locale.
#include "text/engine.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace galley::text {

/// One line per run ("run face=... size=... rtl=... x=...") followed by one line per glyph:
/// "  <glyph id> x=<pen> adv=<advance> '<cluster text>'".
std::string trace_shape(Engine& engine, std::string_view text, const FontRequest& font, double size,
                        const std::string& language, const std::vector<std::string>& features,
                        Diagnostics& diags);

/// One line per paragraph line (width, natural width, ratio, flags, text) and one per run with
/// its glyph ids.
std::string trace_paragraph(const Engine& engine, const ParagraphLayout& layout);

} // namespace galley::text
