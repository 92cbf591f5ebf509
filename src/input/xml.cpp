#include "input/xml.hpp"

#include "input/dates.hpp"
#include "input/meta.hpp"
#include "input/nesting.hpp"
#include "input/text_file.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace galley::input {

namespace {

using Names = std::vector<std::string>;

const Names kBlockNames{"h",      "p",     "list", "blockquote", "code-block",
                        "figure", "table", "hr",   "raw-html"};
const Names kInlineNames{"em", "strong", "del", "code", "a", "img", "note-ref", "br", "raw-html"};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n';
}

class XmlReader {
public:
  XmlReader(std::string_view text, const ArticleContext& ctx, Diagnostics& diags)
      : text_(text), ctx_(ctx), diags_(diags) {}

  SourceLoc loc(const pugi::xml_node& n) const {
    ptrdiff_t off = n.offset_debug();
    return off < 0 ? SourceLoc{ctx_.display, 0, 0}
                   : loc_at(text_, static_cast<size_t>(off), ctx_.display);
  }

  void unknown(const pugi::xml_node& n, std::string_view where, const Names& known) {
    ++unknown_elements_;
    std::string guess = closest_match(n.name(), known);
    diags_.warning(
        loc(n), "unknown element <" + std::string(n.name()) + "> in <" + std::string(where) + ">",
        guess.empty() ? std::string() : "did you mean <" + guess + ">?");
  }

  void check_attributes(const pugi::xml_node& n, const Names& known) {
    for (auto a : n.attributes()) {
      std::string name = a.name();
      if (name == "xmlns" || std::find(known.begin(), known.end(), name) != known.end())
        continue;
      std::string guess = closest_match(name, known);
      diags_.warning(loc(n), "unknown attribute '" + name + "' on <" + std::string(n.name()) + ">",
                     guess.empty() ? std::string() : "did you mean '" + guess + "'?");
    }
  }

