#include "layout/math_font.hpp"

#include <algorithm>
#include <array>

namespace galley::layout::detail {

MathFont::MathFont(hb_font_t* font, text::FaceId face, int units_per_em)
    : font_(font), face_(face), upem_(units_per_em) {
  usable_ = font != nullptr && hb_ot_math_has_data(hb_font_get_face(font));
  if (!usable_)
    return;
  int s = hb_ot_math_get_constant(font, HB_OT_MATH_CONSTANT_SCRIPT_PERCENT_SCALE_DOWN);
  int ss = hb_ot_math_get_constant(font, HB_OT_MATH_CONSTANT_SCRIPT_SCRIPT_PERCENT_SCALE_DOWN);
  // TeX's own 70% and 50% where a font leaves them out (the MATH table's 0 means unset).
  if (s > 0)
    script_ = s / 100.0;
  if (ss > 0)
    script_script_ = ss / 100.0;
}

double MathFont::constant(hb_ot_math_constant_t c, double size) const {
  return pt(hb_ot_math_get_constant(font_, c), size);
}

std::uint32_t MathFont::glyph(char32_t cp) const {
  hb_codepoint_t g = 0;
  return hb_font_get_nominal_glyph(font_, cp, &g) ? g : 0;
}

MathBox MathFont::glyph_box(std::uint32_t glyph, double size, std::string text) const {
  MathBox b;
  hb_glyph_extents_t ext{};
  hb_font_get_glyph_extents(font_, glyph, &ext);
  b.width = pt(hb_font_get_glyph_h_advance(font_, glyph), size);
  b.height = pt(ext.y_bearing, size);
  b.depth = pt(-(ext.y_bearing + ext.height), size);
  b.italic = pt(hb_ot_math_get_glyph_italics_correction(font_, glyph), size);
  b.accent_x = pt(hb_ot_math_get_glyph_top_accent_attachment(font_, glyph), size);
  b.ink_center = pt(ext.x_bearing + ext.width / 2, size);
  b.glyphs.push_back(MathGlyph{face_, glyph, size, 0, 0, b.width, std::move(text)});
  return b;
}

namespace {
constexpr unsigned kMaxVariants = 32;
}

// Vertically (BTT) the box's height and depth must reach `target`, across (LTR) its width.
MathBox MathFont::stretch(std::uint32_t glyph, hb_direction_t dir, double target, double size,
                          const std::string& text) const {
  auto reach = [dir](const MathBox& b) {
    return dir == HB_DIRECTION_BTT ? b.height + b.depth : b.width;
  };
  std::array<hb_ot_math_glyph_variant_t, kMaxVariants> variants{};
  unsigned count = kMaxVariants;
  hb_ot_math_get_glyph_variants(font_, glyph, dir, 0, &count, variants.data());
  std::uint32_t best = glyph;
  for (unsigned i = 0; i < count; ++i) {
    best = variants[i].glyph;
    MathBox b = glyph_box(best, size, text);
    if (reach(b) >= target)
      return b;
  }
  bool made = false;
  MathBox assembled = assemble(glyph, dir, target, size, text, made);
  return made ? assembled : glyph_box(best, size, text);
}

MathBox MathFont::stretch_vertical(std::uint32_t glyph, double target, double size,
                                   const std::string& text) const {
  return stretch(glyph, HB_DIRECTION_BTT, target, size, text);
}

MathBox MathFont::stretch_horizontal(std::uint32_t glyph, double target, double size,
                                     const std::string& text) const {
  return stretch(glyph, HB_DIRECTION_LTR, target, size, text);
}

/// A glyph assembly (OpenType MATH, GlyphAssembly): the parts in order (bottom to top, or left
/// to right), extenders repeated until the whole reaches `target`, with the overlaps between
/// connectors shared out evenly and never below MinConnectorOverlap.
MathBox MathFont::assemble(std::uint32_t glyph, hb_direction_t dir, double target, double size,
                           const std::string& text, bool& made) const {
  std::array<hb_ot_math_glyph_part_t, kMaxVariants> parts{};
  unsigned count = kMaxVariants;
  hb_position_t italic = 0;
  hb_ot_math_get_glyph_assembly(font_, glyph, dir, 0, &count, parts.data(), &italic);
  made = count > 0;
  if (!made)
    return {};
  const double overlap = pt(hb_ot_math_get_min_connector_overlap(font_, dir), size);
  // The fewest repeats of the extenders that can reach the target.
  std::vector<hb_ot_math_glyph_part_t> seq;
  for (int repeats = 1; repeats <= 64; ++repeats) {
    seq.clear();
    for (unsigned i = 0; i < count; ++i) {
      const bool extender = parts[i].flags & HB_OT_MATH_GLYPH_PART_FLAG_EXTENDER;
      for (int r = 0; r < (extender ? repeats : 1); ++r)
        seq.push_back(parts[i]);
    }
    double longest = 0;
    for (const auto& p : seq)
      longest += pt(p.full_advance, size);
    longest -= overlap * static_cast<double>(seq.size() - 1);
    if (longest >= target)
      break;
  }
  double total = 0;
  for (const auto& p : seq)
    total += pt(p.full_advance, size);
  // Overlap as much as the connectors allow while still reaching the target.
  double shared = overlap;
  if (seq.size() > 1) {
    double most = (total - target) / static_cast<double>(seq.size() - 1);
    double connectors = 1e9;
    for (std::size_t i = 0; i + 1 < seq.size(); ++i)
      connectors = std::min(
          connectors,
          pt(std::min(seq[i].end_connector_length, seq[i + 1].start_connector_length), size));
    shared = std::clamp(most, overlap, std::max(overlap, connectors));
  }
  MathBox b;
  double at = 0;
  const bool vertical = dir == HB_DIRECTION_BTT;
  for (std::size_t i = 0; i < seq.size(); ++i) {
    MathBox part = glyph_box(seq[i].glyph, size, i == 0 ? text : std::string());
    if (vertical) {
      // Parts stand on each other: the first part's bottom is the assembly's bottom.
      b.draw(part, 0, at + part.depth);
      b.width = std::max(b.width, part.width);
    } else {
      b.draw(part, at, 0);
      b.height = std::max(b.height, part.height);
      b.depth = std::max(b.depth, part.depth);
    }
    at += pt(seq[i].full_advance, size) - (i + 1 < seq.size() ? shared : 0);
  }
  if (vertical) {
    b.height = at; // from the bottom; the caller centres it
    b.depth = 0;
  } else {
    b.width = at;
  }
  b.italic = pt(italic, size);
  return b;
}

} // namespace galley::layout::detail
