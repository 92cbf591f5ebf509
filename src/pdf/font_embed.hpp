#pragma once
// Font dictionaries (PDF 32000-1 9.7): a Type0 font with Identity-H encoding over a CIDFont of
// the subset program, its widths, font descriptor and ToUnicode CMap.
#include "pdf/fonts.hpp"
#include "pdf/pack.hpp"

#include <string>

namespace PoDoFo {
class PdfObject;
class PdfVecObjects;
} // namespace PoDoFo

namespace galley::pdf {

/// The ToUnicode CMap (9.10.3) mapping each CID that has text to its UTF-16BE code units:
/// bfchar blocks of at most 100 entries (the limit of 9.10.3's operators), surrogate pairs for
/// characters beyond the BMP, several characters for a ligature.
std::string to_unicode_cmap(const SubsetFont& font);

/// A font's two streams, packed: the program and the ToUnicode CMap.
struct FontStreams {
  StreamData program, to_unicode;
};
FontStreams font_streams(const SubsetFont& font, bool compress);

/// Creates the objects of one font, with its packed streams, and returns the Type0 font
/// dictionary.
PoDoFo::PdfObject* embed_font(PoDoFo::PdfVecObjects& objects, const SubsetFont& font,
                              const FontStreams& streams);

} // namespace galley::pdf
