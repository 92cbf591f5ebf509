#include "input/html_math.hpp"

#include "input/html_fragment.hpp"
#include "input/mathml_tex.hpp"

#include <pugixml.hpp>

#include <strings.h>

#include <vector>

namespace galley::input::html {

namespace {

void copy_math(const GumboNode* n, pugi::xml_node into, int depth, bool& complete) {
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
      n->type == GUMBO_NODE_CDATA) {
    into.append_child(pugi::node_pcdata).set_value(n->v.text.text);
    return;
  }
  if (!is_element(n))
    return;
  if (depth >= kMathDepth) {
    complete = false;
    return;
  }
  pugi::xml_node e = into.append_child(html::tag_name(n).c_str());
  for (const auto& [name, value] : html::attributes_of(n))
    e.append_attribute(name.c_str()).set_value(value.c_str());
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i)
    copy_math(static_cast<const GumboNode*>(kids.data[i]), e, depth + 1, complete);
}

} // namespace

std::string math_cut_message() {
  return "formula nested more than " + std::to_string(kMathDepth) +
         " elements deep; what lies deeper is left out";
}

std::string math_tex(const GumboNode* math, bool& complete) {
  complete = true;
  pugi::xml_document doc;
  copy_math(math, doc, 0, complete);
  return mathml_to_tex(doc.first_child());
}

std::optional<model::Math> math_in(std::string_view html, bool& complete) {
  complete = true;
  Parsed parsed = parse_html(html);
  std::vector<const GumboNode*> todo{parsed->root};
  while (!todo.empty()) {
    const GumboNode* n = todo.back();
    todo.pop_back();
    if (!is_element(n))
      continue;
    if (n->v.element.tag == GUMBO_TAG_MATH) {
      std::string tex = math_tex(n, complete);
      if (tex.empty())
        return std::nullopt;
      return model::Math{std::move(tex), math_displayed(n)};
    }
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i-- > 0;)
      todo.push_back(static_cast<const GumboNode*>(kids.data[i]));
  }
  return std::nullopt;
}

bool math_displayed(const GumboNode* math) {
  for (const auto& [name, value] : html::attributes_of(math))
    if (name == "display")
      return strcasecmp(value.c_str(), "block") == 0;
  return false;
}

} // namespace galley::input::html
