// The JATS reader's body: sections, blocks and inline text (jats_reader.hpp).
#include "input/jats_reader.hpp"
#include "input/mathml_tex.hpp"

#include <algorithm>

namespace galley::input::jats_detail {

namespace {

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

/// Takes the LaTeX document wrapper off a `tex-math` (PubMed Central writes each formula as a
/// whole document, `\documentclass...\begin{document}$...$\end{document}`), and the `$` or
/// `\[ \]` around the formula itself.
std::string bare_tex(std::string tex) {
  const std::string begin = "\\begin{document}", end = "\\end{document}";
  if (size_t b = tex.find(begin); b != std::string::npos) {
    size_t e = tex.find(end, b);
    tex = tex.substr(b + begin.size(),
                     e == std::string::npos ? std::string::npos : e - b - begin.size());
  }
  tex = collapse_spaces(tex);
  for (auto [open, close] : {std::pair{"$$", "$$"}, {"$", "$"}, {"\\[", "\\]"}, {"\\(", "\\)"}}) {
    const std::string o = open, c = close;
    if (tex.size() >= o.size() + c.size() && tex.compare(0, o.size(), o) == 0 &&
        tex.compare(tex.size() - c.size(), c.size(), c) == 0) {
      tex = collapse_spaces(tex.substr(o.size(), tex.size() - o.size() - c.size()));
      break;
    }
  }
  return tex;
}

/// A display formula's TeX with the text of its `<label>` ("(1)", "2.3") as its equation
/// number, set as written at the right of its line (amsmath's `\tag*`, which both outputs set):
/// as text after the formula it came out on a line of its own, at the left. A formula that
/// numbers itself keeps its own number.
std::string numbered(std::string tex, std::string_view label) {
  if (tex.find("\\tag") != std::string::npos)
    return tex;
  std::string number;
  // Braces and backslashes would end the argument or start a command.
  for (char c : label)
    if (c != '{' && c != '}' && c != '\\')
      number += c;
  if (number.empty())
    return tex;
  return tex + " \\tag*{" + number + "}";
}

} // namespace

bool is_block(const pugi::xml_node& n) {
  static constexpr std::string_view blocks =
      " p sec fig fig-group table-wrap table-wrap-group disp-quote list def-list disp-formula"
      " disp-formula-group preformat code boxed-text graphic supplementary-material statement"
      " verse-group fn-group ack app app-group notes glossary media chem-struct-wrap array speech"
      " table-wrap-foot attrib ";
  return n.type() == pugi::node_element &&
         blocks.find(" " + std::string(local_name(n)) + " ") != std::string_view::npos;
}

std::string formula_text(const pugi::xml_node& formula) {
  if (auto tex = formula.select_node(".//*[local-name()='tex-math']").node())
    return bare_tex(deep_text(tex));
  if (auto math = formula.select_node(".//*[local-name()='math']").node())
    return mathml_to_tex(math);
  std::string text;
  for (auto c : formula.children())
    if (!is_element_named(c, "label"))
      text += c.type() == pugi::node_element ? deep_text(c) : std::string(c.value());
  return collapse_spaces(text);
}

void JatsReader::blocks(const pugi::xml_node& parent, model::Blocks& out, int level, int depth) {
  if (too_deep(parent, depth))
    return;
  model::Inlines loose;
  SourceLoc at = loc(parent);
  auto flush = [&] {
    add_paragraph(out, std::move(loose), at);
    loose.clear();
  };
  for (auto c : parent.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      if (loose.empty())
        at = loc(c);
      append_xml_text(loose, c.value(), loc(c));
    } else if (is_element_named(c, "fn") && (is_element_named(parent, "fn-group") ||
                                             is_element_named(parent, "table-wrap-foot"))) {
      flush();
      footnote(c, out, level, depth);
      at = loc(c);
    } else if (is_element_named(c, "disp-formula") && is_element_named(parent, "p")) {
      // A formula set off in the middle of a sentence: the text after it goes on with the same
      // paragraph, unindented, as LaTeX sets the text after a display (docs/input.md, JATS).
      if (loose.empty())
        at = loc(c);
      loose.push_back({display_formula(c), loc(c)});
    } else if (is_block(c)) {
      flush();
      block(c, out, level, depth);
      at = loc(c);
    } else if (c.type() == pugi::node_element) {
      if (one_of(local_name(c), {"title", "label", "sec-meta", "object-id", "alt-text"}))
        continue; // read by the element they belong to
      if (loose.empty())
        at = loc(c);
      inline_element(c, loose, depth);
    }
  }
  flush();
}

