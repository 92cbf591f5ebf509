#pragma once
// What a page break costs, beyond the penalty the vertical list puts there (vlist.hpp) and the
// prices the style names (style::PageMakeup: a page short of its fullest break, a split note,
// squeezed space). The page builder takes the cheapest feasible break (The TeXbook, ch. 15:
// \insertpenalties and the page's badness play these parts there). docs/layout.md works through
// what each number buys.
namespace galley::layout::detail::cost {

/// A break that leaves fewer than one and a half lines for the article's last page: the widow
/// nobody can miss. Dearer than any club or widow line, so a short last paragraph moves whole.
inline constexpr double kLastPageOneLine = 400;

/// Fewer than two and a half lines for the last page: as bad as a widow line.
inline constexpr double kLastPageTwoLines = 150;

/// Added to a forbidden break (a heading cut from its text, a table header from its first row):
/// more than any sum of the costs above, so one is taken only when no allowed break fits.
inline constexpr double kForbiddenBreak = 100000;

} // namespace galley::layout::detail::cost
