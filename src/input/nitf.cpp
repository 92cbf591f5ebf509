// The NITF reader. Element and attribute names follow the NITF 3.6 specification (IPTC,
// nitf-3-6.xsd); earlier 3.x versions use the same ones for everything read here.
#include "input/nitf.hpp"

#include "input/dates.hpp"
#include "input/markup_reader.hpp"

#include <algorithm>
#include <set>

namespace galley::input {

namespace {

/// A NITF date: the `norm` form is ISO 8601's basic format (NITF 3.6, `date.issue`:
/// "20260427T101500Z"); some feeds write the extended form, which parse_date reads as it is.
std::optional<model::Date> nitf_date(std::string_view norm) {
  if (norm.size() >= 8 && norm.find_first_not_of("0123456789") >= 8) {
    std::string iso = std::string(norm.substr(0, 4)) + "-" + std::string(norm.substr(4, 2)) + "-" +
                      std::string(norm.substr(6, 2));
    return parse_date(iso);
  }
  return parse_date(norm);
}

class NitfReader : MarkupReader {
public:
  using MarkupReader::MarkupReader;

  void read() {
    pugi::xml_node root = xml_.root();
    for (const char* part : {"", "head", "body"}) {
      pugi::xml_node n = *part ? child_named(root, part) : root;
      if (n && take_language(n))
        break;
    }
    collect_footnote_ids(root);
    if (auto head_node = child_named(root, "head"))
      head(head_node);
    if (auto body = child_named(root, "body")) {
      if (auto bh = child_named(body, "body.head"))
        body_head(bh);
      if (auto content = child_named(body, "body.content"))
        blocks(content, draft_.article.blocks, 0);
      if (auto end = child_named(body, "body.end"))
        blocks(end, draft_.article.blocks, 0);
    }
    if (!dateline_.empty())
      lead_with_dateline();
    model::Meta& meta = draft_.article.meta;
    if (meta.title.empty())
      meta.title = head_title_;
    if (!meta.date)
      meta.date = story_date_;
  }

private:
  // ------------------------------------------------------------------ head
  void head(const pugi::xml_node& h) {
    model::Meta& meta = draft_.article.meta;
    for (auto c : h.children()) {
      if (is_element_named(c, "title")) {
        head_title_ = flat(c);
        if (meta.loc.file.empty())
          meta.loc = loc(c);
      } else if (is_element_named(c, "docdata")) {
        docdata(c);
      } else if (is_element_named(c, "pubdata")) {
        // The first publication named (NITF 3.6, pubdata@name) is the publication.
        if (meta.publication.empty())
          meta.publication = collapse_spaces(c.attribute("name").value());
        if (!meta.date)
          if (auto d = nitf_date(c.attribute("date.publication").value()))
            meta.date = d;
      }
    }
  }

  void docdata(const pugi::xml_node& d) {
    model::Meta& meta = draft_.article.meta;
    std::optional<model::Date> issue, release;
    for (auto c : d.children()) {
      if (is_element_named(c, "doc-id"))
        meta.identifier = collapse_spaces(c.attribute("id-string").value());
      else if (is_element_named(c, "date.issue"))
        issue = nitf_date(c.attribute("norm").value());
      else if (is_element_named(c, "date.release"))
        release = nitf_date(c.attribute("norm").value());
      else if (is_element_named(c, "key-list"))
        for (auto k : c.children())
          if (is_element_named(k, "keyword")) {
            std::string key = collapse_spaces(k.attribute("key").value());
            if (!key.empty() &&
                std::find(meta.tags.begin(), meta.tags.end(), key) == meta.tags.end())
              meta.tags.push_back(std::move(key));
          }
    }
    // The issue date is when the item was published; the release date, when it may be.
    if (issue)
      meta.date = issue;
    else if (release && !meta.date)
      meta.date = release;
  }

  // ------------------------------------------------------------------ body.head
  void body_head(const pugi::xml_node& bh) {
    model::Meta& meta = draft_.article.meta;
    for (auto c : bh.children()) {
      if (is_element_named(c, "hedline")) {
        for (auto h : c.children()) {
          if (is_element_named(h, "hl1") && meta.title.empty()) {
            meta.title = flat(h);
            meta.loc = loc(h);
          } else if (is_element_named(h, "hl2")) {
            meta.subtitle += (meta.subtitle.empty() ? "" : " \u2014 ") + flat(h);
          }
        }
      } else if (is_element_named(c, "byline")) {
        byline(c);
      } else if (is_element_named(c, "dateline")) {
        dateline_ = flat(c);
        for (auto part : c.children())
          if (is_element_named(part, "story.date"))
            story_date_ = nitf_date(part.attribute("norm").value());
      } else if (is_element_named(c, "abstract")) {
        std::string text;
        for (auto p : c.children())
          if (p.type() == pugi::node_element)
            text += (text.empty() ? "" : " ") + flat(p);
          else if (p.type() == pugi::node_pcdata)
            text += collapse_spaces(p.value());
        meta.dek = collapse_spaces(text);
      }
    }
  }

