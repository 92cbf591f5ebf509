// The galley XML reader's body: block elements and inline text (xml_reader.hpp).
#include "input/xml_reader.hpp"

#include <algorithm>
#include <cstring>

namespace galley::input::xml_detail {

void XmlReader::blocks(const pugi::xml_node& parent, model::Blocks& out, int depth) {
  for (auto c : parent.children()) {
    if (c.type() == pugi::node_pcdata && !trimmed(c.value()).empty())
      diags_.warning(loc(c), "text directly inside <" + std::string(parent.name()) +
                                 "> is ignored; wrap it in <p>");
    if (c.type() != pugi::node_element)
      continue;
    if (auto b = block(c, depth))
      out.push_back(std::move(*b));
  }
}

std::optional<model::Block> XmlReader::block(const pugi::xml_node& n, int depth) {
  model::Block b;
  b.loc = loc(n);
  std::string name = n.name();
  if (name == "p") {
    model::Paragraph p;
    inlines(n, p.content, depth, true);
    b.value = std::move(p);
  } else if (name == "h") {
    check_attributes(n, {"level", "id"});
    model::Heading h;
    h.level = int_attr(n, "level", 1, 6).value_or(1);
    h.id = n.attribute("id").value();
    inlines(n, h.content, depth, true);
    b.value = std::move(h);
  } else if (name == "list") {
    check_attributes(n, {"type", "numbering", "start", "tight"});
    if (too_deep(n, depth + 1))
      return std::nullopt;
    model::List l;
    std::string_view type = n.attribute("type").value();
    if (type == "ordered")
      l.kind = model::ListKind::Ordered;
    else if (!type.empty() && type != "bullet")
      diags_.error(loc(n),
                   "list type must be 'bullet' or 'ordered', got '" + std::string(type) + "'");
    // The names of CSS's list-style-type (CSS Lists 3, 3.3).
    static constexpr std::pair<std::string_view, model::ListNumbering> kNumberings[] = {
        {"decimal", model::ListNumbering::Decimal},
        {"lower-alpha", model::ListNumbering::LowerAlpha},
        {"upper-alpha", model::ListNumbering::UpperAlpha},
        {"lower-roman", model::ListNumbering::LowerRoman},
        {"upper-roman", model::ListNumbering::UpperRoman}};
    if (auto numbering = n.attribute("numbering")) {
      const std::string_view value = numbering.value();
      auto it = std::find_if(std::begin(kNumberings), std::end(kNumberings),
                             [&](const auto& k) { return k.first == value; });
      if (it != std::end(kNumberings))
        l.numbering = it->second;
      else
        diags_.error(loc(n), "list numbering must be 'decimal', 'lower-alpha', 'upper-alpha', "
                             "'lower-roman' or 'upper-roman', got '" +
                                 std::string(value) + "'");
    }
    l.start = int_attr(n, "start", 0, 999999999).value_or(1);
    l.tight = bool_attr(n, "tight").value_or(true);
    for (auto item : n.children()) {
      if (item.type() != pugi::node_element)
        continue;
      if (std::strcmp(item.name(), "item") != 0) {
        unknown(item, "list", {"item"});
        continue;
      }
      check_attributes(item, {"checked"});
      model::ListItem li;
      li.loc = loc(item);
      li.checked = bool_attr(item, "checked");
      blocks(item, li.blocks, depth + 1);
      l.items.push_back(std::move(li));
    }
    b.value = std::move(l);
  } else if (name == "blockquote") {
    if (too_deep(n, depth + 1))
      return std::nullopt;
    model::BlockQuote q;
    blocks(n, q.blocks, depth + 1);
    b.value = std::move(q);
  } else if (name == "code-block") {
    check_attributes(n, {"language"});
    model::CodeBlock c;
    c.language = n.attribute("language").value();
    c.code = text_of(n);
    // One newline right after the start tag and one before the end tag are layout.
    if (!c.code.empty() && c.code.front() == '\n')
      c.code.erase(0, 1);
    if (!c.code.empty() && c.code.back() == '\n')
      c.code.pop_back();
    b.value = std::move(c);
  } else if (name == "figure") {
    check_attributes(n, {"src", "alt", "credit", "id"});
    model::Figure f;
    f.image.src = n.attribute("src").value();
    f.alt = n.attribute("alt").value();
    f.credit = n.attribute("credit").value();
    f.id = n.attribute("id").value();
    for (auto c : n.children()) {
      if (c.type() != pugi::node_element)
        continue;
      if (std::strcmp(c.name(), "caption") == 0)
        inlines(c, f.caption, depth, true);
      else
        unknown(c, "figure", {"caption"});
    }
    b.value = std::move(f);
  } else if (name == "table") {
    b.value = table(n, depth);
  } else if (name == "hr") {
    b.value = model::ThematicBreak{};
  } else if (name == "raw-html") {
    std::string html = text_of(n);
    while (!html.empty() && html.back() == '\n')
      html.pop_back();
    if (!html.empty() && html.front() == '\n')
      html.erase(0, 1);
    b.value = model::RawBlock{std::move(html)};
  } else {
    unknown(n, n.parent().name(), kBlockNames);
    return std::nullopt;
  }
  return b;
}

model::Table XmlReader::table(const pugi::xml_node& n, int depth) {
  check_attributes(n, {"header-rows"});
  model::Table t;
  t.header_rows = int_attr(n, "header-rows", 0, 1000).value_or(1);
  for (auto c : n.children()) {
    if (c.type() != pugi::node_element)
      continue;
    std::string_view name = c.name();
    if (name == "col") {
      check_attributes(c, {"align"});
      std::string_view a = c.attribute("align").value();
      t.aligns.push_back(a == "left"     ? model::Align::Left
                         : a == "center" ? model::Align::Center
                         : a == "right"  ? model::Align::Right
                                         : model::Align::Default);
      if (!a.empty() && a != "left" && a != "center" && a != "right" && a != "default")
        diags_.error(loc(c), "column align must be left, center, right or default, got '" +
                                 std::string(a) + "'");
    } else if (name == "row") {
      model::TableRow row;
      for (auto cell : c.children()) {
        if (cell.type() != pugi::node_element)
          continue;
        if (std::strcmp(cell.name(), "cell") != 0) {
          unknown(cell, "row", {"cell"});
          continue;
        }
        model::TableCell tc;
        tc.loc = loc(cell);
        inlines(cell, tc.content, depth, true);
        row.cells.push_back(std::move(tc));
      }
      t.rows.push_back(std::move(row));
    } else {
      unknown(c, "table", {"col", "row"});
    }
  }
  return t;
}

void XmlReader::inlines(const pugi::xml_node& parent, model::Inlines& out, int depth,
                        bool block_level) {
  for (auto c : parent.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      append_xml_text(out, c.value(), loc(c));
      continue;
    }
    if (c.type() != pugi::node_element)
      continue;
    inline_element(c, out, depth);
  }
  if (block_level)
    tidy_inlines(out);
}

