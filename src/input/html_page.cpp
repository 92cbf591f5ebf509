#include "input/html_page.hpp"

#include "util/text_utils.hpp"

#include <algorithm>
#include <cstdlib>

namespace galley::input::html {

namespace {

const GumboVector* children(const GumboNode* n) {
  if (n->type == GUMBO_NODE_DOCUMENT)
    return &n->v.document.children;
  if (is_element(n))
    return &n->v.element.children;
  return nullptr;
}

/// Whether the space-separated list `value` (a class, a role, an epub:type) holds `token`.
bool has_token(std::string_view value, std::string_view token) {
  std::size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && is_html_space(value[i]))
      ++i;
    std::size_t start = i;
    while (i < value.size() && !is_html_space(value[i]))
      ++i;
    if (value.substr(start, i - start) == token)
      return true;
  }
  return false;
}

bool has_any_token(std::string_view value, std::initializer_list<std::string_view> tokens) {
  return std::any_of(tokens.begin(), tokens.end(),
                     [&](std::string_view t) { return has_token(value, t); });
}

bool has_attribute(const Attributes& attrs, std::string_view name) {
  return std::any_of(attrs.begin(), attrs.end(), [&](const auto& a) { return a.first == name; });
}

/// One footnote: DPUB-ARIA's roles and EPUB's types (an aside, a div, a list item...).
bool is_single_note(const Attributes& a) {
  return has_any_token(attribute(a, "role"), {"doc-footnote", "doc-endnote"}) ||
         has_any_token(attribute(a, "epub:type"), {"footnote", "endnote", "rearnote"});
}

/// A list of footnotes, each an item (or a single note) with an id.
bool is_note_list(const Attributes& a) {
  return has_any_token(attribute(a, "class"), {"footnotes", "wp-block-footnotes"}) ||
         has_token(attribute(a, "role"), "doc-endnotes") ||
         has_any_token(attribute(a, "epub:type"), {"footnotes", "endnotes", "rearnotes"});
}

/// Parts of a page that are about the site, not the article: ARIA landmarks of the page, the
/// usual names of comment, sharing, related-story and contents blocks (WordPress, Jetpack,
/// Hugo), and what the metadata already holds.
bool is_site_part(const Attributes& a) {
  if (has_any_token(attribute(a, "role"),
                    {"navigation", "banner", "contentinfo", "complementary", "search"}))
    return true;
  for (const char* name : {"id", "class"})
    if (has_any_token(attribute(a, name),
                      {"comments", "comments-area", "comment-respond", "sharedaddy",
                       "jp-relatedposts", "related-posts", "share-buttons", "social-share", "toc",
                       "footnotes-sep"}))
      return true;
  // An h-entry's summary is the article's dek (html_article_meta.cpp).
  return has_token(attribute(a, "class"), "p-summary");
}

/// A link from a note back to where it is referenced.
bool is_backlink(const Attributes& a, const PageNotes& notes) {
  if (has_any_token(attribute(a, "class"),
                    {"footnote-back", "footnote-backref", "reversefootnote", "footnote-return"}) ||
      has_token(attribute(a, "role"), "doc-backlink") || attribute(a, "rev") == "footnote")
    return true;
  const std::string href = attribute(a, "href");
  return href.size() > 1 && href[0] == '#' && notes.reference_ids.count(href.substr(1)) != 0;
}

struct Candidate {
  double size = 1; ///< the width of a `w` descriptor, else the density of an `x` one
  std::string url;
};

/// The candidates of a srcset (HTML Living Standard, 4.8.4.3.1, "srcset" attributes): URLs
/// each followed by an optional width (`800w`) or density (`2x`), separated by commas.
void add_srcset(std::string_view s, std::vector<Candidate>& out) {
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (is_html_space(s[i]) || s[i] == ','))
      ++i;
    const std::size_t start = i;
    while (i < s.size() && !is_html_space(s[i]))
      ++i;
    std::string url(s.substr(start, i - start));
    bool ended = false;
    while (!url.empty() && url.back() == ',') {
      url.pop_back();
      ended = true;
    }
    std::string descriptor;
    if (!ended) {
      const std::size_t d = i;
      while (i < s.size() && s[i] != ',')
        ++i;
      descriptor = collapse_spaces(s.substr(d, i - d));
    }
    if (url.empty())
      continue;
    Candidate c;
    c.url = std::move(url);
    if (!descriptor.empty() && (descriptor.back() == 'w' || descriptor.back() == 'x'))
      c.size = std::max(0.0, std::atof(descriptor.c_str()));
    out.push_back(std::move(c));
  }
}

bool is_remote_or_inline(std::string_view src) {
  return src.find("://") != std::string_view::npos || src.starts_with("//") ||
         src.starts_with("data:");
}

} // namespace

