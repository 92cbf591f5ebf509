#pragma once
// Font subsetting for both writers: one call into hb-subset, with the choices that differ between
// a PDF (glyphs positioned already) and an EPUB (text a reading system shapes) as fields of the
// request. The writers decide what goes in and what they make of the result.
#include "text/hb_handles.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace galley::text {

struct SubsetRequest {
  std::vector<std::uint32_t> glyphs; ///< glyph ids to keep (.notdef, glyph 0, always stays)
  std::vector<char32_t> code_points; ///< characters whose glyphs (and what GSUB reaches) to keep
  /// The OpenType layout tables (GSUB, GPOS, GDEF, BASE, JSTF, MATH, kern): needed where the
  /// text is shaped after subsetting, useless once the glyphs are positioned.
  bool keep_layout = true;
  /// Keep the outline of .notdef (the box a missing glyph shows as) rather than an empty glyph.
  bool notdef_outline = false;
  /// Inline CFF subroutines, for consumers that cannot follow them (PDF CIDFontType0C readers
  /// differ in how well they do).
  bool desubroutinize = false;
};

/// A subset face and the plan that made it; the plan maps original glyph ids to the subset's.
struct Subset {
  HbFacePtr face;
  HbSubsetPlanPtr plan;
};

/// Subsets `face` as `request` says, hinting dropped. Nothing when hb-subset fails (out of
/// memory, a font it cannot parse); the caller says what that means for its output.
std::optional<Subset> subset_face(hb_face_t* face, const SubsetRequest& request);

/// Whether the face's outlines are CFF (OpenType 'CFF ' table) rather than TrueType 'glyf'.
bool has_cff(hb_face_t* face);

/// The bytes of a blob (empty for an empty or null blob).
std::string blob_bytes(hb_blob_t* blob);

} // namespace galley::text
