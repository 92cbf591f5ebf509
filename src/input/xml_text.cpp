#include "input/xml_text.hpp"

#include "input/text_file.hpp"

#include <algorithm>
#include <cstring>

namespace galley::input {

void append_xml_text(model::Inlines& out, std::string_view s, const SourceLoc& at) {
  std::string word;
  auto flush = [&] {
    if (word.empty())
      return;
    if (!out.empty())
      if (auto* t = std::get_if<model::Text>(&out.back().value)) {
        t->text += word;
        word.clear();
        return;
      }
    out.push_back({model::Text{word}, at});
    word.clear();
  };
  for (size_t i = 0; i < s.size();) {
    if (!is_xml_space(s[i])) {
      word += s[i++];
      continue;
    }
    bool newline = false;
    while (i < s.size() && is_xml_space(s[i]))
      newline |= s[i++] == '\n';
    if (newline) {
      flush();
      out.push_back({model::SoftBreak{}, at});
    } else {
      word += ' ';
    }
  }
  flush();
}

void tidy_inlines(model::Inlines& in) {
  auto is_soft = [](const model::Inline& i) {
    return std::holds_alternative<model::SoftBreak>(i.value);
  };
  auto is_hard = [](const model::Inline& i) {
    return std::holds_alternative<model::LineBreak>(i.value);
  };
  model::Inlines out;
  for (size_t k = 0; k < in.size(); ++k) {
    bool edge = out.empty() || k + 1 == in.size() || is_hard(in[k + 1]) || is_hard(out.back());
    if (is_soft(in[k]) && edge)
      continue;
    out.push_back(std::move(in[k]));
  }
  while (!out.empty() && is_soft(out.back()))
    out.pop_back();
  for (size_t k = 0; k < out.size(); ++k) {
    auto* t = std::get_if<model::Text>(&out[k].value);
    if (!t)
      continue;
    if (k == 0 || is_hard(out[k - 1]) || is_soft(out[k - 1]))
      t->text.erase(0, t->text.find_first_not_of(' '));
    if (k + 1 == out.size() || is_hard(out[k + 1]) || is_soft(out[k + 1]))
      t->text.erase(t->text.find_last_not_of(' ') + 1);
  }
  std::erase_if(out, [](const model::Inline& i) {
    auto* t = std::get_if<model::Text>(&i.value);
    return t && t->text.empty();
  });
  in = std::move(out);
}

std::string_view local_name(const pugi::xml_node& n) {
  std::string_view name = n.name();
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string deep_text(const pugi::xml_node& n) {
  // Walked without recursion: a document may nest elements deeper than the stack allows.
  std::string out;
  pugi::xml_node c = n.first_child();
  while (c && c != n) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata)
      out += c.value();
    if (c.type() == pugi::node_element && c.first_child()) {
      c = c.first_child();
      continue;
    }
    while (c != n && !c.next_sibling())
      c = c.parent();
    if (c != n)
      c = c.next_sibling();
  }
  return out;
}

bool is_element_named(const pugi::xml_node& n, std::string_view name) {
  return n.type() == pugi::node_element && local_name(n) == name;
}

pugi::xml_node child_named(const pugi::xml_node& n, std::string_view name) {
  for (auto c : n.children())
    if (is_element_named(c, name))
      return c;
  return {};
}

SourceLoc node_loc(std::string_view text, const std::string& file, const pugi::xml_node& n) {
  ptrdiff_t off = n.offset_debug();
  return off < 0 ? SourceLoc{file, 0, 0} : loc_at(text, static_cast<size_t>(off), file);
}

} // namespace galley::input
