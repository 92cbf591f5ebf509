#pragma once
// Markdown articles: front matter (YAML or TOML) plus CommonMark with the GitHub extensions,
// parsed by cmark-gfm and mapped node by node to model blocks and inlines.
#include "input/draft.hpp"

#include <string_view>

namespace galley::input {

/// Reads the article text (already BOM-stripped, LF line endings) into `draft`.
void read_markdown(std::string_view text, const ArticleContext& ctx, ArticleDraft& draft,
                   Diagnostics& diags);

} // namespace galley::input