model::Math JatsReader::display_formula(const pugi::xml_node& formula) {
  std::string tex = formula_text(formula);
  if (auto label = child_named(formula, "label"))
    tex = numbered(std::move(tex), flat(label));
  return {std::move(tex), true};
}

void JatsReader::section(const pugi::xml_node& sec, model::Blocks& out, int level, int depth) {
  model::Heading h;
  h.level = std::min(level, 6);
  if (auto label = child_named(sec, "label"))
    append_xml_text(h.content, flat(label) + " ", loc(label));
  if (auto title = child_named(sec, "title"))
    inlines(title, h.content, depth);
  tidy_inlines(h.content);
  if (!h.content.empty()) {
    std::string id = sec.attribute("id").value();
    if (!id.empty() && anchors_.insert(id).second)
      h.id = id;
    out.push_back({std::move(h), loc(sec)});
  }
  blocks(sec, out, level + 1, depth + 1);
}

void JatsReader::block(const pugi::xml_node& n, model::Blocks& out, int level, int depth) {
  const std::string_view name = local_name(n);
  model::Block b;
  b.loc = loc(n);
  if (name == "p") {
    blocks(n, out, level, depth + 1);
    return;
  }
  if (one_of(name, {"sec", "ack", "app", "notes", "glossary", "boxed-text", "statement"})) {
    section(n, out, level, depth + 1);
    return;
  }
  if (one_of(name, {"app-group", "fig-group", "table-wrap-group", "disp-formula-group",
                    "verse-group", "speech", "table-wrap-foot", "chem-struct-wrap"})) {
    blocks(n, out, level, depth + 1);
    return;
  }
  if (name == "fn-group") {
    if (auto title = child_named(n, "title")) {
      model::Heading h;
      h.level = std::min(level, 6);
      inlines(title, h.content, depth);
      tidy_inlines(h.content);
      // A heading only over notes that stay here as text.
      bool stays = false;
      for (auto fn : n.children())
        stays |= is_element_named(fn, "fn") && !cited_notes_.count(fn.attribute("id").value());
      if (stays && !h.content.empty())
        out.push_back({std::move(h), b.loc});
    }
    for (auto fn : n.children())
      if (is_element_named(fn, "fn"))
        footnote(fn, out, level, depth + 1);
    return;
  }
  if (name == "fig" || name == "graphic" || name == "media" || name == "supplementary-material") {
    figure(n, out, depth);
    return;
  }
  if (name == "table-wrap") {
    table_wrap(n, out, level, depth);
    return;
  }
  if (name == "attrib") {
    model::Inlines content{{model::Text{"\u2014 "}, b.loc}};
    inlines(n, content, depth);
    add_paragraph(out, std::move(content), b.loc);
    return;
  }
  if (name == "disp-quote") {
    if (too_deep(n, depth + 1))
      return;
    model::BlockQuote q;
    blocks(n, q.blocks, level, depth + 1);
    b.value = std::move(q);
  } else if (name == "list") {
    b.value = list(n, level, depth);
  } else if (name == "def-list") {
    model::DefinitionList dl;
    for (auto item : n.children()) {
      if (!is_element_named(item, "def-item"))
        continue;
      model::DefinitionItem di;
      di.loc = loc(item);
      if (auto term = child_named(item, "term"))
        inlines(term, di.term, depth);
      tidy_inlines(di.term);
      for (auto def : item.children())
        if (is_element_named(def, "def")) {
          model::Blocks d;
          blocks(def, d, level, depth + 1);
          di.definitions.push_back(std::move(d));
        }
      dl.items.push_back(std::move(di));
    }
    b.value = std::move(dl);
  } else if (name == "disp-formula") {
    model::Paragraph p;
    p.content.push_back({display_formula(n), b.loc});
    b.value = std::move(p);
  } else if (name == "preformat" || name == "code") {
    model::CodeBlock code;
    code.language = n.attribute("language").value();
    code.code = deep_text(n);
    while (!code.code.empty() && code.code.back() == '\n')
      code.code.pop_back();
    if (!code.code.empty() && code.code.front() == '\n')
      code.code.erase(0, 1);
    b.value = std::move(code);
  } else if (name == "array") {
    if (auto t = child_named(n, "table"))
      out.push_back({html_table(t, [&](const pugi::xml_node& cell,
                                       model::Inlines& content) { inlines(cell, content, depth); }),
                     b.loc});
    return;
  } else {
    diags_.warning(b.loc, "JATS element <" + std::string(n.name()) +
                              "> is not read as such; its text is kept as a paragraph");
    model::Inlines content;
    inlines(n, content, depth);
    add_paragraph(out, std::move(content), b.loc);
    return;
  }
  out.push_back(std::move(b));
}

