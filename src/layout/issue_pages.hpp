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

/// An entry of the contents: an article's title, its authors' names and its anchor prefix, as
/// set_front_matter takes them from the model.
struct ContentsEntry {
  std::string title;
  std::string authors;
  std::string anchor;
};

/// The cover (when style.issue.cover) and contents (when style.issue.contents) pages.
FrontMatter front_matter(const model::Issue& issue, const std::vector<ContentsEntry>& entries,
                         const style::Style& style, text::Engine& engine, Diagnostics& diags);

/// Writes the articles' first page numbers into the contents.
void fill_numbers(FrontMatter& fm, const std::vector<int>& numbers, const model::Issue& issue,
                  const style::Style& style, text::Engine& engine, Diagnostics& diags);

} // namespace galley::layout::detail
