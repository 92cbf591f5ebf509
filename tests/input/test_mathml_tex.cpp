// MathML as the TeX of a formula (input/mathml_tex.hpp): what a JATS article gives only as
// MathML keeps its structure, and the TeX made reads back in galley's math parser.
#include "input/mathml_tex.hpp"
#include "math/parse.hpp"

#include <doctest/doctest.h>

#include <pugixml.hpp>

#include <string>

using namespace galley;

namespace {

/// The TeX of the first element of `xml`, checked to parse as display math.
std::string tex_of(const std::string& xml) {
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  std::string tex = input::mathml_to_tex(doc.first_child());
  CAPTURE(tex);
  CHECK_FALSE(math::parse(tex, true).failed);
  return tex;
}

} // namespace

TEST_SUITE("input/mathml") {
  TEST_CASE("scripts, fractions and roots keep their structure") {
    CHECK(tex_of("<mml:math xmlns:mml='m'><mml:mi>d</mml:mi><mml:mo>=</mml:mo>"
                 "<mml:msub><mml:mi>p</mml:mi><mml:mn>1</mml:mn></mml:msub><mml:mo>\u2212</mml:mo>"
                 "<mml:msub><mml:mi>p</mml:mi><mml:mn>0</mml:mn></mml:msub></mml:math>") ==
          "d = {p }_{1 }\u2212 {p }_{0 }");
    CHECK(tex_of("<math><msup><mi>x</mi><mn>2</mn></msup><mo>+</mo>"
                 "<msubsup><mi>y</mi><mi>i</mi><mn>3</mn></msubsup></math>") ==
          "{x }^{2 }+ {y }_{i }^{3 }");
    CHECK(tex_of("<math><mfrac><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mn>2</mn></mfrac>"
                 "<msqrt><mi>x</mi></msqrt><mroot><mi>y</mi><mn>3</mn></mroot></math>") ==
          "\\frac{a + b }{2 }\\sqrt{x }\\sqrt[3 ]{y }");
  }

  TEST_CASE("names, text, accents, limits and fences") {
    // A name of several letters is upright, as TeX sets an operator's name.
    CHECK(tex_of("<math><mi>sin</mi><mi>\u03B8</mi></math>") == "\\mathrm{sin}\u03B8");
    CHECK(tex_of("<math><mtext>if n &gt; 0</mtext></math>") == "\\text{if n > 0}");
    CHECK(tex_of("<math><mover><mi>x</mi><mo>^</mo></mover><mover><mi>v</mi><mo>\u2192</mo>"
                 "</mover></math>") == "\\hat{x }\\vec{v }");
    CHECK(tex_of("<math><munderover><mo>\u2211</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow>"
                 "<mi>n</mi></munderover></math>") == "{\u2211 }_{i = 1 }^{n }");
    CHECK(tex_of("<math><mfenced open='{' close=''><mi>a</mi><mi>b</mi></mfenced></math>") ==
          "\\left\\{a ,b \\right.");
    // TeX's special characters in a token are written as the commands that stand for them.
    CHECK(tex_of("<math><mi>%</mi><mo>{</mo><mi>#</mi><mo>}</mo></math>") == "\\% \\{ \\# \\}");
  }

  TEST_CASE("a formula nested a hundred thousand deep is cut, not followed to the end") {
    std::string xml = "<math><mi>y</mi>";
    for (int i = 0; i < 100000; ++i)
      xml += "<mrow>";
    xml += "<mi>x</mi>";
    for (int i = 0; i < 100000; ++i)
      xml += "</mrow>";
    CHECK(tex_of(xml + "</math>") == "y");
  }

  TEST_CASE("semantics gives its TeX annotation, else its presentation") {
    // As MathJax, LaTeXML and Wikipedia write it: the TeX the formula was written in.
    CHECK(tex_of("<math><semantics><mrow><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi>"
                 "<mn>2</mn></msup></mrow><annotation encoding='application/x-tex'>"
                 "{\\displaystyle E=mc^{2}}</annotation></semantics></math>") ==
          "{\\displaystyle E=mc^{2}}");
    // An annotation in another encoding, or an empty one, is not read.
    CHECK(tex_of("<math><semantics><mrow><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi>"
                 "<mn>2</mn></msup></mrow><annotation encoding='TeX'>E=mc^2</annotation>"
                 "<annotation encoding='application/x-tex'> </annotation>"
                 "</semantics></math>") == "E = m {c }^{2 }");
  }
}
