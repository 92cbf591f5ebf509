#include "input/mathml_tex.hpp"

#include "input/xml_text.hpp"
#include "math/symbols.hpp"
#include "util/text_utils.hpp"

#include <string_view>
#include <vector>

namespace galley::input {

std::string tex_escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '{':
    case '}':
    case '_':
    case '%':
    case '&':
    case '#':
    case '$':
      out += '\\';
      out += c;
      break;
    case '\\':
      out += "\\backslash ";
      break;
    case '^':
      out += "\\wedge ";
      break;
    case '~':
      out += "\\sim ";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string tex_accent(std::string_view over) {
  // Spacing forms the math table does not list, as their usual equivalents.
  if (over == "\u02C6")
    over = "^";
  else if (over == "\u02DC")
    over = "~";
  else if (over == "\u203E")
    over = "\u00AF";
  const std::string_view name = math::accent_named_by(over);
  return name.empty() ? std::string() : "\\" + std::string(name);
}

namespace {

std::vector<pugi::xml_node> element_children(const pugi::xml_node& n) {
  std::vector<pugi::xml_node> out;
  for (auto c : n.children())
    if (c.type() == pugi::node_element)
      out.push_back(c);
  return out;
}

/// The text of a token element, its white space collapsed, escaped for TeX.
std::string token_tex(const pugi::xml_node& n) {
  return tex_escaped(collapse_spaces(deep_text(n)));
}

/// How many characters (code points) `s` holds.
std::size_t characters(std::string_view s) {
  std::size_t count = 0;
  for (char c : s)
    count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

/// A fence of mfenced as a delimiter \left and \right take.
std::string fence(const pugi::xml_attribute& a, const char* absent) {
  std::string_view f = a ? std::string_view(a.value()) : std::string_view(absent);
  if (f.empty())
    return ".";
  if (f == "{" || f == "}")
    return "\\" + std::string(f);
  return std::string(f);
}

std::string to_tex(const pugi::xml_node& n, int depth);

std::string children_tex(const pugi::xml_node& n, int depth) {
  std::string out;
  for (const pugi::xml_node& c : element_children(n))
    out += to_tex(c, depth + 1);
  return out;
}

std::string to_tex(const pugi::xml_node& n, int depth) {
  if (depth >= kFormulaDepth)
    return {};
  const std::string_view name = local_name(n);
  const std::vector<pugi::xml_node> kids = element_children(n);
  // Argument i as one TeX group, so that a script or a fraction takes it whole.
  auto arg = [&](std::size_t i) {
    return "{" + (i < kids.size() ? to_tex(kids[i], depth + 1) : "") + "}";
  };
  if (name == "mi") {
    // A name of several letters (sin, log) is upright, as TeX sets an operator's name; a single
    // letter is a variable, in italic.
    const std::string t = token_tex(n);
    return characters(collapse_spaces(deep_text(n))) > 1 ? "\\mathrm{" + t + "}" : t + " ";
  }
  if (name == "mn" || name == "mo" || name == "ms")
    return token_tex(n) + " ";
  if (name == "mtext")
    return "\\text{" + token_tex(n) + "}";
  if (name == "mspace")
    return "\\, ";
  if (name == "msub")
    return arg(0) + "_" + arg(1);
  if (name == "msup")
    return arg(0) + "^" + arg(1);
  if (name == "msubsup" || name == "munderover")
    return arg(0) + "_" + arg(1) + "^" + arg(2);
  if (name == "munder")
    return arg(0) + "_" + arg(1);
  if (name == "mover") {
    if (kids.size() == 2)
      if (std::string accent = tex_accent(collapse_spaces(deep_text(kids[1]))); !accent.empty())
        return accent + arg(0);
    return arg(0) + "^" + arg(1);
  }
  if (name == "mfrac")
    return "\\frac" + arg(0) + arg(1);
  if (name == "msqrt")
    return "\\sqrt{" + children_tex(n, depth) + "}";
  if (name == "mroot")
    return "\\sqrt[" + (kids.size() > 1 ? to_tex(kids[1], depth + 1) : "") + "]" + arg(0);
  if (name == "mfenced") {
    std::string out = "\\left" + fence(n.attribute("open"), "(");
    for (std::size_t i = 0; i < kids.size(); ++i)
      out += (i > 0 ? "," : "") + to_tex(kids[i], depth + 1);
    return out + "\\right" + fence(n.attribute("close"), ")");
  }
  if (name == "semantics") {
    // The TeX the formula was written in, where its annotation keeps it (MathJax, LaTeXML and
    // wikis write one, encoding "application/x-tex", MathML 3 5.1.4): exact where the
    // presentation is a rendering of it.
    for (const pugi::xml_node& k : kids)
      if (local_name(k) == "annotation" &&
          std::string_view(k.attribute("encoding").value()) == "application/x-tex")
        if (std::string tex = collapse_spaces(deep_text(k)); !tex.empty())
          return tex;
    return kids.empty() ? std::string() : to_tex(kids.front(), depth + 1);
  }
  if (name == "annotation" || name == "annotation-xml")
    return {};
  // math, mrow, mstyle, mpadded, mphantom and what is not known: the children in order.
  return children_tex(n, depth);
}

} // namespace

std::string mathml_to_tex(const pugi::xml_node& math) {
  return collapse_spaces(to_tex(math, 0));
}

} // namespace galley::input
