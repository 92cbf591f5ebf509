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

/// Removes the line breaks of the source between two characters of Chinese or Japanese (East
/// Asian Width F, W or H, not Hangul), which would otherwise show as spaces, as CSS Text 3
/// (4.1.3) and pandoc's `east_asian_line_breaks` do. Applies whatever `smart` says.
void join_east_asian_lines(model::Blocks& blocks);

} // namespace galley::input
