#pragma once
// SVG images, which both outputs carry as vectors: the EPUB as a cleaned SVG file, the PDF as a
// form XObject that cairo drew from it. Cleaning (svg_clean.cpp) comes first in both; librsvg
// (svg_render.cpp) measures the cleaned image and draws it.
#include <optional>
#include <string>
#include <string_view>

namespace galley {

/// What becomes of the image's links (`<a>`): the EPUB keeps those to its own fragments; the
/// PDF draws their content without the link, since cairo would write each as an annotation
/// with a marked-content sequence of its own inside the figure's (ISO 14289-1 7.1).
enum class SvgLinks { Keep, Unwrap };

/// An SVG image made safe to carry or draw: parsed as XML, without DOCTYPE, scripts, event
/// handlers or references to other files (svg_clean.cpp says why). `removed` says what was
/// taken out ("" when nothing was); nullopt with `error` when it is not an SVG document at all.
std::optional<std::string> clean_svg(std::string_view data, std::string& removed,
                                     std::string& error, SvgLinks links = SvgLinks::Keep);

/// The image's size in CSS pixels (96 to the inch). `given` is false when the root element has
/// neither a width and height in absolute units nor a viewBox: the size is then CSS's default
/// for a replaced element, 300 x 150 (CSS 2.1, 10.3.2).
struct SvgSize {
  double width = 0, height = 0;
  bool given = true;
};

/// Parses a cleaned SVG with librsvg and reads its intrinsic size: width and height, else the
/// viewBox's. nullopt with `error` when librsvg refuses it or its size is zero.
std::optional<SvgSize> measure_svg(std::string_view clean, std::string& error);

/// Draws a cleaned SVG with librsvg on a one-page cairo PDF surface of `size` (in points: one
/// CSS pixel is 0.75 pt) and returns that PDF's bytes. Text stays text, in embedded subset fonts
/// with ToUnicode maps; paths and gradients stay vectors. Nothing outside the image is read.
std::optional<std::string> render_svg_pdf(std::string_view clean, const SvgSize& size,
                                          std::string& error);

} // namespace galley