  /// Text content of an element holding only text (verbatim, CDATA included).
  static std::string text_of(const pugi::xml_node& n) {
    std::string out;
    for (auto c : n.children())
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata)
        out += c.value();
    return out;
  }

  static std::string trimmed(std::string s) {
    size_t b = 0, e = s.size();
    while (b < e && is_space(s[b]))
      ++b;
    while (e > b && is_space(s[e - 1]))
      --e;
    return s.substr(b, e - b);
  }

  std::optional<int> int_attr(const pugi::xml_node& n, const char* name, int lo, int hi) {
    auto a = n.attribute(name);
    if (!a)
      return std::nullopt;
    std::string_view v = a.value();
    int out = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    if (ec != std::errc() || end != v.data() + v.size() || out < lo || out > hi) {
      diags_.error(loc(n), "attribute '" + std::string(name) + "' on <" + n.name() +
                               "> must be a whole number from " + std::to_string(lo) + " to " +
                               std::to_string(hi) + ", got '" + std::string(v) + "'");
      return std::nullopt;
    }
    return out;
  }

  std::optional<bool> bool_attr(const pugi::xml_node& n, const char* name) {
    auto a = n.attribute(name);
    if (!a)
      return std::nullopt;
    std::string_view v = a.value();
    if (v == "true")
      return true;
    if (v == "false")
      return false;
    diags_.error(loc(n), "attribute '" + std::string(name) + "' on <" + n.name() +
                             "> must be 'true' or 'false', got '" + std::string(v) + "'");
    return std::nullopt;
  }

  bool too_deep(const pugi::xml_node& n, int depth) {
    return nesting_.too_deep(depth, [&] { return loc(n); }, diags_);
  }

  // ------------------------------------------------------------------ meta
  void meta(const pugi::xml_node& m, ArticleDraft& draft) {
    static const Names names{"publication",  "title", "subtitle", "dek",   "author",     "date",
                             "reading-time", "lang",  "tag",      "cover", "identifier", "slug"};
    model::Meta& meta = draft.article.meta;
    for (auto c : m.children()) {
      if (c.type() != pugi::node_element)
        continue;
      std::string name = c.name();
      std::string value = trimmed(text_of(c));
      if (name == "publication")
        meta.publication = value;
      else if (name == "title") {
        meta.title = value;
        meta.loc = loc(c);
      } else if (name == "subtitle")
        meta.subtitle = value;
      else if (name == "dek")
        meta.dek = value;
      else if (name == "lang") {
        if (auto tag = language_tag(value, loc(c), diags_)) meta.language = *tag;
      }
      else if (name == "identifier")
        meta.identifier = value;
      else if (name == "slug")
        meta.slug = value;
      else if (name == "tag")
        meta.tags.push_back(value);
      else if (name == "author")
        author(c, meta);
      else if (name == "cover") {
        check_attributes(c, {"image", "alt", "credit"});
        meta.cover = model::Cover{{c.attribute("image").value(), "", false},
                                  c.attribute("alt").value(),
                                  c.attribute("credit").value(),
                                  loc(c)};
      } else if (name == "date") {
        if (auto d = parse_date(value))
          meta.date = d;
        else
          diags_.error(loc(c), "<date> is not a date: '" + value + "'",
                       "write it as 2026-04-27 or April 27, 2026");
      } else if (name == "reading-time") {
        int minutes = 0;
        auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), minutes);
        if (ec != std::errc() || end != value.data() + value.size() || minutes < 1) {
          diags_.error(loc(c),
                       "<reading-time> must be a whole number of minutes, got '" + value + "'");
        } else {
          meta.reading_minutes = minutes;
          meta.reading_time_given = true;
        }
      } else {
        unknown(c, "meta", names);
      }
    }
  }

  void author(const pugi::xml_node& n, model::Meta& meta) {
    check_attributes(n, {"portrait", "file-as", "role"});
    model::Author a;
    a.loc = loc(n);
    a.file_as = n.attribute("file-as").value();
    a.role = n.attribute("role").value();
    if (auto p = n.attribute("portrait"))
      a.portrait = model::ImageRef{p.value(), "", false};
    for (auto c : n.children()) {
      if (c.type() != pugi::node_element)
        continue;
      if (std::strcmp(c.name(), "name") == 0)
        a.name = trimmed(text_of(c));
      else if (std::strcmp(c.name(), "bio") == 0)
        a.bio = trimmed(text_of(c));
      else
        unknown(c, "author", {"name", "bio"});
    }
    if (a.name.empty())
      diags_.error(a.loc, "author has no name");
    else
      meta.authors.push_back(std::move(a));
  }

  void sources(const pugi::xml_node& n, ArticleDraft& draft) {
    int position = 0;
    for (auto c : n.children()) {
      if (c.type() != pugi::node_element)
        continue;
      if (std::strcmp(c.name(), "source") != 0) {
        unknown(c, "sources", {"source"});
        continue;
      }
      check_attributes(c, {"id", "title", "publisher", "date", "url"});
      SourceEntry s;
      s.loc = loc(c);
      s.id =
          c.attribute("id") ? c.attribute("id").value() : "source-" + std::to_string(position + 1);
      ++position;
      std::string body = trimmed(text_of(c));
      if (!body.empty()) {
        s.plain = true;
        s.source.title = body;
      } else {
        s.source.title = c.attribute("title").value();
        s.source.publisher = c.attribute("publisher").value();
        s.source.url = c.attribute("url").value();
        std::string date = c.attribute("date").value();
        auto d = parse_date(date);
        s.source.date = d ? model::format_date_long(*d) : date;
        if (s.source.title.empty() && s.source.publisher.empty() && s.source.url.empty())
          diags_.error(s.loc, "source '" + s.id + "' has no title, publisher or url");
      }
      for (const auto& other : draft.sources)
        if (other.id == s.id)
          diags_.error(s.loc, "source id '" + s.id + "' is used twice (first at line " +
                                  std::to_string(other.loc.line) + ")");
      draft.sources.push_back(std::move(s));
    }
  }

  // ------------------------------------------------------------------ blocks
  void blocks(const pugi::xml_node& parent, model::Blocks& out, int depth) {
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

  std::optional<model::Block> block(const pugi::xml_node& n, int depth) {
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
      check_attributes(n, {"type", "start", "tight"});
      if (too_deep(n, depth + 1))
        return std::nullopt;
      model::List l;
      std::string_view type = n.attribute("type").value();
      if (type == "ordered")
        l.kind = model::ListKind::Ordered;
      else if (!type.empty() && type != "bullet")
        diags_.error(loc(n),
                     "list type must be 'bullet' or 'ordered', got '" + std::string(type) + "'");
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

  model::Table table(const pugi::xml_node& n, int depth) {
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

  // ------------------------------------------------------------------ inlines
  /// XML text: a run of white space holding a newline is a soft break (as a line break in the
  /// Markdown source is), any other run is one space.
  static void append_text(model::Inlines& out, std::string_view s, const SourceLoc& at) {
    std::string word;
    auto flush = [&] {
      if (word.empty())
        return;
      if (!out.empty())
        if (auto* t = std::get_if<model::Text>(&out.back().value)) {
          t->text += word;
          word.clear();
          return;
        }
      out.push_back({model::Text{word}, at});
      word.clear();
    };
    for (size_t i = 0; i < s.size();) {
      if (!is_space(s[i])) {
        word += s[i++];
        continue;
      }
      bool newline = false;
      while (i < s.size() && is_space(s[i]))
        newline |= s[i++] == '\n';
      if (newline) {
        flush();
        out.push_back({model::SoftBreak{}, at});
      } else {
        word += ' ';
      }
    }
    flush();
  }

  /// Removes soft breaks and spaces at the edges of a block's content and around hard breaks.
  static void tidy(model::Inlines& in) {
    auto is_soft = [](const model::Inline& i) {
      return std::holds_alternative<model::SoftBreak>(i.value);
    };
    auto is_hard = [](const model::Inline& i) {
      return std::holds_alternative<model::LineBreak>(i.value);
    };
    model::Inlines out;
    for (size_t k = 0; k < in.size(); ++k) {
      bool edge = out.empty() || k + 1 == in.size() || is_hard(in[k + 1]) || is_hard(out.back());
      if (is_soft(in[k]) && edge)
        continue;
      out.push_back(std::move(in[k]));
    }
    while (!out.empty() && is_soft(out.back()))
      out.pop_back();
    for (size_t k = 0; k < out.size(); ++k) {
      auto* t = std::get_if<model::Text>(&out[k].value);
      if (!t)
        continue;
      if (k == 0 || is_hard(out[k - 1]) || is_soft(out[k - 1]))
        t->text.erase(0, t->text.find_first_not_of(' '));
      if (k + 1 == out.size() || is_hard(out[k + 1]) || is_soft(out[k + 1]))
        t->text.erase(t->text.find_last_not_of(' ') + 1);
    }
    std::erase_if(out, [](const model::Inline& i) {
      auto* t = std::get_if<model::Text>(&i.value);
      return t && t->text.empty();
    });
    in = std::move(out);
  }

  void inlines(const pugi::xml_node& parent, model::Inlines& out, int depth, bool block_level) {
    for (auto c : parent.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        append_text(out, c.value(), loc(c));
        continue;
      }
      if (c.type() != pugi::node_element)
        continue;
      inline_element(c, out, depth);
    }
    if (block_level)
      tidy(out);
  }

  void inline_element(const pugi::xml_node& n, model::Inlines& out, int depth) {
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

  void notes(const pugi::xml_node& n, ArticleDraft& draft) {
    for (auto c : n.children()) {
      if (c.type() != pugi::node_element)
        continue;
      if (std::strcmp(c.name(), "note") != 0) {
        unknown(c, "notes", {"note"});
        continue;
      }
      check_attributes(c, {"id"});
      model::Note note;
      note.id = c.attribute("id").value();
      note.loc = loc(c);
      if (draft.article.notes.size() + draft.sources.size() >= ctx_.options->limits.max_notes) {
        // At the first note past the limit, before any more work is spent (docs/limits.md).
        diags_.error(note.loc, "too many notes: the limit is " +
                                   std::to_string(ctx_.options->limits.max_notes),
                     "raise the limit with --max-notes");
        draft.too_many_notes = true;
        return;
      }
      if (note.id.empty())
        diags_.error(note.loc, "<note> has no id");
      blocks(c, note.blocks, 0);
      draft.article.notes.push_back(std::move(note));
    }
  }

  void article(const pugi::xml_node& root, ArticleDraft& draft) {
    check_attributes(root, {"version"});
    static const Names parts{"meta", "sources", "body", "notes"};
    for (auto c : root.children()) {
      if (c.type() != pugi::node_element)
        continue;
      std::string_view name = c.name();
      if (name == "meta")
        meta(c, draft);
      else if (name == "sources")
        sources(c, draft);
      else if (name == "body") {
        const int unknown_before = unknown_elements_;
        blocks(c, draft.article.blocks, 0);
        // Unknown elements are skipped with a warning; a body made only of them would give an
        // article with none of its text, which must not pass as clean.
        if (draft.article.blocks.empty() && unknown_elements_ > unknown_before)
          diags_.error(loc(c), "<body> holds no element galley knows, so none of its text "
                               "would be set (see the warnings above)",
                       "use <p>, <h2>, <ul>, <figure> and the other elements of docs/input.md");
      }
      else if (name == "notes")
        notes(c, draft);
      else
        unknown(c, "article", parts);
    }
  }

private:
  std::string_view text_;
  const ArticleContext& ctx_;
  Diagnostics& diags_;
  NestingGuard nesting_{ctx_.options->limits.max_nesting};
  int unknown_elements_ = 0;
};

} // namespace

bool read_xml(std::string_view text, const ArticleContext& ctx, ArticleDraft& draft,
              Diagnostics& diags) {
  pugi::xml_document doc;
  // parse_doctype keeps the DOCTYPE as a node so it can be inspected; pugixml never reads an
  // external DTD and expands only the five predefined entities and character references.
  unsigned options = pugi::parse_default | pugi::parse_doctype;
  pugi::xml_parse_result result =
      doc.load_buffer(text.data(), text.size(), options, pugi::encoding_utf8);
  if (!result) {
    diags.error(
        loc_at(text, static_cast<size_t>(std::max<ptrdiff_t>(0, result.offset)), ctx.display),
        std::string("XML is not well formed: ") + result.description());
    return false;
  }
  XmlReader reader(text, ctx, diags);
  for (auto n : doc.children()) {
    if (n.type() != pugi::node_doctype)
      continue;
    std::string_view decl = n.value();
    if (decl.find("<!ENTITY") != std::string_view::npos) {
      diags.error(reader.loc(n), "DOCTYPE declares entities; galley never expands entities",
                  "remove the DOCTYPE");
      return false;
    }
    diags.warning(reader.loc(n), "DOCTYPE is ignored; galley never reads DTDs");
  }
  pugi::xml_node root = doc.document_element();
  if (std::strcmp(root.name(), "article") != 0) {
    diags.error(reader.loc(root),
                "root element is <" + std::string(root.name()) + ">, expected <article>");
    return false;
  }
  reader.article(root, draft);
  return true;
}

} // namespace galley::input
