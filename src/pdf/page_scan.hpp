#pragma once
// The writer's one walk of every item of every page (pdf/writer.cpp), before it makes any
// object: the glyphs each font draws, for its subset (fonts.hpp), the images drawn, and each
// page's links and anchors.
#include "layout/frame.hpp"
#include "pdf/fonts.hpp"

#include <vector>

namespace galley::pdf {

/// An item of a page, and how far right it is drawn (layout::for_each_drawn).
template <class T> struct Drawn {
  const T* item;
  double dx;
};

/// What the writer needs of every item of every page before it makes any object: the glyphs
/// each font draws (for its subset), the images drawn, and each page's links and anchors. One
/// walk gathers them all: an issue's pages hold some hundred thousand items, and a walk of them
/// each for the images, the destinations and the links was as long as the glyphs' own.
struct PageScan {
  std::vector<FontUsage> glyphs;                               ///< by font
  std::vector<bool> drawn;                                     ///< by image
  std::vector<std::vector<Drawn<layout::AnchorItem>>> anchors; ///< by page, in drawing order
  std::vector<std::vector<Drawn<layout::LinkItem>>> links;     ///< by page, in drawing order
};

/// `doc`'s pages walked in consecutive parts on up to `threads` threads; the parts' glyph texts
/// are taken in page order, so the result is the one a single pass gives. Throws galley::Error
/// for a run naming a font, or an image item an image, that the document does not have, and for
/// a glyph id above 16 bits.
PageScan scan_pages(const layout::Document& doc, unsigned threads);

} // namespace galley::pdf
