#include "input/markdown_math.hpp"

#include "input/markdown_math_backslash.hpp"

#include <cmark-gfm.h>

#include <array>
#include <cstring>
#include <mutex>

namespace galley::input {

namespace {

// Math nodes are code spans marked through their user data: a node type of the extension's own
// would be refused (and leaked) where cmark-gfm's table cells allow only their known inline
// kinds, and a code span goes wherever text goes.
const char kInlineMath = 'i';
const char kDisplayMath = 'd';

bool space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// The paragraph whose failed searches are remembered, and for each delimiter the offset
/// from which its search failed. Paragraph nodes live until their document is freed, so
/// within one parse a node's address names one paragraph; each parse starts afresh.
struct Unclosed {
  const cmark_node* parent = nullptr;
  std::array<int, static_cast<std::size_t>(Closer::Count)> from{};
};
thread_local Unclosed unclosed;

} // namespace

void forget_math_searches() {
  unclosed = Unclosed{};
}

bool known_unclosed(const cmark_node* parent, Closer kind, int from) {
  return unclosed.parent == parent && unclosed.from[static_cast<std::size_t>(kind)] > 0 &&
         from >= unclosed.from[static_cast<std::size_t>(kind)];
}

void note_unclosed(const cmark_node* parent, Closer kind, int from) {
  if (unclosed.parent != parent)
    unclosed = Unclosed{parent, {}};
  int& at = unclosed.from[static_cast<std::size_t>(kind)];
  if (at == 0 || from < at)
    at = from;
}

std::string math_slice(cmark_inline_parser* p, int from, int to) {
  std::string s;
  for (int i = from; i < to; ++i)
    s += static_cast<char>(cmark_inline_parser_peek_at(p, i));
  // Display math usually stands on lines of its own between its delimiters.
  while (!s.empty() && space(static_cast<unsigned char>(s.back())))
    s.pop_back();
  std::size_t lead = 0;
  while (lead < s.size() && space(static_cast<unsigned char>(s[lead])))
    ++lead;
  return s.substr(lead);
}

cmark_node* new_math_node(cmark_syntax_extension* ext, const std::string& tex, bool display) {
  cmark_node* node = cmark_node_new_with_ext(CMARK_NODE_CODE, ext);
  cmark_node_set_literal(node, tex.c_str());
  cmark_node_set_user_data(node, const_cast<char*>(display ? &kDisplayMath : &kInlineMath));
  return node;
}

namespace {

bool digit(unsigned char c) { return c >= '0' && c <= '9'; }

/// What the searches below give when the paragraph ends before a closing delimiter.
constexpr int kUnclosed = -2;

/// The offset of the `$` that closes inline math opened at `open`, -1 when it opens none, or
/// kUnclosed. pandoc's rules: the
/// opening `$` has a non-space right after it, the closing one a non-space right before it and
/// no digit right after it ("$5 and $10" is not math); a backslash escapes the next character.
int inline_close(cmark_inline_parser* p, int open) {
  unsigned char first = cmark_inline_parser_peek_at(p, open + 1);
  if (first == 0 || space(first) || first == '$') return -1;
  for (int i = open + 1;; ++i) {
    unsigned char c = cmark_inline_parser_peek_at(p, i);
    if (c == 0)
      return kUnclosed;
    if (c == '\\') {
      if (cmark_inline_parser_peek_at(p, i + 1) == 0)
        return kUnclosed;
      ++i;
      continue;
    }
    if (c == '$' && !space(cmark_inline_parser_peek_at(p, i - 1)) &&
        !digit(cmark_inline_parser_peek_at(p, i + 1)))
      return i;
  }
}

/// The offset of the `$$` that closes display math opened at `open`, -1 when the math would
/// be empty, or kUnclosed.
int display_close(cmark_inline_parser* p, int open) {
  for (int i = open + 2;; ++i) {
    unsigned char c = cmark_inline_parser_peek_at(p, i);
    if (c == 0)
      return kUnclosed;
    if (c == '\\' && cmark_inline_parser_peek_at(p, i + 1) != 0) {
      ++i;
      continue;
    }
    if (c == '$' && cmark_inline_parser_peek_at(p, i + 1) == '$') return i > open + 2 ? i : -1;
  }
}

cmark_node* match(cmark_syntax_extension* ext, cmark_parser*, cmark_node* parent, unsigned char c,
                  cmark_inline_parser* p) {
  if (c != '$')
    return backslash_math(ext, parent, c, p);
  const int open = cmark_inline_parser_get_offset(p);
  const bool display = cmark_inline_parser_peek_at(p, open + 1) == '$';
  const Closer kind = display ? Closer::Dollars : Closer::Dollar;
  if (known_unclosed(parent, kind, open + 1))
    return nullptr;
  const int close = display ? display_close(p, open) : inline_close(p, open);
  if (close == kUnclosed)
    note_unclosed(parent, kind, open + 1);
  if (close < 0) return nullptr;
  cmark_node* node = new_math_node(ext, math_slice(p, open + (display ? 2 : 1), close), display);
  cmark_inline_parser_set_offset(p, close + (display ? 2 : 1));
  return node;
}

} // namespace

cmark_syntax_extension* math_extension() {
  static cmark_syntax_extension* ext = nullptr;
  static std::once_flag made;
  std::call_once(made, [] {
    ext = cmark_syntax_extension_new("galley-math");
    cmark_syntax_extension_set_match_inline_func(ext, match);
    cmark_llist* chars = cmark_llist_append(cmark_get_default_mem_allocator(), nullptr,
                                            reinterpret_cast<void*>(static_cast<intptr_t>('$')));
    cmark_syntax_extension_set_special_inline_chars(ext, chars);
  });
  return ext;
}

bool math_node(cmark_node* n, std::string& tex, bool& display) {
  if (cmark_node_get_type(n) != CMARK_NODE_CODE) return false;
  const void* tag = cmark_node_get_user_data(n);
  if (tag != &kInlineMath && tag != &kDisplayMath) return false;
  const char* s = cmark_node_get_literal(n);
  tex = s ? s : "";
  display = tag == &kDisplayMath;
  return true;
}

} // namespace galley::input
