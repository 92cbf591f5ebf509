#include "math/dump.hpp"

namespace galley::math {
namespace {

std::string_view class_name(AtomClass c) {
  switch (c) {
  case AtomClass::Ord:
    return "";
  case AtomClass::Op:
    return "op:";
  case AtomClass::Bin:
    return "bin:";
  case AtomClass::Rel:
    return "rel:";
  case AtomClass::Open:
    return "open:";
  case AtomClass::Close:
    return "close:";
  case AtomClass::Punct:
    return "punct:";
  case AtomClass::Inner:
    return "inner:";
  }
  return "";
}

std::string_view alphabet_name(Alphabet a) {
  switch (a) {
  case Alphabet::Default:
    return "";
  case Alphabet::Upright:
    return "[rm]";
  case Alphabet::Italic:
    return "[it]";
  case Alphabet::Bold:
    return "[bf]";
  case Alphabet::BoldItalic:
    return "[bi]";
  case Alphabet::DoubleStruck:
    return "[bb]";
  case Alphabet::Script:
    return "[cal]";
  case Alphabet::Fraktur:
    return "[frak]";
  case Alphabet::SansSerif:
    return "[sf]";
  case Alphabet::Monospace:
    return "[tt]";
  }
  return "";
}

std::string_view style_name(Style s) {
  switch (s) {
  case Style::Display:
    return "D";
  case Style::Text:
    return "T";
  case Style::Script:
    return "S";
  case Style::ScriptScript:
    return "SS";
  }
  return "";
}

std::string node(const Node& n) {
  std::string out;
  switch (n.kind) {
  case Kind::Symbol:
    out = std::string(n.function ? "fn:" : class_name(n.atom)) + n.text;
    if (!n.function)
      out += alphabet_name(n.alphabet);
    if (n.limits == Limits::Limits)
      out += "\\limits";
    if (n.limits == Limits::NoLimits)
      out += "\\nolimits";
    return out;
  case Kind::Number:
    return "#" + n.text + std::string(alphabet_name(n.alphabet));
  case Kind::Text:
    return "text\"" + n.text + "\"";
  case Kind::Group:
    return std::string(class_name(n.atom)) + "{" + dump(n.body) + "}";
  case Kind::Fraction:
    out = n.bar ? "frac" : "binom";
    if (n.styled)
      out += "[" + std::string(style_name(n.style)) + "]";
    return out + "(" + dump(n.body) + ";" + dump(n.second) + ")";
  case Kind::Radical:
    return "sqrt" + (n.second.empty() ? std::string() : "[" + dump(n.second) + "]") + "(" +
           dump(n.body) + ")";
  case Kind::Scripts:
    return "scripts(" + dump(n.body) + ";" + (n.has_sub ? dump(n.sub) : "-") + ";" +
           (n.has_sup ? dump(n.sup) : "-") + ")";
  case Kind::Fenced:
    out = "fenced(" + n.text;
    for (std::size_t i = 0; i < n.rows.size(); ++i) {
      out += ";" + dump(n.rows[i]) + ";";
      out += i < n.middles.size() ? n.middles[i] : n.close;
    }
    return out + ")";
  case Kind::BigDelim:
    return std::string(class_name(n.atom)) + "big" + std::to_string(n.size) + n.text;
  case Kind::Accent:
    return std::string(n.brace ? "brace-" : "") + (n.under ? "under" : "accent") +
           (n.stretchy ? "*" : "") + "(" + (n.rule ? std::string("rule") : n.text) + ";" +
           dump(n.body) + ")";
  case Kind::Space: {
    std::string w = std::to_string(n.width);
    w.erase(w.find_last_not_of('0') + 1);
    if (w.back() == '.')
      w.pop_back();
    return "space" + w;
  }
  case Kind::StyleChange:
    return "style[" + std::string(style_name(n.style)) + "](" + dump(n.body) + ")";
  case Kind::Matrix:
    out = "matrix[" + n.text + n.columns + n.close + "](";
    for (const auto& row : n.cells) {
      out += "(";
      for (std::size_t c = 0; c < row.size(); ++c)
        out += (c ? "|" : "") + dump(row[c]);
      out += ")";
    }
    return out + ")";
  case Kind::XArrow:
    return "rel:xarrow" + n.text + "(" + dump(n.body) + ";" + dump(n.second) + ")";
  }
  return out;
}

} // namespace

std::string dump(const List& list) {
  std::string out;
  for (const Node& n : list) {
    if (!out.empty())
      out += ' ';
    out += node(n);
  }
  return out;
}

} // namespace galley::math
