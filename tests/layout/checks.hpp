#pragma once
// Checks on laid-out documents, shared by the layout tests. Each returns a list of problems
// (empty when the document passes), so a failing CHECK shows what went wrong.
#include "galley/style.hpp"
#include "layout/frame.hpp"
#include "galley/model.hpp"
#include "text/engine.hpp"

#include <map>
#include <string>
#include <vector>

namespace galley::test {

/// An engine on the bundled fonts only (no fontconfig: deterministic everywhere).
text::EngineOptions engine_options(const style::Style& style);

/// `issue` laid out in `st` with such an engine.
layout::Document lay(const model::Issue& issue, const style::Style& st, Diagnostics& diags);

std::string run_text(const layout::GlyphRun& run);
double run_width(const layout::GlyphRun& run);

/// Anchor name -> page index (0-based).
std::map<std::string, int> anchor_pages(const layout::Document& doc);

/// Glyph runs of the pages' items outside the text area, where they are drawn (the furniture,
/// running heads and folios in their margin slots, is not looked at).
std::vector<std::string> glyphs_outside_text_area(const layout::Document& doc,
                                                  const style::Style& style);
/// LinkItems whose dest names no AnchorItem.
std::vector<std::string> dangling_links(const layout::Document& doc);
/// Note markers whose note does not start on the marker's page.
std::vector<std::string> notes_off_page(const layout::Document& doc);
/// Headings (outline entries below the article level) with fewer than two lines after them on
/// their page.
std::vector<std::string> lonely_headings(const layout::Document& doc, const style::Style& style);
/// Pages whose text is a single line of body text (a widow left alone on an article's last page).
std::vector<std::string> single_line_pages(const layout::Document& doc, const style::Style& style);
/// Texts of all runs on a page, joined with spaces.
std::string page_text(const layout::Page& page);

} // namespace galley::test

#include <doctest/doctest.h>

namespace doctest {
template <> struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string s = "{";
    for (const std::string& x : v) s += "\n  " + x;
    return String((s + (v.empty() ? "}" : "\n}")).c_str());
  }
};
} // namespace doctest