  /// `<byline>By <person>A</person> and <person>B</person>, <byttl>Writer</byttl></byline>`:
  /// the persons are the authors, the title their bio. A byline without persons is split the
  /// way front matter splits an author string, after its "By".
  void byline(const pugi::xml_node& b) {
    model::Meta& meta = draft_.article.meta;
    std::vector<std::string> names;
    std::string title, plain;
    for (auto c : b.children()) {
      if (is_element_named(c, "person"))
        names.push_back(flat(c));
      else if (is_element_named(c, "byttl"))
        title = flat(c);
      else if (c.type() == pugi::node_pcdata)
        plain += c.value();
      else if (c.type() == pugi::node_element)
        plain += deep_text(c);
    }
    if (names.empty()) {
      std::string text = collapse_spaces(plain);
      if (ascii_lower(text.substr(0, 3)) == "by ")
        text.erase(0, 3);
      names = split_names(text);
    }
    for (auto& name : names) {
      if (name.empty())
        continue;
      model::Author a;
      a.name = std::move(name);
      a.bio = title;
      a.loc = loc(b);
      meta.authors.push_back(std::move(a));
    }
  }

  /// Agencies set the dateline at the head of the lede ("NEW YORK (AP) — ..."); when the first
  /// paragraph does not already start with it, it is put there, in bold.
  void lead_with_dateline() {
    for (auto& b : draft_.article.blocks) {
      auto* p = std::get_if<model::Paragraph>(&b.value);
      if (!p)
        continue;
      std::string first = model::plain_text(p->content);
      if (first.rfind(dateline_, 0) == 0)
        return;
      model::Inlines lead;
      lead.push_back({model::Strong{{{model::Text{dateline_}, b.loc}}}, b.loc});
      lead.push_back({model::Text{" \u2014 "}, b.loc});
      p->content.insert(p->content.begin(), lead.begin(), lead.end());
      return;
    }
  }

  // ------------------------------------------------------------------ body.content
  /// The footnotes some `<a href="#id">` points at, found before reading, since a footnote may
  /// come before the text that refers to it.
  void collect_footnote_ids(const pugi::xml_node& root) {
    std::set<std::string> targets;
    for (auto a : root.select_nodes("//a[starts-with(@href, '#')]"))
      targets.insert(a.node().attribute("href").value() + 1);
    for (auto fn : root.select_nodes("//fn[@id]"))
      if (targets.count(fn.node().attribute("id").value()))
        referenced_.insert(fn.node().attribute("id").value());
  }

  void blocks(const pugi::xml_node& parent, model::Blocks& out, int depth) {
    if (too_deep(parent, depth))
      return;
    model::Inlines loose; // text and inline elements straight inside a block container
    auto flush = [&] {
      add_paragraph(out, std::move(loose), loc(parent));
      loose.clear();
    };
    for (auto c : parent.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        append_xml_text(loose, c.value(), loc(c));
        continue;
      }
      if (c.type() != pugi::node_element || dropped(local_name(c)))
        continue;
      if (is_inline(c)) {
        inline_element(c, loose, depth);
        continue;
      }
      flush();
      block(c, out, depth);
    }
    flush();
  }

