#pragma once
// Presentation MathML (MathML Core, the elements JATS articles carry) as the TeX the model
// holds for a formula (model::Math), so that a formula a JATS article gives only as MathML is
// typeset with its structure: a subscript as a subscript, a fraction as a fraction. The MathML
// is read by pugixml with the rest of the article; this only walks its elements.
#include <pugixml.hpp>

#include <string>

namespace galley::input {

/// The TeX of a `<math>` element (or any MathML element): token elements by their text, with
/// TeX's special characters escaped; mrow, msub, msup, msubsup, mfrac, msqrt, mroot, munder,
/// mover, munderover and mfenced by their TeX; semantics by its TeX annotation (encoding
/// application/x-tex) when it has one, else by its first child; mtext as \text.
/// Elements it does not know give their children's TeX in order.
std::string mathml_to_tex(const pugi::xml_node& math);

} // namespace galley::input
