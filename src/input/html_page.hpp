#pragma once
// What an HTML page adds to the element mapper (html_fragment.hpp): which of its elements are
// the page's furniture rather than the article, its footnotes, and the picture to take from a
// srcset. Used by the HTML article reader (html_article.cpp).
#include "input/draft.hpp"
#include "input/html_fragment.hpp"

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace galley::input::html {

/// Calls `visit` on every element under `root` (itself included), in document order; `visit`
/// returns false to skip an element's content. Iterative, so a deep tree costs no stack.
void for_each_element(const GumboNode* root, const std::function<bool(const GumboNode*)>& visit);

/// The number of bytes of text under `n`, leaving out scripts and styles.
std::size_t text_length(const GumboNode* n);

/// The footnotes of a page, by the patterns the tools that write them use: an element with
/// `role="doc-footnote"`/`"doc-endnote"` or `epub:type="footnote"` (DPUB-ARIA 1.0, EPUB 3
/// Structural Semantics), and the items of a footnote list: `<section class="footnotes">`
/// (pandoc, Hugo's goldmark), `<div class="footnotes">` (Jekyll's kramdown), anything with
/// `role="doc-endnotes"` or `epub:type="footnotes"`/`"endnotes"`.
struct PageNotes {
  std::map<std::string, const GumboNode*> by_id; ///< each note's element, by its id
  std::vector<std::string> order;                ///< ids in document order
  std::set<const GumboNode*> containers;         ///< left out where they stand
  /// The ids of the elements that link to a note: a link back to one is no text of the note.
  std::set<std::string> reference_ids;
};

PageNotes find_notes(const GumboNode* document);

/// The hooks of one page: everything under `root` is the article.
class Page : public PageHooks {
public:
  Page(const GumboNode* root, const PageNotes& notes, const ArticleContext& ctx)
      : root_(root), notes_(notes), ctx_(ctx) {}

  bool leave_out(const GumboNode* n) const override;
  std::optional<model::Inline> replace(const GumboNode* n, const SourceLoc& loc) const override;
  model::Inline image(const GumboNode* img, const SourceLoc& loc) const override;

  /// The note ids referenced so far, in the order first met.
  const std::vector<std::string>& referenced() const { return referenced_; }

private:
  /// The id of the note `n` links to (`<a href="#id">`, or a `<sup>` around one), or "".
  std::string note_link(const GumboNode* n) const;
  /// Whether `n` is inside a section, a quotation, a figure or a <details> of the article:
  /// its header and footer are then its own, not the page's or the article's.
  bool in_part(const GumboNode* n) const;
  /// Whether one of `n`'s children is a <figure>.
  static bool has_figure(const GumboNode* n);
  /// An image file named by `src` that exists on this machine, within reach of the article.
  bool local_file(const std::string& src) const;

  const GumboNode* root_;
  const PageNotes& notes_;
  const ArticleContext& ctx_;
  mutable std::vector<std::string> referenced_;
};

/// Maps every note the article references (also those referenced from notes) into
/// `draft.article.notes`. The notes nothing references are returned as blocks, in document
/// order, for the end of the article, with one warning at the first: their words are kept, as
/// pandoc keeps them, though no marker can lead to them.
model::Blocks read_notes(FragmentReader& reader, const SourceLoc& at, const Page& page,
                         const PageNotes& notes, ArticleDraft& draft, Diagnostics& diags);

} // namespace galley::input::html