  void block(const pugi::xml_node& n, model::Blocks& out, int depth) {
    const std::string_view name = local_name(n);
    model::Block b;
    b.loc = loc(n);
    if (name == "p" || name == "tagline" || name == "bibliography") {
      model::Inlines content;
      inlines(n, content, depth);
      add_paragraph(out, std::move(content), b.loc);
      return;
    }
    if (name == "hl1" || name == "hl2") {
      // A headline inside the content is a section heading (NITF 3.6, body.content: hl2).
      model::Heading h;
      h.level = name == "hl1" ? 1 : 2;
      inlines(n, h.content, depth);
      tidy_inlines(h.content);
      b.value = std::move(h);
    } else if (name == "block" || name == "body.end") {
      blocks(n, out, depth + 1);
      return;
    } else if (name == "bq") {
      model::BlockQuote q;
      blocks(n, q.blocks, depth + 1);
      b.value = std::move(q);
    } else if (name == "credit") {
      model::Inlines content{{model::Text{"\u2014 "}, b.loc}};
      inlines(n, content, depth);
      add_paragraph(out, std::move(content), b.loc);
      return;
    } else if (name == "ul" || name == "ol") {
      b.value = list(n, name == "ol", depth);
    } else if (name == "dl") {
      b.value = definitions(n, depth);
    } else if (name == "pre") {
      model::CodeBlock code;
      code.code = deep_text(n);
      while (!code.code.empty() && code.code.back() == '\n')
        code.code.pop_back();
      if (!code.code.empty() && code.code.front() == '\n')
        code.code.erase(0, 1);
      b.value = std::move(code);
    } else if (name == "hr") {
      b.value = model::ThematicBreak{};
    } else if (name == "media") {
      media(n, out, depth);
      return;
    } else if (name == "table") {
      table(n, out, depth);
      return;
    } else if (name == "nitf-table") {
      if (auto t = child_named(n, "table"))
        table(t, out, depth);
      return;
    } else if (name == "fn") {
      footnote(n, out, depth);
      return;
    } else {
      diags_.warning(b.loc, "NITF element <" + std::string(n.name()) +
                                "> is not read as such; its text is kept as a paragraph");
      model::Inlines content;
      inlines(n, content, depth);
      add_paragraph(out, std::move(content), b.loc);
      return;
    }
    out.push_back(std::move(b));
  }

  /// Metadata NITF allows inside the content (NITF 3.6, `block`'s content model); the head
  /// already holds what galley takes of it.
  static bool dropped(std::string_view name) {
    for (const char* n : {"tobject", "key-list", "classifier", "byline", "dateline", "copyrite",
                          "abstract", "datasource", "series", "title", "note", "rights",
                          "distributor", "hedline", "nitf-table-metadata", "ed-msg"})
      if (name == n)
        return true;
    return false;
  }

  model::List list(const pugi::xml_node& n, bool ordered, int depth) {
    model::List l;
    l.kind = ordered ? model::ListKind::Ordered : model::ListKind::Bullet;
    for (auto li : n.children()) {
      if (!is_element_named(li, "li"))
        continue;
      model::ListItem item;
      item.loc = loc(li);
      blocks(li, item.blocks, depth + 1);
      l.items.push_back(std::move(item));
    }
    return l;
  }

  model::DefinitionList definitions(const pugi::xml_node& n, int depth) {
    model::DefinitionList dl;
    for (auto c : n.children()) {
      if (is_element_named(c, "dt")) {
        model::DefinitionItem item;
        item.loc = loc(c);
        inlines(c, item.term, depth);
        tidy_inlines(item.term);
        dl.items.push_back(std::move(item));
      } else if (is_element_named(c, "dd")) {
        if (dl.items.empty())
          dl.items.push_back({{}, {}, loc(c)});
        model::Blocks def;
        blocks(c, def, depth + 1);
        dl.items.back().definitions.push_back(std::move(def));
      }
    }
    return dl;
  }

  /// `<media media-type="image">` with `<media-reference source alternate-text>`,
  /// `<media-caption>` and `<media-producer>` (NITF 3.6, media): a figure. Other media (audio,
  /// video) cannot be set on a page: their caption stays, as a paragraph.
  void media(const pugi::xml_node& n, model::Blocks& out, int depth) {
    pugi::xml_node ref = child_named(n, "media-reference");
    std::string type = ascii_lower(n.attribute("media-type").value());
    std::string mime = ascii_lower(ref.attribute("mime-type").value());
    const bool image =
        type == "image" || type == "graphic" || type == "photo" || mime.rfind("image/", 0) == 0;
    model::Inlines caption;
    for (auto c : n.children())
      if (is_element_named(c, "media-caption")) {
        if (!caption.empty())
          caption.push_back({model::SoftBreak{}, loc(c)});
        inlines(c, caption, depth);
      }
    tidy_inlines(caption);
    if (!image || !ref) {
      diags_.warning(loc(n), "media of type '" + type + "' is left out; its caption is kept");
      add_paragraph(out, std::move(caption), loc(n));
      return;
    }
    model::Figure f;
    f.image.src =
        ref.attribute("source") ? ref.attribute("source").value() : ref.attribute("data").value();
    f.alt = ref.attribute("alternate-text").value();
    if (f.alt.empty())
      f.alt = model::plain_text(caption);
    f.caption = std::move(caption);
    f.id = n.attribute("id").value();
    if (auto producer = child_named(n, "media-producer"))
      f.credit = flat(producer);
    out.push_back({std::move(f), loc(n)});
  }

