#include "input/front_matter.hpp"

namespace galley::input {

namespace {
/// True when `line` is `delim` followed only by spaces or tabs.
bool is_delimiter(std::string_view line, std::string_view delim) {
  if (line.substr(0, delim.size()) != delim)
    return false;
  return line.substr(delim.size()).find_first_not_of(" \t") == std::string_view::npos;
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
