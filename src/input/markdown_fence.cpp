#include "input/markdown_fence.hpp"

#include <vector>

namespace galley::input {

namespace {

bool separator(char c) {
  return c == ' ' || c == '\t' || c == ',';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

/// The tokens of an attribute block's inside, split at blanks and commas (knitr and Hugo
/// separate options with commas), a quoted value or a `[…]` list (Hugo's `hl_lines=[1,"3-4"]`)
/// staying whole.
std::vector<std::string_view> tokens(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (separator(s[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    char quote = 0;
    int brackets = 0;
    for (; i < s.size(); ++i) {
      const char c = s[i];
      if (quote) {
        if (c == quote)
          quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        ++brackets;
      } else if (c == ']' && brackets > 0) {
        --brackets;
      } else if (brackets == 0 && separator(c)) {
        break;
      }
    }
    out.push_back(s.substr(start, i - start));
  }
  return out;
}

std::string_view unquote(std::string_view v) {
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
    return v.substr(1, v.size() - 2);
  return v;
}

/// Classes that ask for line numbers or line anchors (pandoc's), not a language.
bool numbering_class(std::string_view c) {
  return c == "numberLines" || c == "number-lines" || c == "lineAnchors" || c == "line-anchors";
}

std::string attribute_language(std::string_view inside) {
  const std::vector<std::string_view> list = tokens(inside);
  for (std::string_view t : list)
    if (t.size() > 1 && t.front() == '.' && !numbering_class(t.substr(1)))
      return std::string(t.substr(1));
  for (std::string_view t : list) {
    const std::size_t eq = t.find('=');
    if (eq == std::string_view::npos)
      continue;
    const std::string_view key = t.substr(0, eq);
    if (key == "lang" || key == "language")
      return std::string(unquote(t.substr(eq + 1)));
  }
  if (!list.empty()) {
    const std::string_view first = list.front();
    if (first.find_first_of(".#=\"'") == std::string_view::npos)
      return std::string(first);
  }
  return {};
}

} // namespace

std::string fence_language(std::string_view info) {
  info = trim(info);
  if (info.starts_with('{')) {
    std::string_view inside = info.substr(1);
    if (const std::size_t close = inside.rfind('}'); close != std::string_view::npos)
      inside = inside.substr(0, close);
    return attribute_language(inside);
  }
  return std::string(info.substr(0, info.find_first_of(" \t{")));
}

} // namespace galley::input
