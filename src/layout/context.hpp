#pragma once
// State shared by the parts that lay out one article (opening, blocks, notes, page builder).
// Lives for one article and is freed with it; only fonts and images outlive it.
#include "galley/diagnostics.hpp"
#include "galley/model.hpp"
#include "layout/frame.hpp"
#include "layout/vlist.hpp"
#include "style/looks.hpp"
#include "text/engine.hpp"

#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace galley::layout::detail {

struct MathState; // layout/math.hpp

/// The page and its text area (recto placement: inner margin on the left).
struct Geometry {
  double page_width = 0, page_height = 0, bleed = 0;
  double top = 0, bottom = 0, inner = 0, outer = 0;
  bool facing = false;
  int columns = 1;
  double gutter = 0;
  [[nodiscard]] double width() const { return page_width - inner - outer; }
  /// Width of one column of text.
  [[nodiscard]] double column_width() const {
    return (width() - gutter * (columns - 1)) / columns;
  }
  [[nodiscard]] double height() const { return page_height - top - bottom; }
  /// Left edge of the text area on a recto (odd) or verso page.
  [[nodiscard]] double left(bool recto) const { return (recto || !facing) ? inner : outer; }
};

Geometry page_geometry(const style::Style& style);

/// What a glyph run made from a span means beyond its look (the span's tag indexes these).
struct Tag {
  std::string uri;   ///< external link
  int note = -1;     ///< note marker: index into the article's notes
  int occurrence = 0; ///< which citation of that note (1 = the first)
  bool strike = false;
  bool underline = false;
  bool mark = false; ///< highlighted: a coloured ground behind the glyphs
  std::string lang;  ///< a passage in another language than the article's (BCP 47)
};

/// A note set as lines at the notes measure. The first line carries the number, the anchor the
/// marker links to and the back link.
struct NoteLines {
  std::vector<VBox> lines;
};

/// The look of inline text being collected into spans.
struct InlineLook {
  text::FontRequest font;
  double size = 10;
  std::uint32_t color = 0x1a1a1a;
  std::vector<std::string> features;
  bool hyphenate = true;
  bool code = false;     ///< inline code: monospace, never hyphenated
  bool in_note = false;  ///< markers inside notes are plain superscripts, not links
  std::string uri;
  bool strike = false;
  bool underline = false;
  bool mark = false;
  double tracking = 0; ///< points after each letter
  double rise = 0;     ///< superscripts go up, subscripts down (points)
  std::string lang;    ///< a passage in another language than the article's: its own /Lang
};

struct ArticleContext {
  const model::Issue& issue;
  const model::Article& article;
  const style::Style& style;
  text::Engine& engine;
  Diagnostics& diags;
  Geometry geo;
  std::string key; ///< anchor prefix, unique within the issue
  style::Looks looks; ///< every role's face, size, leading and colour (style/looks.hpp)
  /// Pages one article may have: the page builder stops one page past it (Limits::max_pages).
  std::size_t max_pages = std::numeric_limits<std::size_t>::max();
  double measure = 0; ///< width of the body text: one column
  /// Top-level blocks set `adjust_by` lines longer (+1) or shorter (-1) where they can be.
  std::set<int> adjust;
  int adjust_by = 0;
  int looseness = 0;    ///< of the paragraph being set: adjust_by inside such a block, else 0
  std::set<std::string> anchors; ///< ids a `#id` link may name (model::anchor_ids)

