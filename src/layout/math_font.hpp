#pragma once
// The math font: its OpenType MATH table (constants, italic corrections, top accent
// attachments, glyph variants and assemblies; OpenType 1.9, "MATH") read through HarfBuzz's
// hb_ot_math API, in points at a given size.
#include "layout/math_box.hpp"

#include <hb-ot.h>

namespace galley::layout::detail {

class MathFont {
public:
  /// `font` at a scale of `units_per_em` (as text::Engine::hb_font gives it).
  MathFont(hb_font_t* font, text::FaceId face, int units_per_em);

  /// Whether the face has a MATH table: without one, formulas are set as code.
  [[nodiscard]] bool usable() const { return usable_; }
  [[nodiscard]] text::FaceId face() const { return face_; }

  /// A MATH constant in points for a font of `size` points.
  [[nodiscard]] double constant(hb_ot_math_constant_t c, double size) const;
  /// A MATH constant that is a number, not a length (the percentages).
  [[nodiscard]] int percent(hb_ot_math_constant_t c) const {
    return hb_ot_math_get_constant(font_, c);
  }
  /// The script scale-downs (ScriptPercentScaleDown, ScriptScriptPercentScaleDown), as factors.
  [[nodiscard]] double script_scale() const { return script_; }
  [[nodiscard]] double script_script_scale() const { return script_script_; }

  /// The nominal glyph of `cp`; 0 when the font lacks it.
  [[nodiscard]] std::uint32_t glyph(char32_t cp) const;
  /// One glyph as a box: advance, ink height and depth, italic correction, accent attachment.
  [[nodiscard]] MathBox glyph_box(std::uint32_t glyph, double size, std::string text) const;

  /// `glyph` grown vertically to at least `target` points tall: the first variant that is
  /// tall enough, else an assembly of its parts, else its largest variant.
  [[nodiscard]] MathBox stretch_vertical(std::uint32_t glyph, double target, double size,
                                         const std::string& text) const;
  /// The same across: the first variant at least `target` wide, else an assembly.
  [[nodiscard]] MathBox stretch_horizontal(std::uint32_t glyph, double target, double size,
                                           const std::string& text) const;

private:
  [[nodiscard]] double pt(hb_position_t units, double size) const { return units * size / upem_; }
  MathBox stretch(std::uint32_t glyph, hb_direction_t dir, double target, double size,
                  const std::string& text) const;
  MathBox assemble(std::uint32_t glyph, hb_direction_t dir, double target, double size,
                   const std::string& text, bool& made) const;

  hb_font_t* font_;
  text::FaceId face_;
  int upem_;
  bool usable_ = false;
  double script_ = 0.7, script_script_ = 0.5;
};

} // namespace galley::layout::detail
