#include "pdf/fonts.hpp"

#include "galley/error.hpp"
#include "pdf/color_glyphs.hpp"
#include "pdf/ft_face.hpp"
#include "text/subset.hpp"
#include "util/hash.hpp"

#include <ft2build.h>
#include FT_TRUETYPE_TABLES_H
#include FT_CID_H

#include <algorithm>
#include <cmath>
#include <optional>

namespace galley::pdf {

namespace {

/// Six capital letters from the font name and the glyph set, so that two different subsets of
/// one font in a file get different names (PDF 32000-1 9.6.4).
std::string subset_tag(const std::string& ps_name, const FontUsage& usage) {
  std::string key = ps_name;
  for (const auto& [gid, text] : usage.glyphs) {
    for (int shift = 0; shift < 32; shift += 8)
      key.push_back(char((gid >> shift) & 0xFF));
  }
  std::uint64_t h = fnv1a64(key);
  std::string tag(6, 'A');
  for (char& c : tag) {
    c = char('A' + h % 26);
    h /= 26;
  }
  return tag;
}

int to_milli(double font_units, double upem) {
  return int(std::lround(font_units * 1000.0 / upem));
}

/// An advance in 1/1000 em, to the four decimals a PDF number is written with (pdf_real).
double advance_milli(double font_units, double upem) {
  return std::round(font_units * 1000.0 / upem * 1e4) / 1e4;
}

/// Font descriptor values from the original face's head, hhea, OS/2 and post tables.
void read_descriptor(const std::string& bytes, int face_index, SubsetFont& out,
                     const std::string& name) {
  const MemoryFace opened = open_face(bytes, face_index, "cannot read font '" + name + "'");
  FT_Face face = opened.face.get();
  double upem = face->units_per_EM ? face->units_per_EM : 1000;
  if (const char* ps = FT_Get_Postscript_Name(face))
    out.ps_name = ps;
  if (out.ps_name.empty())
    out.ps_name = "Font";
  out.bbox = {to_milli(face->bbox.xMin, upem), to_milli(face->bbox.yMin, upem),
              to_milli(face->bbox.xMax, upem), to_milli(face->bbox.yMax, upem)};
  out.ascent = to_milli(face->ascender, upem);
  out.descent = to_milli(face->descender, upem);
  out.cap_height = out.ascent;
  int weight = 400;
  bool serif = false;
  if (auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(face, FT_SFNT_OS2))) {
    if (os2->version >= 2 && os2->sCapHeight > 0)
      out.cap_height = to_milli(os2->sCapHeight, upem);
    if (os2->usWeightClass > 0)
      weight = os2->usWeightClass;
    // OS/2 sFamilyClass: classes 1-5 and 7 are the serif families.
    int family = os2->sFamilyClass >> 8;
    serif = (family >= 1 && family <= 5) || family == 7;
  }
  bool fixed = false;
  if (auto* post = static_cast<TT_Postscript*>(FT_Get_Sfnt_Table(face, FT_SFNT_POST))) {
    out.italic_angle = std::round(double(post->italicAngle) / 65536.0 * 100) / 100;
    fixed = post->isFixedPitch != 0;
  }
  bool italic = out.italic_angle != 0 || (face->style_flags & FT_STYLE_FLAG_ITALIC);
  // Table 123: FixedPitch 1, Serif 2, Symbolic 4 (the glyphs are addressed by CID, not by a
  // standard Latin encoding), Italic 64.
  out.flags = (fixed ? 1 : 0) | (serif ? 2 : 0) | 4 | (italic ? 64 : 0);
  // No table records the dominant stem width; estimate it from the weight class, as PDF
  // producers commonly do (thin ~ 30, regular ~ 80, black ~ 220).
  out.stem_v = 10 + (220 * (weight - 50)) / 900;
}

/// For a CID-keyed CFF program, the CID of each glyph of the subset, from its charset (read by
/// FreeType, which opens a bare CFF); empty for a name-keyed CFF, whose CIDs are its glyph ids.
std::vector<std::int32_t> cff_cids(const std::string& program, unsigned glyphs,
                                   const std::string& name) {
  const MemoryFace opened = open_face(program, 0, "cannot read the subset of font '" + name + "'");
  FT_Face face = opened.face.get();
  FT_Bool keyed = 0;
  if (FT_Get_CID_Is_Internally_CID_Keyed(face, &keyed) != 0 || !keyed)
    return {};
  std::vector<std::int32_t> cids(glyphs, -1);
  for (unsigned g = 0; g < glyphs; ++g) {
    FT_UInt cid = 0;
    if (FT_Get_CID_From_Glyph_Index(face, g, &cid) != 0 || cid > 0xFFFF)
      throw Error("glyph " + std::to_string(g) + " of the subset of font '" + name +
                  "' has no CID");
    cids[g] = std::int32_t(cid);
  }
  return cids;
}

} // namespace

