#pragma once
// The language a fenced code block's info string names, in the forms Markdown tools write it.
#include <string>
#include <string_view>

namespace galley::input {

/// The language of a fence's info string:
/// - its first word, as CommonMark and GitHub read it (```` ```python title="a.py" ````, the
///   `{…}` that Hugo and VitePress put after it or glue to it: ```` ```go {linenos=true} ````,
///   ```` ```js{1,3} ````);
/// - in an attribute block (pandoc's `fenced_code_attributes`, Quarto, R Markdown):
///   the first class that is not a line-numbering one (```` ```{.python .numberLines} ````),
///   else a `lang=` or `language=` key, else a first bare word, which is knitr's engine
///   (```` ```{r setup, echo=FALSE} ````, ```` ```{python} ````).
/// Empty when the string names none.
std::string fence_language(std::string_view info);

} // namespace galley::input
