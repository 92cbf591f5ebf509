#include "input/heading_attributes.hpp"

#include <optional>

namespace galley::input {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_space(s.back()))
    s.remove_suffix(1);
  return s;
}

/// The id an attribute block's inside gives (empty for none), or nothing when the inside is not
/// an attribute list. Pandoc's attributes (pandoc manual, "Heading identifiers"): `#id`,
/// `.class` and `key=value`, separated by spaces, in any order.
std::optional<std::string> attribute_id(std::string_view inside) {
  if (inside.size() >= 4 && inside.substr(0, 2) == "/*" &&
      inside.substr(inside.size() - 2) == "*/") {
    std::string_view comment = trim(inside.substr(2, inside.size() - 4));
    if (comment.find_first_of(" \t") != std::string_view::npos)
      return std::string();
    return std::string(comment);
  }
  std::string id;
  bool any = false;
  size_t pos = 0;
  while (pos < inside.size()) {
    if (is_space(inside[pos])) {
      ++pos;
      continue;
    }
    size_t end = pos;
    while (end < inside.size() && !is_space(inside[end]))
      ++end;
    std::string_view token = inside.substr(pos, end - pos);
    pos = end;
    bool is_id = token.size() > 1 && token.front() == '#';
    bool is_class = token.size() > 1 && token.front() == '.';
    bool is_pair = token.front() != '=' && token.find('=') != std::string_view::npos;
    // `-` is pandoc's "unnumbered", which galley's headings are anyway.
    if (!is_id && !is_class && !is_pair && token != "-")
      return std::nullopt;
    if (is_id)
      id = std::string(token.substr(1));
    any = true;
  }
  if (!any)
    return std::nullopt;
  return id;
}

/// A setext underline (`===`, `---`) or a blank line: not where a heading's text ends.
bool underline_or_blank(std::string_view line) {
  return line.find_first_not_of("=- \t") == std::string_view::npos;
}

} // namespace

std::map<int, std::string> blank_heading_attributes(std::string& body,
                                                    const std::vector<HeadingLines>& headings) {
  std::vector<size_t> starts{0};
  for (size_t i = 0; i < body.size(); ++i)
    if (body[i] == '\n')
      starts.push_back(i + 1);
  auto line_at = [&](int line, size_t& start, size_t& end) {
    start = starts[static_cast<size_t>(line - 1)];
    end = body.find('\n', start);
    if (end == std::string::npos)
      end = body.size();
  };
  std::map<int, std::string> found;
  for (const HeadingLines& h : headings) {
    if (h.first < 1 || h.last < h.first || static_cast<size_t>(h.last) > starts.size())
      continue;
    int line = h.last;
    size_t start = 0;
    size_t end = 0;
    line_at(line, start, end);
    while (line > h.first && underline_or_blank(std::string_view(body).substr(start, end - start)))
      line_at(--line, start, end);
    while (end > start && is_space(body[end - 1]))
      --end;
    if (end == start || body[end - 1] != '}')
      continue;
    size_t open = body.rfind('{', end - 1);
    // The block is separated from the heading's text, as pandoc requires.
    if (open == std::string::npos || open <= start || !is_space(body[open - 1]))
      continue;
    auto id = attribute_id(std::string_view(body).substr(open + 1, end - open - 2));
    if (!id)
      continue;
    body.replace(open, end - open, end - open, ' ');
    found[h.first] = std::move(*id);
  }
  return found;
}

} // namespace galley::input
