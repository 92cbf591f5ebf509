#pragma once
// The TeX-math parser: the subset of LaTeX math that KaTeX and MathJax users write (documented
// exactly in docs/math.md), read by recursive descent into a math tree (math/tree.hpp). Nothing
// is expanded: macros are not defined, and a command outside the subset fails the formula,
// which both outputs then set as its TeX source.
#include "math/tree.hpp"

#include <string>
#include <string_view>

namespace galley::math {

Formula parse(std::string_view tex, bool display);

/// The warning for a formula that failed, the same in both outputs: what went wrong, where in
/// the TeX, and that the source is shown instead.
std::string failure_message(const Formula& formula);

} // namespace galley::math
