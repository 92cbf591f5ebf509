#pragma once
// The article model: plain data handed from input/ to layout/ and epub/. No behaviour beyond
// small queries; every node carries the place in the source it came from.
#include "galley/diagnostics.hpp"

#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

namespace galley::model {

/// A reference to an image file as the writer gave it (`src`) and as the loader resolved it
/// (`path`: a filesystem path, empty for remote URLs or files that were not found).
struct ImageRef {
  std::string src;
  std::string path;
  bool remote = false; ///< http(s) URL: never fetched, rendered as its alt text
};

// ---------------------------------------------------------------- inlines
struct Inline;
using Inlines = std::vector<Inline>;

struct Text { std::string text; };
struct Emphasis { Inlines children; };
struct Strong { Inlines children; };
struct Strikethrough { Inlines children; };
struct Code { std::string text; };
struct Link {
  std::string url;
  std::string title;
  Inlines children;
};
struct Image {
  ImageRef image;
  std::string alt;
  std::string title;
};
/// A reference to a note of the same article (`Article::notes`, matched by id).
struct NoteRef { std::string id; };
struct LineBreak {};
/// A soft line break in the source: renders as a space.
struct SoftBreak {};
/// Text set smaller and raised (HTML `<sup>`) or lowered (`<sub>`).
struct Superscript { Inlines children; };
struct Subscript { Inlines children; };
/// What an HTML phrase element marks; each kind has its own look in both outputs.
enum class SpanKind {
  Plain,        ///< `<span>`, `<time>`, `<font>`: no look of its own, only a language
  Keyboard,     ///< `<kbd>`: keys to press, in the code face
  Sample,       ///< `<samp>`: a program's output, in the code face
  Mark,         ///< `<mark>`: highlighted
  Underline,    ///< `<u>`, `<ins>`
  Small,        ///< `<small>`: side comments, one size smaller
  Abbreviation, ///< `<abbr title>`
  Quote,        ///< `<q>`: set between quotation marks
};
struct Span {
  SpanKind kind = SpanKind::Plain;
  std::string lang;  ///< BCP 47, empty when not given
  std::string dir;   ///< "ltr", "rtl" or empty
  std::string title; ///< the expansion of an abbreviation
  Inlines children;
};
/// Inline raw HTML as written. galley's readers map all HTML into the nodes above (see
/// docs/input.md, "Raw HTML"), so only a program that builds its own model gives one: the EPUB
/// passes it through when it is safe XHTML, the PDF leaves it out.
struct RawInline { std::string html; };
/// TeX math as written between `$…$` (inline) or `$$…$$` / a ```` ```math ```` block
/// (display), without its delimiters. Both outputs typeset it (docs/math.md); what they cannot,
/// they set as this source in the code face, so nothing of it is lost.
struct Math {
  std::string tex;
  bool display = false;
};

struct Inline {
  std::variant<Text, Emphasis, Strong, Strikethrough, Code, Link, Image, NoteRef, LineBreak,
               SoftBreak, RawInline, Superscript, Subscript, Span, Math>
      value;
  SourceLoc loc;
};

// ---------------------------------------------------------------- blocks
struct Block;
using Blocks = std::vector<Block>;

struct Heading {
  int level = 1;      ///< 1..6; the article title is not a heading, body sections start at 1
  Inlines content;
  std::string id;     ///< unique within the article: given, or GitHub's slug of the text
};
struct Paragraph { Inlines content; };
enum class ListKind { Bullet, Ordered };
/// How an ordered list counts: 1, 2, 3; a, b, c; A, B, C; i, ii, iii; I, II, III (the values of
/// CSS's list-style-type and HTML's <ol type> that every reader's formats share).
enum class ListNumbering { Decimal, LowerAlpha, UpperAlpha, LowerRoman, UpperRoman };
struct ListItem {
  Blocks blocks;
  std::optional<bool> checked; ///< task list item: [ ] or [x]
  SourceLoc loc;
};
struct List {
  ListKind kind = ListKind::Bullet;
  ListNumbering numbering = ListNumbering::Decimal; ///< of an ordered list
  int start = 1;
  bool tight = true;
  std::vector<ListItem> items;
};
struct BlockQuote { Blocks blocks; };
struct CodeBlock {
  std::string language;
  std::string code; ///< verbatim, with its final newline removed
};
struct Figure {
  ImageRef image;
  std::string alt;
  Inlines caption;
  std::string credit;
  std::string id;
};
enum class Align { Default, Left, Center, Right };
struct TableCell {
  Inlines content;
  SourceLoc loc;
};
struct TableRow { std::vector<TableCell> cells; };
struct Table {
  std::vector<Align> aligns; ///< one per column
  int header_rows = 1;       ///< the first `header_rows` rows are header rows
  std::vector<TableRow> rows;
};
/// A term and its definitions (pandoc's `Term` / `: Definition`, HTML's `<dl>`).
struct DefinitionItem {
  Inlines term;
  std::vector<Blocks> definitions;
  SourceLoc loc;
};
struct DefinitionList { std::vector<DefinitionItem> items; };
struct ThematicBreak {};
/// Block-level raw HTML, as RawInline: never made by galley's readers; the EPUB passes it
/// through when it is safe XHTML, the PDF leaves it out.
struct RawBlock { std::string html; };

struct Block {
  std::variant<Heading, Paragraph, List, BlockQuote, CodeBlock, Figure, Table, ThematicBreak,
               RawBlock, DefinitionList>
      value;
  SourceLoc loc;
};

// ---------------------------------------------------------------- notes
/// A bibliographic source from the front matter (`sources:`).
struct Source {
  std::string title;
  std::string publisher;
  std::string date; ///< as written ("April 27, 2026") or formatted from an ISO date
  std::string url;
};

enum class NoteKind { Footnote, Source };

/// Footnotes and sources share one model. The loader numbers notes: those referenced from the
/// text get 1..n in order of first reference; sources never cited follow as n+1.. in the order
/// the front matter lists them, and have `cited == false` (they go in a "Sources" list).
struct Note {
  std::string id;
  NoteKind kind = NoteKind::Footnote;
  int number = 0;
  bool cited = false;
  Blocks blocks;                ///< the note's text; for sources, the formatted source
  std::optional<Source> source; ///< set for NoteKind::Source
  SourceLoc loc;
  /// The number a source has in its article's own reference list (a JATS `<ref>`'s `<label>`),
  /// which the text cites as written ("[2]"): a Sources list shows it in place of `number`.
  /// 0: none.
  int given_number = 0;
};

// ---------------------------------------------------------------- metadata
struct Date {
  int year = 0, month = 0, day = 0; ///< month and day may be 0 when unknown
  friend bool operator==(const Date&, const Date&) = default;
};

struct Author {
  std::string name;
  std::string file_as; ///< "Chen, Nova"; derived from the name when absent
  std::string role;    ///< MARC relator code, "aut" by default
  std::string bio;
  std::optional<ImageRef> portrait;
  SourceLoc loc;
};

struct Cover {
  ImageRef image;
  std::string alt;
  std::string credit;
  SourceLoc loc;
};

struct Meta {
  std::string publication;
  std::string title;
  std::string subtitle;
  std::string dek;
  std::vector<Author> authors;
  std::optional<Date> date;
  int reading_minutes = 0;       ///< given, or computed from the word count
  bool reading_time_given = false;
  /// The reading time as the writer worded it ("6 min read"), when it was more than a number;
  /// the outputs show it as written.
  std::string reading_time_text;
  std::string language = "en";   ///< BCP 47
  std::vector<std::string> tags;
  std::optional<Cover> cover;
  std::string identifier;        ///< as given; empty when the writer gave none
  std::string slug;              ///< from the file name or `slug:`
  SourceLoc loc;
};

struct Article {
  Meta meta;
  Blocks blocks;
  std::vector<Note> notes;
  int word_count = 0;
  std::string source_path; ///< the file it came from
  std::string base_dir;    ///< the folder relative paths resolve against
};

struct Issue {
  std::string title;
  std::string subtitle;
  std::string publication;
  std::string number;       ///< "14" or "Vol. 3, No. 2", as written
  std::optional<Date> date;
  std::optional<Cover> cover;
  std::vector<std::string> editors;
  std::string style;        ///< style name or path from the manifest; empty = default
  std::string language = "en";
  std::string identifier;
  std::string description;
  /// Who certified the book's accessibility (EPUB Accessibility 1.1, a11y:certifiedBy); the
  /// manifest's `certified-by`.
  std::string certified_by;
  std::vector<Article> articles;
  std::string source_path;
  /// True when the issue wraps a single article given on the command line (no manifest):
  /// writers then make an article book, not an issue with a cover and contents.
  bool single_article = false;
  SourceLoc loc;
};

/// Where a page of the printed edition (the PDF made from the same input) begins in the text, for
/// the EPUB's page-list: before word `word` of top-level block `block` of article `article`
/// (block -1: the article's opening, before its title), words counted by model::word_starts.
struct PrintPage {
  std::string label; ///< the page number as printed ("7")
  int article = 0;
  int block = -1;
  int word = 0;
  friend bool operator==(const PrintPage&, const PrintPage&) = default;
};

// ---------------------------------------------------------------- queries
/// Plain text of inlines: what a reader would read aloud (notes refs and images left out).
std::string plain_text(const Inlines& inlines);

/// The date as `language` writes it in full (CLDR's long date: "April 27, 2026" in English,
/// "27. April 2026" in German, "27 avril 2026" in French, "2026年4月27日" in Japanese); "2026"
/// or "April 2026" when day or month is unknown.
std::string format_date_long(const Date& d, std::string_view language = "en");

/// The reading time as the byline shows it: the writer's own wording when the article gave
/// one ("6 min read"), else "6 min read" in English and CLDR's short form of the duration in
/// other languages ("6 мин", "6分钟", "6분"), which both outputs print.
std::string reading_time_label(const Meta& meta);

/// "2026-04-27" (or "2026-04", "2026").
std::string format_date_iso(const Date& d);

/// The ids a link `#id` inside the article can reach: its headings' and figures' ids. Both
/// outputs set an anchor at each.
std::set<std::string> anchor_ids(const Article& a);

/// The warning for a link `#id` that names none of them; the output drops the link.
std::string unknown_fragment_message(std::string_view id);

/// The level both outputs show a heading at, counting the article title as level 1: the
/// heading's own level one deeper (h2..h6), but never more than one below `previous`, the level
/// shown for the heading before it (1, the title, before the first), so that levels go down
/// one at a time (WCAG 2.1 1.3.1, ISO 14289-1 7.4.2): `##` then `####` show as 3 and 4.
int shown_heading_level(int previous, const Heading& heading);

/// The identifier both editions of `issue` carry (EPUB dc:identifier; the PDF's document id is
/// derived from it): the article's own when the issue wraps a single article, else the
/// issue's, else a URN derived from the titles, numbers and dates, stable across runs.
std::string publication_identifier(const Issue& issue);

/// Where words start in `text` (byte offsets), a word being a run of characters that are not
/// white space (Unicode's White_Space, no-break spaces included), or one ideograph or kana.
/// Pieces of one text are fed in reading order: `in_word` says whether the piece before ended
/// inside a word ("*re*write" is one word) and is updated. The PDF's page starts and the EPUB's page-break markers count
/// words with it, so that both find the same word.
std::vector<std::size_t> word_starts(std::string_view text, bool& in_word);

/// The note with this id, or nullptr.
const Note* find_note(const Article& a, std::string_view id);

/// The number a Sources list shows for `note` (not cited by a marker) of an article whose
/// notes an issue numbers after `note_offset` others: its given number, else its own.
int listed_number(const Note& note, int note_offset);

/// How many notes the articles before `article` number (cited notes and sources alike): where
/// an issue numbers its notes straight through, the notes of `article` start after these.
int notes_before(const Issue& issue, std::size_t article);

} // namespace galley::model
