#include "input/front_matter.hpp"

namespace galley::input {

namespace {
/// True when `line` is `delim` followed only by spaces or tabs.
bool is_delimiter(std::string_view line, std::string_view delim) {
  if (line.substr(0, delim.size()) != delim)
    return false;
  return line.substr(delim.size()).find_first_not_of(" \t") == std::string_view::npos;
}
/// Hexo's other form: YAML lines closed by `---` with no opening line. Taken only when the first
/// line is a `key:` and the block has no blank line, so that a setext heading (`Title` over
/// `---`) or a thematic break stays Markdown.
bool hexo_front_matter(std::string_view text, FrontMatterSplit& out) {
  size_t colon = text.find(':');
  size_t eol = text.find('\n');
  if (colon == 0 || colon == std::string_view::npos || colon > eol)
    return false;
  for (char c : text.substr(0, colon)) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                      (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!word)
      return false;
  }
  if (colon + 1 < text.size() && text[colon + 1] != ' ' && text[colon + 1] != '\n')
    return false;
  size_t pos = 0;
  int line = 1;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos)
      end = text.size();
    std::string_view l = text.substr(pos, end - pos);
    if (l.find_first_not_of(" \t") == std::string_view::npos)
      return false;
    if (is_delimiter(l, "---")) {
      out.kind = FrontMatterKind::Yaml;
      out.front = text.substr(0, pos);
      out.front_first_line = 1;
      out.body = end < text.size() ? text.substr(end + 1) : std::string_view();
      out.body_line_offset = line;
      return true;
    }
    pos = end + 1;
    ++line;
  }
  return false;
}

} // namespace

FrontMatterSplit split_front_matter(std::string_view text, const std::string& file,
                                    Diagnostics& diags) {
  FrontMatterSplit out;
  out.body = text;
  size_t eol = text.find('\n');
  std::string_view first = text.substr(0, eol);
  std::string_view open;
  if (is_delimiter(first, "---")) {
    out.kind = FrontMatterKind::Yaml;
    open = "---";
  } else if (is_delimiter(first, "+++")) {
    out.kind = FrontMatterKind::Toml;
    open = "+++";
  } else {
    hexo_front_matter(text, out);
    return out;
  }
  if (eol == std::string_view::npos)
    eol = text.size();
  size_t pos = eol + 1;
  int line = 2;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos)
      end = text.size();
    std::string_view l = text.substr(pos, end - pos);
    if (is_delimiter(l, open) || (out.kind == FrontMatterKind::Yaml && is_delimiter(l, "..."))) {
      out.front = text.substr(eol + 1, pos - (eol + 1));
      out.front_first_line = 2;
      out.body = end < text.size() ? text.substr(end + 1) : std::string_view();
      out.body_line_offset = line;
      return out;
    }
    pos = end + 1;
    ++line;
  }
  diags.error({file, 1, 1},
              "front matter is not closed (no '" + std::string(open) + "' line after line 1)");
  out.kind = FrontMatterKind::None;
  return out;
}

} // namespace galley::input
