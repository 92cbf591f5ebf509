#pragma once
// Splitting a Markdown file into front matter and body (Jekyll/Hugo conventions: a first line
// `---` opens YAML closed by `---` or `...`; `+++` opens TOML closed by `+++`; Hexo's YAML
// closed by `---` with no opening line).
#include "galley/diagnostics.hpp"

#include <string_view>

namespace galley::input {

enum class FrontMatterKind { None, Yaml, Toml };

struct FrontMatterSplit {
  FrontMatterKind kind = FrontMatterKind::None;
  std::string_view front;   ///< text between the delimiter lines
  int front_first_line = 0; ///< line number of the first line of `front`
  std::string_view body;
  int body_line_offset = 0; ///< lines before `body` in the file
};

/// Splits `text`; an unclosed block is an error, and the whole text is then treated as body.
FrontMatterSplit split_front_matter(std::string_view text, const std::string& file,
                                    Diagnostics& diags);

} // namespace galley::input
