#pragma once
// Presentation MathML (MathML Core, the elements JATS articles carry) as the TeX the model
// holds for a formula (model::Math), so that a formula a JATS article gives only as MathML is
// typeset with its structure: a subscript as a subscript, a fraction as a fraction. The MathML
// is read by pugixml with the rest of the article; this only walks its elements.
#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace galley::input {

/// How deep a formula's elements are followed, MathML's and Office Math's: what lies deeper is
/// left out. A JATS article's or a Word document's XML has no depth limit of its own, and a
/// formula nested tens of thousands deep would run the walk out of stack.
constexpr int kFormulaDepth = 256;

/// The TeX of a `<math>` element (or any MathML element): token elements by their text, with
/// TeX's special characters escaped; mrow, msub, msup, msubsup, mfrac, msqrt, mroot, munder,
/// mover, munderover and mfenced by their TeX; semantics by its TeX annotation (encoding
/// application/x-tex) when it has one, else by its first child; mtext as \text.
/// Elements it does not know give their children's TeX in order.
std::string mathml_to_tex(const pugi::xml_node& math);

/// `text` as the characters of a formula: those TeX reads as syntax written as the commands that
/// stand for them (`\{`, `\_`, `\backslash`...). Shared with the Office Math reader.
std::string tex_escaped(std::string_view text);

/// The TeX accent (\hat, \bar, \vec, \tilde, \dot...) for a character set over a base, as
/// MathML and Office Math write it (spacing or combining), by the math parser's own table
/// (math/symbols.hpp); empty for another character.
std::string tex_accent(std::string_view over);

} // namespace galley::input
