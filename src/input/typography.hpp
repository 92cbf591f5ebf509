#pragma once
// Typographic text after cmark-gfm's smart punctuation (CMARK_OPT_SMART), which turns straight
// quotes into English “ ” ‘ ’, `--` and `---` into dashes and `...` into an ellipsis. This pass
// gives double quotes the marks of the article's language („ “ in German, « » with narrow
// no-break spaces in French, « » in Russian, ...) and collapses runs of spaces.
#include "galley/model.hpp"

#include <string_view>

namespace galley::input {

/// In the text of `article` (body and notes, never code or math): replaces “ ” by the quotation
/// marks of `article.meta.language` and runs of spaces by one space. `source` is the Markdown the article was read
/// from: when the writer already typed typographic quotes there, the marks are left as they
/// are, since the writer's own “ could not be told from one made from a straight quote.
void apply_typography(model::Article& article, std::string_view source);

} // namespace galley::input