  std::vector<ImageResource> images;
  std::map<std::string, int> image_index;
  std::vector<Tag> tags;             ///< of the paragraph being set; reset per paragraph
  std::vector<int> note_cites;       ///< markers of note i set so far
  std::vector<std::optional<NoteLines>> notes; ///< laid out when the page builder needs them
  std::vector<std::optional<NoteLines>> brief_notes; ///< their short forms (notes.repeat)
  int heading_numbers[6] = {0, 0, 0, 0, 0, 0};
  /// The article's logical structure (frame.hpp, StructElement): element 0 is its Art, whose
  /// parent the joiner sets to the Document. `element` is where the text set now belongs.
  std::vector<StructElement> structure{StructElement{"Art", -1, {}, {}, false}};
  int element = 0;
  int heading_level = 1; ///< of the last heading element, the title's H1 first
  /// The top-level block being set (-1 outside the body) and the words of it set so far
  /// (model::word_starts): emit_line marks each box with where its text begins.
  TextPoint source;
  bool source_in_word = false; ///< the last line set ended inside a word
  /// Added to the loader's note numbers when the style numbers notes through the issue
  /// (`notes.numbering: per-issue`); anchors keep the article's own numbers.
  int note_offset = 0;
  /// The math font and the formulas typeset so far (layout/math.hpp), made on first use.
  std::shared_ptr<MathState> math;

  [[nodiscard]] std::string note_anchor(int note) const;
  /// The number a reader sees for a note: its marker and its label.
  [[nodiscard]] int shown_number(const model::Note& note) const { return note.number + note_offset; }
  /// The anchor at the `occurrence`-th marker of a note (the note's number links back to it).
  [[nodiscard]] std::string ref_anchor(int note, int occurrence = 1) const;
  /// Index of an image resource for `path`, adding it on first use.
  int image(const std::string& path);
};

/// Opens a structure element under `parent` (by default the current element) and makes it the
/// current one until the scope ends, so that the text set meanwhile belongs to it.
class ElementScope {
public:
  ElementScope(ArticleContext& ctx, std::string type, int parent = -2);
  ~ElementScope() { ctx_.element = saved_; }
  ElementScope(const ElementScope&) = delete;
  ElementScope& operator=(const ElementScope&) = delete;
  [[nodiscard]] int id() const { return id_; }
  StructElement& element() { return ctx_.structure[static_cast<std::size_t>(id_)]; }

private:
  ArticleContext& ctx_;
  int saved_;
  int id_;
};

std::uint32_t rgb(const style::Color& c);

/// The font request and the inline look of a role: unhyphenated, as titles and labels are.
text::FontRequest font_of(const style::Look& look);
InlineLook inline_look(const style::Look& look);
Rgb to_rgb(std::uint32_t c);
Rgb to_rgb(const style::Color& c);

/// Baseline offset below the top of a line box of height `leading` for text of `size`: half the
/// extra leading above, then the ascent (so baselines stay `leading` apart line after line).
double baseline_in(double leading, double size);

/// Spans for `inlines` in `look`; markers, links and struck text get tags in ctx.tags.
void append_spans(ArticleContext& ctx, const model::Inlines& inlines, const InlineLook& look,
                  std::vector<text::Span>& out);

/// Appends the glyph runs of `line` to `box`, with the line's left edge at `x` and its baseline
/// at `baseline` (box coordinates), plus the link areas, note anchors and strike rules its tags
/// ask for. Notes cited for the first time are added to box.notes.
void emit_line(ArticleContext& ctx, const text::Line& line, double x, double baseline, VBox& box);

/// Upper case for Latin text (ASCII, Latin-1 and Latin Extended-A letters); other scripts pass
/// through unchanged. For the publication name and headings set in capitals.
std::string upper_case(std::string_view s);

/// Moves an item by (dx, dy).
void translate(Item& item, double dx, double dy);

/// A GlyphRun from a run of a line.
GlyphRun make_run(const text::LineRun& run, double x, double baseline);

/// Paragraph spec with the style's hyphenation, language and alignment.
text::ParagraphSpec paragraph_spec(const ArticleContext& ctx, std::vector<text::Span> spans,
                                   double width, bool justify);

/// A span of plain, unhyphenated text in one look (labels, titles, running heads).
text::Span plain_span(const std::string& s, const text::FontRequest& font, double size,
                      std::uint32_t color, const std::vector<std::string>& features = {});

} // namespace galley::layout::detail
