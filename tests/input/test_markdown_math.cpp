// TeX math between backslashed brackets in Markdown, as MathJax users write it: `\(…\)` and
// `\[…\]`, and the doubled `\\(…\\)`, `\\[…\\]` of Hugo, Jekyll and Hexo sites
// (docs/input.md, "Markdown").
#include "support.hpp"

#include <doctest/doctest.h>


using namespace galley;
using galley::test::TempDir;

namespace {

/// The model dump of `body`, from its first block on.
std::string body_of(const std::string& body) {
  TempDir dir;
  Diagnostics diags;
  auto a = test::load_text(dir, "a.md", "---\ntitle: T\n---\n\n" + body, diags);
  REQUIRE(a);
  CHECK(test::dump(diags) == "");
  std::string dump = test::dump(*a);
  return dump.substr(dump.find("body\n") + 5);
}

bool has(const std::string& dump, const std::string& line) {
  return dump.find(line) != std::string::npos;
}

} // namespace

TEST_SUITE("input/markdown-math") {
  TEST_CASE("\\(…\\) is inline math and \\[…\\] display math, the TeX kept as written") {
    // Escapes that CommonMark would resolve (`\,`, `\{`, `\\`) reach the TeX untouched, and
    // emphasis marks inside are not emphasis.
    CHECK(body_of("Let \\(a_1 * b_1 \\, \\{x\\}\\) be.\n") ==
          "  paragraph\n    text 'Let '\n    math 'a_1 * b_1 \\, \\{x\\}'\n    text ' be.'\n");
    CHECK(body_of("Die Summe\n\\[\n\\sum_{i=1}^n i = \\frac{n(n+1)}{2}\n\\]\nist bekannt.\n") ==
          "  paragraph\n    text 'Die Summe'\n    soft-break\n"
          "    display-math '\\sum_{i=1}^n i = \\frac{n(n+1)}{2}'\n    soft-break\n"
          "    text 'ist bekannt.'\n");
    CHECK(body_of("\\[\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}\\]\n") ==
          "  paragraph\n    display-math '\\begin{aligned} a &= b \\\\ c &= d "
          "\\end{aligned}'\n");
    // After a backslash that escapes nothing, after an escape, and inside a link's text.
    CHECK(has(body_of("Sea \\(\\alpha\\) y \\(\\{1\\}\\).\n"), "    math '\\alpha'\n"));
    CHECK(has(body_of("Sea \\(\\alpha\\) y \\(\\{1\\}\\).\n"), "    math '\\{1\\}'\n"));
    CHECK(has(body_of("[voir \\(x^2\\)](https://a.org)\n"), "      math 'x^2'\n"));
    // In a list item, a block quote and a table cell.
    CHECK(has(body_of("- item \\(e^{i\\pi}\\)\n  more\n"), "math 'e^{i\\pi}'\n"));
    CHECK(has(body_of("> \\[\n> x^2\n> \\]\n"), "display-math 'x^2'\n"));
    CHECK(has(body_of("| A | \\(P(x)\\) |\n|---|---|\n| 1 | 2 |\n"), "math 'P(x)'\n"));
  }

  TEST_CASE("\\\\(…\\\\) and \\\\[…\\\\], as Hugo and Hexo sites write math for MathJax") {
    CHECK(body_of("Energy \\\\(E = mc^2\\\\) here.\n") ==
          "  paragraph\n    text 'Energy '\n    math 'E = mc^2'\n    text ' here.'\n");
    CHECK(body_of("\\\\[\n\\int_0^1 x\\,dx\n\\\\]\n") ==
          "  paragraph\n    display-math '\\int_0^1 x\\,dx'\n");
    // A later link in the same paragraph still works.
    CHECK(has(body_of("\\\\[ x^2 \\\\]\nsee [the site](https://a.org)\n"),
              "    link https://a.org title=''\n"));
  }

  TEST_CASE("backslashed brackets that are not math stay what CommonMark makes of them") {
    // A lone `\(` in prose, code spans and blocks, an escaped backslash before a parenthesis
    // with no closer, `\[1\]` in prose (how converters escape brackets), and display
    // delimiters that do not stand at the start and end of lines.
    CHECK(body_of("A smiley \\(: and more.\n") ==
          "  paragraph\n    text 'A smiley (: and more.'\n");
    CHECK(body_of("Run `\\(x\\)` or `\\[y\\]`.\n") ==
          "  paragraph\n    text 'Run '\n    code '\\(x\\)'\n    text ' or '\n    code '\\[y\\]'\n"
          "    text '.'\n");
    CHECK(body_of("```\n\\(x\\)\n\\[y\\]\n```\n").find("math") == std::string::npos);
    CHECK(body_of("    \\(x\\)\n").find("math") == std::string::npos);
    CHECK(body_of("A regex \\\\( alone.\n") == "  paragraph\n    text 'A regex \\( alone.'\n");
    CHECK(body_of("As shown in \\[1\\] and \\[2\\].\n") ==
          "  paragraph\n    text 'As shown in [1] and [2].'\n");
    CHECK(body_of("\\[1\\] Smith, J.\n").find("math") == std::string::npos);
    CHECK(body_of("See \\[x\\]\n").find("math") == std::string::npos);
    // An escaped parenthesis pair with a code span between the two is still one formula
    // (the opener comes first, as in pandoc), but one inside a code span is code.
    CHECK(body_of("`a \\(` b \\) c\n").find("math") == std::string::npos);
    CHECK(body_of("Empty \\(\\) and \\( \\).\n").find("math") == std::string::npos);
  }

  TEST_CASE("a paragraph of lone openers costs linear time, and the next paragraph has math") {
    std::string many;
    for (int i = 0; i < 20000; ++i)
      many += "a \\( b \\[ c $d \\\\( ";
    // Searching to the paragraph's end from every opener took minutes here; now it reads the
    // paragraph once (no clock in the test: the suite's time shows a regression).
    const std::string dump = body_of(many + "\n\nthen \\(x\\) and $y$\n");
    CHECK(has(dump, "    math 'x'\n"));
    CHECK(has(dump, "    math 'y'\n"));
    CHECK(dump.find("math '") == dump.find("math 'x'")); // none in the first paragraph
  }
}
