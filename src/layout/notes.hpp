#pragma once
// Notes: footnotes and cited sources set as lines for the foot of the page, and the numbered
// "Sources" list of sources that no note cites.
#include "layout/blocks.hpp"

namespace galley::layout::detail {

/// Width of the column the note numbers hang in.
double note_hang(const style::Style& style);

/// Sets note `index` at the notes measure: its first line carries the number (a link back to
/// the marker) and the anchor the marker links to. `brief`: its short form (notes.repeat), for
/// a later page that cites it again.
NoteLines layout_note(ArticleContext& ctx, int index, bool brief = false);

/// Appends the "Sources" heading and list for the uncited sources (nothing when there are none).
void layout_sources(ArticleContext& ctx, VList& out);

} // namespace galley::layout::detail
