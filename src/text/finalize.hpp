#pragma once
// Inline layout, step 4: a broken line becomes positioned glyph runs in visual order.
#include "text/collect.hpp"

namespace galley::text {

struct LineSetting {
  double width = 0;    ///< the measure
  double ratio = 0;    ///< adjustment ratio from the breaker
  bool justify = true; ///< give the ratio to the glue (false: natural spaces)
  Alignment align = Alignment::Justify;
  bool hang = false; ///< hanging punctuation (ParagraphSpec::hanging_punctuation)
};

/// The line made of items [from, brk) plus the break item's hyphen, if any. Glue takes
/// ratio * stretch (or shrink) on the advances of its space glyphs; runs come out in visual
/// order (UAX #9 rule L2 over the pieces' levels). With `hang`, a left-to-right line lets its
/// final punctuation or hyphen protrude past the measure and an opening quote before it; a
/// justified line is then set to the measure plus the protrusions.
Line build_line(const Prepared& prepared, const FontRegistry& fonts, int from, int brk,
                const LineSetting& setting);

} // namespace galley::text
