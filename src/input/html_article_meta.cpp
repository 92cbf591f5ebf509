#include "input/html_article_meta.hpp"

#include "input/dates.hpp"
#include "input/meta.hpp"
#include "util/text_utils.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

namespace galley::input::html {

namespace {

using nlohmann::json;

/// The schema.org types that are an article (https://schema.org/Article and its subtypes, and
/// https://schema.org/BlogPosting), as a type's last part: "NewsArticle",
/// "https://schema.org/NewsArticle" and "schema:NewsArticle" are one type.
bool is_article_type(std::string type) {
  if (std::size_t cut = type.find_last_of("/:#"); cut != std::string::npos)
    type.erase(0, cut + 1);
  return type.ends_with("Article") || type == "BlogPosting" || type == "LiveBlogPosting" ||
         type == "SocialMediaPosting";
}

bool has_article_type(const json& node) {
  auto it = node.find("@type");
  if (it == node.end())
    return false;
  if (it->is_string())
    return is_article_type(it->get<std::string>());
  if (it->is_array())
    return std::any_of(it->begin(), it->end(),
                       [](const json& t) { return t.is_string() && is_article_type(t); });
  return false;
}

/// The article a JSON-LD document describes: the document itself, an entry of its `@graph`
/// (as Yoast and most CMS plugins write it), of a top-level array, or a page's `mainEntity`.
const json* find_article(const json& node, int depth) {
  if (depth > 8)
    return nullptr;
  if (node.is_array()) {
    for (const json& item : node)
      if (const json* found = find_article(item, depth + 1))
        return found;
    return nullptr;
  }
  if (!node.is_object())
    return nullptr;
  if (has_article_type(node))
    return &node;
  for (const char* key : {"@graph", "mainEntity", "mainEntityOfPage"})
    if (auto it = node.find(key); it != node.end())
      if (const json* found = find_article(*it, depth + 1))
        return found;
  return nullptr;
}

/// A value as text: a string, a number, an object's `name` (a Person, an Organization), `url`
/// (an ImageObject) or `@value`, or the first of an array.
std::string text_of(const json& v) {
  if (v.is_string())
    return collapse_spaces(v.get<std::string>());
  if (v.is_number())
    return v.dump();
  if (v.is_array())
    return v.empty() ? std::string() : text_of(v.front());
  if (v.is_object())
    for (const char* key : {"name", "url", "contentUrl", "@value"})
      if (auto it = v.find(key); it != v.end() && !it->is_object())
        return text_of(*it);
  return {};
}

std::string field(const json& node, const char* key) {
  auto it = node.find(key);
  return it == node.end() ? std::string() : text_of(*it);
}

/// A list that may be one value or an array of them (author, keywords).
std::vector<std::string> list_of(const json& node, const char* key, bool split_commas) {
  std::vector<std::string> out;
  auto it = node.find(key);
  if (it == node.end())
    return out;
  auto add = [&](const json& v) {
    std::string s = text_of(v);
    if (s.empty())
      return;
    if (split_commas && v.is_string()) {
      for (auto& part : split_names(s))
        out.push_back(std::move(part));
    } else {
      out.push_back(std::move(s));
    }
  };
  if (it->is_array())
    for (const json& v : *it)
      add(v);
  else
    add(*it);
  return out;
}

void read_json_ld(const json& article, MetaSource& out) {
  out.title = field(article, "headline");
  if (out.title.empty())
    out.title = field(article, "name");
  out.authors = list_of(article, "author", true);
  out.date = field(article, "datePublished");
  if (out.date.empty())
    out.date = field(article, "dateCreated");
  out.description = field(article, "description");
  out.image = field(article, "image");
  if (out.image.empty())
    out.image = field(article, "thumbnailUrl");
  out.language = field(article, "inLanguage");
  if (auto p = article.find("publisher"); p != article.end())
    out.publication = text_of(*p);
  out.tags = list_of(article, "articleSection", false);
  std::vector<std::string> keywords = list_of(article, "keywords", false);
  for (const std::string& k : keywords) {
    // Keywords are an array or one comma-separated text (schema.org/keywords).
    std::string_view rest = k;
    while (!rest.empty()) {
      std::size_t comma = std::min(rest.find(','), rest.size());
      std::string tag = collapse_spaces(rest.substr(0, comma));
      if (!tag.empty())
        out.tags.push_back(std::move(tag));
      rest.remove_prefix(std::min(comma + 1, rest.size()));
    }
  }
}

/// The text of an element and of everything in it.
std::string all_text(const GumboNode* n) {
  std::string out;
  std::vector<const GumboNode*> stack{n};
  while (!stack.empty()) {
    const GumboNode* k = stack.back();
    stack.pop_back();
    if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_WHITESPACE) {
      out += k->v.text.text;
    } else if (is_element(k)) {
      const GumboVector& kids = k->v.element.children;
      for (unsigned i = kids.length; i-- > 0;)
        stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
    }
  }
  return collapse_spaces(out);
}

bool has_class(const Attributes& attrs, std::string_view name) {
  const std::string classes = " " + collapse_spaces(attribute(attrs, "class")) + " ";
  return classes.find(" " + std::string(name) + " ") != std::string::npos;
}

std::string raw_text(const GumboNode* n) {
  std::string out;
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    const auto* k = static_cast<const GumboNode*>(kids.data[i]);
    if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_WHITESPACE ||
        k->type == GUMBO_NODE_CDATA)
      out += k->v.text.text;
  }
  return out;
}

