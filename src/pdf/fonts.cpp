#include "pdf/fonts.hpp"

#include "galley/error.hpp"
#include "util/hash.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include <hb-subset.h>
#include <hb.h>

#include <cmath>
#include <memory>

namespace galley::pdf {

namespace {

template <typename T, void (*Destroy)(T*)> struct HbDeleter {
  void operator()(T* p) const { Destroy(p); }
};
using BlobPtr = std::unique_ptr<hb_blob_t, HbDeleter<hb_blob_t, hb_blob_destroy>>;
using FacePtr = std::unique_ptr<hb_face_t, HbDeleter<hb_face_t, hb_face_destroy>>;
using FontPtr = std::unique_ptr<hb_font_t, HbDeleter<hb_font_t, hb_font_destroy>>;
using InputPtr =
    std::unique_ptr<hb_subset_input_t, HbDeleter<hb_subset_input_t, hb_subset_input_destroy>>;
using PlanPtr =
    std::unique_ptr<hb_subset_plan_t, HbDeleter<hb_subset_plan_t, hb_subset_plan_destroy>>;

struct FtLibraryDeleter {
  void operator()(FT_Library l) const { FT_Done_FreeType(l); }
};
struct FtFaceDeleter {
  void operator()(FT_Face f) const { FT_Done_Face(f); }
};

std::string blob_bytes(hb_blob_t* blob) {
  unsigned int len = 0;
  const char* data = hb_blob_get_data(blob, &len);
  return std::string(data ? data : "", len);
}

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

/// Font descriptor values from the original face's head, hhea, OS/2 and post tables.
void read_descriptor(const std::string& bytes, int face_index, SubsetFont& out,
                     const std::string& name) {
  FT_Library raw_lib = nullptr;
  if (FT_Init_FreeType(&raw_lib) != 0)
    throw Error("cannot initialise FreeType");
  std::unique_ptr<FT_LibraryRec_, FtLibraryDeleter> lib(raw_lib);
  FT_Face raw_face = nullptr;
  if (FT_New_Memory_Face(lib.get(), reinterpret_cast<const FT_Byte*>(bytes.data()),
                         FT_Long(bytes.size()), face_index, &raw_face) != 0)
    throw Error("cannot read font '" + name + "'");
  std::unique_ptr<FT_FaceRec_, FtFaceDeleter> face(raw_face);
  double upem = face->units_per_EM ? face->units_per_EM : 1000;
  if (const char* ps = FT_Get_Postscript_Name(face.get()))
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
  if (auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(face.get(), FT_SFNT_OS2))) {
    if (os2->version >= 2 && os2->sCapHeight > 0)
      out.cap_height = to_milli(os2->sCapHeight, upem);
    if (os2->usWeightClass > 0)
      weight = os2->usWeightClass;
    // OS/2 sFamilyClass: classes 1-5 and 7 are the serif families.
    int family = os2->sFamilyClass >> 8;
    serif = (family >= 1 && family <= 5) || family == 7;
  }
  bool fixed = false;
  if (auto* post = static_cast<TT_Postscript*>(FT_Get_Sfnt_Table(face.get(), FT_SFNT_POST))) {
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

} // namespace

SubsetFont subset_font(const std::string& font_bytes, int face_index, const FontUsage& usage,
                       const std::string& name) {
  SubsetFont out;
  read_descriptor(font_bytes, face_index, out, name);

  BlobPtr blob(hb_blob_create(font_bytes.data(), unsigned(font_bytes.size()),
                              HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  FacePtr face(hb_face_create(blob.get(), unsigned(face_index)));
  unsigned glyph_count = hb_face_get_glyph_count(face.get());
  if (glyph_count == 0)
    throw Error("font '" + name + "' has no glyphs");
  for (const auto& [gid, text] : usage.glyphs) {
    if (gid >= glyph_count)
      throw Error("glyph " + std::to_string(gid) + " is not in font '" + name + "' (" +
                  std::to_string(glyph_count) + " glyphs)");
  }
  BlobPtr cff_table(hb_face_reference_table(face.get(), HB_TAG('C', 'F', 'F', ' ')));
  out.cff = hb_blob_get_length(cff_table.get()) > 0;
  out.tag = subset_tag(out.ps_name, usage);

  InputPtr input(hb_subset_input_create_or_fail());
  if (!input)
    throw Error("out of memory subsetting font '" + name + "'");
  hb_set_t* gids = hb_subset_input_glyph_set(input.get());
  hb_set_add(gids, 0);
  for (const auto& [gid, text] : usage.glyphs)
    hb_set_add(gids, gid);
  // Layout tables are useless once glyphs are positioned: the PDF carries glyph ids and
  // positions. Dropping GSUB also stops hb-subset from pulling in every ligature it could form.
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t t :
       {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
        HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('M', 'A', 'T', 'H'),
        HB_TAG('k', 'e', 'r', 'n'), HB_TAG('D', 'S', 'I', 'G')})
    hb_set_add(drop, t);
  unsigned flags = HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_NOTDEF_OUTLINE;
  if (out.cff)
    flags |= HB_SUBSET_FLAGS_DESUBROUTINIZE;
  hb_subset_input_set_flags(input.get(), flags);

  PlanPtr plan(hb_subset_plan_create_or_fail(face.get(), input.get()));
  if (!plan)
    throw Error("cannot plan a subset of font '" + name + "'");
  FacePtr sub(hb_subset_plan_execute_or_fail(plan.get()));
  if (!sub)
    throw Error("cannot subset font '" + name + "'");

  // Old -> new glyph ids. The subset may hold more glyphs than asked for (composite glyph
  // components, seac accents), so size the tables from the subset itself.
  const hb_map_t* mapping = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
  unsigned sub_count = hb_face_get_glyph_count(sub.get());
  out.cid_of.assign(glyph_count, -1);
  out.text.assign(sub_count, {});
  for (const auto& [gid, text] : usage.glyphs) {
    hb_codepoint_t new_gid = hb_map_get(mapping, gid);
    if (new_gid == HB_MAP_VALUE_INVALID || new_gid >= sub_count || new_gid > 0xFFFF)
      throw Error("glyph " + std::to_string(gid) + " was lost subsetting font '" + name + "'");
    out.cid_of[gid] = std::int32_t(new_gid);
    out.text[new_gid] = text;
  }

  FontPtr font(hb_font_create(sub.get()));
  double upem = hb_face_get_upem(sub.get());
  out.widths.resize(sub_count);
  for (unsigned g = 0; g < sub_count; ++g)
    out.widths[g] = to_milli(hb_font_get_glyph_h_advance(font.get(), g), upem);

  BlobPtr program(out.cff ? hb_face_reference_table(sub.get(), HB_TAG('C', 'F', 'F', ' '))
                          : hb_face_reference_blob(sub.get()));
  out.program = blob_bytes(program.get());
  if (out.program.empty())
    throw Error("subset of font '" + name + "' is empty");
  return out;
}

} // namespace galley::pdf
