#pragma once
// TeX math in Markdown, as pandoc's `tex_math_dollars` reads it: `$…$` inline and `$$…$$`
// display, recognised while cmark-gfm parses inlines, so that code spans, escapes and links
// keep their precedence and emphasis marks inside the math are not taken as emphasis. The same
// extension reads `\(…\)` and `\[…\]` (markdown_math_backslash.hpp).
#include <cmark-gfm-extension_api.h>

#include <string>

namespace galley::input {

/// The cmark-gfm syntax extension that makes math nodes; one for the process.
cmark_syntax_extension* math_extension();

/// Whether `n` is a math node (a code span the extension made), and if so its TeX and whether
/// it is display math.
bool math_node(cmark_node* n, std::string& tex, bool& display);

/// Forgets what the extension remembered of the paragraphs of the last document parsed on this
/// thread; called before each parse.
void forget_math_searches();

} // namespace galley::input
