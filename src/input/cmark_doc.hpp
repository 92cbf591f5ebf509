#pragma once
// cmark-gfm documents as galley parses Markdown: the GFM extensions (tables, strikethrough,
// autolinks, task lists, footnotes) and TeX math (markdown_math.hpp).
#include <cmark-gfm.h>

#include <memory>
#include <string_view>

namespace galley::input {

struct CmarkDocDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using CmarkDoc = std::unique_ptr<cmark_node, CmarkDocDeleter>;

/// Parses `text`. `smart`: straight quotes to curly ones, `--` and `---` to dashes, `...` to an
/// ellipsis, in text only (code spans, code blocks and URLs keep what was written).
CmarkDoc parse_markdown(std::string_view text, bool smart);

} // namespace galley::input
