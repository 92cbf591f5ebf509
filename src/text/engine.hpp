#pragma once
// The text engine's public face: what layout/ asks of text/. A paragraph goes in as styled spans
// and comes out as lines of positioned glyphs. Everything inside (itemization, fallback,
// shaping, hyphenation, Knuth-Plass) is text/'s business.
//
// Not thread-safe: each worker thread uses its own Engine.
#include "galley/diagnostics.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct hb_font_t;

namespace galley::text {

/// Index of a face in the engine's registry. Stable for the engine's life; faces are numbered in
/// the order they were first resolved, so identical input gives identical ids.
using FaceId = int;

struct FontRequest {
  std::string family;
  int weight = 400; ///< 100..900
  bool italic = false;
};

/// Break opportunities inside words, beyond UAX #14's, for measures too narrow for whole words
/// (table cells). `Tokens` breaks identifiers and paths after '_', '/', '-', '.' and ':' and
/// before the capital of a camelCase hump; `Anywhere` also between any two characters, as CSS
/// Text 3's `overflow-wrap: anywhere` does (5.5).
enum class WordBreak { Normal, Tokens, Anywhere };

/// A box its caller draws (an inline formula), set in a line as one unbreakable object of its
/// size in place of a span's text.
struct InlineObject {
  int id = -1; ///< the caller's; -1: the span is text. Comes back as LineRun::object.
  double width = 0, ascent = 0, descent = 0;
  /// A line may break after the object, at `penalty`, where rigid space `space` follows it and
  /// goes away at the break (TeX's breaks after a formula's relations and operators).
  bool break_after = false;
  double penalty = 0;
  double space = 0;
};

/// A run of text with one look. `tag` is the caller's: it comes back on every glyph run made
/// from this span (layout uses it for links and note markers).
struct Span {
  std::string text; ///< UTF-8; U+00AD soft hyphens allowed; '\n' forces a line break
  FontRequest font;
  double size = 10;
  std::vector<std::string> features; ///< "onum", "smcp", "-liga"
  std::uint32_t color = 0x1a1a1a;    ///< 0xRRGGBB
  bool hyphenate = true;             ///< false for code and URLs
  bool nobreak = false;              ///< no line breaks inside (except after '/' when url)
  bool url = false;                  ///< break opportunities after '/', '.', '-', '?', '&'
  WordBreak word_break = WordBreak::Normal; ///< not inside no-break spans
  double baseline_shift = 0;         ///< positive raises (superscript note markers)
  double tracking = 0;               ///< points added after each glyph that advances (letter-spacing)
  int tag = -1;
  /// Where the text comes from, for diagnostics (a missing glyph); owned by the caller, which
  /// keeps it alive while the paragraph is laid out. May be null.
  const SourceLoc* loc = nullptr;
  InlineObject object; ///< when set, the span is this object and `text` is not drawn
};

enum class Alignment { Justify, Left, Center, Right };

/// Knuth-Plass parameters, defaulted to TeX's plain values (The TeXbook, ch. 14; Knuth & Plass,
/// "Breaking Paragraphs into Lines", 1981).
struct BreakParams {
  double pretolerance = 100;
  double tolerance = 200;
  double line_penalty = 10;
  double hyphen_penalty = 50;
  double ex_hyphen_penalty = 50;
  double adj_demerits = 10000;         ///< adjacent lines in incompatible fitness classes
  double double_hyphen_demerits = 10000;
  double final_hyphen_demerits = 5000;
  /// Most consecutive hyphenated lines; a break making one more is not taken. 0: no limit.
  /// Unset: the language's custom (consecutive_hyphens in text/hyphenate.hpp).
  std::optional<int> hyphen_limit;
  double emergency_stretch_em = 3;     ///< extra stretch per line in the emergency pass, in ems
  int looseness = 0;
};

struct HyphenationOptions {
  bool enabled = true;
  int left_min = 0;  ///< fewest letters before a hyphen; 0: the dictionary's own (2 when unnamed)
  int right_min = 0; ///< after a hyphen; 0 likewise
  /// Whether a word that starts with a capital may be split (TeX's \uchyph). Unset: the
  /// language's custom, yes in German and Luxembourgish, which capitalise every noun, and in
  /// Russian, whose rules split names as any word; no elsewhere, where a capital mostly starts
  /// a name.
  std::optional<bool> uc_hyphen;
  /// In a measure narrower than `narrow_measure_em` ems of the paragraph's first span, both
  /// minimums are at least `narrow_min`: a narrow column has few letters to spare on a line,
  /// and two-letter fragments ("Mi-crosoft", "of-ten") would end many of them.
  int narrow_min = 3;
  double narrow_measure_em = 30;
  std::vector<std::string> exceptions; ///< "ta-ble"; a word without hyphens is never split
};

struct ParagraphSpec {
  std::vector<Span> spans;
  std::string language = "en"; ///< BCP 47; picks the hyphenation dictionary and shaping language
  Alignment align = Alignment::Justify;
  double first_indent = 0;
  /// Width of line i (0-based). When empty, every line is `width` wide.
  std::function<double(int)> line_width;
  double width = 400;
  BreakParams params;
  HyphenationOptions hyphenation;
  /// Optical margins: final punctuation and hyphens hang partly into the right margin, opening
  /// quotes into the left, so that justified edges look straight (left-to-right text only).
  bool hanging_punctuation = false;
};

struct PositionedGlyph {
  std::uint32_t glyph = 0; ///< glyph id in the face (not subset)
  double x = 0;            ///< pen position relative to the run's x, in points
  double x_offset = 0;     ///< where the glyph is drawn relative to its pen position (marks)
  double y_offset = 0;     ///< positive raises
  double advance = 0;      ///< final advance in points, justification included
  std::string text;        ///< the cluster's text on its first glyph, "" on the others
};

struct LineRun {
  FaceId face = 0;
  double size = 10;
  std::uint32_t color = 0x1a1a1a;
  int tag = -1;
  double baseline_shift = 0;
  double x = 0;     ///< start of the run relative to the line's left edge (indent included)
  double width = 0;
  bool rtl = false;
  std::vector<PositionedGlyph> glyphs; ///< in visual order, left to right
  int object = -1; ///< an InlineObject's id (then `glyphs` is empty and `width` its width)
};

struct Line {
  std::vector<LineRun> runs; ///< in visual order
  double width = 0;          ///< the measure this line was set to
  double natural_width = 0;  ///< width of its content before justification
  double ascent = 0;         ///< max ascent of its runs, points
  double descent = 0;        ///< max descent, positive
  double ratio = 0;          ///< adjustment ratio r (Knuth-Plass): stretch > 0, shrink < 0
  bool hyphenated = false;   ///< ends with an inserted hyphen
  bool overfull = false;     ///< content wider than the measure (a single unbreakable word)
  /// Begins inside a word: the line before ended at a hyphen or at a break opportunity without
  /// a space (after '/' in a URL, between ideographs), not between words.
  bool continues = false;
};

struct ParagraphLayout {
  std::vector<Line> lines;
  double total_demerits = 0;
};

struct FaceInfo {
  std::filesystem::path path;
  int index = 0; ///< face index inside a collection file
  std::string family;
  int weight = 400;
  bool italic = false;
  int units_per_em = 1000;
  double ascender = 0.8; ///< in ems
  double descender = 0.2; ///< in ems, positive
  /// The CSS generic family the design belongs to ("serif", "sans-serif" or "monospace"), from
  /// its OS/2 class and PANOSE numbers: fallback from fontconfig asks for the same kind.
  std::string generic = "sans-serif";
  friend bool operator==(const FaceInfo&, const FaceInfo&) = default;
};

struct EngineOptions {
  /// Folders searched for font files before fontconfig; the bundled fonts/ folder when empty.
  std::vector<std::filesystem::path> font_dirs;
  /// Extra faces a style brings along.
  struct ExtraFace {
    std::string family;
    int weight = 400;
    bool italic = false;
    std::filesystem::path path;
  };
  std::vector<ExtraFace> extra_faces;
  /// Families tried, in order, for characters the requested face lacks; then fontconfig. The
  /// style's `fonts.fallback` (style::Fonts holds the one default list); none when empty.
  std::vector<std::string> fallback;
  /// Whether fontconfig may be asked for system faces (tests turn it off for determinism).
  bool use_fontconfig = true;
};

struct CacheStats {
  std::uint64_t lookups = 0;
  std::uint64_t hits = 0;
};

class Engine {
public:
  explicit Engine(EngineOptions options);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  /// Breaks a paragraph into lines. Missing glyphs, overfull lines and unknown fonts are
  /// reported once each to `diags` as warnings.
  ParagraphLayout layout_paragraph(const ParagraphSpec& spec, Diagnostics& diags);