bool is_url(std::string_view s) {
  return s.starts_with("http://") || s.starts_with("https://");
}

void add_tags(std::vector<std::string>& tags, std::string_view text) {
  while (!text.empty()) {
    std::size_t comma = std::min(text.find(','), text.size());
    std::string tag = collapse_spaces(text.substr(0, comma));
    if (!tag.empty())
      tags.push_back(std::move(tag));
    text.remove_prefix(std::min(comma + 1, text.size()));
  }
}

struct MetaReader {
  const SourceLoc& at;
  Diagnostics& diags;
  PageMetadata page;
  std::string og_section;

  SourceLoc loc(const GumboNode* n) const { return FragmentReader::location(n, at); }

  static void first(std::string& slot, const std::string& value) {
    if (slot.empty())
      slot = value;
  }
  static void mark(MetaSource& s, const SourceLoc& l) {
    if (s.loc.file.empty())
      s.loc = l;
  }

  void meta_element(const GumboNode* n) {
    const Attributes attrs = attributes_of(n);
    std::string key = ascii_lower(attribute(attrs, "property"));
    if (key.empty())
      key = ascii_lower(attribute(attrs, "name"));
    if (key.empty())
      key = ascii_lower(attribute(attrs, "http-equiv"));
    const std::string value = collapse_spaces(attribute(attrs, "content"));
    if (key.empty() || value.empty())
      return;
    MetaSource& og = page.open_graph;
    MetaSource& m = page.meta;
    const SourceLoc l = loc(n);
    if (key.starts_with("og:") || key.starts_with("article:")) {
      mark(og, l);
      if (key == "og:title")
        first(og.title, value);
      else if (key == "og:description")
        first(og.description, value);
      else if (key == "og:image" || key == "og:image:url" || key == "og:image:secure_url")
        first(og.image, value);
      else if (key == "og:image:alt")
        first(og.image_alt, value);
      else if (key == "og:locale")
        first(og.language, value);
      else if (key == "og:site_name")
        first(og.publication, value);
      else if (key == "article:published_time")
        first(og.date, value);
      else if (key == "article:section")
        first(og_section, value);
      else if (key == "article:tag")
        og.tags.push_back(value);
      // article:author is a profile URL (ogp.me) or, as many sites write it, a name.
      else if (key == "article:author" && !is_url(value))
        og.authors.push_back(value);
      return;
    }
    mark(m, l);
    if (key == "author" || key == "dc.creator") {
      // One element an author, as pandoc writes them, or one for all.
      for (std::string& name : split_names(value))
        if (std::find(m.authors.begin(), m.authors.end(), name) == m.authors.end())
          m.authors.push_back(std::move(name));
    } else if (key == "description" || key == "dc.description") {
      first(m.description, value);
    } else if (key == "keywords" || key == "news_keywords" || key == "dc.subject") {
      if (m.tags.empty())
        add_tags(m.tags, value);
    } else if (key == "dc.title") {
      first(m.title, value);
    } else if (key == "date" || key == "dc.date" || key == "dc.date.issued" ||
               key == "dcterms.date") {
      first(m.date, value);
    } else if (key == "content-language" || key == "dc.language") {
      first(m.language, value);
    } else if (key == "application-name") {
      first(m.publication, value);
    }
  }

  void script_element(const GumboNode* n) {
    const std::string type = ascii_lower(collapse_spaces(attribute(attributes_of(n), "type")));
    if (type != "application/ld+json" || !page.json_ld.loc.file.empty())
      return;
    json doc = json::parse(raw_text(n), nullptr, false);
    if (doc.is_discarded()) {
      diags.warning(loc(n), "JSON-LD that is not JSON is left out");
      return;
    }
    if (const json* article = find_article(doc, 0)) {
      read_json_ld(*article, page.json_ld);
      page.json_ld.loc = loc(n);
    }
  }

  /// microformats2 h-entry properties (microformats.org/wiki/h-entry).
  void microformats(const GumboNode* n) {
    const Attributes attrs = attributes_of(n);
    if (attribute(attrs, "class").empty())
      return;
    MetaSource& mf = page.microformats;
    if (has_class(attrs, "p-author")) {
      if (std::string name = all_text(n); !name.empty()) {
        mark(mf, loc(n));
        mf.authors.push_back(std::move(name));
      }
    } else if (has_class(attrs, "p-summary") && mf.description.empty()) {
      mark(mf, loc(n));
      mf.description = all_text(n);
    } else if (has_class(attrs, "dt-published") && mf.date.empty()) {
      mark(mf, loc(n));
      mf.date = collapse_spaces(attribute(attrs, "datetime"));
      if (mf.date.empty())
        mf.date = all_text(n);
    }
  }