void XmlReader::inline_element(const pugi::xml_node& n, model::Inlines& out, int depth) {
  model::Inline in;
  in.loc = loc(n);
  std::string name = n.name();
  auto children = [&](auto value) {
    if (too_deep(n, depth + 1))
      return;
    inlines(n, value.children, depth + 1, false);
    in.value = std::move(value);
    out.push_back(std::move(in));
  };
  if (name == "em")
    return children(model::Emphasis{});
  if (name == "strong")
    return children(model::Strong{});
  if (name == "del")
    return children(model::Strikethrough{});
  if (name == "a") {
    check_attributes(n, {"href", "title"});
    model::Link link;
    link.url = n.attribute("href").value();
    link.title = n.attribute("title").value();
    return children(std::move(link));
  }
  if (name == "code")
    in.value = model::Code{text_of(n)};
  else if (name == "br")
    in.value = model::LineBreak{};
  else if (name == "raw-html")
    in.value = model::RawInline{text_of(n)};
  else if (name == "note-ref") {
    check_attributes(n, {"id"});
    in.value = model::NoteRef{n.attribute("id").value()};
  } else if (name == "img") {
    check_attributes(n, {"src", "alt", "title"});
    model::Image img;
    img.image.src = n.attribute("src").value();
    img.alt = n.attribute("alt").value();
    img.title = n.attribute("title").value();
    in.value = std::move(img);
  } else {
    unknown(n, n.parent().name(), kInlineNames);
    return;
  }
  out.push_back(std::move(in));
}

} // namespace galley::input::xml_detail
