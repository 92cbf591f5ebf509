#pragma once
// Font subsetting for the PDF writer: which glyphs a document uses, cut down with hb-subset, and
// the metrics a font descriptor needs (PDF 32000-1 9.8). Pure data; no PDF objects here.
#include "pdf/images.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace galley::pdf {

/// The glyphs of one font that the frames use: original glyph id -> the Unicode text of the
/// cluster it starts (UTF-8; empty for glyphs that continue a cluster).
struct FontUsage {
  std::map<std::uint32_t, std::string> glyphs;
};

/// A glyph that a colour bitmap font (CBDT, sbix: Noto Color Emoji) draws as a picture, which
/// a PDF font cannot carry: the writer draws it as an image over the glyph's invisible text.
struct ColorGlyph {
  ImageData image;     ///< RGB samples with alpha
  double left = 0;     ///< from the pen to the picture's left edge, in ems
  double top = 0;      ///< from the baseline up to the picture's top edge, in ems
  double width = 0;    ///< in ems
  double height = 0;   ///< in ems
};

/// A subset font program and everything the PDF font dictionaries are made from.
struct SubsetFont {
  bool cff = false;    ///< CFF outlines: FontFile3 /CIDFontType0C; else TrueType FontFile2
  std::string program; ///< the bare CFF table, or the whole subset sfnt
  std::string ps_name; ///< PostScript name without subset tag
  std::string tag;     ///< six capital letters from a hash of the glyph set (9.6.4)
  /// A CID-keyed CFF (CJK fonts): its charset maps glyphs to CIDs that are not the glyph ids,
  /// so the content stream must show the CID (PDF 32000-1 9.7.4.2). CIDs are then sparse.
  bool cid_keyed = false;
  std::vector<std::int32_t> cid_of; ///< original glyph id -> CID (the new glyph id unless cid_keyed), -1 if absent
  /// Per CID, the advance in 1/1000 em to four decimals: exact for the usual units per em
  /// (1000, 1024, 2048), so that a glyph set at its own advance needs no TJ adjustment after it.
  std::vector<double> widths;
  std::vector<std::string> text;    ///< per CID, Unicode text for ToUnicode (may be empty)
  /// Original glyph id -> its picture, for a colour bitmap font; empty for any other font.
  std::map<std::uint32_t, ColorGlyph> color_glyphs;
  // Font descriptor values (9.8.1), in 1/1000 em.
  int flags = 0;
  double italic_angle = 0;
  int ascent = 0, descent = 0, cap_height = 0, stem_v = 0;
  std::array<int, 4> bbox{};
};

/// Subsets face `face_index` of `font_bytes` to the glyphs in `usage` (plus .notdef), with
/// glyph ids renumbered densely from 0 in original order, hinting and layout tables dropped
/// and CFF charstrings desubroutinized. `name` identifies the font in error messages.
/// Throws galley::Error when the font cannot be parsed or subset, or a glyph id is out of range.
SubsetFont subset_font(const std::string& font_bytes, int face_index, const FontUsage& usage,
                       const std::string& name);

} // namespace galley::pdf
