#include "input/markdown_math_backslash.hpp"

#include <cmark-gfm.h>

#include <vector>

namespace galley::input {

namespace {

// cmark-gfm resolves a backslash before an inline extension sees the character after it: `\(`
// becomes a text node "(" and `\[` one "[" (a `[` after `\\` even opens a link bracket), and
// the built-in handlers take `\`, `[` and line ends, so the extension is not asked at `\(` or
// `\[`. It is asked where the next run of text starts; from there the nodes made since the
// delimiter are walked back, each node's width (its source columns) giving its characters in
// the subject, so that only a delimiter written as such in the source opens math: never one
// inside a code span, an autolink or a link destination, whose nodes are not backslashes.

unsigned char at(cmark_inline_parser* p, int i) {
  return i < 0 ? 0 : cmark_inline_parser_peek_at(p, i);
}

bool blank(unsigned char c) {
  return c == ' ' || c == '\t';
}

/// The width in the subject of a one-line text node.
int width(cmark_node* n) {
  return cmark_node_get_end_column(n) - cmark_node_get_start_column(n) + 1;
}

/// An opening delimiter found: where it starts in the subject, where its content starts, the
/// closing delimiter to look for, and the nodes that spell it (and come after it) in `parent`.
struct Opener {
  int start = -1;
  int content = -1;
  const char* close = nullptr;
  Closer kind = Closer::Paren;
  bool display = false;
  std::vector<cmark_node*> nodes;
  cmark_node* bracket = nullptr; ///< a link bracket's node, which cmark-gfm still points to
};

/// Walks back from the last node of `parent`, which ends at `pos` in the subject, over nodes
/// of backslashes and line ends, to an opening delimiter.
Opener find_opener(cmark_node* parent, unsigned char c, int pos, cmark_inline_parser* p) {
  Opener o;
  for (cmark_node* n = cmark_node_last_child(parent); n; n = cmark_node_previous(n)) {
    o.nodes.push_back(n);
    const cmark_node_type type = cmark_node_get_type(n);
    if (type == CMARK_NODE_SOFTBREAK) { // a line end, and the blanks after it
      while (blank(at(p, pos - 1)))
        --pos;
      if (at(p, pos - 1) != '\n')
        return {};
      pos -= at(p, pos - 2) == '\r' ? 2 : 1;
      continue;
    }
    if (type == CMARK_NODE_LINEBREAK) { // a backslash before a line end
      int end = pos - (at(p, pos - 2) == '\r' ? 2 : 1);
      if (at(p, pos - 1) != '\n' || at(p, end - 1) != '\\')
        return {};
      pos = end - 1;
      continue;
    }
    if (type != CMARK_NODE_TEXT || cmark_node_get_start_line(n) != cmark_node_get_end_line(n))
      return {};
    const int w = width(n);
    const int start = pos - w;
    if (w == 2 && at(p, start) == '\\') {
      const unsigned char escaped = at(p, start + 1);
      // `\\(`: the escaped backslash, then the run of text that starts at `(`.
      if (escaped == '\\' && o.nodes.size() == 1 && c == '(')
        return {start, start + 3, "\\\\)", Closer::DoubleParen, false, std::move(o.nodes), nullptr};
      if (escaped == '(')
        return {start, start + 2, "\\)", Closer::Paren, false, std::move(o.nodes), nullptr};
      if (escaped == '[')
        return {start, start + 2, "\\]", Closer::Bracket, true, std::move(o.nodes), nullptr};
    } else if (w == 1 && at(p, start) == '[') {
      // `\\[`: the escaped backslash, then a link bracket.
      cmark_node* before = cmark_node_previous(n);
      if (!before || cmark_node_get_type(before) != CMARK_NODE_TEXT || width(before) != 2 ||
          at(p, start - 2) != '\\' || at(p, start - 1) != '\\')
        return {};
      o.nodes.push_back(before);
      return {start - 2, start + 1, "\\\\]", Closer::DoubleBracket, true, std::move(o.nodes), n};
    } else if (!(w == 1 && at(p, start) == '\\')) {
      return {};
    }
    pos = start; // an escape or a lone backslash inside the math
  }
  return {};
}

bool closes_at(cmark_inline_parser* p, int i, const char* close) {
  for (int k = 0; close[k]; ++k)
    if (at(p, i + k) != static_cast<unsigned char>(close[k]))
      return false;
  return true;
}

/// Where `close` first occurs after `from`, a backslash taking the character after it along
/// (as pandoc reads math: `\\)` inside `\(…\)` is a TeX line break, then a parenthesis); -1
/// when the subject ends first.
int find_close(cmark_inline_parser* p, int from, const char* close) {
  for (int i = from; at(p, i) != 0; ++i) {
    if (closes_at(p, i, close))
      return i;
    if (at(p, i) == '\\' && at(p, i + 1) != 0)
      ++i;
  }
  return -1;
}

/// Whether only blanks stand between `i` and the line's start (going back) or end.
bool line_starts_before(cmark_inline_parser* p, int i) {
  while (blank(at(p, i - 1)))
    --i;
  return i == 0 || at(p, i - 1) == '\n';
}
bool line_ends_after(cmark_inline_parser* p, int i) {
  while (blank(at(p, i)))
    ++i;
  return at(p, i) == 0 || at(p, i) == '\n' || at(p, i) == '\r';
}

} // namespace

cmark_node* backslash_math(cmark_syntax_extension* ext, cmark_node* parent, unsigned char c,
                           cmark_inline_parser* p) {
  cmark_node* last = cmark_node_last_child(parent);
  if (!last)
    return nullptr;
  const cmark_node_type type = cmark_node_get_type(last);
  if (type != CMARK_NODE_TEXT && type != CMARK_NODE_SOFTBREAK && type != CMARK_NODE_LINEBREAK)
    return nullptr;
  const int pos = cmark_inline_parser_get_offset(p);
  Opener o = find_opener(parent, c, pos, p);
  if (o.start < 0)
    return nullptr;
  if (known_unclosed(parent, o.kind, o.content))
    return nullptr;
  const int close = find_close(p, o.content, o.close);
  if (close < 0) {
    note_unclosed(parent, o.kind, o.content);
    return nullptr;
  }
  const int after = close + static_cast<int>(std::char_traits<char>::length(o.close));
  // Display delimiters stand at the start and the end of lines: Markdown writers (pandoc's
  // own, turndown) escape brackets in prose, so "see \[1\]" is text, not math.
  if (o.display && (!line_starts_before(p, o.start) || !line_ends_after(p, after)))
    return nullptr;
  std::string tex = math_slice(p, o.content, close);
  if (tex.empty())
    return nullptr;
  for (cmark_node* n : o.nodes) {
    if (n == o.bracket) {
      // cmark-gfm's bracket stack still points to this node: it stays, spelling nothing.
      cmark_node_set_literal(n, "");
      continue;
    }
    cmark_node_free(n);
  }
  cmark_inline_parser_set_offset(p, after);
  return new_math_node(ext, tex, o.display);
}

} // namespace galley::input
