#include "epub/mathml.hpp"
#include "math/parse.hpp"

#include <doctest/doctest.h>

#include <pugixml.hpp>

#include <sstream>
#include <string>

using namespace galley;

namespace {

/// The formula as MathML, written out and parsed again as a separate document.
struct Written {
  pugi::xml_document doc;
  pugi::xml_node math;
  pugi::xml_node row; ///< the presentation MathML inside <semantics>
  std::string text;
};

void write(std::string_view tex, bool display, Written& w) {
  math::Formula f = math::parse(tex, display);
  REQUIRE_MESSAGE(!f.failed, f.error.message);
  pugi::xml_document out;
  epub::append_mathml(out.append_child("p"), f, tex);
  std::ostringstream s;
  out.save(s, "", pugi::format_raw);
  w.text = s.str();
  REQUIRE(w.doc.load_string(w.text.c_str()));
  w.math = w.doc.child("p").child("math");
  w.row = w.math.child("semantics").child("mrow");
}

/// The element names of `e` and its descendants, depth first: "msup(mi,mn)".
std::string shape(pugi::xml_node e) {
  std::string out = e.name();
  std::string children;
  for (pugi::xml_node c : e.children()) {
    if (c.type() != pugi::node_element)
      continue;
    children += (children.empty() ? "" : ",") + shape(c);
  }
  return children.empty() ? out : out + "(" + children + ")";
}

} // namespace

