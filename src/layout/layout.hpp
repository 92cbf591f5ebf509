#pragma once
// Page layout: article model + resolved style + text engine -> frames (frame.hpp).
//
// An article is turned into a vertical list of boxes, glue and penalties (vlist.hpp), which the
// page builder (page_builder.cpp) cuts into pages, placing each note at the foot of the page that
// cites it. Running heads and folios are added when the articles are joined, because only then
// are the final page numbers known; so articles can be laid out independently (in parallel, each
// with its own Engine) and joined in order.
#include "galley/diagnostics.hpp"
#include "galley/limits.hpp"
#include "galley/model.hpp"
#include "galley/style.hpp"
#include "layout/frame.hpp"
#include "text/engine.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace galley::layout {

struct LayoutOptions {
  std::int64_t date_epoch = 0;   ///< for DocumentInfo
  Limits limits;                 ///< max_pages applies here: an error when exceeded
};

/// What the joiner needs to know about one page of an article.
struct PageRole {
  bool opening = false; ///< the article's opening (or its full-page cover): no running head
  bool bare = false;    ///< a full-page cover or a blank page: no running head, no folio
  std::string section;  ///< the level-1 heading in force at the top of the page ({section})
};

/// One article laid out on its own. Pages are set as if the first one were a recto; the joiner
/// shifts them when a facing style puts them on a verso. Fonts and images in the pages index into
/// `fonts` and `images`; join_articles() remaps them.
struct ArticlePages {
  std::vector<Page> pages;
  std::vector<PageRole> roles; ///< one per page
  std::vector<FontResource> fonts;
  std::vector<ImageResource> images;
  std::vector<OutlineItem> outline; ///< the article's headings, nested by level
  std::vector<NodePage> page_map;   ///< pages relative to the article's first
  std::vector<TextPoint> page_starts; ///< per page: where its text begins
  /// The article's logical structure; element 0 is its Art (parent -1), items name elements
  /// by their index here and the joiner moves both into the document's.
  std::vector<StructElement> structure;
  /// Set when the article ran past the page limit and was cut there: the place in its source
  /// where the first page past the limit begins.
  std::optional<SourceLoc> past_limit;
};

/// The prefix of article `index`'s anchor names: its slug, made unique within the issue (by
/// its position when an earlier article has the same slug).
std::string article_key(const model::Issue& issue, std::size_t index);

/// Lays out article `index` of `issue`. Anchor names are prefixed with a key unique within the
/// issue, so pages of different articles can be joined without clashes. Laying out stops one
/// page past `max_pages` (ArticlePages::past_limit says where).
ArticlePages layout_article(const model::Issue& issue, std::size_t index,
                            const style::Style& style, text::Engine& engine, Diagnostics& diags,
                            std::size_t max_pages = std::numeric_limits<std::size_t>::max());

/// The same with `article` standing for issue.articles[index]: for a caller that holds it whole
/// where `issue` holds it without its blocks (render's articles taken from the cache folder,
/// whose blocks are decoded only for this).
ArticlePages layout_article(const model::Issue& issue, std::size_t index,
                            const model::Article& article, const style::Style& style,
                            text::Engine& engine, Diagnostics& diags, std::size_t max_pages);

/// Where a contents entry's page number goes, once known.
struct NumberSlot {
  std::size_t page = 0; ///< index into the front matter pages
  double right = 0;     ///< right edge of the number
  double baseline = 0;
  int element = -1; ///< the entry's Link element, which the number belongs to
};

/// An issue's own pages, the cover and the contents, before the contents have their page
/// numbers (join_articles writes them in).
struct FrontMatter {
  std::vector<Page> pages;
  std::vector<NumberSlot> slots;     ///< one per article
  std::vector<ImageResource> images; ///< the cover image; ImageItems index this
  std::string anchor;                ///< the issue's outline destination
  /// The contents as a TOC of TOCIs (PDF 32000-1 14.8.4.3.4), each entry's text and number a
  /// Link; parents of -1 go under the Document. The cover is an artifact.
  std::vector<StructElement> structure;
};

/// Sets the issue's cover and contents pages with `engine`, from what the model says of each
/// article (its title, authors and anchor), not from its pages: while the articles are laid
/// out. Join them with the same engine.
FrontMatter set_front_matter(const model::Issue& issue, const style::Style& style,
                             text::Engine& engine, Diagnostics& diags);

/// Joins laid-out articles (in issue order) into a document: issue cover and contents pages
/// (unless issue.single_article; `front` when set_front_matter has set them, else set here),
/// blank pages for recto openings, running heads and folios with continuous numbering, the
/// outline and the document info. `engine` shapes the issue pages and running heads.
Document join_articles(const model::Issue& issue, std::vector<ArticlePages> articles,
                       const style::Style& style, text::Engine& engine,
                       const LayoutOptions& options, Diagnostics& diags,
                       std::optional<FrontMatter> front = std::nullopt);

/// Lays out an issue (or a single article when issue.single_article) into pages: every article
/// with layout_article(), then join_articles().
Document layout_issue(const model::Issue& issue, const style::Style& style, text::Engine& engine,
                      const LayoutOptions& options, Diagnostics& diags);

/// "A", "A and B", "A, B and C".
std::string join_names(const std::vector<std::string>& names);

/// An article's authors' names, joined as join_names joins them.
std::string author_names(const model::Meta& meta);

} // namespace galley::layout