  /// Breaks a short paragraph (a title, a heading) into as many lines as at `spec.width`, but
  /// with lines as even as possible: the narrowest measure that needs no more lines, found by
  /// six bisection steps between width / lines and width, and nothing overfull. Returns the
  /// layout and, in `width`, the measure it was set to (`spec.line_width` is not used).
  /// Overfull lines are reported only for the layout returned.
  ParagraphLayout layout_balanced(const ParagraphSpec& spec, double& width, Diagnostics& diags);

  /// The HarfBuzz font of a face, scaled to its units per em: for readers of its OpenType
  /// tables (the math layout reads MATH). Owned by the engine.
  hb_font_t* hb_font(FaceId id) const;

  /// Shapes spans onto one unbroken line (running heads, table cells, labels).
  Line layout_line(const std::vector<Span>& spans, const std::string& language,
                   Diagnostics& diags);

  /// The face a request resolves to (nearest weight and style of the family; the first
  /// fallback when the family is unknown).
  FaceId resolve(const FontRequest& request, Diagnostics& diags);

  const FaceInfo& face(FaceId id) const;
  /// Every face resolved so far, indexed by FaceId.
  std::vector<FaceInfo> faces() const;
  /// How many faces are resolved so far: faces are only ever added, so ids below it stay.
  std::size_t face_count() const;

  CacheStats cache_stats() const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The bundled fonts folder: fonts/ of util::data_dir().
std::filesystem::path bundled_fonts_dir();

/// Reads what every font file under `dirs` (the bundled folder when empty) holds into the
/// process's shared scan, which engines consult instead of opening the files again. Meant for
/// a spare thread while the input is read; an engine asking for a file being read waits for it.
void prefetch_fonts(const std::vector<std::filesystem::path>& dirs = {});

} // namespace galley::text
