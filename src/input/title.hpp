#pragma once
// Where an article's title comes from when the front matter names none: a pandoc title block,
// the first level-1 heading before the body text, or the file name. docs/input.md, "Title".
#include "input/draft.hpp"

#include <string>

namespace galley::input {


/// Reads a pandoc title block (`% Title`, `% Author; Author`, `% Date`, with continuation lines
/// that start with a space) at the start of `text` into `draft`'s metadata and blanks its lines,
/// so that the body keeps its line numbers. Text without one is left as it is.
void take_title_block(std::string& text, const ArticleContext& ctx, ArticleDraft& draft,
                      Diagnostics& diags);

/// Fills an empty title: from the first level-1 heading that comes before any body text (the
/// heading then leaves the body), else from the file name with a warning. An article read from
/// standard input with neither is an error.
void fall_back_title(ArticleDraft& draft, const ArticleContext& ctx, Diagnostics& diags);

/// "my-first-post.md" -> "My first post"; Jekyll's date prefix (`2023-05-03-`) is dropped, and
/// a page bundle's `index.md` is named after its folder.
std::string title_from_file_name(const std::string& path);

} // namespace galley::input
