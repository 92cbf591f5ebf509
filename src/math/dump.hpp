#pragma once
// A compact, readable form of a math tree, one line: what the parser's tests compare.
//   x^2       -> scripts(x;-;#2)        \frac{a}{b} -> frac(a;b)
//   a \le b   -> a rel:≤ b              \left( x \right) -> fenced((;x;))
#include "math/tree.hpp"

#include <string>

namespace galley::math {

std::string dump(const List& list);

} // namespace galley::math
