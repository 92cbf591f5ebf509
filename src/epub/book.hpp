#pragma once
// Internal to epub/: the book as it is assembled before it is zipped. Plain data shared by the
// files that build the content documents, the package document and the container.
#include "epub/classes.hpp"
#include "epub/memo.hpp"
#include "epub/writer.hpp"
#include "galley/diagnostics.hpp"
#include "galley/model.hpp"
#include "galley/style.hpp"

#include <map>
#include <optional>
#include <pugixml.hpp>
#include <set>
#include <string>
#include <vector>

namespace galley::epub {

/// An image or font carried in the book. `href` is relative to the package folder and built
/// from a counter, never from a user string.
struct Resource {
  std::string id;
  std::string href;
  std::string media_type;
  std::string data;
  std::string properties; ///< "cover-image" or empty
  std::string source;     ///< a font: the file it was subset from; empty for the others
};

/// One entry of the table of contents, nested by heading level.
struct TocEntry {
  std::string text;
  std::string href;
  int level = 0;
  std::vector<TocEntry> children;
};

/// An XHTML content document in spine order.
struct ContentDoc {
  std::string id;
  std::string href;
  std::string xhtml;
  std::string properties; ///< manifest properties: "svg", "nav"
  bool linear = true;
  std::string landmark;   ///< "cover", "toc", "bodymatter" or empty
  std::string landmark_label;
  /// fast_digest(xhtml) when known; a document taken from the memo has it and no xhtml, its
  /// bytes being in the memo deflated (epub/documents.cpp).
  std::optional<Digest128> digest;
};

/// Images found in the model, each file carried once (keyed by its resolved path).
class ImageStore {
public:
  /// The href of `ref` in the book, or "" when it cannot be carried: missing files and
  /// unsupported formats are errors at `loc`, remote images a warning (the caller then shows
  /// the alt text). Tracks whether every image shown has alt text.
  std::string add(const model::ImageRef& ref, const std::string& alt, const SourceLoc& loc,
                  Diagnostics& diags);
  void mark_cover(const std::string& href);
  [[nodiscard]] const std::vector<Resource>& items() const { return items_; }
  [[nodiscard]] bool all_have_alt() const { return all_alt_; }
  [[nodiscard]] bool any() const { return shown_ > 0; }
  /// What decides the href add() gives a picture and whether it reads the file: the files
  /// carried so far and their hrefs, as a digest.
  [[nodiscard]] Digest128 state() const;
  /// While set, every add() is appended to `log` with the href it gave (null: none is).
  void record_into(std::vector<ShownPicture>* log) { log_ = log; }

private:
  std::string add_unlogged(const model::ImageRef& ref, const std::string& alt, const SourceLoc& loc,
                           Diagnostics& diags);

  std::map<std::string, size_t> by_path_;
  std::vector<Resource> items_;
  bool all_alt_ = true;
  int shown_ = 0;
  std::vector<ShownPicture>* log_ = nullptr;
};

/// What an article's rendering needs to know and collects while it runs.
struct ArticleContext {
  const model::Article& article;
  const style::Style& style;
  std::string prefix; ///< "a3-": makes every id of the article unique across the book
  ImageStore& images;
  Diagnostics& diags;
  std::map<std::string, int> ref_counts; ///< note id -> references seen so far
  std::vector<TocEntry> headings;        ///< flat, in order, with levels
  std::set<std::string> ids;             ///< ids used so far in the article's document
  std::map<std::string, SourceLoc> fragment_links; ///< "#a1-x" links from the text, checked last
  /// Added to the loader's note numbers when the style numbers notes through the issue; ids
  /// keep the article's own numbers.
  int note_offset = 0;
  /// The level of the last heading written, the article title's h1 first
  /// (model::shown_heading_level).
  int heading_level = 1;
  /// Whether the document holds MathML: its manifest item says so (EPUB 3.3, 5.6.3).
  bool has_math = false;

  /// Where the pages of the PDF edition begin in this article, in page order.
  std::vector<const model::PrintPage*> print_pages;
  /// The page-break markers written, in page order: the page's label and "#id".
  std::vector<std::pair<std::string, std::string>> page_breaks;
  /// Code blocks' tokens kept between writes (EpubOptions::memo); null: each is tokenized.
  EpubMemo* memo = nullptr;

