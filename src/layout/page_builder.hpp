#pragma once
// The page builder: cuts the vertical list into pages and puts each note at the foot of the page
// that cites it.
#include "layout/context.hpp"
#include "layout/layout.hpp"

#include <optional>

namespace galley::layout::detail {

struct BuiltPages {
  std::vector<Page> pages;
  std::vector<PageRole> roles;
  std::vector<std::vector<OutlineMark>> marks; ///< per page
  std::vector<std::pair<int, int>> blocks;      ///< (top-level block, page) where each starts
  std::vector<int> boxes;                       ///< body boxes per page
  /// Per page: where its text begins, the opening on the first; nullopt for a page without text.
  std::vector<std::optional<TextPoint>> starts;
  /// Set when building stopped one page past ctx.max_pages: where that page's text begins.
  std::optional<SourceLoc> past_limit;
};

/// Breaks `list` into pages; the first is a recto when `first_recto`. The first page's role is
/// `opening`. Notes are laid out on demand through ctx.
/// The opening is set across the top of the first page; the body fills ctx.geo.columns columns
/// of ctx.measure on each page. Box items are moved into the pages (the lists are spent).
BuiltPages build_pages(ArticleContext& ctx, VList& opening, VList& list, bool first_recto);

} // namespace galley::layout::detail
