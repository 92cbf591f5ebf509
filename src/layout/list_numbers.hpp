#pragma once
// The numbers of an ordered list's items as the PDF shows them.
#include "galley/model.hpp"

#include <string>

namespace galley::layout::detail {

/// Item `n`'s number in `numbering`, without the full stop after it: "3", "c", "C", "iii",
/// "III". Letters count on past z as CSS's alphabetic system does (z, aa, ab, ..., zz, aaa);
/// roman numerals run from 1 to 3999. A number a system cannot write (0 and below for letters
/// and numerals, 4000 and above for numerals) is written in decimal, as CSS falls back
/// (CSS Counter Styles 3, 3.1.2 and 6.1).
std::string list_number(model::ListNumbering numbering, int n);

} // namespace galley::layout::detail
