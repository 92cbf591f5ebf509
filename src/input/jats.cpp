// The JATS reader's front and back matter (jats_reader.hpp).
#include "input/jats.hpp"
#include "input/jats_reader.hpp"

#include "input/dates.hpp"

#include <algorithm>
#include <charconv>

namespace galley::input {

namespace jats_detail {

namespace {

/// A contributor's name (JATS 1.3, `name`): given names then surname, or surname first when
/// `name-style` is "eastern" (as Chinese, Japanese and Korean names are written); the file-as
/// form is "Surname, Given".
void person_name(const pugi::xml_node& name, model::Author& a) {
  std::string surname = collapse_spaces(deep_text(child_named(name, "surname")));
  std::string given = collapse_spaces(deep_text(child_named(name, "given-names")));
  std::string suffix = collapse_spaces(deep_text(child_named(name, "suffix")));
  const bool eastern = std::string_view(name.attribute("name-style").value()) == "eastern";
  if (given.empty())
    a.name = surname;
  else if (eastern)
    a.name = surname + " " + given;
  else
    a.name = given + " " + surname;
  if (!suffix.empty())
    a.name += " " + suffix;
  a.file_as = given.empty() ? surname : surname + ", " + given;
}

int number(std::string_view s) {
  int out = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size() ? out : 0;
}

/// Joins the parts of a citation with ". ", as reference styles do, without doubling a
/// full stop a part already ends with.
void add_part(std::string& text, const std::string& part) {
  if (part.empty())
    return;
  if (!text.empty()) {
    char last = text.back();
    text += last == '.' || last == '?' || last == '!' || last == ',' || last == ';' || last == ':'
                ? " "
                : ". ";
  }
  text += part;
}

/// One name of a citation, as reference lists write it: "Surname GN".
std::string name_of(const pugi::xml_node& c) {
  if (is_element_named(c, "name")) {
    std::string given = collapse_spaces(deep_text(child_named(c, "given-names")));
    return collapse_spaces(deep_text(child_named(c, "surname"))) +
           (given.empty() ? "" : " " + given);
  }
  if (is_element_named(c, "string-name") || is_element_named(c, "collab"))
    return collapse_spaces(deep_text(c));
  if (is_element_named(c, "etal"))
    return "et al.";
  return {};
}

std::string names_of(const pugi::xml_node& group) {
  std::string out;
  for (auto c : group.children()) {
    std::string name = name_of(c);
    if (!name.empty())
      out += (out.empty() ? "" : ", ") + name;
  }
  return out;
}

/// The text of a `mixed-citation`, which carries its own punctuation: as written, but for the
/// names, whose parts are often written without a space between them.
std::string mixed_citation(const pugi::xml_node& cite) {
  std::string text;
  auto part = [&](const pugi::xml_node& c) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata)
      text += c.value();
    else if (c.type() == pugi::node_element)
      text += is_element_named(c, "name") ? name_of(c) : deep_text(c);
  };
  for (auto c : cite.children()) {
    if (is_element_named(c, "person-group"))
      for (auto name : c.children())
        part(name);
    else
      part(c);
  }
  return collapse_spaces(text);
}

/// The text of an `element-citation`, whose parts carry no punctuation: authors, titles,
/// source, year, volume and pages, identifiers, in the order written.
std::string element_citation(const pugi::xml_node& cite) {
  std::string text, pages;
  for (auto c : cite.children()) {
    if (c.type() != pugi::node_element)
      continue;
    const std::string_view name = local_name(c);
    if (name == "fpage") {
      pages = collapse_spaces(deep_text(c));
      continue;
    }
    if (name == "lpage") {
      pages += "\u2013" + collapse_spaces(deep_text(c));
      continue;
    }
    if (name == "comment" || name == "annotation")
      continue;
    add_part(text, pages);
    pages.clear();
    if (name == "person-group")
      add_part(text, names_of(c));
    else if (name == "name" || name == "string-name" || name == "collab" || name == "etal")
      add_part(text, name_of(c));
    else if (name == "pub-id" && std::string_view(c.attribute("pub-id-type").value()) == "doi")
      add_part(text, "doi:" + collapse_spaces(deep_text(c)));
    else
      add_part(text, collapse_spaces(deep_text(c)));
  }
  add_part(text, pages);
  return text;
}

} // namespace

void JatsReader::read() {
  pugi::xml_node root = xml_.root();
  take_language(root);
  collect_note_refs(root);
  if (auto f = child_named(root, "front"))
    front(f);
  if (auto body = child_named(root, "body"))
    blocks(body, draft_.article.blocks, 1, 0);
  if (auto b = child_named(root, "back"))
    back(b);
}

