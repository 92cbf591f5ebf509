#include "epub/mathml.hpp"

#include "epub/book.hpp"
#include "math/alphabets.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>

namespace galley::epub {
namespace {

using math::AtomClass;
using math::Kind;
using math::List;
using math::Node;

pugi::xml_node element(pugi::xml_node parent, const char* name, std::string_view text = {}) {
  pugi::xml_node e = parent.append_child(name);
  if (!text.empty())
    add_text(e, text);
  return e;
}

std::string em(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4gem", value);
  return buf;
}

bool is_letter(std::string_view text) {
  if (text.empty())
    return false;
  const auto c = static_cast<unsigned char>(text[0]);
  // Latin letters, and Greek (U+0370-03FF: lead bytes 0xCD-0xCF).
  return std::isalpha(c) || c == 0xCD || c == 0xCE || c == 0xCF;
}

/// Writes the nodes of `list` into `parent`.
void write_list(pugi::xml_node parent, const List& list);

/// A list as one element: the node itself when it is one, else an <mrow>.
void write_operand(pugi::xml_node parent, const List& list) {
  if (list.size() == 1 && list.front().kind != Kind::StyleChange)
    write_list(parent, list);
  else
    write_list(parent.append_child("mrow"), list);
}

void delimiter(pugi::xml_node parent, std::string_view text, const char* form, bool stretchy) {
  if (text.empty())
    return;
  pugi::xml_node mo = element(parent, "mo", text);
  mo.append_attribute("fence") = "true";
  mo.append_attribute("form") = form;
  mo.append_attribute("stretchy") = stretchy ? "true" : "false";
}

void symbol(pugi::xml_node parent, const Node& n) {
  if (n.function) {
    // A function with limits (\lim, \max) is an operator whose limits move to the scripts'
    // places in inline formulas, as TeX's \mathop does.
    if (n.limits_in_display) {
      pugi::xml_node mo = element(parent, "mo", n.text);
      mo.append_attribute("form") = "prefix";
      mo.append_attribute("movablelimits") = n.limits == math::Limits::Limits ? "false" : "true";
      return;
    }
    element(parent, "mi", n.text);
    element(parent, "mo", "\u2061"); // FUNCTION APPLICATION: read "sine of x"
    return;
  }
  if (n.atom == AtomClass::Ord && !n.prime) {
    const std::string text = math::styled(
        n.text, n.alphabet == math::Alphabet::Default ? math::Alphabet::Upright : n.alphabet);
    pugi::xml_node mi = element(parent, "mi", text);
    // A single letter in <mi> is italic by itself; an upright one says so (MathML Core 3.2.3.1).
    if (is_letter(text) && n.alphabet == math::Alphabet::Upright)
      mi.append_attribute("mathvariant") = "normal";
    // TeX sets Greek capitals upright, MathML would slant them as any single letter.
    const bool greek_capital = n.text >= "\u0391" && n.text <= "\u03A9";
    if (n.alphabet == math::Alphabet::Default && (!is_letter(n.text) || greek_capital))
      mi.append_attribute("mathvariant") = "normal";
    return;
  }
  pugi::xml_node mo = element(parent, "mo", n.text);
  if (n.atom == AtomClass::Open || n.atom == AtomClass::Close)
    mo.append_attribute("stretchy") = "false";
  if (n.large && n.limits == math::Limits::Limits)
    mo.append_attribute("movablelimits") = "false";
  if (n.large && n.limits == math::Limits::NoLimits)
    mo.append_attribute("movablelimits") = "true";
}

/// Whether the scripts of `base` go above and below it (munderover) rather than beside it.
bool limits_above(const List& base) {
  if (base.size() != 1)
    return false;
  const Node& b = base.front();
  if (b.brace)
    return true;
  if (b.kind != Kind::Symbol || b.atom != AtomClass::Op)
    return false;
  if (b.limits == math::Limits::Limits)
    return true;
  return b.limits == math::Limits::Default && b.limits_in_display;
}

void scripts(pugi::xml_node parent, const Node& n) {
  const bool above = limits_above(n.body);
  const char* name = n.has_sub && n.has_sup ? (above ? "munderover" : "msubsup")
                     : n.has_sub            ? (above ? "munder" : "msub")
                                            : (above ? "mover" : "msup");
  pugi::xml_node e = parent.append_child(name);
  // A function's scripts go on its name; the function application follows them ("sin² x").
  const bool function = n.body.size() == 1 && n.body.front().function &&
                        !n.body.front().limits_in_display;
  if (n.body.empty())
    e.append_child("mrow");
  else if (function)
    element(e, "mi", n.body.front().text);
  else
    write_operand(e, n.body);
  if (n.has_sub)
    write_operand(e, n.sub);
  if (n.has_sup)
    write_operand(e, n.sup);
  if (function)
    element(parent, "mo", "\u2061");
}

void fraction(pugi::xml_node parent, const Node& n) {
  pugi::xml_node at = parent;
  if (n.styled) {
    at = parent.append_child("mstyle");
    at.append_attribute("displaystyle") = n.style == math::Style::Display ? "true" : "false";
    at.append_attribute("scriptlevel") = "0";
  }
  if (!n.text.empty())
    at = at.append_child("mrow");
  delimiter(at, n.text, "prefix", true);
  pugi::xml_node frac = at.append_child("mfrac");
  if (!n.bar)
    frac.append_attribute("linethickness") = "0";
  write_operand(frac, n.body);
  write_operand(frac, n.second);
  delimiter(at, n.close, "postfix", true);
}

void matrix(pugi::xml_node parent, const Node& n) {
  pugi::xml_node at = parent;
  if (!n.text.empty() || !n.close.empty())
    at = parent.append_child("mrow");
  delimiter(at, n.text, "prefix", true);
  pugi::xml_node table = at.append_child("mtable");
  std::size_t columns = 0;
  for (const auto& row : n.cells)
    columns = std::max(columns, row.size());
  std::string align;
  for (std::size_t c = 0; c < columns; ++c) {
    const char a = n.columns.empty() ? 'c' : n.columns[c % n.columns.size()];
    align += std::string(c ? " " : "") + (a == 'l' ? "left" : a == 'r' ? "right" : "center");
  }
  if (!align.empty())
    table.append_attribute("columnalign") = align.c_str();
  if (n.align_pairs) {
    // amsmath's align: no space inside a pair, 2 em between pairs.
    std::string spacing;
    for (std::size_t c = 1; c < columns; ++c)
      spacing += std::string(c > 1 ? " " : "") + (c % 2 ? "0em" : "2em");
    if (!spacing.empty())
      table.append_attribute("columnspacing") = spacing.c_str();
  }
  if (n.style == math::Style::Display)
    table.append_attribute("displaystyle") = "true";
  for (const auto& row : n.cells) {
    pugi::xml_node tr = table.append_child("mtr");
    for (const List& cell : row)
      write_list(tr.append_child("mtd"), cell);
  }
  delimiter(at, n.close, "postfix", true);
}

void write_node(pugi::xml_node parent, const Node& n) {
  switch (n.kind) {
  case Kind::Symbol:
    symbol(parent, n);
    return;
  case Kind::Number:
    element(parent, "mn",
            math::styled(n.text, n.alphabet == math::Alphabet::Default ? math::Alphabet::Upright
                                                                       : n.alphabet));
    return;
  case Kind::Text:
    element(parent, "mtext", n.text);
    return;
  case Kind::Group:
    write_list(parent.append_child("mrow"), n.body);
    return;
  case Kind::Fraction:
    fraction(parent, n);
    return;
  case Kind::Radical:
    if (n.second.empty()) {
      write_list(parent.append_child("msqrt"), n.body);
    } else {
      pugi::xml_node root = parent.append_child("mroot");
      write_operand(root, n.body);
      write_operand(root, n.second);
    }
    return;
  case Kind::Scripts:
    scripts(parent, n);
    return;
  case Kind::Fenced: {
    pugi::xml_node row = parent.append_child("mrow");
    delimiter(row, n.text, "prefix", true);
    for (std::size_t i = 0; i < n.rows.size(); ++i) {
      write_list(row, n.rows[i]);
      if (i < n.middles.size())
        delimiter(row, n.middles[i], "infix", true);
    }
    delimiter(row, n.close, "postfix", true);
    return;
  }
  case Kind::BigDelim: {
    // TeX's \big..\Bigg are 1.2, 1.8, 2.4 and 3 times the size of the font's delimiters
    // (plain.tex: 8.5, 11.5, 14.5, 17.5 pt at 10 pt).
    static constexpr double kSizes[] = {0.85, 1.15, 1.45, 1.75};
    pugi::xml_node mo = element(parent, "mo", n.text);
    const std::string size = em(kSizes[std::clamp(n.size, 1, 4) - 1]);
    mo.append_attribute("minsize") = size.c_str();
    mo.append_attribute("maxsize") = size.c_str();
    mo.append_attribute("stretchy") = "true";
    return;
  }
  case Kind::Accent: {
    pugi::xml_node e = parent.append_child(n.under ? "munder" : "mover");
    // A brace is set apart from its body, not as close as an accent (MathML Core, 3.4.4).
    e.append_attribute(n.under ? "accentunder" : "accent") = n.brace ? "false" : "true";
    write_operand(e, n.body);
    pugi::xml_node mo = element(e, "mo", n.spacing);
    mo.append_attribute("stretchy") = n.stretchy ? "true" : "false";
    return;
  }
  case Kind::Space:
    parent.append_child("mspace").append_attribute("width") = em(n.width / 18).c_str();
    return;
  case Kind::StyleChange: {
    pugi::xml_node style = parent.append_child("mstyle");
    const bool display = n.style == math::Style::Display;
    style.append_attribute("displaystyle") = display ? "true" : "false";
    const int level = n.style == math::Style::Script         ? 1
                      : n.style == math::Style::ScriptScript ? 2
                                                             : 0;
    style.append_attribute("scriptlevel") = level;
    write_list(style, n.body);
    return;
  }
  case Kind::Matrix:
    matrix(parent, n);
    return;
  case Kind::XArrow: {
    // A stretchy arrow under and over its labels, padded as amsmath pads them, so that it
    // reaches past them (MathML Core stretches it to the widest).
    const bool below = !n.second.empty();
    pugi::xml_node e = parent.append_child(below ? "munderover" : "mover");
    element(e, "mo", n.text).append_attribute("stretchy") = "true";
    for (const math::List* label : {below ? &n.second : nullptr, &n.body}) {
      if (label == nullptr)
        continue;
      pugi::xml_node padded = e.append_child("mpadded");
      padded.append_attribute("width") = "+0.6em";
      padded.append_attribute("lspace") = "0.3em";
      write_list(padded, *label);
    }
    return;
  }
  }
}

void write_list(pugi::xml_node parent, const List& list) {
  for (const Node& n : list)
    write_node(parent, n);
}

} // namespace

void append_mathml(pugi::xml_node parent, const math::Formula& formula, std::string_view tex) {
  pugi::xml_node m = parent.append_child("math");
  m.append_attribute("xmlns") = "http://www.w3.org/1998/Math/MathML";
  m.append_attribute("display") = formula.display ? "block" : "inline";
  m.append_attribute("alttext") = xml_clean(tex).c_str();
  pugi::xml_node semantics = m.append_child("semantics");
  write_list(semantics.append_child("mrow"), formula.root);
  pugi::xml_node annotation = element(semantics, "annotation", tex);
  annotation.append_attribute("encoding") = "application/x-tex";
}

} // namespace galley::epub
