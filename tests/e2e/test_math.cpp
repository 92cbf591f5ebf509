// Typeset math (docs/math.md): a column of formulas as pandoc and KaTeX users write them
// (tests/e2e/data/math/). The PDF must show none of the TeX (pdftotext finds no command, no
// braces of scripts), embed the math font, and tag each formula as a Formula with its source as
// /Alt; the EPUB must carry MathML that epubcheck accepts, declared in the package document.
// A formula galley does not know is shown as its source, with a located warning.
#include "book_checks.hpp"
#include "run.hpp"

#include "util/files.hpp"

#include <doctest/doctest.h>

#include <pugixml.hpp>

#include <regex>
#include <string>

using namespace e2e;
namespace fs = std::filesystem;

namespace {

fs::path article() {
  return source_dir() / "tests/e2e/data/math/field-notes-on-formulas.md";
}

int count(const std::string& s, const std::string& what) {
  int n = 0;
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1))
    ++n;
  return n;
}

} // namespace

TEST_SUITE("e2e/math") {
  TEST_CASE("the PDF shows formulas, not their TeX source") {
    const fs::path pdf = scratch("math-pdf") / "math.pdf";
    const RunResult r = run_galley("pdf " + q(article()) + " -o " + q(pdf));
    CAPTURE(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.err.find("math:") == std::string::npos);
    const std::string text = run("pdftotext " + q(pdf) + " -").out;
    for (const char* tex : {"\\frac", "\\sqrt", "^{", "_{", "\\left", "\\right", "\\sum", "\\int",
                            "\\begin", "\\end", "\\alpha", "\\mathbb", "\\text", "$"})
      CHECK_MESSAGE(text.find(tex) == std::string::npos, "pdftotext found " << tex);
    // The formulas' characters come back through the math font's ToUnicode map: the sum sign,
    // the integral, math italic x (U+1D465), the double-struck R.
    for (const char* c : {"\u2211", "\u222B", "\U0001D465", "\u211D", "\u221A"})
      CHECK_MESSAGE(text.find(c) != std::string::npos, "pdftotext lacks " << c);
    // The words around the formulas are still there.
    CHECK(text.find("quadratic formula") != std::string::npos);
    const std::string fonts = run("pdffonts " + q(pdf)).out;
    CHECK(fonts.find("LatinModernMath") != std::string::npos);
    CHECK(run("qpdf --check " + q(pdf)).code == 0);
  }

  TEST_CASE("each formula is a Formula element with its TeX source as alternative text") {
    const fs::path pdf = scratch("math-tagged") / "math.pdf";
    const RunResult r = run_galley("pdf --pdf-standard ua-1 " + q(article()) + " -o " + q(pdf));
    CAPTURE(r.err);
    REQUIRE(r.code == 0);
    const std::string tree = run("pdfinfo -struct " + q(pdf)).out;
    CHECK(count(tree, "Formula") >= 40);
    const std::string raw = run("qpdf --qdf --object-streams=disable " + q(pdf) + " -").out;
    CHECK(raw.find("/Alt (x = \\\\frac{-b \\\\pm \\\\sqrt{b^2 - 4ac}}{2a})") != std::string::npos);
  }

  TEST_CASE("the EPUB carries MathML that epubcheck accepts") {
    const fs::path dir = scratch("math-epub");
    const fs::path epub = dir / "math.epub";
    const RunResult r = run_galley("epub " + q(article()) + " -o " + q(epub));
    CAPTURE(r.err);
    REQUIRE(r.code == 0);
    const std::string opf = run("unzip -p " + q(epub) + " EPUB/package.opf").out;
    pugi::xml_document package;
    REQUIRE(package.load_string(opf.c_str()));
    const pugi::xpath_node item = package.select_node(
        "//*[local-name()='item'][@media-type='application/xhtml+xml'][contains(@href,'article')]");
    REQUIRE(item);
    CHECK(std::string(item.node().attribute("properties").value()).find("mathml") !=
          std::string::npos);
    CHECK(opf.find(">MathML</meta>") != std::string::npos); // schema:accessibilityFeature
    const std::string xhtml =
        run("unzip -p " + q(epub) + " EPUB/" + item.node().attribute("href").value()).out;
    pugi::xml_document doc;
    REQUIRE(doc.load_string(xhtml.c_str()));
    const pugi::xpath_node_set maths = doc.select_nodes("//*[local-name()='math']");
    CHECK(maths.size() >= 40);
    int block = 0;
    for (const pugi::xpath_node& m : maths) {
      CHECK(std::string(m.node().attribute("xmlns").value()) ==
            "http://www.w3.org/1998/Math/MathML");
      block += std::string(m.node().attribute("display").value()) == "block";
    }
    CHECK(block >= 15);
    CHECK(doc.select_node("//*[local-name()='mfrac']"));
    CHECK(doc.select_node("//*[local-name()='munderover']"));
    CHECK(doc.select_node("//*[local-name()='mtable']"));
    CHECK(doc.select_node("//*[local-name()='mroot']"));
    CHECK(doc.select_node("//*[local-name()='annotation'][@encoding='application/x-tex']"));
    CHECK(!doc.select_node("//*[local-name()='code'][contains(@class,'math')]"));
    check_epubs({epub});
  }

  TEST_CASE("MathJax's \\(…\\) and \\[…\\], single and doubled, are typeset in both outputs") {
    const fs::path dir = scratch("math-mathjax");
    const fs::path md = dir / "mathjax.md";
    // As a Hugo site's post with MathJax has them: single backslashes in one paragraph,
    // doubled ones (which the site's Markdown engine halves) in another, and a code span that
    // shows the delimiters themselves.
    galley::write_file_atomic(md, R"(# Ondas y energía

La relación de Euler \(e^{i\pi} + 1 = 0\) une cinco constantes, y la energía
\[
E_n = \frac{n^2 h^2}{8 m L^2}
\]
crece con el cuadrado de \(n\).

Para el oscilador, \\(\omega = \sqrt{k/m}\\) y
\\[
x(t) = A \cos(\omega t + \varphi)
\\]

MathJax lee `\(x\)` como fórmula en línea.
)");
    for (const char* format : {"pdf", "epub"}) {
      const RunResult r = run_galley(std::string(format) + " " + q(md) + " -o " +
                                     q(dir / (std::string("mathjax.") + format)));
      CAPTURE(r.err);
      REQUIRE(r.code == 0);
      CHECK(r.err.find("math:") == std::string::npos);
    }
    std::string text = run("pdftotext " + q(dir / "mathjax.pdf") + " -").out;
    const std::string code_span = "MathJax lee \\(x\\) como";
    const std::size_t code_at = text.find(code_span);
    REQUIRE(code_at != std::string::npos);
    text.erase(code_at, code_span.size());
    for (const char* tex :
         {"\\(", "\\)", "\\[", "\\]", "\\frac", "\\sqrt", "\\cos", "\\pi", "\\omega", "^{", "_n"})
      CHECK_MESSAGE(text.find(tex) == std::string::npos, "pdftotext found " << tex);
    CHECK(text.find("\U0001D70B") != std::string::npos); // math italic pi
    CHECK(text.find("\u221A") != std::string::npos);     // the radical
    CHECK(text.find("crece con el cuadrado de") != std::string::npos);
    const std::string xhtml =
        run("unzip -p " + q(dir / "mathjax.epub") + " EPUB/article-001.xhtml").out;
    pugi::xml_document doc;
    REQUIRE(doc.load_string(xhtml.c_str()));
    const pugi::xpath_node_set maths = doc.select_nodes("//*[local-name()='math']");
    CHECK(maths.size() == 5);
    int block = 0;
    for (const pugi::xpath_node& m : maths)
      block += std::string(m.node().attribute("display").value()) == "block";
    CHECK(block == 2);
    CHECK(doc.select_node("//*[local-name()='annotation'][.='E_n = \\frac{n^2 h^2}{8 m L^2}']"));
    CHECK(doc.select_node("//*[local-name()='annotation'][.='\\omega = \\sqrt{k/m}']"));
    CHECK(doc.select_node("//*[local-name()='msqrt']"));
    CHECK(doc.select_node("//*[local-name()='code'][.='\\(x\\)']"));
    CHECK(!doc.select_node("//*[local-name()='code'][contains(@class,'math')]"));
  }

  TEST_CASE("an unknown command is shown as source with a located warning in both outputs") {
    const fs::path dir = scratch("math-unknown");
    const fs::path md = dir / "unknown.md";
    galley::write_file_atomic(
        md, "# Notes\n\nA known one $x^2$, then\nan unknown one $\\frobnicate{x} + 1$.\n");
    for (const char* format : {"pdf", "epub"}) {
      const fs::path out = dir / (std::string("unknown.") + format);
      const RunResult r = run_galley(std::string(format) + " " + q(md) + " -o " + q(out));
      CAPTURE(r.err);
      REQUIRE(r.code == 0);
      // At the place the reader gives the formula: the line of its paragraph.
      CHECK(r.err.find("unknown.md:3:") != std::string::npos);
      CHECK(r.err.find("unknown math command '\\frobnicate'") != std::string::npos);
    }
    const std::string text = run("pdftotext " + q(dir / "unknown.pdf") + " -").out;
    CHECK(text.find("\\frobnicate{x} + 1") != std::string::npos);
    const std::string xhtml =
        run("unzip -p " + q(dir / "unknown.epub") + " EPUB/article-001.xhtml").out;
    CHECK(xhtml.find("<code class=\"math\">\\frobnicate{x} + 1</code>") != std::string::npos);
    CHECK(xhtml.find("<math") != std::string::npos);
  }

  TEST_CASE("\\tag numbers a display formula at the column's right, as text in the EPUB") {
    const fs::path dir = scratch("math-tag");
    const fs::path md = dir / "tag.md";
    galley::write_file_atomic(md, "# Wellen\n\nDie Wellengleichung\n\\[\n"
                                  "\\frac{\\partial^2 u}{\\partial t^2} = c^2 \\nabla^2 u "
                                  "\\tag{2.1}\n\\]\nund Euler\n$$e^{i\\pi} + 1 = 0 "
                                  "\\tag*{(E)}$$\n");
    for (const char* format : {"pdf", "epub"}) {
      const RunResult r = run_galley(std::string(format) + " " + q(md) + " -o " +
                                     q(dir / (std::string("tag.") + format)));
      CAPTURE(r.err);
      REQUIRE(r.code == 0);
      CHECK(r.err.find("math:") == std::string::npos);
    }
    const std::string text = run("pdftotext -layout " + q(dir / "tag.pdf") + " -").out;
    CHECK(text.find("\\tag") == std::string::npos);
    // The number on the formula's baseline, right of it.
    CHECK(std::regex_search(text, std::regex("= \U0001D450.*\\(2\\.1\\)\\n")));
    CHECK(std::regex_search(text, std::regex("= 0 +\\(E\\)\\n")));
    const std::string xhtml =
        run("unzip -p " + q(dir / "tag.epub") + " EPUB/article-001.xhtml").out;
    // Each number and its formula in a block of their own: in the paragraph, after "Die
    // Wellengleichung", the number floats beside the formula, not beside that text.
    CHECK(xhtml.find("<span class=\"equation\"><span class=\"equation-number\">(2.1)</span>"
                     "<math") != std::string::npos);
    CHECK(xhtml.find("<span class=\"equation\"><span class=\"equation-number\">(E)</span>"
                     "<math") != std::string::npos);
    const std::string css = run("unzip -p " + q(dir / "tag.epub") + " 'EPUB/*.css'").out;
    CHECK(css.find(".equation-number {") != std::string::npos);
    CHECK(css.find(".equation { display: block; }") != std::string::npos);
  }
}
