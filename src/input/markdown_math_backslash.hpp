#pragma once
// TeX math between backslashed brackets in Markdown, the delimiters MathJax and KaTeX read:
// `\(…\)` inline and `\[…\]` display (pandoc's `tex_math_single_backslash`), and `\\(…\\)`,
// `\\[…\\]` (pandoc's `tex_math_double_backslash`), which writers for Hugo, Jekyll or Hexo use
// because their Markdown engine turns `\\` into the `\` MathJax looks for.
#include <cmark-gfm-extension_api.h>

#include <string>

namespace galley::input {

/// The closing delimiters math is searched for.
enum class Closer { Dollar, Dollars, Paren, Bracket, DoubleParen, DoubleBracket, Count };

/// Searches for a closing delimiter that failed, remembered for the paragraph (`parent`) being
/// parsed: a search for the same delimiter from further on would fail too, and is not made
/// again, so that a paragraph of many lone openers costs linear time, not quadratic.
bool known_unclosed(const cmark_node* parent, Closer kind, int from);
void note_unclosed(const cmark_node* parent, Closer kind, int from);

/// A math node for `tex` (markdown_math.cpp).
cmark_node* new_math_node(cmark_syntax_extension* ext, const std::string& tex, bool display);

/// The characters of the subject from `from` to `to`, without the white space around them.
std::string math_slice(cmark_inline_parser* p, int from, int to);

/// Called where cmark-gfm starts a run of text at `c`: when the nodes just before are the
/// opening delimiter (and nothing else than backslashes and line ends since), returns the math
/// node that runs to the closing one, having taken the opener's nodes out of `parent`.
cmark_node* backslash_math(cmark_syntax_extension* ext, cmark_node* parent, unsigned char c,
                           cmark_inline_parser* p);

} // namespace galley::input
