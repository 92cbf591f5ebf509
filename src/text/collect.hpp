#pragma once
// Inline layout, steps 1 and 2 (after Typst's collect -> prepare -> linebreak -> finalize):
// `collect` joins a paragraph's spans into one text and itemizes it; `prepare` shapes its words
// (through the cache) and turns them into Knuth-Plass items, with hyphenation points where
// asked for.
#include "text/hyphenate.hpp"
#include "text/itemize.hpp"
#include "text/linebreak.hpp"
#include "text/shaper.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace galley::text {

struct SpanStyle {
  FaceId face = 0;
  double size = 10;
  std::uint32_t color = 0;
  int tag = -1;
  double baseline_shift = 0;
  double tracking = 0; ///< points, after each glyph that advances
  int features = 0; ///< Shaper feature set
  bool hyphenate = true;
  bool nobreak = false;
  bool url = false;
  InlineObject object;
};

struct Collected {
  std::string text; ///< the spans' text without soft hyphens
  std::vector<SpanRange> ranges;
  std::vector<SpanStyle> styles;
  std::vector<std::uint32_t> soft_hyphens; ///< byte offsets in `text` where a U+00AD was
  Itemized itemized;
  std::string language;
};

/// The look of a piece of a line: what a LineRun is made of.
struct RunStyle {
  FaceId face = 0;
  double size = 10;
  std::uint32_t color = 0;
  int tag = -1;
  double baseline_shift = 0;
  std::uint8_t level = 0;
  double tracking = 0;
};

/// Glyphs [first, last) of a shaped word, or (word == nullptr) blank space of `width`.
struct Piece {
  RunStyle style;
  const ShapedWord* word = nullptr;
  std::uint32_t first = 0;
  std::uint32_t last = 0;
  double width = 0; ///< points
  int object = -1;  ///< an InlineObject's id: the piece is that object
  double ascent = 0, descent = 0; ///< of the object
};

struct Prepared {
  std::vector<Item> items;
  std::vector<int> item_piece; ///< per item: its piece, -1 when it draws nothing
  std::vector<Piece> pieces;
  std::uint8_t base_level = 0;
  FaceId first_face = 0;
  double em = 10; ///< size of the first span
};

struct PrepareOptions {
  bool justify = true; ///< glue stretches and shrinks (false: ragged, fixed spaces)
  double first_indent = 0;
  bool hyphenate = false; ///< dictionary hyphenation (soft hyphens are always used)
  double hyphen_penalty = 50;
  double ex_hyphen_penalty = 50;
  const HyphenationOptions* hyphenation = nullptr;
  const HyphenExceptions* exceptions = nullptr;
};

struct TextContext {
  FontRegistry& fonts;
  Shaper& shaper;
  Itemizer& itemizer;
  Hyphenator& hyphenator;
  Diagnostics& diags;
};

Collected collect(const std::vector<Span>& spans, const std::string& language, bool find_breaks,
                  TextContext& ctx);

Prepared prepare(const Collected& collected, const PrepareOptions& options, TextContext& ctx);

} // namespace galley::text
