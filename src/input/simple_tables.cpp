#include "input/simple_tables.hpp"

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

namespace galley::input {

namespace {

struct Column {
  std::size_t from = 0, to = 0; ///< the dash group, [from, to) in bytes of its line
};

/// The dash groups of a separator line: at most three spaces of indent, then two or more runs
/// of two or more dashes apart by spaces, nothing else. Empty when `line` is not one.
std::vector<Column> dash_groups(std::string_view line) {
  std::vector<Column> out;
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ')
    ++i;
  if (i > 3)
    return {};
  while (i < line.size()) {
    if (line[i] == ' ') {
      ++i;
      continue;
    }
    if (line[i] != '-')
      return {};
    Column c{i, i};
    while (i < line.size() && line[i] == '-')
      ++i;
    c.to = i;
    if (c.to - c.from < 2)
      return {}; // `- - -` is a thematic break, as pandoc reads it
    out.push_back(c);
  }
  if (out.size() < 2)
    return {};
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

/// Column c's cell in `line`: from the start of its dash group (or the end of the previous
/// cell's text, for text that starts early, as right-aligned numbers do) to the next group's start.
std::string_view cell(std::string_view line, const std::vector<Column>& cols, std::size_t c) {
  const std::size_t from = c == 0 ? 0 : std::min(line.size(), cols[c - 1].to);
  const std::size_t to =
      c + 1 == cols.size() ? line.size() : std::min(line.size(), cols[c + 1].from);
  return from < to ? trim(line.substr(from, to - from)) : std::string_view();
}

/// pandoc's rule: text flush with the group's left end and short of its right is left aligned,
/// flush right and short on the left is right aligned, short of both is centred, flush with both
/// (or no header text) is the default.
std::string delimiter(std::string_view header, const std::vector<Column>& cols, std::size_t c) {
  const Column& col = cols[c];
  const std::size_t from = c == 0 ? 0 : cols[c - 1].to;
  const std::size_t to = c + 1 == cols.size() ? header.size() : cols[c + 1].from;
  std::size_t first = header.size(), last = 0;
  for (std::size_t i = from; i < std::min(header.size(), to); ++i)
    if (header[i] != ' ') {
      first = std::min(first, i);
      last = i + 1;
    }
  if (first >= last)
    return "---";
  const bool left = first <= col.from, right = last >= col.to;
  if (left && right)
    return "---";
  if (left)
    return ":---";
  if (right)
    return "---:";
  return ":---:";
}

std::string escaped(std::string_view s) {
  std::string out;
  for (char ch : s) {
    if (ch == '|')
      out += '\\';
    out += ch;
  }
  return out;
}

std::string pipe_row(const std::vector<std::string>& cells) {
  std::string out = "|";
  for (const std::string& c : cells)
    out += " " + c + " |";
  return out;
}

/// The rows read as a paragraph, or as indented code when the first row is indented four
/// spaces (right-aligned numbers often are).
bool rows_block(cmark_node* n) {
  int length = 0, offset = 0;
  char fence = 0;
  const cmark_node_type type = cmark_node_get_type(n);
  return type == CMARK_NODE_PARAGRAPH ||
         (type == CMARK_NODE_CODE_BLOCK && !cmark_node_get_fenced(n, &length, &offset, &fence));
}

} // namespace

bool rewrite_simple_tables(cmark_node* doc, std::string& body) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < body.size(); ++i)
    if (body[i] == '\n')
      starts.push_back(i + 1);
  auto line_of = [&](int n) -> std::string_view {
    const auto k = static_cast<std::size_t>(n - 1);
    if (k >= starts.size())
      return {};
    const std::size_t end = k + 1 < starts.size() ? starts[k + 1] - 1 : body.size();
    return std::string_view(body).substr(starts[k], end - starts[k]);
  };
  // Lines to write, by number; applied from the last so earlier offsets stay right.
  std::vector<std::pair<int, std::string>> edits;
  for (cmark_node* n = cmark_node_first_child(doc); n != nullptr; n = cmark_node_next(n)) {
    if (cmark_node_get_type(n) != CMARK_NODE_THEMATIC_BREAK)
      continue;
    cmark_node* head = cmark_node_previous(n);
    cmark_node* rows = cmark_node_next(n);
    const int at = cmark_node_get_start_line(n);
    if (head == nullptr || rows == nullptr || cmark_node_get_type(head) != CMARK_NODE_PARAGRAPH ||
        !rows_block(rows) || cmark_node_get_start_line(head) != at - 1 ||
        cmark_node_get_end_line(head) != at - 1 || cmark_node_get_start_line(rows) != at + 1)
      continue;
    const std::vector<Column> cols = dash_groups(line_of(at));
    if (cols.empty())
      continue;
    const std::string_view header = line_of(at - 1);
    std::vector<std::string> cells, aligns;
    for (std::size_t c = 0; c < cols.size(); ++c) {
      cells.push_back(escaped(cell(header, cols, c)));
      aligns.push_back(delimiter(header, cols, c));
    }
    edits.emplace_back(at - 1, pipe_row(cells));
    edits.emplace_back(at, pipe_row(aligns));
    const int last = cmark_node_get_end_line(rows);
    // A blank line ends the rows (cmark counts it into an indented code block).
    for (int r = at + 1; r <= last && !trim(line_of(r)).empty(); ++r) {
      cells.clear();
      for (std::size_t c = 0; c < cols.size(); ++c)
        cells.push_back(escaped(cell(line_of(r), cols, c)));
      edits.emplace_back(r, pipe_row(cells));
    }
    // The caption: a paragraph right after, its first line starting `:` or `Table:`.
    cmark_node* caption = cmark_node_next(rows);
    if (caption != nullptr && cmark_node_get_type(caption) == CMARK_NODE_PARAGRAPH) {
      const int line = cmark_node_get_start_line(caption);
      std::string text(line_of(line));
      const std::size_t lead = text.find_first_not_of(' ');
      for (std::string_view mark : {std::string_view(":"), std::string_view("Table:")})
        if (lead != std::string::npos && text.compare(lead, mark.size(), mark) == 0) {
          // Unindented: the caption's own indent after the mark would make it code.
          const std::size_t rest = text.find_first_not_of(' ', lead + mark.size());
          edits.emplace_back(line, rest == std::string::npos ? "" : text.substr(rest));
          break;
        }
    }
  }
  std::sort(edits.begin(), edits.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [line, text] : edits) {
    const std::string_view old = line_of(line);
    body.replace(starts[static_cast<std::size_t>(line - 1)], old.size(), text);
  }
  return !edits.empty();
}

} // namespace galley::input
