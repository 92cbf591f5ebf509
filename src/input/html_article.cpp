#include "input/html_article.hpp"

#include "input/html_article_meta.hpp"
#include "input/html_fragment.hpp"
#include "input/html_page.hpp"
#include "util/text_utils.hpp"

#include <algorithm>

namespace galley::input {

namespace {

using namespace html;

/// The element whose content is the article: the `<article>` with the most text (a page may
/// hold others: comments, teasers of related stories), else `<main>` (or `role="main"`), else
/// `<body>`.
const GumboNode* article_root(const GumboNode* document) {
  const GumboNode* best_article = nullptr;
  std::size_t best_text = 0;
  const GumboNode* main = nullptr;
  const GumboNode* body = nullptr;
  for_each_element(document, [&](const GumboNode* n) {
    const GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_ARTICLE) {
      const std::size_t text = text_length(n);
      if (best_article == nullptr || text > best_text) {
        best_article = n;
        best_text = text;
      }
    } else if (main == nullptr &&
               (tag == GUMBO_TAG_MAIN || attribute(attributes_of(n), "role") == "main")) {
      main = n;
    } else if (body == nullptr && tag == GUMBO_TAG_BODY) {
      body = n;
    }
    return tag != GUMBO_TAG_SCRIPT && tag != GUMBO_TAG_STYLE && tag != GUMBO_TAG_TEMPLATE;
  });
  if (best_article != nullptr && best_text > 0)
    return best_article;
  return main != nullptr ? main : body;
}

const GumboNode* first_h1(const GumboNode* root) {
  const GumboNode* found = nullptr;
  for_each_element(root, [&](const GumboNode* n) {
    if (found == nullptr && n->v.element.tag == GUMBO_TAG_H1)
      found = n;
    return found == nullptr;
  });
  return found;
}

std::string normalized(std::string_view s) {
  return ascii_lower(collapse_spaces(s));
}

/// "Post title | Site" and its like, less the site's name when the page names its site.
std::string without_site_name(const std::string& title, const std::string& site) {
  if (site.empty())
    return title;
  for (std::string_view sep : {" | ", " - ", " \u2013 ", " \u2014 ", " \u00b7 ", " :: ", " : "}) {
    const std::string tail = std::string(sep) + site;
    if (title.size() > tail.size() && normalized(title).ends_with(normalized(tail)))
      return collapse_spaces(title.substr(0, title.size() - tail.size()));
    const std::string head = site + std::string(sep);
    if (title.size() > head.size() && normalized(title).starts_with(normalized(head)))
      return collapse_spaces(title.substr(head.size()));
  }
  return title;
}

/// The article's own heading before its text, when it repeats the title the outputs set (an
/// `<h1>`, or the `<h3>` a Medium export opens with).
void drop_repeated_title(model::Blocks& blocks, const std::string& title) {
  for (auto it = blocks.begin(); it != blocks.end(); ++it) {
    const auto* h = std::get_if<model::Heading>(&it->value);
    if (h == nullptr) {
      if (std::holds_alternative<model::Figure>(it->value))
        continue;
      return;
    }
    if (normalized(model::plain_text(h->content)) == normalized(title))
      blocks.erase(it);
    return;
  }
}

/// Reads a parsed page into `draft`; positions are counted from `at`.
bool read_page(const GumboNode* document, const SourceLoc& at, const ArticleContext& ctx,
               ArticleDraft& draft, NestingGuard& nesting, Diagnostics& diags) {
  const PageMetadata page = read_page_metadata(document, at, diags);
  apply_page_metadata(page, draft, diags);

  const GumboNode* root = article_root(document);
  FragmentReader reader(nesting, diags);
  PageNotes notes = find_notes(document);
  Page hooks(root, notes, ctx);
  model::Blocks blocks;
  if (root != nullptr)
    blocks = reader.blocks(root, at, &hooks);
  model::Blocks unreferenced_notes = read_notes(reader, at, hooks, notes, draft, diags);

  model::Meta& meta = draft.article.meta;
  if (meta.title.empty()) {
    if (const GumboNode* h1 = root != nullptr ? first_h1(root) : nullptr) {
      meta.title = model::plain_text(reader.inlines(h1, at, &hooks));
      meta.loc = FragmentReader::location(h1, at);
    }
    if (meta.title.empty() && !page.title_element.empty()) {
      meta.title = without_site_name(page.title_element, meta.publication);
      meta.loc = page.title_loc;
    }
  }
  drop_repeated_title(blocks, meta.title);
  if (blocks.empty()) {
    diags.error(root != nullptr ? FragmentReader::location(root, at) : at,
                "the page has no article text",
                "galley reads the page's <article>, else its <main>, else its <body>");
    return false;
  }
  for (auto& b : blocks)
    draft.article.blocks.push_back(std::move(b));
  for (auto& b : unreferenced_notes)
    draft.article.blocks.push_back(std::move(b));
  return true;
}

} // namespace

bool looks_like_html(std::string_view text) {
  auto skip_space = [&] {
    std::size_t first = text.find_first_not_of(" \t\r\n\f");
    text.remove_prefix(std::min(first, text.size()));
  };
  if (text.starts_with("\xEF\xBB\xBF"))
    text.remove_prefix(3);
  for (;;) {
    skip_space();
    // The XML declaration of XHTML and comments may come before the doctype.
    const std::string_view close = text.starts_with("<?")     ? "?>"
                                   : text.starts_with("<!--") ? "-->"
                                                              : "";
    if (close.empty())
      break;
    const std::size_t end = text.find(close);
    if (end == std::string_view::npos)
      return false;
    text.remove_prefix(end + close.size());
  }
  const std::string start = ascii_lower(text.substr(0, 14));
  if (start.starts_with("<!doctype html"))
    return true;
  return start.starts_with("<html") &&
         (start.size() == 5 || std::string_view(" \t\r\n>").find(start[5]) != std::string::npos);
}

bool read_html_article(std::string_view text, const ArticleContext& ctx, ArticleDraft& draft,
                       Diagnostics& diags) {
  const SourceLoc at{ctx.display, 1, 1};
  NestingGuard nesting(ctx.options->limits.max_nesting);
  Parsed parsed = FragmentReader(nesting, diags).parse(text, at);
  return read_page(parsed->document, at, ctx, draft, nesting, diags);
}

bool read_embedded_html(std::string_view html, const SourceLoc& at, const ArticleContext& ctx,
                        ArticleDraft& draft, Diagnostics& diags) {
  // Lines and columns inside a JSON string name no place in the file: every message is placed
  // at the value, and says where in the HTML it is.
  Diagnostics inner;
  const SourceLoc start{at.file, 1, 1};
  NestingGuard nesting(ctx.options->limits.max_nesting);
  Parsed parsed = FragmentReader(nesting, inner).parse(html, start);
  const std::string language = draft.article.meta.language;
  const bool ok = read_page(parsed->document, start, ctx, draft, nesting, inner);
  draft.article.meta.language = language;
  for (Diagnostic d : inner.all()) {
    if (d.loc.line > 0)
      d.message += " (line " + std::to_string(d.loc.line) + " of the HTML)";
    d.loc = at;
    diags.report(std::move(d));
  }
  return ok;
}

} // namespace galley::input
