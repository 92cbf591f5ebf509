#pragma once
// Itemization: for every code point of a paragraph, its bidi level (UAX #9, ICU ubidi), its
// script (ICU uscript, Common and Inherited resolved to their neighbours), the face that draws
// it (per-character fallback), and whether a line may break before it (UAX #14, ICU
// BreakIterator, adjusted for URLs and no-break spans).
#include "text/fonts.hpp"

#include <hb.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace galley::text {

/// The part of a span that itemization needs.
struct SpanRange {
  std::uint32_t begin = 0; ///< byte range in the paragraph text
  std::uint32_t end = 0;
  FaceId face = 0; ///< the face the span asked for
  bool url = false;
  bool nobreak = false;
  WordBreak word_break = WordBreak::Normal;
  const SourceLoc* loc = nullptr; ///< the span's, for diagnostics
};

struct CodePoint {
  std::uint32_t byte = 0; ///< offset in the paragraph text
  char32_t cp = 0;
  int span = 0;
  std::uint8_t level = 0; ///< bidi embedding level: odd is right to left
  hb_script_t script = HB_SCRIPT_COMMON;
  FaceId face = 0;
  bool break_before = false; ///< a line may end just before this code point
  bool last_resort = false;  ///< ...only because the span breaks anywhere (costs a penalty)
};

struct Itemized {
  std::vector<CodePoint> cps;
  std::uint8_t base_level = 0; ///< paragraph level: 1 for an Arabic or Hebrew paragraph
};

class Itemizer {
public:
  Itemizer();
  ~Itemizer();
  Itemizer(const Itemizer&) = delete;
  Itemizer& operator=(const Itemizer&) = delete;

  /// Itemizes `text`. Characters that no face has are drawn by the span's face (as .notdef)
  /// and reported, at the span's place, once per script (or per character for symbols) for the
  /// itemizer's life.
  Itemized itemize(std::string_view text, const std::vector<SpanRange>& spans,
                   const std::string& language, bool find_breaks, FontRegistry& fonts,
                   Diagnostics& diags);

private:
  struct Icu;
  std::unique_ptr<Icu> icu_;
  void warn_missing(char32_t cp, const SourceLoc* loc, Diagnostics& diags);

  /// What a missing glyph was reported for: ICU script codes, and -(cp + 1) for symbols.
  std::map<int, bool> warned_;
};

/// True for characters that never need a glyph of their own (controls, joiners, variation
/// selectors, bidi marks): they stay with the face of their neighbour.
bool is_invisible(char32_t cp);

/// Whether `cp` is white space that separates words (and becomes stretchable glue).
bool is_word_space(char32_t cp);

} // namespace galley::text
