#pragma once
// MathML in HTML (HTML Living Standard 13.2.6.5: a <math> element and what it holds are parsed
// in the MathML namespace) as the TeX the model holds for a formula, read the way a JATS
// article's MathML is (mathml_tex.hpp): a page exported by MathJax, LaTeXML, a wiki or a CMS
// keeps its scripts and fractions rather than running their characters together.
#include "galley/model.hpp"

#include <gumbo.h>

#include <optional>
#include <string>
#include <string_view>

namespace galley::input::html {

/// How deep a formula's elements are followed; what lies deeper is left out (`complete` is set
/// to false). Real formulas nest a few levels; a hostile page could nest thousands.
constexpr int kMathDepth = 64;

/// The warning for a formula cut at kMathDepth.
std::string math_cut_message();

/// The TeX of a <math> element gumbo parsed: its elements copied, by their lower-case names,
/// with their attributes and text, into an XML tree mathml_to_tex reads.
std::string math_tex(const GumboNode* math, bool& complete);

/// Whether a <math> element stands on a line of its own (display="block", MathML Core 2.1.1).
bool math_displayed(const GumboNode* math);

/// The formula of the first <math> element in `html`: a Markdown paragraph's inline tags and the
/// text between them, put back together (html.cpp). nullopt when it holds none, or an empty one.
std::optional<model::Math> math_in(std::string_view html, bool& complete);

} // namespace galley::input::html
