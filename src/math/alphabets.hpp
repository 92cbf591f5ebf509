#pragma once
// Letters in their alphabet, as characters of Unicode's Mathematical Alphanumeric Symbols
// (U+1D400-1D7FF, with the holes filled from Letterlike Symbols; Unicode TR #25, 2.2). Both
// outputs use these characters: the PDF draws them from the math font, MathML writes them in
// its token elements (MathML Core prefers them to `mathvariant`).
#include "math/tree.hpp"

#include <string>
#include <string_view>

namespace galley::math {

/// `text` with every Latin letter, digit and Greek letter in `alphabet`; the default alphabet
/// makes Latin and lowercase Greek letters italic, as TeX does. Other characters pass through.
std::string styled(std::string_view text, Alphabet alphabet);

/// Whether `alphabet` leaves `text` as written (MathML then needs no other character).
bool is_upright(std::string_view text, Alphabet alphabet);

} // namespace galley::math