  void walk(const GumboNode* root) {
    // Iterative: the tree's depth is bounded only by the nesting cut before parsing.
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      if (n->type == GUMBO_NODE_DOCUMENT) {
        for (unsigned i = n->v.document.children.length; i-- > 0;)
          stack.push_back(static_cast<const GumboNode*>(n->v.document.children.data[i]));
        continue;
      }
      if (!is_element(n))
        continue;
      const GumboTag tag = n->v.element.tag;
      if (tag == GUMBO_TAG_HTML) {
        first(page.meta.language, collapse_spaces(attribute(attributes_of(n), "lang")));
        if (page.meta.language.empty())
          first(page.meta.language, collapse_spaces(attribute(attributes_of(n), "xml:lang")));
      } else if (tag == GUMBO_TAG_META) {
        meta_element(n);
      } else if (tag == GUMBO_TAG_SCRIPT) {
        script_element(n);
        continue;
      } else if (tag == GUMBO_TAG_TITLE && n->parent != nullptr && is_element(n->parent) &&
                 n->parent->v.element.tag == GUMBO_TAG_HEAD) {
        if (page.title_element.empty()) {
          page.title_element = collapse_spaces(raw_text(n));
          page.title_loc = loc(n);
        }
        continue;
      } else if (tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH) {
        continue;
      } else {
        microformats(n);
      }
      const GumboVector& kids = n->v.element.children;
      for (unsigned i = kids.length; i-- > 0;)
        stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
    }
    if (!og_section.empty())
      page.open_graph.tags.insert(page.open_graph.tags.begin(), og_section);
  }
};

/// `en_US` (OpenGraph's form) and `en-US` alike.
std::optional<std::string> language_of(const MetaSource& s, Diagnostics& diags) {
  if (s.language.empty())
    return std::nullopt;
  return language_tag(s.language, s.loc, diags);
}

} // namespace

PageMetadata read_page_metadata(const GumboNode* document, const SourceLoc& at,
                                Diagnostics& diags) {
  MetaReader reader{at, diags, {}, {}};
  reader.walk(document);
  return std::move(reader.page);
}

void apply_page_metadata(const PageMetadata& page, ArticleDraft& draft, Diagnostics& diags) {
  model::Meta& meta = draft.article.meta;
  const std::array<const MetaSource*, 4> ranked{&page.json_ld, &page.open_graph, &page.meta,
                                                &page.microformats};
  for (const MetaSource* s : ranked)
    if (meta.title.empty() && !s->title.empty()) {
      meta.title = s->title;
      meta.loc = s->loc;
    }
  if (meta.authors.empty())
    for (const MetaSource* s : ranked)
      if (!s->authors.empty()) {
        for (const std::string& name : s->authors) {
          model::Author a;
          a.name = name;
          a.loc = s->loc;
          meta.authors.push_back(std::move(a));
        }
        break;
      }
  if (!meta.date)
    for (const MetaSource* s : ranked) {
      if (s->date.empty())
        continue;
      if ((meta.date = parse_date(s->date)))
        break;
      diags.warning(s->loc, "the page's date is not a date: '" + s->date + "'; it is left out");
    }
  for (const MetaSource* s : ranked)
    if (meta.dek.empty())
      meta.dek = s->description;
  for (const MetaSource* s : ranked)
    if (meta.publication.empty())
      meta.publication = s->publication;
  if (meta.tags.empty())
    for (const MetaSource* s : ranked)
      if (!s->tags.empty()) {
        for (const std::string& t : s->tags)
          if (std::find(meta.tags.begin(), meta.tags.end(), t) == meta.tags.end())
            meta.tags.push_back(t);
        break;
      }
  // A page's image is nearly always an absolute URL (ogp.me requires one), which galley never
  // fetches: only a local file becomes the cover.
  if (!meta.cover)
    for (const MetaSource* s : ranked) {
      if (s->image.empty())
        continue;
      if (!is_url(s->image) && !s->image.starts_with("//") && !s->image.starts_with("data:")) {
        model::Cover c;
        c.image.src = s->image;
        c.alt = s->image_alt;
        c.loc = s->loc;
        meta.cover = std::move(c);
        draft.cover_alt_optional = true;
      }
      break;
    }
  // The language a page declares on its root element is what browsers, hyphenation and screen
  // readers use: it ranks above OpenGraph's og:locale, a site-wide setting.
  for (const MetaSource* s : {&page.json_ld, &page.meta, &page.open_graph})
    if (auto tag = language_of(*s, diags)) {
      meta.language = *tag;
      break;
    }
}

} // namespace galley::input::html
