#include "math/alphabets.hpp"
#include "math/dump.hpp"
#include "math/parse.hpp"
#include "math/symbols.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace galley::math;

namespace {

std::string tree(std::string_view tex) {
  Formula f = parse(tex, false);
  if (f.failed)
    return "error: " + f.error.message + " @" + std::to_string(f.error.offset);
  return dump(f.root);
}

} // namespace

TEST_SUITE("math/parse") {
  TEST_CASE("atoms take TeX's classes") {
    CHECK(tree("a+b=c") == "a bin:+ b rel:= c");
    CHECK(tree("x - y") == "x bin:\u2212 y");
    CHECK(tree("f(x), g[y]; z") == "f open:( x close:) punct:, g open:[ y close:] punct:; z");
    CHECK(tree("a \\le b \\ne c \\to d") == "a rel:\u2264 b rel:\u2260 c rel:\u2192 d");
    CHECK(tree("\\alpha\\cdot\\beta\\times\\Gamma") ==
          "\u03B1 bin:\u22C5 \u03B2 bin:\u00D7 \u0393");
    CHECK(tree("\\forall x \\in A, \\exists y \\notin B") ==
          "\u2200 x rel:\u2208 A punct:, \u2203 y rel:\u2209 B");
    CHECK(tree("\\infty \\partial \\nabla \\approx \\equiv \\mapsto \\pm") ==
          "\u221E \u2202 \u2207 rel:\u2248 rel:\u2261 rel:\u21A6 bin:\u00B1");
    CHECK(tree("1, \\ldots, n \\cdots") == "#1 punct:, inner:\u2026 punct:, n inner:\u22EF");
  }

  TEST_CASE("a delimiter named outside \\left and \\right is its character") {
    CHECK(tree("\\{a, b\\}") == "open:{ a punct:, b close:}");
    CHECK(tree("\\langle x \\rangle \\lbrace") == "open:\u27E8 x close:\u27E9 open:{");
  }

  TEST_CASE("characters written as Unicode take the class of their command") {
    CHECK(tree("a ≤ b → c") == "a rel:\u2264 b rel:\u2192 c");
    CHECK(tree("∑_i") == "scripts(op:\u2211;i;-)");
  }

  TEST_CASE("numbers keep their decimal point") {
    CHECK(tree("3.14 + 12") == "#3.14 bin:+ #12");
    CHECK(tree("x.") == "x .");
  }

  TEST_CASE("scripts, braces and primes") {
    CHECK(tree("x^2") == "scripts(x;-;#2)");
    CHECK(tree("x_i^2") == "scripts(x;i;#2)");
    CHECK(tree("x^{2n}_{i,j}") == "scripts(x;i punct:, j;#2 n)");
    CHECK(tree("e^{-x^2}") == "scripts(e;-;bin:\u2212 scripts(x;-;#2))");
    CHECK(tree("x^23") == "scripts(x;-;#2) #3");
    CHECK(tree("f'(x)") == "scripts(f;-;\u2032) open:( x close:)");
    CHECK(tree("f''^2") == "scripts(f;-;\u2032 \u2032 #2)");
    CHECK(tree("{}^{14}C") == "scripts({};-;#14) C");
    CHECK(tree("_2") == "scripts(;#2;-)");
    CHECK(tree("x^\\alpha") == "scripts(x;-;\u03B1)");
  }

  TEST_CASE("fractions and binomials") {
    CHECK(tree("\\frac{a}{b}") == "frac(a;b)");
    CHECK(tree("\\frac12") == "frac(#1;#2)");
    CHECK(tree("\\dfrac{1}{x+1}") == "frac[D](#1;x bin:+ #1)");
    CHECK(tree("\\tfrac ab") == "frac[T](a;b)");
    CHECK(tree("\\binom{n}{k}") == "binom(n;k)");
    CHECK(tree("x = \\frac{-b \\pm \\sqrt{b^2-4ac}}{2a}") ==
          "x rel:= frac(bin:\u2212 b bin:\u00B1 sqrt(scripts(b;-;#2) bin:\u2212 #4 a c);#2 a)");
  }

  TEST_CASE("radicals with and without a degree") {
    CHECK(tree("\\sqrt{x}") == "sqrt(x)");
    CHECK(tree("\\sqrt[3]{x+1}") == "sqrt[#3](x bin:+ #1)");
    CHECK(tree("\\sqrt{1+\\sqrt{1+\\sqrt{x}}}") == "sqrt(#1 bin:+ sqrt(#1 bin:+ sqrt(x)))");
    CHECK(tree("\\sqrt2") == "sqrt(#2)");
  }

  TEST_CASE("large operators and limits") {
    CHECK(tree("\\sum_{i=1}^n i") == "scripts(op:\u2211;i rel:= #1;n) i");
    CHECK(tree("\\int_0^\\infty") == "scripts(op:\u222B;#0;\u221E)");
    CHECK(tree("\\int\\limits_0^1") == "scripts(op:\u222B\\limits;#0;#1)");
    CHECK(tree("\\sum\\nolimits_k") == "scripts(op:\u2211\\nolimits;k;-)");
    CHECK(tree("\\lim_{x \\to 0}") == "scripts(fn:lim;x rel:\u2192 #0;-)");
    CHECK(tree("\\oint \\iint \\prod \\bigcup \\bigcap") ==
          "op:\u222E op:\u222C op:\u220F op:\u22C3 op:\u22C2");
    CHECK(tree("\\max \\min \\sup \\inf") == "fn:max fn:min fn:sup fn:inf");
    Formula f = parse("\\sum", true);
    REQUIRE(!f.failed);
    CHECK(f.root[0].large);
    CHECK(f.root[0].limits_in_display);
    CHECK(!parse("\\int", true).root[0].limits_in_display);
    CHECK(parse("\\lim", true).root[0].limits_in_display);
    CHECK(!parse("\\sin", true).root[0].limits_in_display);
  }

  TEST_CASE("growing delimiters") {
    CHECK(tree("\\left( \\frac ab \\right)") == "fenced((;frac(a;b);))");
    CHECK(tree("\\left\\{ x \\middle| x > 0 \\right\\}") == "fenced({;x;|;x rel:> #0;})");
    CHECK(tree("\\left. f \\right|_0^1") == "scripts(fenced(;f;|);#0;#1)");
    CHECK(tree("\\left\\langle u,v \\right\\rangle") == "fenced(\u27E8;u punct:, v;\u27E9)");
    CHECK(tree("\\left\\lfloor x \\right\\rfloor + \\left\\lceil y \\right\\rceil") ==
          "fenced(\u230A;x;\u230B) bin:+ fenced(\u2308;y;\u2309)");
    CHECK(tree("\\left\\| v \\right\\|") == "fenced(\u2016;v;\u2016)");
    CHECK(tree("\\left[ a \\right/") == "fenced([;a;/)");
    CHECK(tree("\\bigl( x \\bigr) \\Big| \\bigg[ \\Bigg\\}") ==
          "open:big1( x close:big1) big2| big3[ big4}");
  }

  TEST_CASE("accents, alphabets and text") {
    CHECK(tree("\\hat x + \\bar{y} + \\vec v") ==
          "accent(\u0302;x) bin:+ accent(\u0304;y) bin:+ accent(\u20D7;v)");
    CHECK(tree("\\widehat{xy} \\overline{z} \\underline{w}") ==
          "accent*(\u0302;x y) accent*(rule;z) under*(rule;w)");
    CHECK(tree("\\dot x \\ddot x \\tilde x") ==
          "accent(\u0307;x) accent(\u0308;x) accent(\u0303;x)");
    CHECK(tree("\\mathbb{R}^n") == "scripts({R[bb]};-;n)");
    CHECK(tree("\\mathbf{v} \\mathcal L \\mathfrak g \\mathsf A \\mathtt x \\mathrm{d}x") ==
          "{v[bf]} {L[cal]} {g[frak]} {A[sf]} {x[tt]} {d[rm]} x");
    CHECK(tree("\\operatorname{Var}(X)") == "fn:Var open:( X close:)");
    CHECK(tree("x \\text{ if } x > 0") == "x text\" if \" x rel:> #0");
    CHECK(tree("\\text{a {b} \\$5}") == "text\"a {b} $5\"");
  }

  TEST_CASE("letters become math italic, alphabets their own characters") {
    CHECK(styled("x", Alphabet::Default) == "\U0001D465");
    CHECK(styled("h", Alphabet::Default) == "\u210E");
    CHECK(styled("R", Alphabet::DoubleStruck) == "\u211D");
    CHECK(styled("A", Alphabet::Script) == "\U0001D49C");
    CHECK(styled("\u03B1", Alphabet::Default) == "\U0001D6FC");
    CHECK(styled("\u0393", Alphabet::Default) == "\u0393");
    CHECK(styled("sin", Alphabet::Upright) == "sin");
    CHECK(styled("2", Alphabet::Bold) == "\U0001D7D0");
    CHECK(is_upright("+", Alphabet::Default));
  }

  TEST_CASE("spacing") {
    CHECK(tree("a\\,b\\:c\\;d\\!e\\quad f\\qquad g~h\\ i") ==
          "a space3 b space4 c space5 d space-3 e space18 f space36 g space6 h space6 i");
  }

  TEST_CASE("styles apply to the rest of the group") {
    CHECK(tree("a {\\displaystyle \\sum x} b") == "a {style[D](op:\u2211 x)} b");
  }

  TEST_CASE("environments") {
    CHECK(tree("\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}") == "matrix[(c)]((a|b)(c|d))");
    CHECK(tree("\\begin{bmatrix}1&0\\\\0&1\\\\\\end{bmatrix}") == "matrix[[c]]((#1|#0)(#0|#1))");
    CHECK(tree("\\begin{vmatrix}a\\end{vmatrix} \\begin{Vmatrix}b\\end{Vmatrix}") ==
          "matrix[|c|]((a)) matrix[\u2016c\u2016]((b))");
    CHECK(tree("\\begin{Bmatrix}x\\end{Bmatrix}\\begin{matrix}y\\end{matrix}") ==
          "matrix[{c}]((x)) matrix[c]((y))");
    CHECK(tree("|x| = \\begin{cases} x & x \\ge 0 \\\\ -x & \\text{otherwise} \\end{cases}") ==
          "| x | rel:= matrix[{l]((x|x rel:\u2265 #0)(bin:\u2212 x|text\"otherwise\"))");
    CHECK(tree("\\begin{aligned} a &= b \\\\ &= c \\end{aligned}") ==
          "matrix[rl]((a|rel:= b)(|rel:= c))");
    CHECK(tree("\\begin{align*} x &= 1 \\end{align*}") == "matrix[rl]((x|rel:= #1))");
    CHECK(tree("\\begin{gathered} a \\\\ b \\end{gathered}") == "matrix[c]((a)(b))");
    CHECK(tree("\\begin{array}{l|cr} a & b & c \\end{array}") == "matrix[lcr]((a|b|c))");
    CHECK(tree("\\begin{aligned} a &= b \\label{eq} \\nonumber \\end{aligned}") ==
          "matrix[rl]((a|rel:= b))");
  }

  TEST_CASE("errors are located at their command") {
    CHECK(tree("a + \\foo{b}") == "error: unknown math command '\\foo' @4");
    CHECK(tree("\\frac{a}") == "error: missing argument @0");
    CHECK(tree("x^2^3") == "error: double superscript @3");
    CHECK(tree("x_1_2") == "error: double subscript @3");
    CHECK(tree("{a") == "error: missing '}' @2");
    CHECK(tree("a}") == "error: unmatched '}' @1");
    CHECK(tree("\\left( x") == "error: \\left without \\right @8");
    CHECK(tree("x \\right)") == "error: \\right without \\left @2");
    CHECK(tree("a & b") == "error: '&' outside an environment @2");
    CHECK(tree("\\begin{foo} x \\end{foo}") == "error: unknown math environment 'foo' @0");
    CHECK(tree("\\begin{matrix} x") == "error: \\begin{matrix} without \\end @0");
    CHECK(tree("\\begin{matrix} x \\end{pmatrix}") ==
          "error: \\begin{matrix} ended by another \\end @17");
    CHECK(tree("\\left\\foo x \\right)") == "error: '\\foo' is not a delimiter @5");
    CHECK(tree("\\sum^") == "error: missing argument @4");
    CHECK(tree("x\\") == "error: a lone '\\' at the end @1");
    CHECK(tree("\\limits") == "error: \\limits is allowed only after an operator @0");
    std::string deep(200, '{');
    CHECK(tree(deep) == "error: the formula nests too deeply @64");
    Formula f = parse("\\unknown", true);
    CHECK(f.failed);
    CHECK(f.root.empty());
  }

  TEST_CASE("braces over and under are operators whose limits are their labels") {
    CHECK(tree("\\overbrace{a+b}^{n}") == "scripts(brace-accent*(\u23DE;a bin:+ b);-;n)");
    CHECK(tree("\\underbrace{x}_{k \\text{ veces}}") ==
          "scripts(brace-under*(\u23DF;x);k text\" veces\";-)");
    CHECK(tree("\\overbrace{x}") == "brace-accent*(\u23DE;x)");
  }

  TEST_CASE("extensible arrows are relations with a label over and one under") {
    CHECK(tree("A \\xrightarrow{f} B") == "A rel:xarrow\u2192(f;) B");
    CHECK(tree("\\xleftarrow[n \\to 0]{g}") == "rel:xarrow\u2190(g;n rel:\u2192 #0)");
    CHECK(tree("\\xrightarrow") == "error: missing argument @0");
  }

  TEST_CASE("\\tag gives a display formula its number, which is not part of the tree") {
    Formula f = parse("E = mc^2 \\tag{1.2}", true);
    REQUIRE(!f.failed);
    CHECK(f.tag == "(1.2)");
    CHECK(dump(f.root) == "E rel:= m scripts(c;-;#2)");
    CHECK(parse("x \\tag*{[A]}", true).tag == "[A]");
    CHECK(parse("x", true).tag.empty());
    Formula twice = parse("x \\tag{1} \\tag{2}", true);
    CHECK(twice.failed);
    CHECK(twice.error.message == "a second \\tag in one formula");
    Formula inline_tag = parse("x \\tag{1}", false);
    CHECK(inline_tag.failed);
    CHECK(inline_tag.error.message == "\\tag outside display math");
    CHECK(inline_tag.error.offset == 2);
  }
}

TEST_SUITE("math/symbols") {
  TEST_CASE("an accent is found by its character, combining or spacing") {
    CHECK(accent_named_by("\u0302") == "hat");
    CHECK(accent_named_by("^") == "hat");
    CHECK(accent_named_by("\u20D7") == "vec");
    CHECK(accent_named_by("\u02D9") == "dot");
    CHECK(accent_named_by("\u00AF") == "bar");
    // Stretchy accents and rules are not what one character over a base stands for.
    CHECK(accent_named_by("\u203E").empty());
    CHECK(accent_named_by("x").empty());
    CHECK(accent_named_by("").empty());
  }
}
