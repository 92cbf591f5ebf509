#include "math/parse.hpp"

#include "math/parser.hpp"
#include "math/symbols.hpp"
#include "util/text_utils.hpp"

#include <cctype>
#include <string>

namespace galley::math {
namespace detail {

List Parser::parse_all() {
  List out;
  Ended e = parse_list(out, Stop::End);
  if (e == Ended::Brace)
    fail("unmatched '}'", pos_ - 1);
  return out;
}

void Parser::skip_space() {
  while (!at_end() && std::isspace(static_cast<unsigned char>(s_[pos_])))
    ++pos_;
}

/// The name of the command at pos_ (just after its backslash): letters (and a `*` for the
/// starred forms that exist), or one other character.
std::string_view Parser::command_name() {
  std::size_t start = pos_;
  if (at_end())
    fail("a lone '\\' at the end", pos_ - 1);
  if (std::isalpha(static_cast<unsigned char>(s_[pos_]))) {
    while (!at_end() && std::isalpha(static_cast<unsigned char>(s_[pos_])))
      ++pos_;
  } else {
    ++pos_;
  }
  return s_.substr(start, pos_ - start);
}

Ended Parser::parse_list(List& out, Stop stop) {
  if (++depth_ > kMaxDepth)
    fail("the formula nests too deeply", pos_);
  Ended e = list_items(out, stop);
  --depth_;
  return e;
}

Ended Parser::list_items(List& out, Stop stop) {
  for (;;) {
    skip_space();
    if (at_end()) {
      if (stop == Stop::Brace)
        fail("missing '}'", s_.size());
      if (stop == Stop::Bracket)
        fail("missing ']'", s_.size());
      if (stop == Stop::Fence)
        fail("\\left without \\right", s_.size());
      return Ended::Source;
    }
    const std::size_t at = pos_;
    const char c = s_[pos_];
    if (c == '}') {
      ++pos_;
      if (stop != Stop::Brace && stop != Stop::End)
        fail("unmatched '}'", at);
      return Ended::Brace;
    }
    if (c == ']' && stop == Stop::Bracket) {
      ++pos_;
      return Ended::Bracket;
    }
    if (c == '&') {
      ++pos_;
      if (stop != Stop::Cell)
        fail("'&' outside an environment", at);
      return Ended::Ampersand;
    }
    if (c == '^' || c == '_') {
      ++pos_;
      attach_script(out, c == '^', at);
      continue;
    }
    if (c == '\'') {
      ++pos_;
      attach_prime(out);
      continue;
    }
    if (c == '\\') {
      ++pos_;
      std::string_view name = command_name();
      if (name == "\\" || name == "cr") {
        if (stop != Stop::Cell)
          fail("'\\\\' outside an environment", at);
        skip_optional_length();
        return Ended::Newline;
      }
      if (name == "end") {
        if (stop != Stop::Cell)
          fail("\\end without \\begin", at);
        pos_ = at;
        return Ended::End;
      }
      if (name == "right" || name == "middle") {
        if (stop != Stop::Fence)
          fail("\\" + std::string(name) + " without \\left", at);
        return name == "right" ? Ended::Right : Ended::Middle;
      }
      if (name == "displaystyle" || name == "textstyle" || name == "scriptstyle" ||
          name == "scriptscriptstyle") {
        // The rest of the list is in that style (The TeXbook, ch. 17).
        Node n;
        n.kind = Kind::StyleChange;
        n.style = name == "displaystyle"  ? Style::Display
                  : name == "textstyle"   ? Style::Text
                  : name == "scriptstyle" ? Style::Script
                                          : Style::ScriptScript;
        Ended e = parse_list(n.body, stop);
        out.push_back(std::move(n));
        return e;
      }
      command(name, at, out);
      continue;
    }
    if (c == '{') {
      ++pos_;
      Node n;
      n.kind = Kind::Group;
      parse_list(n.body, Stop::Brace);
      out.push_back(std::move(n));
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) ||
        (c == '.' && pos_ + 1 < s_.size() &&
         std::isdigit(static_cast<unsigned char>(s_[pos_ + 1])))) {
      out.push_back(number());
      continue;
    }
    out.push_back(character());
  }
}

/// Digits and decimal points: one number, as TeX sets "3.14" (no space after the point).
Node Parser::number() {
  Node n;
  n.kind = Kind::Number;
  n.alphabet = alphabet_;
  while (!at_end() && (std::isdigit(static_cast<unsigned char>(s_[pos_])) ||
                       (s_[pos_] == '.' && pos_ + 1 < s_.size() &&
                        std::isdigit(static_cast<unsigned char>(s_[pos_ + 1])))))
    n.text += s_[pos_++];
  return n;
}

/// One character written as itself, with the class TeX gives it.
Node Parser::character() {
  std::size_t i = pos_;
  char32_t cp = next_code_point(s_, i);
  Node n;
  n.alphabet = alphabet_;
  n.text = std::string(s_.substr(pos_, i - pos_));
  pos_ = i;
  const SymbolInfo& info = class_of_char(cp);
  n.atom = info.atom;
  n.large = info.large;
  n.limits_in_display = info.limits_in_display;
  // TeX's math font draws '-' as a minus sign and '*' as an asterisk operator.
  if (cp == '-')
    n.text = "\u2212";
  if (cp == '*')
    n.text = "\u2217";
  if (cp == '~') {
    n.kind = Kind::Space;
    n.width = 6;
    n.text.clear();
  }
  return n;
}

void Parser::attach_script(List& out, bool sup, std::size_t at) {
  Node* base = scripts_of(out);
  if (sup ? base->has_sup : base->has_sub)
    fail(sup ? "double superscript" : "double subscript", at);
  List arg = argument(at);
  List& into = sup ? base->sup : base->sub;
  into.insert(into.end(), std::make_move_iterator(arg.begin()), std::make_move_iterator(arg.end()));
  (sup ? base->has_sup : base->has_sub) = true;
}

/// `'` is a superscript prime; several make ″ and ‴, and a `^` after them joins the same
/// superscript (The TeXbook, ch. 16).
void Parser::attach_prime(List& out) {
  Node* base = scripts_of(out);
  Node p;
  p.text = "\u2032";
  p.prime = true;
  base->sup.push_back(std::move(p));
  base->has_sup = true;
  for (;;) {
    skip_space();
    if (at_end() || s_[pos_] != '\'')
      break;
    ++pos_;
    Node q;
    q.text = "\u2032";
    q.prime = true;
    base->sup.push_back(std::move(q));
  }
  skip_space();
  if (!at_end() && s_[pos_] == '^') {
    std::size_t at = pos_++;
    List arg = argument(at);
    base->sup.insert(base->sup.end(), std::make_move_iterator(arg.begin()),
                     std::make_move_iterator(arg.end()));
  }
}

/// The Scripts node that a script after the last node goes to: the last node made into one,
/// or an empty base ("{}^2", or a script at the start of a list).
Node* Parser::scripts_of(List& out) {
  if (!out.empty() && out.back().kind == Kind::Scripts)
    return &out.back();
  Node s;
  s.kind = Kind::Scripts;
  if (!out.empty() && out.back().kind != Kind::Space && out.back().kind != Kind::StyleChange) {
    s.body.push_back(std::move(out.back()));
    out.pop_back();
  }
  out.push_back(std::move(s));
  return &out.back();
}

/// A command's argument: a group in braces, or one token.
List Parser::argument(std::size_t command_at) {
  skip_space();
  if (at_end())
    fail("missing argument", command_at);
  List out;
  const char c = s_[pos_];
  if (c == '{') {
    ++pos_;
    parse_list(out, Stop::Brace);
  } else if (c == '\\') {
    std::size_t at = pos_++;
    std::string_view name = command_name();
    command(name, at, out);
  } else if (c == '}' || c == '&' || c == '^' || c == '_') {
    fail("missing argument", command_at);
  } else {
    out.push_back(character());
    if (std::isdigit(static_cast<unsigned char>(out.back().text[0])))
      out.back().kind = Kind::Number;
  }
  return out;
}

/// The raw text of a braced argument (for \text, \operatorname, \begin), braces balanced.
std::string Parser::raw_argument(std::size_t command_at) {
  skip_space();
  if (at_end() || s_[pos_] != '{')
    fail("missing '{' after the command", command_at);
  std::size_t start = ++pos_;
  int depth = 1;
  std::string out;
  while (!at_end()) {
    char c = s_[pos_];
    if (c == '\\' && pos_ + 1 < s_.size()) {
      // Escapes of text: \{ \} \$ \% \& \_ \# and the control space.
      char next = s_[pos_ + 1];
      if (std::string_view("{}$%&_# ").find(next) != std::string_view::npos) {
        out += next;
        pos_ += 2;
        continue;
      }
    }
    if (c == '{')
      ++depth;
    if (c == '}' && --depth == 0) {
      ++pos_;
      return out;
    }
    out += c;
    ++pos_;
  }
  fail("missing '}'", start - 1);
}

void Parser::skip_optional_length() {
  skip_space();
  if (!at_end() && s_[pos_] == '[') {
    std::size_t end = s_.find(']', pos_);
    if (end != std::string_view::npos)
      pos_ = end + 1;
  }
}

/// A delimiter after \left, \right, \middle or \big.
std::string Parser::delimiter(std::size_t command_at) {
  skip_space();
  if (at_end())
    fail("missing delimiter", command_at);
  std::size_t at = pos_;
  std::string_view name;
  if (s_[pos_] == '\\') {
    ++pos_;
    name = command_name();
    if (name == "{" || name == "}" || name == "|")
      name = s_.substr(at, pos_ - at);
  } else {
    std::size_t i = pos_;
    next_code_point(s_, i);
    name = s_.substr(pos_, i - pos_);
    pos_ = i;
  }
  if (auto d = find_delimiter(name))
    return std::string(*d);
  if (name.size() > 1 && static_cast<unsigned char>(name[0]) >= 0x80)
    return std::string(name);
  fail("'" + std::string(s_.substr(at, pos_ - at)) + "' is not a delimiter", at);
}

} // namespace detail

Formula parse(std::string_view tex, bool display) {
  Formula f;
  f.display = display;
  try {
    detail::Parser parser(tex);
    f.root = parser.parse_all();
    if (!parser.tag().empty() && !display)
      throw detail::Failure{{"\\tag outside display math", parser.tag_at()}};
    f.tag = parser.tag();
  } catch (const detail::Failure& failure) {
    f.failed = true;
    f.error = failure.error;
    f.root.clear();
  }
  return f;
}

std::string failure_message(const Formula& formula) {
  return "math: " + formula.error.message + " (at character " +
         std::to_string(formula.error.offset + 1) + " of the formula); its TeX source is shown";
}

} // namespace galley::math
