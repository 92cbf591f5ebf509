// DOCX tables (ECMA-376 Part 1, 17.4) into the model's, whose cells hold one run of text each
// and span nothing: a merged cell's content goes into its first cell, and the cells it covers
// are left empty, so every row keeps the table's columns.
#include "input/docx_body.hpp"

#include "input/xml_text.hpp"

#include <algorithm>
#include <charconv>

namespace galley::input::docx {

namespace {

/// The blocks of a cell as one run of text: paragraphs, list items and the rows of a table
/// inside it one line each.
void flatten(model::Blocks& blocks, model::Inlines& out) {
  auto line = [&](model::Inlines& in) {
    if (in.empty())
      return;
    if (!out.empty())
      out.push_back({model::LineBreak{}, in.front().loc});
    for (auto& i : in)
      out.push_back(std::move(i));
  };
  for (auto& b : blocks) {
    if (auto* p = std::get_if<model::Paragraph>(&b.value))
      line(p->content);
    else if (auto* h = std::get_if<model::Heading>(&b.value))
      line(h->content);
    else if (auto* c = std::get_if<model::CodeBlock>(&b.value)) {
      model::Inlines code{{model::Code{c->code}, b.loc}};
      line(code);
    } else if (auto* q = std::get_if<model::BlockQuote>(&b.value))
      flatten(q->blocks, out);
    else if (auto* l = std::get_if<model::List>(&b.value))
      for (auto& item : l->items)
        flatten(item.blocks, out);
    else if (auto* f = std::get_if<model::Figure>(&b.value)) {
      model::Inlines image{{model::Image{f->image, f->alt, {}}, b.loc}};
      line(image);
    } else if (auto* t = std::get_if<model::Table>(&b.value))
      for (auto& row : t->rows) {
        model::Inlines text;
        for (auto& cell : row.cells) {
          if (!text.empty() && !cell.content.empty())
            text.push_back({model::Text{" "}, b.loc});
          for (auto& i : cell.content)
            text.push_back(std::move(i));
        }
        line(text);
      }
  }
}

int span_of(const pugi::xml_node& tc_pr) {
  std::string_view v = attr(child_named(tc_pr, "gridSpan"), "val");
  int span = 1;
  std::from_chars(v.data(), v.data() + v.size(), span);
  return std::clamp(span, 1, 64);
}

/// The rows of a table, or the cells of a row, looking through content controls and custom
/// XML around them.
void children_named(const pugi::xml_node& parent, std::string_view name,
                    std::vector<pugi::xml_node>& out, int depth) {
  if (depth > 8)
    return;
  for (auto c : parent.children()) {
    const std::string_view n = local_name(c);
    if (n == name)
      out.push_back(c);
    else if (n == "sdt")
      children_named(child_named(c, "sdtContent"), name, out, depth + 1);
    else if (n == "customXml")
      children_named(c, name, out, depth + 1);
  }
}

bool first_row_is_header(const pugi::xml_node& tbl_pr) {
  // The table's look (17.4.56): "first row" formatting, as a flag or in the older bit mask.
  pugi::xml_node look = child_named(tbl_pr, "tblLook");
  if (!look)
    return false;
  std::string_view first = attr(look, "firstRow");
  if (!first.empty())
    return first == "1" || first == "true" || first == "on";
  std::string_view mask = attr(look, "val");
  unsigned bits = 0;
  std::from_chars(mask.data(), mask.data() + mask.size(), bits, 16);
  return (bits & 0x0020) != 0;
}

} // namespace

model::Table BodyReader::table(const pugi::xml_node& tbl, int depth) {
  model::Table out;
  std::vector<pugi::xml_node> rows;
  children_named(tbl, "tr", rows, 0);
  int header_rows = 0;
  bool leading = true;
  size_t columns = 0;
  for (const auto& tr : rows) {
    // Header rows repeat on each page (17.4.49); only those before the first body row count.
    const bool header = is_on(child_named(child_named(tr, "trPr"), "tblHeader"));
    leading = leading && header;
    if (leading)
      ++header_rows;
    model::TableRow row;
    std::vector<pugi::xml_node> cells;
    children_named(tr, "tc", cells, 0);
    for (const auto& tc : cells) {
      pugi::xml_node tc_pr = child_named(tc, "tcPr");
      model::TableCell cell;
      cell.loc = here();
      // A cell that continues a vertical merge (17.4.85) is covered by the one above.
      pugi::xml_node merge = child_named(tc_pr, "vMerge");
      if (!merge || attr(merge, "val") == "restart") {
        model::Blocks content;
        blocks(tc, content, nullptr, depth + 1);
        flatten(content, cell.content);
      }
      row.cells.push_back(std::move(cell));
      for (int i = 1; i < span_of(tc_pr); ++i)
        row.cells.push_back({{}, here()});
    }
    columns = std::max(columns, row.cells.size());
    out.rows.push_back(std::move(row));
  }
  for (auto& row : out.rows)
    while (row.cells.size() < columns)
      row.cells.push_back({{}, here()});
  if (header_rows == 0 && rows.size() > 1 && first_row_is_header(child_named(tbl, "tblPr")))
    header_rows = 1;
  out.header_rows = header_rows;
  out.aligns.assign(columns, model::Align::Default);
  return out;
}

} // namespace galley::input::docx