  /// `prefix + base`, with "-2", "-3"... appended when that id is taken already.
  std::string claim_id(std::string_view base);
};

struct Creator {
  std::string name;
  std::string file_as;
  std::string role; ///< MARC relator code
};

/// What the package document says about the book (EPUB 3.3 section 5.5).
struct Metadata {
  std::string identifier;
  std::string title;
  std::string subtitle;
  std::vector<Creator> creators;
  std::string language;
  std::string date;     ///< dc:date, ISO 8601
  std::string modified; ///< dcterms:modified, CCYY-MM-DDThh:mm:ssZ
  std::string publisher;
  std::vector<std::string> subjects;
  std::string description;
  std::string collection; ///< belongs-to-collection (issues)
  std::string group_position;
  bool has_images = false;
  bool all_images_have_alt = true;
  bool has_notes = false;    ///< any article has notes, linked both ways
  bool has_math = false;     ///< any document holds MathML
  bool has_sections = false; ///< any article has headings, listed in the contents
  std::string certified_by;
  /// The printed edition whose pages the page-list marks (dc:source); empty without a page-list.
  std::string print_source;
};

/// A file of the container other than the content documents and resources.
struct ZipEntry {
  std::string name;
  std::string data;
  bool compress = true;
  /// fast_digest(data) when known; a document taken from the memo has it and no data, and the
  /// memo has the entry deflated by it (build_zip).
  std::optional<Digest128> digest;
};

// ---- xml helpers (xml.cpp)
/// Removes what XML 1.0 forbids (C0 controls other than tab, LF, CR), so user text never makes
/// a document ill-formed.
std::string xml_clean(std::string_view s);
pugi::xml_node add_element(pugi::xml_node parent, const char* name, const char* cls = nullptr);
void add_text(pugi::xml_node parent, std::string_view text);
/// A new XHTML document with head (title, style sheet link) and body; returns the body. The root
/// carries the language and its direction (`dir`, HTML's "dir" attribute), which reading systems
/// need to place bullets, numbers and punctuation of right-to-left text.
pugi::xml_node start_xhtml(pugi::xml_document& doc, const std::string& lang,
                           const std::string& title, const char* body_type = nullptr);

std::string serialize(const pugi::xml_document& doc, bool indent);
/// Letters, digits, '-', '_' and '.' kept; anything else becomes '-'; never empty.
std::string sanitize_id(std::string_view s);

// ---- content (content.cpp)
void render_blocks(pugi::xml_node parent, const model::Blocks& blocks, ArticleContext& ctx);
void render_block(pugi::xml_node parent, const model::Block& block, ArticleContext& ctx);
void render_inlines(pugi::xml_node parent, const model::Inlines& inlines, ArticleContext& ctx);
/// Footnote asides for cited notes and the numbered Sources list for uncited sources.
void render_notes(pugi::xml_node parent, ArticleContext& ctx);

// ---- page breaks (page_breaks.cpp)
/// Puts a page-break marker where each of `pages` begins: before its word in the nodes of
/// `parent` from `first` on (one top-level block's), words counted by model::word_starts; a
/// page whose word the block does not reach gets its marker after them. The markers are
/// recorded in ctx.page_breaks.
void mark_page_starts(pugi::xml_node parent, pugi::xml_node first,
                      const std::vector<const model::PrintPage*>& pages, ArticleContext& ctx);

// ---- raw HTML (sanitize.cpp)
/// Appends `html` to `parent` when it is well-formed XHTML made only of elements and attributes
/// that EPUB content documents allow; strips forbidden parts and warns. Returns false (and
/// warns) when nothing could be kept because the fragment is not well-formed.
bool append_raw_html(pugi::xml_node parent, std::string_view html, const SourceLoc& loc,
                     ArticleContext& ctx);

// ---- pages (pages.cpp)
std::string render_article(const model::Article& article, ArticleContext& ctx,
                           const std::string& publication);

// ---- article documents kept between writes (documents.cpp)
/// An article's document, or what the memo kept of it.
struct ArticleDocument {
  std::string xhtml; ///< empty when the document was taken from the memo
  KeptDocument made;
  bool done = true; ///< false when `take_only` found nothing to take
};
/// Renders the article of `ctx` (render_article), or, with `documents`, takes what an earlier
/// write made of it when everything rendering it reads is the same: `fingerprint`
/// (model::fingerprint of the article, digested when empty), `style_text` (style::dump_style),
/// its place in the book (the context's id prefix and note offset), `publication`, the PDF pages
/// marked in it, and the pictures the book carries before it. A document taken shows its
/// pictures to the image store again and reports its diagnostics again; `ctx.diags` gets what
/// rendering reports. Either way the document is left in the memo for the next write. With
/// `take_only`, for an article without its blocks, nothing is rendered: `done` is false when
/// the memo has nothing to take.
ArticleDocument article_document(ArticleContext& ctx, const std::string& publication,
                                 std::string_view fingerprint, const std::string& style_text,
                                 EpubMemo* documents, bool take_only = false);
std::string render_cover(const std::string& lang, const std::string& title,
                         const std::string& image_href, const std::string& alt);
std::string render_issue_title(const model::Issue& issue);
/// `hrefs[i]` is the content document of `issue.articles[i]`.
std::string render_contents(const model::Issue& issue, const std::vector<std::string>& hrefs);

// ---- package (package.cpp)
std::string build_container_xml();
/// `docs` in spine order; `resources` (images, then fonts) in manifest order.
std::string build_opf(const Metadata& meta, const std::vector<ContentDoc>& docs,
                      const std::vector<const Resource*>& resources);
/// Nests a flat, ordered list of headings by level under `parent`.
void nest_headings(TocEntry& parent, const std::vector<TocEntry>& flat);
/// `pages`: the page-list, each page's label and the href of its page-break marker.
std::string build_nav(const Metadata& meta, const std::vector<TocEntry>& toc,
                      const std::vector<ContentDoc>& docs, const std::vector<TocEntry>& pages);
std::string build_ncx(const Metadata& meta, const std::vector<TocEntry>& toc);

// ---- container (zip.cpp)
/// The OCF zip (EPUB 3.3 section 4): entries in the given order, `mimetype` first and stored,
/// every entry stamped with `epoch`; entries are deflated on up to `threads` threads. Throws
/// galley::Error when libzip fails.
/// With `memo`, an entry deflated by an earlier write of the same bytes is taken from it, and
/// every deflated entry of this one is left in it.
std::string build_zip(const std::vector<ZipEntry>& entries, std::int64_t epoch, unsigned threads,
                      EpubMemo* memo = nullptr);

// ---- fonts (fonts.cpp)
/// Subsets the faces font_faces() names to the code points in `text` and returns them as
/// resources, in that order, plus the @font-face rules that declare them.
std::vector<Resource> embed_fonts(const style::Style& style, const EpubOptions& options,
                                  std::string_view text, std::string& font_face_css,
                                  Diagnostics& diags);

} // namespace galley::epub