void for_each_element(const GumboNode* root, const std::function<bool(const GumboNode*)>& visit) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (is_element(n) && !visit(n))
      continue;
    if (const GumboVector* kids = children(n))
      for (unsigned i = kids->length; i-- > 0;)
        stack.push_back(static_cast<const GumboNode*>(kids->data[i]));
  }
}

std::size_t text_length(const GumboNode* n) {
  std::size_t length = 0;
  for_each_element(n, [&](const GumboNode* e) {
    const GumboTag tag = e->v.element.tag;
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE)
      return false;
    const GumboVector& kids = e->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      const auto* k = static_cast<const GumboNode*>(kids.data[i]);
      if (k->type == GUMBO_NODE_TEXT)
        length += std::string_view(k->v.text.text).size();
    }
    return true;
  });
  return length;
}

PageNotes find_notes(const GumboNode* document) {
  PageNotes notes;
  auto add = [&](const GumboNode* n, const std::string& id) {
    if (notes.by_id.emplace(id, n).second)
      notes.order.push_back(id);
  };
  std::vector<std::pair<std::string, std::string>> links; // target, id of the linking element
  for_each_element(document, [&](const GumboNode* n) {
    const Attributes a = attributes_of(n);
    const std::string id = attribute(a, "id");
    if (is_note_list(a)) {
      notes.containers.insert(n);
      for_each_element(n, [&](const GumboNode* item) {
        if (item == n)
          return true;
        const Attributes ia = attributes_of(item);
        const std::string item_id = attribute(ia, "id");
        if (item_id.empty() || (tag_name(item) != "li" && !is_single_note(ia)))
          return true;
        add(item, item_id);
        return false;
      });
      return false;
    }
    if (is_single_note(a) && !id.empty()) {
      notes.containers.insert(n);
      add(n, id);
      return false;
    }
    const std::string href = attribute(a, "href");
    if (n->v.element.tag == GUMBO_TAG_A && href.size() > 1 && href[0] == '#') {
      links.emplace_back(href.substr(1), id);
      // goldmark and kramdown put the id on the <sup> around the link.
      if (n->parent != nullptr && is_element(n->parent) &&
          n->parent->v.element.tag == GUMBO_TAG_SUP)
        links.emplace_back(href.substr(1), attribute(attributes_of(n->parent), "id"));
    }
    return true;
  });
  for (const auto& [target, id] : links)
    if (!id.empty() && notes.by_id.count(target) != 0)
      notes.reference_ids.insert(id);
  return notes;
}

bool Page::leave_out(const GumboNode* n) const {
  static const std::set<std::string_view> kFurniture = {
      "nav",   "script", "style",    "noscript", "template", "form", "button",
      "input", "select", "textarea", "svg",      "dialog",   "link", "meta",
      "title", "base",   "object",   "canvas",   "aside"};
  const std::string name = tag_name(n);
  if (kFurniture.count(name) != 0 || notes_.containers.count(n) != 0)
    return true;
  const Attributes a = attributes_of(n);
  if (has_attribute(a, "hidden") || is_site_part(a))
    return true;
  if (name == "a")
    return is_backlink(a, notes_);
  if (name == "header" || name == "footer")
    return !in_part(n) && !(name == "header" && has_figure(n));
  // The article's header is left out but for its picture (Ghost's feature image).
  const GumboNode* up = n->parent;
  if (up != nullptr && tag_name(up) == "header" && !in_part(up) && has_figure(up))
    return name != "figure";
  return false;
}

bool Page::in_part(const GumboNode* n) const {
  // The header and footer of the page and of the article itself hold its title, byline,
  // date, tags and sharing links, which the outputs set from the metadata; a section's
  // header is its heading, a quotation's footer its source.
  for (const GumboNode* p = n->parent; p != nullptr && p != root_; p = p->parent) {
    const std::string up = tag_name(p);
    if (up == "section" || up == "blockquote" || up == "figure" || up == "details")
      return true;
  }
  return false;
}

bool Page::has_figure(const GumboNode* n) {
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    const auto* k = static_cast<const GumboNode*>(kids.data[i]);
    if (is_element(k) && k->v.element.tag == GUMBO_TAG_FIGURE)
      return true;
  }
  return false;
}

std::string Page::note_link(const GumboNode* n) const {
  const GumboTag tag = n->v.element.tag;
  if (tag == GUMBO_TAG_A) {
    const std::string href = attribute(attributes_of(n), "href");
    if (href.size() > 1 && href[0] == '#' && notes_.by_id.count(href.substr(1)) != 0)
      return href.substr(1);
    return {};
  }
  if (tag != GUMBO_TAG_SUP)
    return {};
  // <sup><a href="#fn1">1</a></sup>: the superscript is the reference's, not the text's.
  const GumboNode* link = nullptr;
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    const auto* k = static_cast<const GumboNode*>(kids.data[i]);
    if (k->type == GUMBO_NODE_WHITESPACE || k->type == GUMBO_NODE_COMMENT)
      continue;
    if (link != nullptr || !is_element(k) || k->v.element.tag != GUMBO_TAG_A)
      return {};
    link = k;
  }
  return link != nullptr ? note_link(link) : std::string();
}

