#include "input/cmark_doc.hpp"

#include "input/markdown_math.hpp"

#include <cmark-gfm-core-extensions.h>

#include <mutex>

namespace galley::input {

CmarkDoc parse_markdown(std::string_view text, bool smart) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  struct ParserDeleter {
    void operator()(cmark_parser* p) const { cmark_parser_free(p); }
  };
  std::unique_ptr<cmark_parser, ParserDeleter> parser(
      cmark_parser_new(CMARK_OPT_FOOTNOTES | (smart ? CMARK_OPT_SMART : 0)));
  for (const char* name : {"table", "strikethrough", "autolink", "tasklist"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  cmark_parser_attach_syntax_extension(parser.get(), math_extension());
  forget_math_searches();
  cmark_parser_feed(parser.get(), text.data(), text.size());
  return CmarkDoc(cmark_parser_finish(parser.get()));
}

} // namespace galley::input