TEST_SUITE("math/mathml") {
  TEST_CASE("the math element carries its namespace, display and TeX source") {
    Written w;
    write("x^2 < 1", false, w);
    CHECK(std::string(w.math.attribute("xmlns").value()) == "http://www.w3.org/1998/Math/MathML");
    CHECK(std::string(w.math.attribute("display").value()) == "inline");
    CHECK(std::string(w.math.attribute("alttext").value()) == "x^2 < 1");
    pugi::xml_node annotation = w.math.child("semantics").child("annotation");
    CHECK(std::string(annotation.attribute("encoding").value()) == "application/x-tex");
    CHECK(std::string(annotation.text().get()) == "x^2 < 1");
    CHECK(shape(w.row) == "mrow(msup(mi,mn),mo,mn)");
    CHECK(std::string(w.row.child("mo").text().get()) == "<");
    Written d;
    write("a", true, d);
    CHECK(std::string(d.math.attribute("display").value()) == "block");
  }

  TEST_CASE("the quadratic formula") {
    Written w;
    write("x = \\frac{-b \\pm \\sqrt{b^2-4ac}}{2a}", true, w);
    CHECK(shape(w.row) ==
          "mrow(mi,mo,mfrac(mrow(mo,mi,mo,msqrt(msup(mi,mn),mo,mn,mi,mi)),mrow(mn,mi)))");
    CHECK(w.text.find("<mo>\u2212</mo>") != std::string::npos);
  }

  TEST_CASE("large operators take limits above and below unless they are integrals") {
    Written sum;
    write("\\sum_{i=1}^n i", true, sum);
    CHECK(shape(sum.row) == "mrow(munderover(mo,mrow(mi,mo,mn),mi),mi)");
    Written integral;
    write("\\int_0^1 f", true, integral);
    CHECK(shape(integral.row) == "mrow(msubsup(mo,mn,mn),mi)");
    Written limits;
    write("\\int\\limits_0^1", false, limits);
    CHECK(shape(limits.row) == "mrow(munderover(mo,mn,mn))");
    CHECK(std::string(limits.row.first_child().first_child().attribute("movablelimits").value()) ==
          "false");
    Written lim;
    write("\\lim_{x\\to 0} \\sin x", true, lim);
    CHECK(shape(lim.row) == "mrow(munder(mo,mrow(mi,mo,mn)),mi,mo,mi)");
    CHECK(std::string(lim.row.first_child().first_child().attribute("movablelimits").value()) ==
          "true");
  }

  TEST_CASE("fences, binomials, accents and spaces") {
    Written w;
    write("\\left( \\binom{n}{k} \\middle| \\hat{x}\\,\\overline{y} \\right]", false, w);
    CHECK(shape(w.row) ==
          "mrow(mrow(mo,mrow(mo,mfrac(mi,mi),mo),mo,mover(mi,mo),mspace,mover(mi,mo),mo))");
    pugi::xml_node fence = w.row.first_child();
    CHECK(std::string(fence.first_child().attribute("stretchy").value()) == "true");
    CHECK(std::string(fence.last_child().text().get()) == "]");
    CHECK(std::string(fence.child("mrow").child("mfrac").attribute("linethickness").value()) ==
          "0");
    CHECK(std::string(fence.child("mspace").attribute("width").value()) == "0.1667em");
    CHECK(w.text.find("<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">^</mo></mover>") !=
          std::string::npos);
  }

  TEST_CASE("alphabets become Unicode math letters, upright text stays upright") {
    Written w;
    write("\\mathbb{R} \\mathrm{d}x \\Gamma \\text{for all}", false, w);
    CHECK(w.text.find("<mi>\u211D</mi>") != std::string::npos);
    CHECK(w.text.find("<mi mathvariant=\"normal\">d</mi>") != std::string::npos);
    CHECK(w.text.find("<mi mathvariant=\"normal\">\u0393</mi>") != std::string::npos);
    CHECK(w.text.find("<mtext>for all</mtext>") != std::string::npos);
  }

  TEST_CASE("environments become tables") {
    Written m;
    write("\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}", true, m);
    CHECK(shape(m.row) == "mrow(mrow(mo,mtable(mtr(mtd(mi),mtd(mi)),mtr(mtd(mi),mtd(mi))),mo))");
    Written a;
    write("\\begin{aligned} f(x) &= x^2 \\\\ &\\le 1 \\end{aligned}", true, a);
    pugi::xml_node table = a.row.child("mtable");
    CHECK(std::string(table.attribute("columnalign").value()) == "right left");
    CHECK(std::string(table.attribute("displaystyle").value()) == "true");
    Written c;
    write("\\begin{cases} 1 & x > 0 \\\\ 0 & \\text{else} \\end{cases}", true, c);
    CHECK(shape(c.row) ==
          "mrow(mrow(mo,mtable(mtr(mtd(mn),mtd(mi,mo,mn)),mtr(mtd(mn),mtd(mtext)))))");
  }

  TEST_CASE("a function with scripts keeps its application outside them") {
    Written w;
    write("\\sin^2\\theta + \\log_2 x", false, w);
    CHECK(shape(w.row) == "mrow(msup(mi,mn),mo,mi,mo,msub(mi,mn),mo,mi)");
  }

  TEST_CASE("radicals with a degree are mroot, base first") {
    Written w;
    write("\\sqrt[3]{x}", false, w);
    CHECK(shape(w.row) == "mrow(mroot(mi,mn))");
    CHECK(std::string(w.row.child("mroot").last_child().text().get()) == "3");
  }

  TEST_CASE("a brace with a label: the brace under or over its body, the label beyond it") {
    Written w;
    write("\\underbrace{a+b}_{n}", true, w);
    CHECK(shape(w.row) == "mrow(munder(munder(mrow(mi,mo,mi),mo),mi))");
    const pugi::xml_node inner = w.row.first_child().first_child();
    CHECK(std::string(inner.attribute("accentunder").value()) == "false");
    CHECK(std::string(inner.child("mo").text().get()) == "\u23DF");
    CHECK(std::string(inner.child("mo").attribute("stretchy").value()) == "true");
    Written over;
    write("\\overbrace{x}^{2}", false, over);
    CHECK(shape(over.row) == "mrow(mover(mover(mi,mo),mn))");
  }

  TEST_CASE("an extensible arrow stretches over its padded labels") {
    Written w;
    write("A \\xrightarrow[\\text{iso}]{f} B", false, w);
    CHECK(shape(w.row) == "mrow(mi,munderover(mo,mpadded(mtext),mpadded(mi)),mi)");
    const pugi::xml_node arrow = w.row.child("munderover").child("mo");
    CHECK(std::string(arrow.text().get()) == "\u2192");
    CHECK(std::string(arrow.attribute("stretchy").value()) == "true");
    Written over;
    write("\\xleftarrow{g}", false, over);
    CHECK(shape(over.row) == "mrow(mover(mo,mpadded(mi)))");
  }
}
