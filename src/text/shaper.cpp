#include "text/shaper.hpp"

#include "galley/error.hpp"
#include "util/text_utils.hpp"

#include <algorithm>

namespace galley::text {
namespace {

/// Gives each glyph of the cluster word.glyphs[first, last) its own character when the glyphs
/// are, one for one and in reading order, the font's own glyphs for the cluster's characters
/// (Devanagari "का" is drawn as क then the sign ा). Each glyph then reads right by itself through
/// ToUnicode (PDF 32000-1, 9.10.2), and a text extractor finds no glyph without text inside a
/// word, which it would take for a gap between words. A cluster drawn in another order or with
/// substituted glyphs (a vowel sign before its consonant, a conjunct) keeps its whole text on
/// its first glyph; the PDF gives it as ActualText. So does a right-to-left word's visually
/// first cluster when a mark (a glyph that takes no room, an Arabic vowel sign) leads it, as in
/// "عشاءً": an extractor takes a word's direction from its first character, and one that starts
/// with a mark would be read left to right and split ("عشا ًء").
void split_cluster(ShapedWord& word, hb_font_t* font, unsigned first, unsigned last) {
  if (word.rtl && first == 0 && word.glyphs[first].x_advance == 0)
    return;
  const std::string_view text(word.text);
  const std::uint32_t start = word.glyphs[first].text_start;
  const std::uint32_t end = start + word.glyphs[first].text_length;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> chars; // byte start, length
  for (size_t i = start; i < end;) {
    const size_t from = i;
    const char32_t cp = next_code_point(text, i);
    if (chars.size() == last - first)
      return; // more characters than glyphs
    const auto n = static_cast<unsigned>(chars.size());
    hb_codepoint_t glyph = 0;
    if (!hb_font_get_nominal_glyph(font, cp, &glyph) ||
        glyph != word.glyphs[word.rtl ? last - 1 - n : first + n].glyph)
      return;
    chars.emplace_back(static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(i - from));
  }
  if (chars.size() != last - first)
    return;
  for (size_t c = 0; c < chars.size(); ++c) {
    ShapedGlyph& g = word.glyphs[word.rtl ? last - 1 - c : first + c];
    g.text_start = chars[c].first;
    g.text_length = chars[c].second;
  }
}

} // namespace

Shaper::Shaper() : buffer_(hb_buffer_create()) {
  if (!hb_buffer_allocation_successful(buffer_.get()))
    throw Error("cannot allocate a shaping buffer");
}

hb_shape_plan_t* Shaper::plan(hb_font_t* font, FaceId face, int feature_set) {
  hb_segment_properties_t props;
  hb_buffer_get_segment_properties(buffer_.get(), &props);
  auto key = std::make_tuple(face, feature_set, props.script, props.direction, props.language);
  auto& slot = plans_[key];
  if (!slot) {
    const auto& features = feature_sets_.at(static_cast<size_t>(feature_set));
    slot.reset(hb_shape_plan_create_cached(hb_font_get_face(font), &props, features.data(),
                                           static_cast<unsigned>(features.size()), nullptr));
  }
  return slot.get();
}

int Shaper::feature_set(const std::vector<std::string>& features) {
  std::string key;
  for (const auto& f : features)
    key += f + ",";
  for (size_t i = 0; i < feature_keys_.size(); ++i) {
    if (feature_keys_[i] == key)
      return static_cast<int>(i);
  }
  std::vector<hb_feature_t> parsed;
  for (const auto& f : features) {
    hb_feature_t feature;
    if (hb_feature_from_string(f.data(), static_cast<int>(f.size()), &feature))
      parsed.push_back(feature);
  }
  feature_keys_.push_back(key);
  feature_sets_.push_back(std::move(parsed));
  return static_cast<int>(feature_keys_.size() - 1);
}

const ShapedWord& Shaper::shape(FontRegistry& fonts, FaceId face, std::string_view text,
                                const ShapeContext& context, int feature_set) {
  // The key packs everything that changes HarfBuzz's output; size is not part of it because
  // shaping is done in font units without hinting.
  key_.clear();
  key_.append(reinterpret_cast<const char*>(&face), sizeof face);
  key_.append(reinterpret_cast<const char*>(&feature_set), sizeof feature_set);
  key_.append(reinterpret_cast<const char*>(&context.script), sizeof context.script);
  key_.push_back(context.rtl ? 'r' : 'l');
  key_.append(hb_language_to_string(context.language) ? hb_language_to_string(context.language)
                                                      : "");
  key_.push_back('\0');
  key_.append(text);
  ++stats_.lookups;
  if (auto it = cache_.find(key_); it != cache_.end()) {
    ++stats_.hits;
    return it->second;
  }

  hb_buffer_clear_contents(buffer_.get());
  hb_buffer_add_utf8(buffer_.get(), text.data(), static_cast<int>(text.size()), 0,
                     static_cast<int>(text.size()));
  hb_buffer_set_direction(buffer_.get(), context.rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  hb_buffer_set_script(buffer_.get(), context.script);
  hb_buffer_set_language(buffer_.get(), context.language);
  if (!hb_buffer_allocation_successful(buffer_.get()))
    throw Error("out of memory while shaping");
  const auto& features = feature_sets_.at(static_cast<size_t>(feature_set));
  hb_font_t* font = fonts.hb_font(face);
  if (!hb_shape_plan_execute(plan(font, face, feature_set), font, buffer_.get(), features.data(),
                             static_cast<unsigned>(features.size())))
    throw Error("HarfBuzz could not shape '" + std::string(text) + "'");

  unsigned count = 0;
  hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer_.get(), &count);
  hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer_.get(), &count);
  ShapedWord word;
  word.text = std::string(text);
  word.rtl = context.rtl;
  word.glyphs.resize(count);
  // A cluster's text runs from its start to the next larger cluster start (clusters are
  // monotone in HarfBuzz's default cluster level).
  std::vector<std::uint32_t> starts;
  starts.reserve(count);
  for (unsigned i = 0; i < count; ++i)
    starts.push_back(info[i].cluster);
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  for (unsigned i = 0; i < count; ++i) {
    ShapedGlyph& g = word.glyphs[i];
    g.glyph = info[i].codepoint;
    g.x_advance = pos[i].x_advance;
    g.x_offset = pos[i].x_offset;
    g.y_offset = pos[i].y_offset;
    g.cluster = info[i].cluster;
    word.advance += g.x_advance;
    if (g.glyph == 0)
      word.has_notdef = true;
    bool first = i == 0 || info[i - 1].cluster != info[i].cluster;
    if (first) {
      auto next = std::upper_bound(starts.begin(), starts.end(), g.cluster);
      std::uint32_t end = next == starts.end() ? static_cast<std::uint32_t>(text.size()) : *next;
      g.text_start = static_cast<std::uint32_t>(g.cluster);
      g.text_length = static_cast<std::uint32_t>(end - g.cluster);
    }
  }
  for (unsigned first = 0; first < count;) {
    unsigned last = first + 1;
    while (last < count && info[last].cluster == info[first].cluster)
      ++last;
    if (last - first > 1)
      split_cluster(word, font, first, last);
    first = last;
  }
  return cache_.emplace(key_, std::move(word)).first->second;
}

} // namespace galley::text