  /// A table (NITF 3.6 takes XHTML's): its `caption` becomes a paragraph before it.
  void table(const pugi::xml_node& n, model::Blocks& out, int depth) {
    if (auto cap = child_named(n, "caption")) {
      model::Inlines content;
      inlines(cap, content, depth);
      add_paragraph(out, std::move(content), loc(cap));
    }
    model::Table t = html_table(n, [&](const pugi::xml_node& cell, model::Inlines& content) {
      inlines(cell, content, depth);
    });
    if (!t.rows.empty())
      out.push_back({std::move(t), loc(n)});
  }

  /// `<fn id>` (NITF 3.6): a note when an `<a href="#id">` points at it, else its text stays
  /// where it is.
  void footnote(const pugi::xml_node& n, model::Blocks& out, int depth) {
    std::string id = n.attribute("id").value();
    if (id.empty() || !referenced_.count(id)) {
      blocks(n, out, depth + 1);
      return;
    }
    if (!room_for_note(n))
      return;
    model::Note note;
    note.id = id;
    note.loc = loc(n);
    blocks(n, note.blocks, depth + 1);
    draft_.article.notes.push_back(std::move(note));
  }

  // ------------------------------------------------------------------ inline text
  /// NITF 3.6's phrase elements (the `enriched-text` and `inline` groups) and the parts of
  /// names, places and dates inside them.
  static bool is_inline(const pugi::xml_node& n) {
    static constexpr std::string_view phrases =
        " em strong b i a br q sub sup lang pronounce person org location chron money num event"
        " function object.title virtloc classifier copyrite postaddr alt-code frac frac-num"
        " frac-den city state region country sublocation postcode delivery.point delivery.office"
        " name.given name.family addressee care.of story.date byttl ";
    return phrases.find(" " + std::string(local_name(n)) + " ") != std::string_view::npos;
  }

  void inlines(const pugi::xml_node& parent, model::Inlines& out, int depth) {
    for (auto c : parent.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata)
        append_xml_text(out, c.value(), loc(c));
      else if (c.type() == pugi::node_element)
        inline_element(c, out, depth);
    }
  }

  void inline_element(const pugi::xml_node& n, model::Inlines& out, int depth) {
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
    if (name == "em" || name == "i")
      return wrap(model::Emphasis{});
    if (name == "strong" || name == "b")
      return wrap(model::Strong{});
    if (name == "sub")
      return wrap(model::Subscript{});
    if (name == "sup")
      return wrap(model::Superscript{});
    if (name == "q") {
      model::Span s;
      s.kind = model::SpanKind::Quote;
      return wrap(std::move(s));
    }
    if (name == "lang") {
      model::Span s;
      s.lang = n.attribute("xml:lang").value();
      return wrap(std::move(s));
    }
    if (name == "br") {
      in.value = model::LineBreak{};
      out.push_back(std::move(in));
      return;
    }
    if (name == "a") {
      std::string href = n.attribute("href").value();
      if (href.size() > 1 && href[0] == '#' && referenced_.count(href.substr(1))) {
        in.value = model::NoteRef{href.substr(1)};
        out.push_back(std::move(in));
        return;
      }
      model::Link link;
      link.url = href;
      link.title = n.attribute("title").value();
      return wrap(std::move(link));
    }
    if (!is_inline(n))
      diags_.warning(in.loc, "NITF element <" + std::string(n.name()) +
                                 "> is not read as such; its text is kept");
    // Names, places, dates and amounts (NITF's semantic phrases) are set as their text.
    inlines(n, out, depth + 1);
  }

  std::string head_title_;
  std::string dateline_;
  std::optional<model::Date> story_date_;
  std::set<std::string> referenced_;
};

} // namespace

bool is_nitf(const XmlDocument& xml) {
  return local_name(xml.root()) == "nitf";
}

bool read_nitf(const XmlDocument& xml, const ArticleContext& ctx, ArticleDraft& draft,
               Diagnostics& diags) {
  NitfReader(xml, ctx, draft, diags).read();
  return true;
}

} // namespace galley::input
