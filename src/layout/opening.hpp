#pragma once
// The article's opening: cover (lead image above the title, or a page of its own), publication
// name, title, subtitle, dek and the author block.
#include "layout/blocks.hpp"

#include <optional>

namespace galley::layout::detail {

/// The full-page cover when the style asks for one and the article has a cover; placed as the
/// article's first page.
std::optional<Page> full_page_cover(ArticleContext& ctx);

/// Appends the opening boxes to `out`, with the article's outline mark on the first, and its
/// anchor unless `anchored` (a full-page cover already has it).
void layout_opening(ArticleContext& ctx, bool anchored, VList& out);

/// "April 27, 2026 · 6 min read" parts, as the style's author-block fields ask.
std::string byline_details(const model::Meta& meta, const std::vector<std::string>& fields);

} // namespace galley::layout::detail
