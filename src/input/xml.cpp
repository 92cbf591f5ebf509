#include "input/xml.hpp"
#include "input/xml_reader.hpp"

#include "input/dates.hpp"
#include "input/html.hpp"
#include "input/meta.hpp"
#include "input/nesting.hpp"
#include "input/text_file.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace galley::input {

namespace xml_detail {

void XmlReader::meta(const pugi::xml_node& m, ArticleDraft& draft) {
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
      if (auto tag = language_tag(value, loc(c), diags_))
        meta.language = *tag;
    } else if (name == "identifier")
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

void XmlReader::author(const pugi::xml_node& n, model::Meta& meta) {
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

void XmlReader::sources(const pugi::xml_node& n, ArticleDraft& draft) {
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
    s.id = c.attribute("id") ? c.attribute("id").value() : "source-" + std::to_string(position + 1);
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

void XmlReader::notes(const pugi::xml_node& n, ArticleDraft& draft) {
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
      diags_.error(note.loc,
                   "too many notes: the limit is " + std::to_string(ctx_.options->limits.max_notes),
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

void XmlReader::article(const pugi::xml_node& root, ArticleDraft& draft) {
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
        diags_.error(loc(c),
                     "<body> holds no element galley knows, so none of its text "
                     "would be set (see the warnings above)",
                     "use <p>, <h2>, <ul>, <figure> and the other elements of docs/input.md");
    } else if (name == "notes")
      notes(c, draft);
    else
      unknown(c, "article", parts);
  }
}

} // namespace xml_detail

using xml_detail::XmlReader;

bool is_galley_xml(const XmlDocument& xml) {
  return std::strcmp(xml.root().name(), "article") == 0;
}

bool read_galley_xml(const XmlDocument& xml, const ArticleContext& ctx, ArticleDraft& draft,
                     Diagnostics& diags) {
  XmlReader reader(xml.text, ctx, diags);
  if (xml.doctype)
    diags.warning(reader.loc(xml.doctype), "DOCTYPE is ignored; galley never reads DTDs");
  reader.article(xml.root(), draft);
  resolve_html(draft.article, ctx.options->limits.max_nesting, diags);
  return true;
}

} // namespace galley::input
