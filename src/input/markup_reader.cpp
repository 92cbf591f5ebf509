#include "input/markup_reader.hpp"

namespace galley::input {

model::Table
MarkupReader::html_table(const pugi::xml_node& n,
                         const std::function<void(const pugi::xml_node&, model::Inlines&)>& cell) {
  model::Table t;
  t.header_rows = 0;
  bool body_seen = false;
  auto row = [&](const pugi::xml_node& tr, bool head) {
    model::TableRow r;
    bool all_th = true;
    for (auto c : tr.children()) {
      const std::string_view name = local_name(c);
      if (c.type() != pugi::node_element || (name != "td" && name != "th"))
        continue;
      all_th &= name == "th";
      model::TableCell tc;
      tc.loc = loc(c);
      cell(c, tc.content);
      tidy_inlines(tc.content);
      r.cells.push_back(std::move(tc));
    }
    if (r.cells.empty())
      return;
    if ((head || all_th) && !body_seen)
      ++t.header_rows;
    else
      body_seen = true;
    t.rows.push_back(std::move(r));
  };
  for (auto c : n.children()) {
    if (c.type() != pugi::node_element)
      continue;
    const std::string_view name = local_name(c);
    if (name == "tr")
      row(c, false);
    else if (name == "thead" || name == "tbody" || name == "tfoot")
      for (auto tr : c.children())
        if (tr.type() == pugi::node_element && local_name(tr) == "tr")
          row(tr, name == "thead");
  }
  size_t columns = 0;
  for (const auto& r : t.rows)
    columns = std::max(columns, r.cells.size());
  t.aligns.assign(columns, model::Align::Default);
  return t;
}

} // namespace galley::input
