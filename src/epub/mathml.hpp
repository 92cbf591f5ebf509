#pragma once
// TeX math as MathML (MathML 3, which EPUB 3.3 content documents carry natively, section
// 6.1.4.2), made from the math tree that the PDF's math layout reads too.
#include "math/tree.hpp"

#include <pugixml.hpp>

#include <string_view>

namespace galley::epub {

/// Appends `<math display="block|inline" alttext="tex">` to `parent`: the formula in
/// presentation MathML inside <semantics>, with the TeX source as its
/// `application/x-tex` annotation. `formula` must have parsed.
void append_mathml(pugi::xml_node parent, const math::Formula& formula, std::string_view tex);

} // namespace galley::epub