void JatsReader::collect_note_refs(const pugi::xml_node& root) {
  for (auto x :
       root.select_nodes("//*[local-name()='xref'][@ref-type='fn' or @ref-type='table-fn']")) {
    // rid is IDREFS: one citation may name several notes.
    std::string_view rids = x.node().attribute("rid").value();
    while (!rids.empty()) {
      size_t space = rids.find(' ');
      if (space != 0)
        cited_notes_.insert(std::string(rids.substr(0, space)));
      if (space == std::string_view::npos)
        break;
      rids.remove_prefix(space + 1);
    }
  }
}

void JatsReader::front(const pugi::xml_node& f) {
  model::Meta& meta = draft_.article.meta;
  if (auto journal = child_named(f, "journal-meta")) {
    pugi::xml_node title =
        child_named(child_named(journal, "journal-title-group"), "journal-title");
    if (!title)
      title = child_named(journal, "journal-title");
    meta.publication = flat(title);
  }
  if (auto m = child_named(f, "article-meta"))
    article_meta(m);
}

void JatsReader::article_meta(const pugi::xml_node& m) {
  model::Meta& meta = draft_.article.meta;
  for (auto c : m.children()) {
    if (is_element_named(c, "title-group")) {
      if (auto t = child_named(c, "article-title")) {
        meta.title = flat(t);
        meta.loc = loc(t);
      }
      if (auto s = child_named(c, "subtitle"))
        meta.subtitle = flat(s);
    } else if (is_element_named(c, "contrib-group")) {
      contributors(c, m);
    } else if (is_element_named(c, "article-id")) {
      if (std::string_view(c.attribute("pub-id-type").value()) == "doi" || meta.identifier.empty())
        meta.identifier = flat(c);
    } else if (is_element_named(c, "abstract") && meta.dek.empty() &&
               !c.attribute("abstract-type")) {
      // A structured abstract's sections are run together, each after its title.
      std::string text;
      for (auto part : c.select_nodes(".//*[local-name()='p' or local-name()='title']"))
        if (part.node().parent() != c || !is_element_named(part.node(), "title"))
          add_part(text, flat(part.node()));
      meta.dek = text;
    } else if (is_element_named(c, "kwd-group")) {
      for (auto k : c.children())
        if (is_element_named(k, "kwd")) {
          std::string tag = flat(k);
          if (!tag.empty() && std::find(meta.tags.begin(), meta.tags.end(), tag) == meta.tags.end())
            meta.tags.push_back(std::move(tag));
        }
    }
  }
  pub_date(m);
}

void JatsReader::contributors(const pugi::xml_node& group, const pugi::xml_node& meta_node) {
  auto aff_text = [&](const std::string& id) {
    for (auto a : meta_node.select_nodes(".//*[local-name()='aff'][@id]"))
      if (id == a.node().attribute("id").value()) {
        std::string text;
        for (auto c : a.node().children())
          if (!is_element_named(c, "label"))
            text += c.type() == pugi::node_element ? deep_text(c) : std::string(c.value());
        return collapse_spaces(text);
      }
    return std::string();
  };
  for (auto c : group.children()) {
    if (!is_element_named(c, "contrib"))
      continue;
    std::string_view type = c.attribute("contrib-type").value();
    if (!type.empty() && type != "author")
      continue;
    model::Author a;
    a.loc = loc(c);
    if (auto name = child_named(c, "name"))
      person_name(name, a);
    else if (auto sn = child_named(c, "string-name"))
      a.name = flat(sn);
    else if (auto collab = child_named(c, "collab"))
      a.name = flat(collab);
    if (a.name.empty())
      continue;
    // Affiliations: the contributor's own <aff>, or those its <xref ref-type="aff"> cites. The
    // model has one line under the byline for each author, which is where they go.
    std::vector<std::string> affs;
    for (auto x : c.children()) {
      std::string text;
      if (is_element_named(x, "aff"))
        text = flat(x);
      else if (is_element_named(x, "xref") &&
               std::string_view(x.attribute("ref-type").value()) == "aff")
        text = aff_text(x.attribute("rid").value());
      if (!text.empty() && std::find(affs.begin(), affs.end(), text) == affs.end())
        affs.push_back(text);
    }
    for (const auto& aff : affs)
      a.bio += (a.bio.empty() ? "" : "; ") + aff;
    draft_.article.meta.authors.push_back(std::move(a));
  }
}

