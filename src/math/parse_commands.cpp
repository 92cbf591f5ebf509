#include "math/parser.hpp"

#include "math/symbols.hpp"

#include <optional>
#include <string>

namespace galley::math::detail {

void Parser::command(std::string_view name, std::size_t at, List& out) {
  if (const SymbolInfo* sym = find_symbol(name)) {
    Node n;
    n.text = std::string(sym->text);
    n.atom = sym->atom;
    n.large = sym->large;
    n.limits_in_display = sym->limits_in_display;
    n.alphabet = alphabet_;
    out.push_back(std::move(n));
    return;
  }
  if (const FunctionInfo* f = find_function(name)) {
    out.push_back(function(std::string(f->text), f->limits_in_display));
    return;
  }
  if (auto mu = find_space(name)) {
    Node n;
    n.kind = Kind::Space;
    n.width = *mu;
    out.push_back(std::move(n));
    return;
  }
  if (auto alphabet = find_alphabet(name)) {
    Alphabet saved = alphabet_;
    alphabet_ = *alphabet;
    Node n;
    n.kind = Kind::Group;
    n.body = argument(at);
    alphabet_ = saved;
    out.push_back(std::move(n));
    return;
  }
  if (const AccentInfo* a = find_accent(name)) {
    Node n;
    n.kind = Kind::Accent;
    n.text = std::string(a->combining.empty() ? a->spacing : a->combining);
    n.spacing = std::string(a->spacing);
    n.stretchy = a->stretchy;
    n.rule = a->rule;
    n.under = a->under;
    n.body = argument(at);
    out.push_back(std::move(n));
    return;
  }
  if (name == "overbrace" || name == "underbrace") {
    // An operator with limits (plain.tex's \overbrace is \mathop{…}\limits): a `^` or `_`
    // after it is the label over or under the brace.
    Node n;
    n.kind = Kind::Accent;
    n.atom = AtomClass::Op;
    n.limits = Limits::Limits;
    n.brace = true;
    n.stretchy = true;
    n.under = name == "underbrace";
    n.text = n.spacing = n.under ? "\u23DF" : "\u23DE";
    n.body = argument(at);
    out.push_back(std::move(n));
    return;
  }
  if (name == "xrightarrow" || name == "xleftarrow") {
    // amsmath's extensible arrows: a relation, the label over it, the optional one under it.
    Node n;
    n.kind = Kind::XArrow;
    n.atom = AtomClass::Rel;
    n.text = name == "xrightarrow" ? "\u2192" : "\u2190";
    skip_space();
    if (!at_end() && s_[pos_] == '[') {
      ++pos_;
      parse_list(n.second, Stop::Bracket);
    }
    n.body = argument(at);
    out.push_back(std::move(n));
    return;
  }
  if (name == "limits" || name == "nolimits") {
    if (out.empty() || out.back().atom != AtomClass::Op || out.back().kind == Kind::Scripts)
      fail("\\" + std::string(name) + " is allowed only after an operator", at);
    out.back().limits = name == "limits" ? Limits::Limits : Limits::NoLimits;
    return;
  }
  if (name == "frac" || name == "dfrac" || name == "tfrac" || name == "cfrac" || name == "binom" ||
      name == "dbinom" || name == "tbinom") {
    Node n;
    n.kind = Kind::Fraction;
    n.body = argument(at);
    n.second = argument(at);
    if (name.find("binom") != std::string_view::npos) {
      n.bar = false;
      n.text = "(";
      n.close = ")";
    }
    if (name[0] == 'd' || name[0] == 'c' || name[0] == 't') {
      n.styled = true;
      n.style = name[0] == 't' ? Style::Text : Style::Display;
    }
    out.push_back(std::move(n));
    return;
  }
  if (name == "sqrt") {
    Node n;
    n.kind = Kind::Radical;
    skip_space();
    if (!at_end() && s_[pos_] == '[') {
      ++pos_;
      parse_list(n.second, Stop::Bracket);
    }
    n.body = argument(at);
    out.push_back(std::move(n));
    return;
  }
  if (name == "left") {
    out.push_back(fenced(at));
    return;
  }
  if (name.substr(0, 3) == "big" || name.substr(0, 3) == "Big") {
    if (auto n = big(name, at)) {
      out.push_back(std::move(*n));
      return;
    }
  }
  if (auto alphabet = find_text_command(name)) {
    Node n;
    n.kind = Kind::Text;
    n.text = raw_argument(at);
    n.alphabet = *alphabet;
    out.push_back(std::move(n));
    return;
  }
  if (name == "operatorname") {
    bool star = !at_end() && s_[pos_] == '*';
    if (star)
      ++pos_;
    out.push_back(function(raw_argument(at), star));
    return;
  }
  if (auto atom = find_class_command(name)) {
    Node n;
    n.kind = Kind::Group;
    n.atom = *atom;
    n.body = argument(at);
    out.push_back(std::move(n));
    return;
  }
  if (name == "begin") {
    out.push_back(environment(at));
    return;
  }
  // Labels and equation numbers are LaTeX's cross-referencing, not part of the formula.
  if (name == "label") {
    raw_argument(at);
    return;
  }
  if (name == "tag") {
    // amsmath's equation number, in text, where the formula's line ends; one for a formula
    // (numbers on each row of an align are not read).
    const bool star = !at_end() && s_[pos_] == '*';
    if (star)
      ++pos_;
    if (!tag_.empty())
      fail("a second \\tag in one formula", at);
    const std::string label = raw_argument(at);
    tag_ = star ? label : "(" + label + ")";
    tag_at_ = at;
    return;
  }
  if (name == "nonumber" || name == "notag" || name == "hline" || name == "relax")
    return;
  // A delimiter named outside \left and \right (\{, \langle) is its character, opening or
  // closing by its name as TeX classes it (The TeXbook, appendix B: \{ is \delimiter of class
  // 4, \} of class 5).
  std::optional<std::string_view> delimiter = find_delimiter(name);
  if (!delimiter)
    delimiter = find_delimiter("\\" + std::string(name));
  if (delimiter) {
    Node n;
    n.text = std::string(*delimiter);
    n.atom = name == "{" || name.starts_with('l')   ? AtomClass::Open
             : name == "}" || name.starts_with('r') ? AtomClass::Close
                                                    : AtomClass::Ord;
    out.push_back(std::move(n));
    return;
  }
  fail("unknown math command '\\" + std::string(name) + "'", at);
}

Node Parser::function(std::string text, bool limits_in_display) {
  Node n;
  n.text = std::move(text);
  n.atom = AtomClass::Op;
  n.function = true;
  n.alphabet = Alphabet::Upright;
  n.limits_in_display = limits_in_display;
  return n;
}

/// \bigl( and friends: a delimiter at a fixed size; the l, r and m forms are Open, Close and
/// Rel (The TeXbook, ch. 17), the plain forms Ord.
std::optional<Node> Parser::big(std::string_view name, std::size_t at) {
  static constexpr std::string_view sizes[] = {"big", "Big", "bigg", "Bigg"};
  for (int k = 3; k >= 0; --k) {
    std::string_view base = sizes[k];
    if (name.substr(0, base.size()) != base)
      continue;
    std::string_view rest = name.substr(base.size());
    if (rest.size() > 1 ||
        (rest.size() == 1 && std::string_view("lrm").find(rest) == std::string_view::npos))
      continue;
    Node n;
    n.kind = Kind::BigDelim;
    n.size = k + 1;
    n.atom = rest == "l"   ? AtomClass::Open
             : rest == "r" ? AtomClass::Close
             : rest == "m" ? AtomClass::Rel
                           : AtomClass::Ord;
    n.text = delimiter(at);
    return n;
  }
  return std::nullopt;
}

Node Parser::fenced(std::size_t at) {
  Node n;
  n.kind = Kind::Fenced;
  n.atom = AtomClass::Inner;
  n.text = delimiter(at);
  for (;;) {
    List part;
    Ended e = parse_list(part, Stop::Fence);
    n.rows.push_back(std::move(part));
    if (e == Ended::Right) {
      n.close = delimiter(at);
      return n;
    }
    n.middles.push_back(delimiter(at));
  }
}

Node Parser::environment(std::size_t at) {
  std::string name = raw_argument(at);
  const EnvironmentInfo* env = find_environment(name);
  if (env == nullptr)
    fail("unknown math environment '" + name + "'", at);
  Node n;
  n.kind = Kind::Matrix;
  n.atom = AtomClass::Inner;
  n.text = std::string(env->open);
  n.close = std::string(env->close);
  n.columns = std::string(env->columns);
  n.align_pairs = env->pairs;
  n.style = env->style;
  if (name == "array") {
    for (char c : raw_argument(at))
      if (c == 'l' || c == 'c' || c == 'r')
        n.columns += c;
    if (n.columns.empty())
      n.columns = "c";
  }
  std::vector<List> row;
  for (;;) {
    List cell;
    Ended e = parse_list(cell, Stop::Cell);
    if (e == Ended::Source)
      fail("\\begin{" + name + "} without \\end", at);
    row.push_back(std::move(cell));
    if (e == Ended::Ampersand)
      continue;
    // A last `\\` before \end makes no empty row, as in LaTeX.
    bool empty_row = row.size() == 1 && row.front().empty();
    if (!(e == Ended::End && empty_row && !n.cells.empty()))
      n.cells.push_back(std::move(row));
    row.clear();
    if (e == Ended::End)
      break;
  }
  std::size_t end_at = pos_;
  pos_ += 4; // "\end"
  if (raw_argument(end_at) != name)
    fail("\\begin{" + name + "} ended by another \\end", end_at);
  return n;
}

} // namespace galley::math::detail
