#include "input/table_cells.hpp"

#include <algorithm>
#include <string>

namespace galley::input {

namespace {

/// `line` as the header of a table whose delimiter row has `cells` cells; null unless that
/// makes a table, which GFM allows only when header and delimiter row have as many cells.
CmarkDoc as_header(std::string_view line, int cells, bool smart) {
  std::string text(line);
  text += "\n|";
  for (int i = 0; i < cells; ++i) text += "-|";
  text += "\n";
  CmarkDoc doc = parse_markdown(text, smart);
  cmark_node* first = cmark_node_first_child(doc.get());
  const char* type = first ? cmark_node_get_type_string(first) : nullptr;
  if (type == nullptr || std::string_view(type) != "table") return nullptr;
  return doc;
}

} // namespace

CmarkDoc row_as_table(std::string_view line, bool smart) {
  // The count by pipes is an upper bound (an escaped pipe does not separate cells); cmark-gfm
  // itself says which count is right, from the bound down.
  std::string_view trimmed = line;
  while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\t'))
    trimmed.remove_prefix(1);
  while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t'))
    trimmed.remove_suffix(1);
  int bound = static_cast<int>(std::count(trimmed.begin(), trimmed.end(), '|')) + 1;
  if (trimmed.starts_with('|')) --bound;
  if (trimmed.size() > 1 && trimmed.ends_with('|')) --bound;
  for (int cells = bound; cells >= 1; --cells)
    if (CmarkDoc doc = as_header(line, cells, smart)) return doc;
  return nullptr;
}

} // namespace galley::input
