#pragma once
// The math layout: a math tree (math/tree.hpp) typeset by TeX's rules (The TeXbook, Appendix
// G) with the OpenType MATH table's constants in place of TeX's font parameters.
#include "layout/math_font.hpp"
#include "math/tree.hpp"

#include <functional>
#include <vector>

namespace galley::layout::detail {

/// Sets text in the text face (\text{}, and characters the math font lacks) at `size`, upright
/// unless `italic`, bold when `bold`.
using MathTextSetter =
    std::function<MathBox(const std::string& text, double size, bool italic, bool bold)>;

/// Where an inline formula may break (The TeXbook, ch. 18 and Appendix G, rule 20): after a
/// relation or a binary operator at the top level, at TeX's \relpenalty (500) or
/// \binoppenalty (700). `x` is where the operator ends; `space` the glue after it, which goes
/// away at a break.
struct MathBreak {
  double x = 0;
  double space = 0;
  int penalty = 0;
};

struct TypesetFormula {
  MathBox box;
  std::vector<MathBreak> breaks; ///< inline formulas only, in order
  std::string tag;               ///< a display formula's equation number, to set as text
};

/// Typesets `formula` at `size` points: display style for display formulas, text style else.
TypesetFormula typeset(const math::Formula& formula, const MathFont& font, double size,
                       const MathTextSetter& text);

} // namespace galley::layout::detail
