#pragma once
// Whether the words a PDF shows stay apart and on the page: word boxes that run into each other
// (text overprinted across a table's cells) and words outside an area.
#include "pages.hpp"

#include <vector>

namespace e2e {

/// Pairs of words on the same page whose boxes intersect by more than `sliver` points across and
/// by more than half the shorter box down. Neighbouring words of a line touch at most by their
/// side bearings, and the boxes of consecutive lines (the font's ascent and descent, taller than
/// a display size's tight leading, and a third taller again in Arabic's Naskh) by up to a third
/// of their height; text overprinted on the same line overlaps by all of it.
int overlapping_words(const std::vector<TextLine>& lines, double sliver = 0.5);

/// Words with a part outside `area` (by more than `tolerance` points) on their page.
int words_outside(const std::vector<TextLine>& lines, const Box& area, double tolerance = 0.5);

/// The text area of the default style (dispatch) across, the whole page down: A4 with 36mm side
/// margins, inside a bleed of 3mm on every side.
Box default_text_area();

} // namespace e2e
