#pragma once
// Frames: what layout/ hands to pdf/. A page is a size plus positioned items, in points, with
// the origin at the top-left corner of the trim box and y growing downwards (pdf/ flips it).
// Nothing here knows about articles: the PDF writer sees only frames and resources.
#include "layout/glyph_list.hpp"
#include "layout/glyph_summary.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace galley::layout {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  friend bool operator==(const Rgb&, const Rgb&) = default;
};

/// Glyphs set from a pen position on a baseline. Glyph i is drawn at
/// x + sum(advance[0..i-1]) + x_offset[i].
struct GlyphRun {
  int font = 0; ///< index into Document::fonts
  double size = 10;
  Rgb color;
  double x = 0, y = 0; ///< pen start on the baseline
  GlyphList glyphs;
  int element = -1; ///< Document::structure index this text belongs to; -1: an artifact
};

struct ImageItem {
  int image = 0; ///< index into Document::images
  double x = 0, y = 0, width = 0, height = 0;
  bool circle_clip = false; ///< clip to the inscribed ellipse (portraits)
  int element = -1;         ///< Document::structure index (a Figure); -1: an artifact
};

struct RuleItem {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double thickness = 0.5;
  Rgb color;
};

struct RectItem {
  double x = 0, y = 0, width = 0, height = 0;
  Rgb fill;
};

/// A clickable area: either an external `uri` or an internal `dest` (an AnchorItem's name).
struct LinkItem {
  double x = 0, y = 0, width = 0, height = 0;
  std::string uri;
  std::string dest;
  int element = -1; ///< the Link element whose annotation this is (14.8.4.4.2); -1: none
};

/// An element of the document's logical structure (PDF 32000-1 14.7; the standard structure
/// types of 14.8.4), which the PDF writer turns into its structure tree. Text and images name
/// the element they belong to; everything else on a page is an artifact (14.8.2.2).
struct StructElement {
  std::string type; ///< "Document", "Art", "H1".."H6", "P", "L", "LI", "LBody", "Table", ...
  int parent = -1;  ///< index of the parent element; -1 for the root
  std::string alt;  ///< a Figure's alternative text (/Alt)
  std::string lang; ///< BCP 47, where it differs from the parent's (/Lang)
  bool column_header = false; ///< a TH heading its column (/A << /O /Table /Scope /Column >>)
};

/// A named destination (PDF 32000-1 12.3.2.3) at a point of this page.
struct AnchorItem {
  std::string name;
  double x = 0, y = 0;
};

using Item = std::variant<GlyphRun, ImageItem, RuleItem, RectItem, LinkItem, AnchorItem>;

struct Page {
  double width = 595.2756, height = 841.8898; ///< trim size
  double bleed = 0;                           ///< media box = trim box grown by this on each side
  std::string label;                          ///< page label for a viewer ("i", "3"); may be empty
  std::vector<Item> items;                    ///< painted in order
  /// How far right the items are drawn: an article is set as if it began on a recto, and a page
  /// that lands on a verso (or the other way round) is drawn moved by the difference of the
  /// margins. The furniture is set where it is drawn.
  double shift = 0;
  /// The running head and the folio, painted after the items. They change with the page's
  /// number while the items do not, so the PDF draws them in a content stream of their own
  /// (docs/pdf.md, "Streams kept between builds").
  std::vector<Item> furniture;
  /// The glyphs the items draw (not the furniture's), made when an article's page is laid out
  /// (summarize_glyphs) and kept with it in the layout cache; whoever changes the items after
  /// that makes it again or leaves it unmade.
  GlyphSummary glyph_summary;
};

/// Makes `page.glyph_summary` from its items' runs.
void summarize_glyphs(Page& page);

/// Calls `f(item, dx)` for every item of `page` in painting order, the items then the
/// furniture, with the distance each is drawn right of where it is set.
template <class F> void for_each_drawn(const Page& page, F&& f) {
  for (const Item& item : page.items)
    f(item, page.shift);
  for (const Item& item : page.furniture)
    f(item, 0.0);
}

struct FontResource {
  std::string path;
  int face_index = 0;
};

struct ImageResource {
  std::string path; ///< JPEG passes through; PNG is decoded and re-encoded with Flate
};

struct OutlineItem {
  std::string title;
  std::string dest; ///< an AnchorItem's name
  std::vector<OutlineItem> children;
};

struct DocumentInfo {
  std::string title;
  std::string author;   ///< "A, B and C"
  std::string subject;  ///< the dek
  std::string keywords; ///< tags, comma separated
  std::string language; ///< BCP 47, written as /Lang
  std::string creator = "galley";
  /// Creation and modification date, seconds since the epoch (SOURCE_DATE_EPOCH or a date from
  /// the input). Never read from the clock.
  std::int64_t date_epoch = 0;
  std::string identifier; ///< stable id; the PDF /ID and XMP derive from the content
};

/// Where a model node landed (the page map: the page each node starts on), in
/// indices only so that frames stay free of the article model: the article's index in the issue,
/// the index of a top-level block in that article (-1 for the article's opening), and the page
/// (index into Document::pages) where the node starts.
struct NodePage {
  int article = 0;
  int block = -1;
  int page = 0;
  friend bool operator==(const NodePage&, const NodePage&) = default;
};

/// A place in an article's body text: before word `word` (as model::word_starts counts) of
/// top-level block `block`; block -1 is the article's opening.
struct TextPoint {
  int block = -1;
  int word = 0;
  friend bool operator==(const TextPoint&, const TextPoint&) = default;
};

/// Where the text of a page of an article begins (page and article as in NodePage), for the
/// EPUB's page-list: the first word of body text set on it, the opening on the article's
/// first page, or for a page without text (a full-page cover) the next text that follows.
struct PageStart {
  int page = 0;
  int article = 0;
  TextPoint at;
  friend bool operator==(const PageStart&, const PageStart&) = default;
};

struct Document {
  std::vector<Page> pages;
  std::vector<FontResource> fonts;
  std::vector<ImageResource> images;
  std::vector<OutlineItem> outline;
  DocumentInfo info;
  std::vector<NodePage> page_map; ///< in article order, then block order
  std::vector<PageStart> page_starts; ///< every page of every article, in page order
  /// The logical structure, parents before children, in reading order; element 0 is the
  /// Document. Empty: the PDF is not tagged.
  std::vector<StructElement> structure;
};

/// A readable trace of the frames (page, item kind, font, position and glyph ids, rounded to
/// 0.01 pt), one item per line: for tests and golden files.
std::string trace(const Document& doc);

} // namespace galley::layout
