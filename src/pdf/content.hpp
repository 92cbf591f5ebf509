#pragma once
// Page content streams (PDF 32000-1 7.8.2, 8 and 9.4): glyph runs, rules, rectangles and
// images of one frame, flipped from the frame's top-left, y-down space to PDF user space.
#include "layout/frame.hpp"
#include "pdf/fonts.hpp"

#include <string>
#include <vector>

namespace galley::pdf {

/// What a page's content stream draws with. Fonts are named /F<i> and images /Im<i>, where i
/// is the index in layout::Document::fonts or images.
struct PageContent {
  std::string stream;
  std::vector<int> fonts;  ///< font indices used, ascending
  std::vector<int> images; ///< image indices used, ascending
  /// Colour glyph pictures drawn, as (font index, original glyph id), ascending; each is the
  /// XObject /G<font>_<glyph>.
  std::vector<std::pair<int, std::uint32_t>> glyph_pictures;
  /// For a tagged document, the structure element of each marked-content sequence, by MCID.
  std::vector<int> marked;
};

/// Adds what `more`, a stream drawn after `into`'s on the same page, draws with to `into`:
/// fonts, images and glyph pictures each once, ascending; its marked content after `into`'s.
void add_uses(PageContent& into, const PageContent& more);

/// Appends `v` to `out` in the shortest fixed form with at most `decimals` decimals, without
/// exponent (7.3.3) and without "-0".
void append_number(std::string& out, double v, int decimals = 3);

/// The content stream drawing `items` on a page `page_height` high, in the frame's trim-box
/// coordinates (the writer sets the bleed and the page's shift around it). `fonts[i]` is the
/// subset of font i (null when unused); images whose `image_ok[i]` is false are left out (they
/// were reported as errors). With a `structure` (layout::Document::structure, not empty),
/// every piece of text and every image is a marked-content sequence with an MCID for its
/// element, counted from `first_mcid` (the page's streams before this one took those before),
/// and the rest is /Artifact (PDF 32000-1 14.6, 14.7.4, 14.8.2.2).
PageContent page_content(const std::vector<layout::Item>& items, double page_height,
                         const std::vector<const SubsetFont*>& fonts,
                         const std::vector<bool>& image_ok,
                         const std::vector<layout::StructElement>& structure = {},
                         int first_mcid = 0);

} // namespace galley::pdf
