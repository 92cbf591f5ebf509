#include "text/subset.hpp"

namespace galley::text {

std::optional<Subset> subset_face(hb_face_t* face, const SubsetRequest& request) {
  HbSubsetInputPtr input(hb_subset_input_create_or_fail());
  if (!input)
    return std::nullopt;
  hb_set_t* gids = hb_subset_input_glyph_set(input.get());
  hb_set_add(gids, 0);
  for (std::uint32_t gid : request.glyphs)
    hb_set_add(gids, gid);
  hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
  for (char32_t cp : request.code_points)
    hb_set_add(unicodes, cp);
  if (!request.keep_layout) {
    // Dropping GSUB also stops hb-subset from pulling in every ligature the kept glyphs could
    // form.
    hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (hb_tag_t t :
         {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
          HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('M', 'A', 'T', 'H'),
          HB_TAG('k', 'e', 'r', 'n'), HB_TAG('D', 'S', 'I', 'G')})
      hb_set_add(drop, t);
  }
  // Hinting is for low-resolution rasterisers: PDF viewers and the browsers inside reading
  // systems ignore most of it, and it is a large part of a subset.
  unsigned flags = HB_SUBSET_FLAGS_NO_HINTING;
  if (request.notdef_outline)
    flags |= HB_SUBSET_FLAGS_NOTDEF_OUTLINE;
  if (request.desubroutinize)
    flags |= HB_SUBSET_FLAGS_DESUBROUTINIZE;
  hb_subset_input_set_flags(input.get(), flags);

  Subset out;
  out.plan.reset(hb_subset_plan_create_or_fail(face, input.get()));
  if (!out.plan)
    return std::nullopt;
  out.face.reset(hb_subset_plan_execute_or_fail(out.plan.get()));
  if (!out.face)
    return std::nullopt;
  return out;
}

bool has_cff(hb_face_t* face) {
  HbBlobPtr table(hb_face_reference_table(face, HB_TAG('C', 'F', 'F', ' ')));
  return hb_blob_get_length(table.get()) > 0;
}

std::string blob_bytes(hb_blob_t* blob) {
  unsigned int length = 0;
  const char* data = hb_blob_get_data(blob, &length);
  return std::string(data ? data : "", length);
}

} // namespace galley::text