SubsetFont subset_font(const std::string& font_bytes, int face_index, const FontUsage& usage,
                       const std::string& name) {
  SubsetFont out;
  read_descriptor(font_bytes, face_index, out, name);

  text::HbBlobPtr blob(hb_blob_create(font_bytes.data(), unsigned(font_bytes.size()),
                                      HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  text::HbFacePtr face(hb_face_create(blob.get(), unsigned(face_index)));
  unsigned glyph_count = hb_face_get_glyph_count(face.get());
  if (glyph_count == 0)
    throw Error("font '" + name + "' has no glyphs");
  for (const auto& [gid, text] : usage.glyphs) {
    if (gid >= glyph_count)
      throw Error("glyph " + std::to_string(gid) + " is not in font '" + name + "' (" +
                  std::to_string(glyph_count) + " glyphs)");
  }
  out.cff = text::has_cff(face.get());
  out.tag = subset_tag(out.ps_name, usage);

  // The PDF carries glyph ids and positions: the layout tables are useless there, and the
  // .notdef outline shows where a glyph was missing.
  text::SubsetRequest request;
  for (const auto& entry : usage.glyphs)
    request.glyphs.push_back(entry.first);
  request.keep_layout = false;
  request.notdef_outline = true;
  request.desubroutinize = out.cff;
  std::optional<text::Subset> subset = text::subset_face(face.get(), request);
  if (!subset)
    throw Error("cannot subset font '" + name + "'");
  hb_face_t* sub = subset->face.get();

  // Old -> new glyph ids. The subset may hold more glyphs than asked for (composite glyph
  // components, seac accents), so size the tables from the subset itself.
  const hb_map_t* mapping = hb_subset_plan_old_to_new_glyph_mapping(subset->plan.get());
  unsigned sub_count = hb_face_get_glyph_count(sub);

  text::HbBlobPtr program(out.cff ? hb_face_reference_table(sub, HB_TAG('C', 'F', 'F', ' '))
                                  : hb_face_reference_blob(sub));
  out.program = text::blob_bytes(program.get());
  if (out.program.empty())
    throw Error("subset of font '" + name + "' is empty");

  // New glyph id -> CID: the identity, except in a CID-keyed CFF.
  std::vector<std::int32_t> cid_of_new;
  if (out.cff) cid_of_new = cff_cids(out.program, sub_count, name);
  out.cid_keyed = !cid_of_new.empty();
  if (!out.cid_keyed)
    for (unsigned g = 0; g < sub_count; ++g) cid_of_new.push_back(std::int32_t(g));
  const std::size_t cid_count =
      std::size_t(*std::max_element(cid_of_new.begin(), cid_of_new.end())) + 1;

  out.cid_of.assign(glyph_count, -1);
  out.text.assign(cid_count, {});
  for (const auto& [gid, text] : usage.glyphs) {
    hb_codepoint_t new_gid = hb_map_get(mapping, gid);
    if (new_gid == HB_MAP_VALUE_INVALID || new_gid >= sub_count || new_gid > 0xFFFF)
      throw Error("glyph " + std::to_string(gid) + " was lost subsetting font '" + name + "'");
    out.cid_of[gid] = cid_of_new[new_gid];
    out.text[std::size_t(cid_of_new[new_gid])] = text;
  }

  out.color_glyphs = read_color_glyphs(font_bytes, face_index, usage, name);

  text::HbFontPtr font(hb_font_create(sub));
  double upem = hb_face_get_upem(sub);
  out.widths.assign(cid_count, 0);
  for (unsigned g = 0; g < sub_count; ++g)
    out.widths[std::size_t(cid_of_new[g])] =
        advance_milli(hb_font_get_glyph_h_advance(font.get(), g), upem);
  return out;
}

} // namespace galley::pdf
