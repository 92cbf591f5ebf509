#include "input/omml_tex.hpp"

#include "input/mathml_tex.hpp"
#include "input/xml_text.hpp"
#include "math/symbols.hpp"
#include "util/text_utils.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

namespace galley::input {

namespace {

/// The m:val of the property `name` in the properties `pr` (an m:fPr, m:dPr...), or `absent`
/// when it is not given.
std::string_view property(const pugi::xml_node& pr, std::string_view name,
                          std::string_view absent) {
  pugi::xml_node p = child_named(pr, name);
  if (!p)
    return absent;
  for (auto a : p.attributes())
    if (std::string_view(a.name()).ends_with("val"))
      return a.value();
  return absent;
}

/// A character of an n-ary operator as its TeX command, big operators by their names.
std::string nary_command(std::string_view chr) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kOperators = {{
      {"\u2211", "\\sum"},
      {"\u220F", "\\prod"},
      {"\u2210", "\\coprod"},
      {"\u222B", "\\int"},
      {"\u222C", "\\iint"},
      {"\u222D", "\\iiint"},
      {"\u222E", "\\oint"},
      {"\u22C3", "\\bigcup"},
      {"\u22C2", "\\bigcap"},
      {"\u22C1", "\\bigvee"},
      {"\u22C0", "\\bigwedge"},
  }};
  for (const auto& [c, command] : kOperators)
    if (c == chr)
      return std::string(command);
  return tex_escaped(chr);
}

/// A delimiter of m:d as \left and \right take it: an empty one is ".".
std::string fence(std::string_view chr) {
  if (chr.empty())
    return ".";
  if (chr == "{" || chr == "}")
    return "\\" + std::string(chr);
  if (chr == "\u27E8" || chr == "\u2329")
    return "\\langle ";
  if (chr == "\u27E9" || chr == "\u232A")
    return "\\rangle ";
  if (chr == "\u2016")
    return "\\| ";
  return std::string(chr);
}

/// Whether `name` is a function TeX sets upright with a command of its own (\sin, \lim), by the
/// math parser's table.
bool named_function(std::string_view name) {
  return !name.empty() && math::find_function(name) != nullptr;
}

std::string to_tex(const pugi::xml_node& n, int depth);

/// The TeX of the children of `n` in order.
std::string children_tex(const pugi::xml_node& n, int depth) {
  std::string out;
  if (!n)
    return out;
  for (auto c : n.children())
    if (c.type() == pugi::node_element)
      out += to_tex(c, depth + 1);
  return out;
}

/// The TeX of the child `name` of `n` (an m:e, m:num, m:sub...) as one group.
std::string group(const pugi::xml_node& n, std::string_view name, int depth) {
  return "{" + children_tex(child_named(n, name), depth) + "}";
}

/// The text of an argument that holds only runs (a function's name, a limit's base), else empty.
std::string plain_runs(const pugi::xml_node& n) {
  std::string text;
  for (auto c : n.children()) {
    if (c.type() != pugi::node_element || local_name(c).ends_with("Pr"))
      continue;
    if (local_name(c) != "r")
      return {};
    text += deep_text(child_named(c, "t"));
  }
  return collapse_spaces(text);
}

/// Rows of m:e children as a matrix of one column, or the cells of m:mr rows.
std::string rows(const pugi::xml_node& n, std::string_view row, int depth) {
  std::string out;
  bool first_row = true;
  for (auto r : n.children()) {
    if (r.type() != pugi::node_element || local_name(r) != row)
      continue;
    if (!first_row)
      out += " \\\\ ";
    first_row = false;
    if (row == "e") {
      out += children_tex(r, depth + 1);
      continue;
    }
    bool first_cell = true;
    for (auto cell : r.children()) {
      if (cell.type() != pugi::node_element || local_name(cell) != "e")
        continue;
      if (!first_cell)
        out += " & ";
      first_cell = false;
      out += children_tex(cell, depth + 2);
    }
  }
  return out;
}

std::string to_tex(const pugi::xml_node& n, int depth) {
  if (depth >= kFormulaDepth)
    return {};
  const std::string_view name = local_name(n);
  if (name.ends_with("Pr"))
    return {}; // properties: how an element looks, not what it says
  if (name == "r") {
    // A run of several letters in normal style (m:sty "p" or m:nor) is a name, set upright.
    const std::string text = collapse_spaces(deep_text(child_named(n, "t")));
    if (text.empty())
      return {};
    pugi::xml_node rpr = child_named(n, "rPr");
    const bool upright = child_named(rpr, "nor") || property(rpr, "sty", "") == "p";
    // Counted in characters: a plain "\u2265" is a relation to space as one, not a name.
    const auto characters = std::count_if(text.begin(), text.end(), [](char c) {
      return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    });
    return upright && characters > 1 ? "\\mathrm{" + tex_escaped(text) + "}"
                                     : tex_escaped(text) + " ";
  }
  if (name == "f") {
    const std::string_view type = property(child_named(n, "fPr"), "type", "bar");
    if (type == "lin" || type == "skw")
      return group(n, "num", depth) + "/" + group(n, "den", depth);
    if (type == "noBar")
      return "\\binom" + group(n, "num", depth) + group(n, "den", depth);
    return "\\frac" + group(n, "num", depth) + group(n, "den", depth);
  }
  if (name == "sSup")
    return group(n, "e", depth) + "^" + group(n, "sup", depth);
  if (name == "sSub")
    return group(n, "e", depth) + "_" + group(n, "sub", depth);
  if (name == "sSubSup")
    return group(n, "e", depth) + "_" + group(n, "sub", depth) + "^" + group(n, "sup", depth);
  if (name == "sPre")
    return "{}_" + group(n, "sub", depth) + "^" + group(n, "sup", depth) + group(n, "e", depth);
  if (name == "rad") {
    const std::string degree = children_tex(child_named(n, "deg"), depth);
    const bool hidden = property(child_named(n, "radPr"), "degHide", "0") != "0" &&
                        property(child_named(n, "radPr"), "degHide", "0") != "off";
    return "\\sqrt" + (degree.empty() || hidden ? "" : "[" + degree + "]") + group(n, "e", depth);
  }
  if (name == "d") {
    pugi::xml_node pr = child_named(n, "dPr");
    const std::string separator = fence(property(pr, "sepChr", "|"));
    std::string out = "\\left" + fence(property(pr, "begChr", "(")) + " ";
    bool first = true;
    for (auto c : n.children()) {
      if (c.type() != pugi::node_element || local_name(c) != "e")
        continue;
      if (!first)
        out += separator == "|" ? " \\mid " : separator + " ";
      first = false;
      out += children_tex(c, depth);
    }
    return out + "\\right" + fence(property(pr, "endChr", ")")) + " ";
  }
  if (name == "nary") {
    pugi::xml_node pr = child_named(n, "naryPr");
    std::string out = nary_command(property(pr, "chr", "\u222B"));
    const auto shown = [&](std::string_view hide) {
      const std::string_view v = property(pr, hide, "0");
      return v == "0" || v == "off" || v == "false";
    };
    if (shown("subHide") && child_named(n, "sub"))
      out += "_" + group(n, "sub", depth);
    if (shown("supHide") && child_named(n, "sup"))
      out += "^" + group(n, "sup", depth);
    return out + " " + group(n, "e", depth);
  }
  if (name == "acc") {
    // The accent character, by default a combining circumflex (ECMA-376 22.1.2.20).
    const std::string accent = tex_accent(property(child_named(n, "accPr"), "chr", "\u0302"));
    return (accent.empty() ? std::string("\\hat") : accent) + group(n, "e", depth);
  }
  if (name == "bar")
    return (property(child_named(n, "barPr"), "pos", "bot") == "top" ? "\\overline"
                                                                     : "\\underline") +
           group(n, "e", depth);
  if (name == "groupChr")
    return (property(child_named(n, "groupChrPr"), "pos", "bot") == "top" ? "\\overbrace"
                                                                          : "\\underbrace") +
           group(n, "e", depth);
  if (name == "func") {
    const std::string fname = plain_runs(child_named(n, "fName"));
    std::string head = named_function(fname) ? "\\" + fname + " "
                       : fname.empty()       ? children_tex(child_named(n, "fName"), depth)
                                             : "\\operatorname{" + tex_escaped(fname) + "}";
    return head + group(n, "e", depth);
  }
  if (name == "limLow" || name == "limUpp") {
    const std::string base = plain_runs(child_named(n, "e"));
    const std::string head = named_function(base) ? "\\" + base + " " : group(n, "e", depth);
    return head + (name == "limLow" ? "_" : "^") + group(n, "lim", depth);
  }
  if (name == "m")
    return "\\begin{matrix}" + rows(n, "mr", depth) + "\\end{matrix}";
  if (name == "eqArr")
    return "\\begin{aligned}" + rows(n, "e", depth) + "\\end{aligned}";
  // oMath, e, num, den, box, borderBox, phant and what is not known: the children in order.
  return children_tex(n, depth);
}

} // namespace

std::string omml_to_tex(const pugi::xml_node& omath) {
  return collapse_spaces(to_tex(omath, 0));
}

} // namespace galley::input
