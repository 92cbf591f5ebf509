#pragma once
// The inside of the math layout (math_layout.hpp), shared by its two files: lists, atoms and
// scripts in math_layout.cpp; fractions, radicals, delimiters, accents and arrays in
// math_parts.cpp.
#include "layout/math_layout.hpp"

namespace galley::layout::detail {

/// TeX's style with its cramping (The TeXbook, ch. 17): D, T, S, SS and their primed forms.
struct MathStyle {
  math::Style style = math::Style::Text;
  bool cramped = false;

  [[nodiscard]] bool display() const { return style == math::Style::Display; }
  [[nodiscard]] bool script() const {
    return style == math::Style::Script || style == math::Style::ScriptScript;
  }
  /// The style of a superscript; a subscript's is the same, cramped.
  [[nodiscard]] MathStyle sup() const {
    return {style == math::Style::Display || style == math::Style::Text ? math::Style::Script
                                                                        : math::Style::ScriptScript,
            cramped};
  }
  [[nodiscard]] MathStyle sub() const { return {sup().style, true}; }
  /// A numerator's style; a denominator's is the same, cramped.
  [[nodiscard]] MathStyle num() const {
    switch (style) {
    case math::Style::Display:
      return {math::Style::Text, cramped};
    case math::Style::Text:
      return {math::Style::Script, cramped};
    default:
      return {math::Style::ScriptScript, cramped};
    }
  }
  [[nodiscard]] MathStyle den() const { return {num().style, true}; }
  [[nodiscard]] MathStyle crampedStyle() const { return {style, true}; }
};

/// An atom of a list, typeset: its class decides the space around it.
struct Atom {
  math::AtomClass atom = math::AtomClass::Ord;
  MathBox box;
  bool glue = false; ///< an explicit space: no class, no spacing of its own
};

class Typesetter {
public:
  Typesetter(const MathFont& font, double size, const MathTextSetter& text)
      : font_(font), base_(size), text_(text) {}

  /// A list as one box; with `breaks`, the top level's break points are recorded there.
  MathBox list(const math::List& list, MathStyle st, std::vector<MathBreak>* breaks = nullptr,
               bool leading_ord = false);

  // math_parts.cpp
  MathBox fraction(const math::Node& n, MathStyle st);
  MathBox radical(const math::Node& n, MathStyle st);
  MathBox fenced(const math::Node& n, MathStyle st);
  MathBox big(const math::Node& n, MathStyle st);
  MathBox accent(const math::Node& n, MathStyle st);
  MathBox matrix(const math::Node& n, MathStyle st);
  MathBox xarrow(const math::Node& n, MathStyle st);
  /// A delimiter grown to cover `height` above and `depth` below the baseline, centred on the
  /// axis (The TeXbook, Appendix G, rule 19); "" gives TeX's \nulldelimiterspace.
  MathBox delimiter(const std::string& text, double height, double depth, MathStyle st);
  /// A delimiter at least `total` tall, centred on the axis.
  MathBox delimiter_sized(const std::string& text, double total, MathStyle st);

  [[nodiscard]] double size(MathStyle st) const;
  [[nodiscard]] double constant(hb_ot_math_constant_t c, MathStyle st) const {
    return font_.constant(c, size(st));
  }
  [[nodiscard]] double axis(MathStyle st) const {
    return constant(HB_OT_MATH_CONSTANT_AXIS_HEIGHT, st);
  }
  /// 1 mu in points: an 18th of the em of the style's size (The TeXbook, ch. 18).
  [[nodiscard]] double mu(MathStyle st) const { return size(st) / 18; }

  /// Characters as glyphs of the math font, side by side; characters it lacks in the text face.
  MathBox chars(const std::string& text, MathStyle st);

private:
  void atoms(const math::List& list, MathStyle st, std::vector<Atom>& out,
             std::vector<MathStyle>& styles);
  Atom atom(const math::Node& n, MathStyle st);
  MathBox symbol(const math::Node& n, MathStyle st, bool in_scripts);
  MathBox scripts(const math::Node& n, MathStyle st, math::AtomClass& atom);

  const MathFont& font_;
  double base_;
  const MathTextSetter& text_;
  int depth_ = 0;
};

} // namespace galley::layout::detail
