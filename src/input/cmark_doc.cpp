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
  // cmark-gfm keeps the characters that start an extension's inlines ('~' of strikethrough,
  // '$' of math) in one table for the whole process, set when a parse reaches its inlines and
  // cleared when it leaves them (process_inlines in its blocks.c): a parse that ends clears them
  // for one still under way, whose `~~struck~~` then stays text. Parses take turns; the rest of
  // reading an article (front matter, pictures, the model) goes on in parallel.
  static std::mutex parsing;
  std::lock_guard lock(parsing);
  forget_math_searches();
  cmark_parser_feed(parser.get(), text.data(), text.size());
  return CmarkDoc(cmark_parser_finish(parser.get()));
}

} // namespace galley::input