model::Inlines JatsReader::caption(const pugi::xml_node& owner, int depth) {
  model::Inlines out;
  if (auto label = child_named(owner, "label")) {
    model::Strong s;
    append_xml_text(s.children, flat(label), loc(label));
    out.push_back({std::move(s), loc(label)});
  }
  if (auto cap = child_named(owner, "caption"))
    for (auto c : cap.children())
      if (is_element_named(c, "title") || is_element_named(c, "p")) {
        if (!out.empty())
          out.push_back({model::Text{" "}, loc(c)});
        inlines(c, out, depth);
      }
  tidy_inlines(out);
  return out;
}

/// `fig` (JATS 1.3): its `graphic` (`xlink:href`) with the label and caption; the alt text is
/// its `alt-text`, or the caption's title. A `graphic` or `media` standing alone is a figure
/// without a caption.
void JatsReader::figure(const pugi::xml_node& fig, model::Blocks& out, int depth) {
  pugi::xml_node graphic =
      is_element_named(fig, "fig") ? fig.select_node(".//*[local-name()='graphic']").node() : fig;
  model::Figure f;
  f.caption = caption(fig, depth);
  f.image.src = graphic.attribute("xlink:href").value();
  std::string id = fig.attribute("id").value();
  if (!id.empty() && anchors_.insert(id).second)
    f.id = id;
  pugi::xml_node alt = fig.select_node(".//*[local-name()='alt-text']").node();
  if (alt)
    f.alt = flat(alt);
  else if (auto title = child_named(child_named(fig, "caption"), "title"))
    f.alt = flat(title);
  else
    f.alt = model::plain_text(f.caption);
  if (auto attrib = child_named(fig, "attrib"))
    f.credit = flat(attrib);
  const bool image =
      !f.image.src.empty() && (is_element_named(fig, "fig") || is_element_named(fig, "graphic") ||
                               std::string_view(fig.attribute("mimetype").value()) == "image");
  if (image) {
    out.push_back({std::move(f), loc(fig)});
    return;
  }
  // Media that is not a picture (video, data files): what the caption says stays.
  add_paragraph(out, std::move(f.caption), loc(fig));
}

/// `table-wrap`: the label and caption as a paragraph above the table (where JATS puts
/// them), the table, then its foot (`table-wrap-foot`: notes and paragraphs).
void JatsReader::table_wrap(const pugi::xml_node& wrap, model::Blocks& out, int level, int depth) {
  add_paragraph(out, caption(wrap, depth), loc(wrap));
  auto add_table = [&](const pugi::xml_node& t) {
    model::Table table = html_table(t, [&](const pugi::xml_node& cell, model::Inlines& content) {
      inlines(cell, content, depth);
    });
    if (!table.rows.empty())
      out.push_back({std::move(table), loc(t)});
  };
  for (auto c : wrap.children()) {
    if (is_element_named(c, "table")) {
      add_table(c);
    } else if (is_element_named(c, "alternatives")) {
      // The same table in several forms (an image of it, the table itself): the table, once.
      if (auto t = child_named(c, "table"))
        add_table(t);
    }
  }
  if (auto foot = child_named(wrap, "table-wrap-foot"))
    blocks(foot, out, level, depth + 1);
}

model::List JatsReader::list(const pugi::xml_node& n, int level, int depth) {
  model::List l;
  std::string_view type = n.attribute("list-type").value();
  // JATS 1.3, list-type: "order", "alpha-lower", "alpha-upper", "roman-lower", "roman-upper"
  // number the items; "bullet", "simple" and none do not.
  l.kind = one_of(type, {"order", "alpha-lower", "alpha-upper", "roman-lower", "roman-upper"})
               ? model::ListKind::Ordered
               : model::ListKind::Bullet;
  if (type == "alpha-lower")
    l.numbering = model::ListNumbering::LowerAlpha;
  else if (type == "alpha-upper")
    l.numbering = model::ListNumbering::UpperAlpha;
  else if (type == "roman-lower")
    l.numbering = model::ListNumbering::LowerRoman;
  else if (type == "roman-upper")
    l.numbering = model::ListNumbering::UpperRoman;
  for (auto item : n.children()) {
    if (!is_element_named(item, "list-item"))
      continue;
    model::ListItem li;
    li.loc = loc(item);
    if (!too_deep(item, depth + 1))
      blocks(item, li.blocks, level, depth + 1);
    l.items.push_back(std::move(li));
  }
  return l;
}