void JatsReader::pub_date(const pugi::xml_node& m) {
  // The date the article came out in its final form: electronic, then print, then any.
  pugi::xml_node chosen;
  int rank = 99;
  for (auto d : m.children()) {
    if (!is_element_named(d, "pub-date"))
      continue;
    std::string_view type = d.attribute("pub-type").value();
    if (type.empty())
      type = d.attribute("date-type").value();
    const int r = type == "epub" ? 0 : type == "pub" ? 1 : type == "ppub" ? 2 : 3;
    if (r < rank) {
      rank = r;
      chosen = d;
    }
  }
  if (!chosen)
    return;
  if (auto iso = chosen.attribute("iso-8601-date"))
    if (auto d = parse_date(iso.value())) {
      draft_.article.meta.date = d;
      return;
    }
  model::Date d;
  d.year = number(flat(child_named(chosen, "year")));
  d.month = number(flat(child_named(chosen, "month")));
  d.day = d.month ? number(flat(child_named(chosen, "day"))) : 0;
  if (d.year <= 0 || d.month < 0 || d.month > 12) {
    diags_.warning(loc(chosen), "<pub-date> is not a date; it is left out");
    return;
  }
  // parse_date checks that the day exists in its month.
  std::string iso = std::to_string(d.year);
  if (d.month)
    iso += (d.month < 10 ? "-0" : "-") + std::to_string(d.month);
  if (d.day)
    iso += (d.day < 10 ? "-0" : "-") + std::to_string(d.day);
  if (auto parsed = parse_date(iso))
    draft_.article.meta.date = parsed;
  else
    diags_.warning(loc(chosen), "<pub-date> is not a date: '" + iso + "'; it is left out");
}

void JatsReader::back(const pugi::xml_node& b) {
  for (auto c : b.children()) {
    if (is_element_named(c, "ref-list"))
      references(c);
    else if (c.type() == pugi::node_element && !is_element_named(c, "label") &&
             !is_element_named(c, "title"))
      block(c, draft_.article.blocks, 1, 0);
  }
}

namespace {

/// The number a reference list's `<label>` gives ("2", "2.", "[2]"), which the text's citations
/// as written use; 0 when the label is not a number ("Smith 2010", none).
int label_number(std::string_view label) {
  if (label.size() >= 2 && ((label.front() == '[' && label.back() == ']') ||
                            (label.front() == '(' && label.back() == ')')))
    label = label.substr(1, label.size() - 2);
  if (!label.empty() && label.back() == '.')
    label.remove_suffix(1);
  if (label.empty() || label.size() > 6 ||
      label.find_first_not_of("0123456789") != std::string_view::npos)
    return 0;
  return std::stoi(std::string(label));
}

} // namespace

/// Each `<ref>` is a source (docs/input.md, "Notes"), shown as its citation's text: a
/// `mixed-citation` as written, an `element-citation` with its parts joined by full stops. A
/// label that is a number is the number the Sources list shows (model::Note::given_number).
void JatsReader::references(const pugi::xml_node& list) {
  int position = 0;
  for (auto r : list.children()) {
    if (is_element_named(r, "ref-list")) {
      references(r);
      continue;
    }
    if (!is_element_named(r, "ref"))
      continue;
    ++position;
    if (!room_for_note(r))
      return;
    SourceEntry s;
    s.loc = loc(r);
    s.id = r.attribute("id") ? r.attribute("id").value() : "ref-" + std::to_string(position);
    s.plain = true;
    s.given_number = label_number(flat(child_named(r, "label")));
    pugi::xml_node cite = r.select_node(".//*[local-name()='mixed-citation']").node();
    if (cite) {
      s.source.title = mixed_citation(cite);
    } else if ((cite = r.select_node(".//*[local-name()='element-citation']").node())) {
      s.source.title = element_citation(cite);
    } else if ((cite = r.select_node(".//*[local-name()='nlm-citation']").node())) {
      s.source.title = element_citation(cite);
    } else {
      std::string text;
      for (auto c : r.children())
        if (!is_element_named(c, "label"))
          text += c.type() == pugi::node_element ? deep_text(c) : std::string(c.value());
      s.source.title = collapse_spaces(text);
    }
    if (s.source.title.empty())
      continue;
    for (const auto& other : draft_.sources)
      if (other.id == s.id)
        diags_.error(s.loc, "reference id '" + s.id + "' is used twice (first at line " +
                                std::to_string(other.loc.line) + ")");
    draft_.sources.push_back(std::move(s));
  }
}

} // namespace jats_detail

bool is_jats(const XmlDocument& xml) {
  pugi::xml_node root = xml.root();
  if (local_name(root) != "article")
    return false;
  const std::string& id = xml.public_id;
  return id.find("JATS") != std::string::npos || id.find("-//NLM//DTD") != std::string::npos ||
         root.attribute("dtd-version") || child_named(root, "front");
}

bool read_jats(const XmlDocument& xml, const ArticleContext& ctx, ArticleDraft& draft,
               Diagnostics& diags) {
  jats_detail::JatsReader(xml, ctx, draft, diags).read();
  return true;
}

} // namespace galley::input
