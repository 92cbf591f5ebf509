#pragma once
// What a PDF's pages show, read back with poppler's tools: the text lines pdftotext finds (with
// their words and boxes), the ink a rendered page has inside each line, and the spacing
// between words on justified lines.
#include <filesystem>
#include <string>
#include <vector>

namespace e2e {

struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0; ///< points from the page's top left
  std::string text; ///< a word's text; empty for a line
};

struct TextLine {
  int page = 1; ///< from 1
  double page_width = 0, page_height = 0;
  Box box;
  std::vector<Box> words; ///< left to right as pdftotext lists them
};

/// Every text line pdftotext finds (its -bbox-layout reading), page by page, top to bottom.
std::vector<TextLine> text_lines(const std::filesystem::path& pdf);

/// Pixels that are not near white inside the middle half of each line's band, across the whole
/// page width, on a 72 dpi rendering of the lines' pages (lines of mixed scripts overlap a
/// little at their edges, hence the middle half).
std::vector<int> ink_in(const std::filesystem::path& pdf, const std::vector<TextLine>& lines);

/// The gaps between words on justified lines, in points: lines that reach the right edge of
/// their column (within half a point of the widest line of their page), so that last lines of
/// paragraphs, headings and ragged text are left out.
std::vector<double> justified_gaps(const std::vector<TextLine>& lines);

/// The value below which `share` (0 to 1) of `values` lie; 0 for none.
double percentile(std::vector<double> values, double share);

} // namespace e2e