std::optional<model::Inline> Page::replace(const GumboNode* n, const SourceLoc& loc) const {
  std::string id = note_link(n);
  if (id.empty())
    return std::nullopt;
  if (std::find(referenced_.begin(), referenced_.end(), id) == referenced_.end())
    referenced_.push_back(id);
  return model::Inline{model::NoteRef{std::move(id)}, loc};
}

bool Page::local_file(const std::string& src) const {
  if (src.empty() || is_remote_or_inline(src) || src.find_first_of("?#") != std::string::npos)
    return false;
  std::error_code ec;
  if (src.front() == '/') {
    for (const auto& dir : ctx_.options->resource_paths)
      if (std::filesystem::is_regular_file(dir / src.substr(1), ec))
        return true;
    return false;
  }
  return std::filesystem::is_regular_file(ctx_.base_dir / src, ec);
}

model::Inline Page::image(const GumboNode* img, const SourceLoc& loc) const {
  const Attributes a = attributes_of(img);
  std::vector<Candidate> candidates;
  // A <picture>'s sources come before its <img> (HTML Living Standard, 4.8.1).
  if (img->parent != nullptr && tag_name(img->parent) == "picture") {
    const GumboVector& kids = img->parent->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      const auto* k = static_cast<const GumboNode*>(kids.data[i]);
      if (is_element(k) && k->v.element.tag == GUMBO_TAG_SOURCE) {
        const Attributes sa = attributes_of(k);
        add_srcset(attribute(sa, "srcset"), candidates);
        add_srcset(attribute(sa, "data-srcset"), candidates);
      }
    }
  }
  add_srcset(attribute(a, "srcset"), candidates);
  add_srcset(attribute(a, "data-srcset"), candidates);
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& x, const Candidate& y) { return x.size > y.size; });

  model::Image out;
  out.alt = attribute(a, "alt");
  out.title = attribute(a, "title");
  for (const Candidate& c : candidates)
    if (local_file(c.url)) {
      out.image.src = c.url;
      return {std::move(out), loc};
    }
  // Lazy-loading scripts keep the real address in a data attribute and a placeholder in src.
  for (const char* name : {"src", "data-src", "data-lazy-src", "data-original"}) {
    std::string src = attribute(a, name);
    if (!src.empty() && !src.starts_with("data:")) {
      out.image.src = std::move(src);
      return {std::move(out), loc};
    }
  }
  out.image.src = candidates.empty() ? attribute(a, "src") : candidates.front().url;
  return {std::move(out), loc};
}

namespace {

/// The white space a removed link back leaves at a note's end (goldmark and kramdown put a
/// no-break space before it).
void trim_end(model::Blocks& blocks) {
  if (blocks.empty())
    return;
  auto* p = std::get_if<model::Paragraph>(&blocks.back().value);
  if (p == nullptr || p->content.empty())
    return;
  auto* t = std::get_if<model::Text>(&p->content.back().value);
  if (t == nullptr)
    return;
  for (bool cut = true; cut;) {
    cut = false;
    for (std::string_view space : {" ", "\u00A0"})
      if (t->text.ends_with(space)) {
        t->text.resize(t->text.size() - space.size());
        cut = true;
      }
  }
  if (t->text.empty())
    p->content.pop_back();
}

} // namespace

model::Blocks read_notes(FragmentReader& reader, const SourceLoc& at, const Page& page,
                         const PageNotes& notes, ArticleDraft& draft, Diagnostics& diags) {
  // Notes may reference notes: read until no new reference turns up.
  std::set<std::string> done;
  for (bool more = true; more;) {
    more = false;
    const std::vector<std::string> referenced = page.referenced();
    for (const std::string& id : referenced) {
      if (!done.insert(id).second)
        continue;
      more = true;
      const GumboNode* element = notes.by_id.at(id);
      model::Note note;
      note.id = id;
      note.loc = FragmentReader::location(element, at);
      note.blocks = reader.blocks(element, at, &page);
      trim_end(note.blocks);
      draft.article.notes.push_back(std::move(note));
    }
  }
  model::Blocks unreferenced;
  std::size_t count = 0;
  for (const std::string& id : notes.order) {
    if (done.count(id) != 0)
      continue;
    const GumboNode* element = notes.by_id.at(id);
    if (count++ == 0)
      diags.warning(FragmentReader::location(element, at),
                    "footnote '" + id + "' is not referenced from the text",
                    "its text is kept at the end of the article, and so is the text of the "
                    "page's other unreferenced footnotes");
    model::Blocks blocks = reader.blocks(element, at, &page);
    trim_end(blocks);
    for (auto& b : blocks)
      unreferenced.push_back(std::move(b));
  }
  return unreferenced;
}

} // namespace galley::input::html
