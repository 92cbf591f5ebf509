#pragma once
// Shaping with HarfBuzz, one word at a time, cached. Words are shaped in font units (the
// hb_font's scale is its units per em), so one cache entry serves every size of a face.
#include "text/engine.hpp"
#include "text/fonts.hpp"
#include "text/hb_handles.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace galley::text {

struct ShapedGlyph {
  std::uint32_t glyph = 0;
  std::int32_t x_advance = 0; ///< font units
  std::int32_t x_offset = 0;
  std::int32_t y_offset = 0;
  std::uint32_t cluster = 0;    ///< byte offset of its cluster in the word
  std::uint32_t text_start = 0; ///< the cluster's text, set on its first glyph only
  std::uint32_t text_length = 0;
};

/// A shaped piece of text. Glyphs are in visual order (HarfBuzz output order), so an RTL word's
/// clusters decrease.
struct ShapedWord {
  std::string text;
  std::vector<ShapedGlyph> glyphs;
  std::int32_t advance = 0; ///< font units
  bool rtl = false;
  bool has_notdef = false;
};

/// Script, direction and language of a run, as HarfBuzz wants them.
struct ShapeContext {
  hb_script_t script = HB_SCRIPT_COMMON;
  bool rtl = false;
  hb_language_t language = HB_LANGUAGE_INVALID;
};

class Shaper {
public:
  Shaper();
  Shaper(const Shaper&) = delete;
  Shaper& operator=(const Shaper&) = delete;

  /// Index of a feature list ("onum", "-liga"); equal lists get equal indices.
  int feature_set(const std::vector<std::string>& features);

  /// The shaped word, from the cache when it was shaped before with the same face, context and
  /// features. The reference stays valid for the shaper's life.
  const ShapedWord& shape(FontRegistry& fonts, FaceId face, std::string_view text,
                          const ShapeContext& context, int feature_set);

  CacheStats stats() const { return stats_; }

private:
  /// The shape plan for a face, feature set and segment, made once: hb_shape() would look it
  /// up in the face's list of plans on every call.
  hb_shape_plan_t* plan(hb_font_t* font, FaceId face, int feature_set);

  HbBufferPtr buffer_;
  std::map<std::tuple<FaceId, int, hb_script_t, hb_direction_t, hb_language_t>, HbShapePlanPtr>
      plans_;
  std::vector<std::vector<hb_feature_t>> feature_sets_;
  std::vector<std::string> feature_keys_;
  std::unordered_map<std::string, ShapedWord> cache_;
  std::string key_;
  CacheStats stats_;
};

} // namespace galley::text