/// A footnote of a `fn-group` or a table's foot: a note when some `<xref ref-type="fn">`
/// cites it, else its text stays where it is, after its label.
void JatsReader::footnote(const pugi::xml_node& fn, model::Blocks& out, int level, int depth) {
  std::string id = fn.attribute("id").value();
  if (id.empty() || !cited_notes_.count(id)) {
    model::Blocks text;
    blocks(fn, text, level, depth + 1);
    if (auto label = child_named(fn, "label"); label && !text.empty())
      if (auto* p = std::get_if<model::Paragraph>(&text.front().value))
        p->content.insert(p->content.begin(), {model::Text{flat(label) + " "}, loc(label)});
    out.insert(out.end(), std::make_move_iterator(text.begin()),
               std::make_move_iterator(text.end()));
    return;
  }
  if (!room_for_note(fn))
    return;
  model::Note note;
  note.id = id;
  note.loc = loc(fn);
  blocks(fn, note.blocks, level, depth + 1);
  draft_.article.notes.push_back(std::move(note));
}

std::string JatsReader::inline_note(const pugi::xml_node& fn, int depth) {
  std::string id = fn.attribute("id").value();
  if (id.empty() || cited_notes_.count(id))
    id = "fn-inline-" + std::to_string(++inline_notes_);
  if (!room_for_note(fn))
    return {};
  model::Note note;
  note.id = id;
  note.loc = loc(fn);
  blocks(fn, note.blocks, 1, depth + 1);
  draft_.article.notes.push_back(std::move(note));
  return id;
}

void JatsReader::inlines(const pugi::xml_node& parent, model::Inlines& out, int depth) {
  for (auto c : parent.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata)
      append_xml_text(out, c.value(), loc(c));
    else if (c.type() == pugi::node_element && !is_element_named(c, "label"))
      inline_element(c, out, depth);
  }
}

void JatsReader::inline_element(const pugi::xml_node& n, model::Inlines& out, int depth) {
  if (too_deep(n, depth + 1))
    return;
  const std::string_view name = local_name(n);
  model::Inline in;
  in.loc = loc(n);
  auto wrap = [&](auto value) {
    inlines(n, value.children, depth + 1);
    in.value = std::move(value);
    out.push_back(std::move(in));
  };
  auto put = [&](auto value) {
    in.value = std::move(value);
    out.push_back(std::move(in));
  };
  if (name == "italic")
    return wrap(model::Emphasis{});
  if (name == "bold")
    return wrap(model::Strong{});
  if (name == "sup")
    return wrap(model::Superscript{});
  if (name == "sub")
    return wrap(model::Subscript{});
  if (name == "strike")
    return wrap(model::Strikethrough{});
  if (name == "underline") {
    model::Span s;
    s.kind = model::SpanKind::Underline;
    return wrap(std::move(s));
  }
  if (name == "monospace")
    return put(model::Code{collapse_spaces(deep_text(n))});
  if (name == "break")
    return put(model::LineBreak{});
  if (name == "inline-formula" || name == "tex-math" || name == "math")
    return put(model::Math{formula_text(n), false});
  if (name == "ext-link" || name == "uri" || name == "email") {
    model::Link link;
    link.url = n.attribute("xlink:href").value();
    if (link.url.empty())
      link.url = (name == "email" ? "mailto:" : "") + collapse_spaces(deep_text(n));
    return wrap(std::move(link));
  }
  if (name == "inline-graphic") {
    model::Image img;
    img.image.src = n.attribute("xlink:href").value();
    if (auto alt = child_named(n, "alt-text"))
      img.alt = flat(alt);
    return put(std::move(img));
  }
  if (name == "fn") {
    std::string id = inline_note(n, depth);
    if (!id.empty())
      put(model::NoteRef{id});
    return;
  }
  if (name == "xref") {
    std::string_view type = n.attribute("ref-type").value();
    std::string rid = n.attribute("rid").value();
    rid = rid.substr(0, rid.find(' '));
    if (type == "fn" || type == "table-fn")
      return put(model::NoteRef{rid});
    // A citation of a reference without text of its own (`<xref ref-type="bibr" rid="B1"/>`)
    // is a numbered reference to that source; one with text ("[1]", "Smith 2010") keeps it.
    if (type == "bibr" && deep_text(n).find_first_not_of(" \t\n") == std::string::npos)
      return put(model::NoteRef{rid});
    if ((type == "fig" || type == "sec") && !rid.empty()) {
      model::Link link;
      link.url = "#" + rid;
      return wrap(std::move(link));
    }
  }
  // Phrase elements galley has no look for (small caps, named content, abbreviations, the
  // other xref types, ...) are set as their text.
  inlines(n, out, depth + 1);
}

} // namespace galley::input::jats_detail
