#pragma once
// An issue's own pages: the cover and the contents. The contents are set before the articles
// (so their page count is known) and get their page numbers afterwards.
#include "layout/context.hpp"
#include "layout/layout.hpp"

namespace galley::layout::detail {

/// Shapes one line of plain text for pages that belong to no article.
text::Line plain_line(text::Engine& engine, Diagnostics& diags, const std::string& language,
                      const std::string& s, const text::FontRequest& font, double size,
                      std::uint32_t color, const std::vector<std::string>& features = {});

/// Where a contents entry's page number goes, once known.
struct NumberSlot {
  std::size_t page = 0; ///< index into the front matter pages
  double right = 0;     ///< right edge of the number
  double baseline = 0;
  int element = -1; ///< the entry's Link element, which the number belongs to
};

struct FrontMatter {
  std::vector<Page> pages;
  std::vector<NumberSlot> slots; ///< one per article
  std::vector<ImageResource> images; ///< the cover image; ImageItems index this
  std::string anchor;            ///< the issue's outline destination
  /// The contents as a TOC of TOCIs (PDF 32000-1 14.8.4.3.4), each entry's text and number a
  /// Link; parents of -1 go under the Document. The cover is an artifact.
  std::vector<StructElement> structure;
};

/// The cover (when style.issue.cover) and contents (when style.issue.contents) pages.
FrontMatter front_matter(const model::Issue& issue, const std::vector<ArticlePages>& articles,
                         const style::Style& style, text::Engine& engine, Diagnostics& diags);

/// Writes the articles' first page numbers into the contents.
void fill_numbers(FrontMatter& fm, const std::vector<int>& numbers, const model::Issue& issue,
                  const style::Style& style, text::Engine& engine, Diagnostics& diags);

} // namespace galley::layout::detail
