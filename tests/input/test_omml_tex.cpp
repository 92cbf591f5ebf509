// Office Math as the TeX of a formula (input/omml_tex.hpp): an equation typed in Word keeps its
// structure, and the TeX made reads back in galley's math parser.
#include "input/omml_tex.hpp"
#include "math/parse.hpp"

#include <doctest/doctest.h>

#include <pugixml.hpp>

#include <string>

using namespace galley;

namespace {

/// The TeX of `inner` as the content of an m:oMath, checked to parse as display math.
std::string tex_of(const std::string& inner) {
  const std::string xml =
      "<m:oMath xmlns:m='http://schemas.openxmlformats.org/officeDocument/2006/math'>" + inner +
      "</m:oMath>";
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  std::string tex = input::omml_to_tex(doc.first_child());
  CAPTURE(tex);
  CHECK_FALSE(math::parse(tex, true).failed);
  return tex;
}

std::string run(const std::string& text) {
  return "<m:r><m:t>" + text + "</m:t></m:r>";
}

std::string arg(const std::string& name, const std::string& content) {
  return "<m:" + name + ">" + content + "</m:" + name + ">";
}

} // namespace

TEST_SUITE("input/omml") {
  TEST_CASE("runs, fractions, scripts and radicals keep their structure") {
    CHECK(tex_of(run("E=m") + "<m:sSup>" + arg("e", run("c")) + arg("sup", run("2")) +
                 "</m:sSup>") == "E=m {c }^{2 }");
    CHECK(tex_of("<m:f><m:fPr><m:type m:val='bar'/></m:fPr>" + arg("num", run("a+b")) +
                 arg("den", run("2")) + "</m:f>") == "\\frac{a+b }{2 }");
    CHECK(tex_of("<m:f><m:fPr><m:type m:val='lin'/></m:fPr>" + arg("num", run("x")) +
                 arg("den", run("y")) + "</m:f>") == "{x }/{y }");
    CHECK(tex_of("<m:sSubSup>" + arg("e", run("x")) + arg("sub", run("i")) + arg("sup", run("2")) +
                 "</m:sSubSup>" + "<m:sSub>" + arg("e", run("p")) + arg("sub", run("0")) +
                 "</m:sSub>") == "{x }_{i }^{2 }{p }_{0 }");
    CHECK(tex_of("<m:rad><m:radPr><m:degHide m:val='1'/></m:radPr><m:deg/>" + arg("e", run("x")) +
                 "</m:rad><m:rad>" + arg("deg", run("3")) + arg("e", run("y")) + "</m:rad>") ==
          "\\sqrt{x }\\sqrt[3 ]{y }");
  }

  TEST_CASE("delimiters, sums and integrals, accents, bars, functions and limits") {
    CHECK(tex_of("<m:d>" + arg("e", run("a")) + arg("e", run("b")) + "</m:d>") ==
          "\\left( a \\mid b \\right)");
    CHECK(tex_of("<m:d><m:dPr><m:begChr m:val='['/><m:endChr m:val=''/></m:dPr>" +
                 arg("e", run("0,1")) + "</m:d>") == "\\left[ 0,1 \\right.");
    CHECK(tex_of("<m:nary><m:naryPr><m:chr m:val='\u2211'/></m:naryPr>" + arg("sub", run("i=1")) +
                 arg("sup", run("n")) + arg("e", run("i")) + "</m:nary>") ==
          "\\sum_{i=1 }^{n } {i }");
    // Without m:chr the operator is an integral (ECMA-376 22.1.2.70).
    CHECK(tex_of("<m:nary><m:naryPr><m:supHide m:val='1'/></m:naryPr>" + arg("sub", run("R")) +
                 arg("sup", "") + arg("e", run("f")) + "</m:nary>") == "\\int_{R } {f }");
    CHECK(tex_of("<m:acc><m:accPr><m:chr m:val='\u20D7'/></m:accPr>" + arg("e", run("v")) +
                 "</m:acc><m:acc>" + arg("e", run("x")) + "</m:acc>") == "\\vec{v }\\hat{x }");
    CHECK(tex_of("<m:bar><m:barPr><m:pos m:val='top'/></m:barPr>" + arg("e", run("z")) +
                 "</m:bar>") == "\\overline{z }");
    CHECK(tex_of("<m:func>" +
                 arg("fName", "<m:r><m:rPr><m:sty m:val='p'/></m:rPr><m:t>sin</m:t></m:r>") +
                 arg("e", run("x")) + "</m:func>") == "\\sin {x }");
    // A plain (upright) run of one character is that character, a relation spaced as one.
    CHECK(tex_of(run("n") + "<m:r><m:rPr><m:sty m:val='p'/></m:rPr><m:t>\u2265</m:t></m:r>" +
                 run("1")) == "n \u2265 1");
    CHECK(tex_of("<m:func>" + arg("fName", run("erf")) + arg("e", run("x")) + "</m:func>") ==
          "\\operatorname{erf}{x }");
    CHECK(tex_of("<m:func><m:fName><m:limLow>" + arg("e", run("lim")) +
                 arg("lim", run("n\u2192\u221E")) + "</m:limLow></m:fName>" + arg("e", run("a")) +
                 "</m:func>") == "\\lim _{n\u2192\u221E }{a }");
  }

  TEST_CASE("matrices and equation arrays; properties and nesting") {
    CHECK(tex_of("<m:m><m:mr>" + arg("e", run("a")) + arg("e", run("b")) + "</m:mr><m:mr>" +
                 arg("e", run("c")) + arg("e", run("d")) + "</m:mr></m:m>") ==
          "\\begin{matrix}a & b \\\\ c & d \\end{matrix}");
    CHECK(tex_of("<m:eqArr>" + arg("e", run("x=1")) + arg("e", run("y=2")) + "</m:eqArr>") ==
          "\\begin{aligned}x=1 \\\\ y=2 \\end{aligned}");
    // Run properties and control properties say nothing; TeX's specials are escaped.
    CHECK(tex_of("<m:r><m:rPr><m:scr m:val='script'/></m:rPr><w:rPr xmlns:w='w'><w:b/></w:rPr>"
                 "<m:t>50%</m:t></m:r><m:ctrlPr/>") == "50\\%");
    std::string deep;
    for (int i = 0; i < 100000; ++i)
      deep += "<m:box><m:e>";
    deep += run("z");
    for (int i = 0; i < 100000; ++i)
      deep += "</m:e></m:box>";
    CHECK(tex_of(run("y") + deep) == "y");
  }
}
