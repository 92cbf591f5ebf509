#pragma once
// HTML articles: a page a CMS or a site generator wrote, or a fragment of one, parsed by gumbo
// (an HTML5 parser). The page's metadata comes from html_article_meta.hpp, its article's body
// from the element mapper HTML in Markdown uses (html_fragment.hpp), with the page's furniture
// left out and its footnotes made notes. docs/input.md, "HTML".
#include "input/draft.hpp"

#include <string_view>

namespace galley::input {

/// True when `text` starts (after white space, an XML declaration and comments) with
/// `<!doctype html` or `<html`, in any case.
bool looks_like_html(std::string_view text);

/// Reads an HTML page or fragment into `draft`. False, with an error, when the page has no
/// article text.
bool read_html_article(std::string_view text, const ArticleContext& ctx, ArticleDraft& draft,
                       Diagnostics& diags);

/// Reads HTML given inside another file (a JSON article's `body_html`), whose diagnostics are
/// placed at `at`, the value that holds it: the body as read_html_article() reads it, and the
/// metadata of its head only where `draft` has none.
bool read_embedded_html(std::string_view html, const SourceLoc& at, const ArticleContext& ctx,
                        ArticleDraft& draft, Diagnostics& diags);

} // namespace galley::input
