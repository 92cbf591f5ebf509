#pragma once
// The metadata of an HTML page: its <title>, <meta name>, <html lang>, OpenGraph properties
// and schema.org JSON-LD, each source kept apart so that the reader can rank them
// (docs/input.md, "HTML").
#include "input/draft.hpp"
#include "input/html_fragment.hpp"

#include <string>
#include <vector>

namespace galley::input::html {

/// What one source of a page's metadata says; empty fields say nothing.
struct MetaSource {
  std::string title;
  std::vector<std::string> authors;
  std::string date;
  std::string description;
  std::string image;
  std::string image_alt;
  std::string language;
  std::string publication;
  std::vector<std::string> tags; ///< the section first, then the keywords
  SourceLoc loc;                 ///< the element it was read from (the first one)
};

struct PageMetadata {
  MetaSource json_ld;      ///< a NewsArticle, Article or BlogPosting (also inside @graph)
  MetaSource open_graph;   ///< og:* and article:* properties
  MetaSource meta;         ///< <meta name=...>, <html lang>
  MetaSource microformats; ///< h-entry's p-author, p-summary, dt-published (Medium's export)
  std::string title_element;
  SourceLoc title_loc;
};

/// Reads the metadata of the document parsed from text whose first character is at `at`.
/// JSON-LD that is not JSON is a warning and is left out.
PageMetadata read_page_metadata(const GumboNode* document, const SourceLoc& at, Diagnostics& diags);

/// Fills the empty fields of `draft`'s metadata from `page`, the first source that has each
/// field winning: JSON-LD, then OpenGraph, then <meta>, then microformats (the title falls back to
/// the page's <title>, without a trailing site name, only in the reader, after the article's <h1>).
void apply_page_metadata(const PageMetadata& page, ArticleDraft& draft, Diagnostics& diags);

} // namespace galley::input::html
