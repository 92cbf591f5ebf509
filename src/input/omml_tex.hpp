#pragma once
// Office Math (ECMA-376 Part 1, 22.1: the m:oMath of a Word document) as the TeX the model holds
// for a formula, so that an equation typed in Word is typeset with its structure in both
// outputs, as pandoc's DOCX reader gives it, rather than as the text of its runs.
#include <pugixml.hpp>

#include <string>

namespace galley::input {

/// The TeX of an m:oMath element: runs by their text, escaped; fractions, scripts (sSub, sSup,
/// sSubSup, sPre), radicals, delimiters, n-ary operators (sums, integrals), accents, bars,
/// functions, lower and upper limits, group characters, matrices and equation arrays by their
/// TeX; boxes and phantoms by their content. Elements it does not know give their children's
/// TeX; properties (the *Pr elements) give nothing. Elements nested more than 256 deep are left
/// out.
std::string omml_to_tex(const pugi::xml_node& omath);

} // namespace galley::input
