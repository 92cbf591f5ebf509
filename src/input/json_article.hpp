#pragma once
// JSON articles: the keys of YAML front matter (meta.hpp, docs/input.md) in one JSON object,
// with the article's text in `body` (Markdown) or `body_html` (HTML). docs/input.md, "JSON".
#include "input/draft.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace galley::input {

/// The keys that hold a JSON article's text: `body` and `body_html`.
const std::vector<std::string>& json_body_keys();

/// Reads a JSON article into `draft`. False, with a located error, when the text is not JSON,
/// not an object, or has no body.
bool read_json_article(std::string_view text, const ArticleContext& ctx, ArticleDraft& draft,
                       Diagnostics& diags);

} // namespace galley::input
