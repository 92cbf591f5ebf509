// The math layout (layout/math_layout.hpp) on formulas whose geometry TeX's rules fix: where
// scripts, limits, numerators and radicals go relative to their base, in the bundled Latin
// Modern Math; and a trace of a page of formulas, pinned as a golden file.
#include "layout/layout.hpp"
#include "layout/math_layout.hpp"
#include "math/parse.hpp"
#include "util/files.hpp"

#include "checks.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <set>
#include <string>

using namespace galley;
using namespace galley::layout;
using namespace galley::layout::detail;

namespace {

struct Setter {
  style::Style st = style::default_style();
  text::Engine engine{test::engine_options(st)};
  Diagnostics diags;
  std::optional<MathFont> font;

  Setter() {
    const text::FaceId face = engine.resolve({"Latin Modern Math", 400, false}, diags);
    font.emplace(engine.hb_font(face), face, engine.face(face).units_per_em);
  }

  TypesetFormula set(std::string_view tex, bool display) {
    math::Formula f = math::parse(tex, display);
    REQUIRE_MESSAGE(!f.failed, f.error.message);
    MathTextSetter text = [](const std::string&, double, bool, bool) { return MathBox{}; };
    return typeset(f, *font, 10, text);
  }
};

/// The first glyph standing for `text`.
const MathGlyph& glyph(const MathBox& box, const std::string& text) {
  for (const MathGlyph& g : box.glyphs)
    if (g.text == text)
      return g;
  FAIL("no glyph for " << text);
  return box.glyphs.front();
}

} // namespace

TEST_SUITE("layout/math") {
  TEST_CASE("scripts sit right of their base, raised and lowered, at script size") {
    Setter s;
    const MathBox b = s.set("x^2 + y_i + z_j^k", false).box;
    const MathGlyph& x = glyph(b, "\U0001D465");
    const MathGlyph& two = glyph(b, "2");
    CHECK(x.y == 0);
    CHECK(x.size == 10);
    CHECK(two.size == doctest::Approx(10 * s.font->script_scale()));
    CHECK(two.y > 3);
    CHECK(two.x >= x.x + x.advance);
    const MathGlyph& i = glyph(b, "\U0001D456");
    CHECK(i.y < -1);
    const MathGlyph& j = glyph(b, "\U0001D457");
    const MathGlyph& k = glyph(b, "\U0001D458");
    CHECK(k.y > 2);
    CHECK(j.y < -1);
    CHECK(k.y - j.y > 5); // SubSuperscriptGapMin keeps them apart
  }

  TEST_CASE("a fraction's numerator is above the bar on the axis, its denominator below") {
    Setter s;
    for (bool display : {true, false}) {
      const MathBox b = s.set("\\frac{a}{b}", display).box;
      REQUIRE(b.rules.size() == 1);
      const MathRule& bar = b.rules.front();
      const MathGlyph& a = glyph(b, "\U0001D44E");
      const MathGlyph& d = glyph(b, "\U0001D44F");
      CHECK(a.y > bar.y + bar.height);
      CHECK(d.y < bar.y - 3);
      CHECK(bar.y + bar.height / 2 == doctest::Approx(2.5).epsilon(0.02)); // AxisHeight 250
      CHECK(a.size == doctest::Approx(display ? 10 : 10 * s.font->script_scale()));
      CHECK(bar.width >= a.advance);
    }
  }

  TEST_CASE("a radical's bar covers its body, its degree sits on the sign") {
    Setter s;
    const MathBox b = s.set("\\sqrt[3]{x}", false).box;
    REQUIRE(b.rules.size() == 1);
    const MathGlyph& sign = glyph(b, "\u221A");
    const MathGlyph& x = glyph(b, "\U0001D465");
    const MathGlyph& three = glyph(b, "3");
    const MathRule& bar = b.rules.front();
    CHECK(x.x >= sign.x + sign.advance - 0.01);
    CHECK(bar.x == doctest::Approx(x.x));
    CHECK(bar.y > 4.3); // above the x-height of x
    CHECK(three.size == doctest::Approx(10 * s.font->script_script_scale()));
    CHECK(three.x < x.x);
    CHECK(three.y > 0);
  }

  TEST_CASE("large operators take limits in display style, scripts in text style") {
    Setter s;
    const MathBox d = s.set("\\sum_{i=1}^n", true).box;
    const MathGlyph& sum = glyph(d, "\u2211");
    const MathGlyph& n = glyph(d, "\U0001D45B");
    const MathGlyph& i = glyph(d, "\U0001D456");
    CHECK(n.y > 8);
    CHECK(i.y < -8);
    CHECK(n.x > sum.x);
    CHECK(n.x + n.advance < sum.x + sum.advance); // centred over it
    CHECK(d.height > 10);
    const MathBox t = s.set("\\sum_{i=1}^n", false).box;
    const MathGlyph& sum_t = glyph(t, "\u2211");
    const MathGlyph& n_t = glyph(t, "\U0001D45B");
    CHECK(n_t.x >= sum_t.x + sum_t.advance);
    CHECK(t.height < d.height);
    const MathBox integral = s.set("\\int_0^1", true).box;
    CHECK(glyph(integral, "1").x > glyph(integral, "\u222B").x + 3);
  }

  TEST_CASE("delimiters grow with what they hold") {
    Setter s;
    const MathBox small = s.set("\\left( x \\right)", true).box;
    const MathBox tall = s.set("\\left( \\frac{\\frac{a}{b}}{\\frac{c}{d}} \\right)", true).box;
    const MathBox huge =
        s.set("\\left( \\begin{matrix} 1 \\\\ 2 \\\\ 3 \\\\ 4 \\\\ 5 \\\\ 6 \\end{matrix} \\right)",
              true)
            .box;
    CHECK(tall.height + tall.depth > small.height + small.depth + 8);
    CHECK(huge.height + huge.depth > 50);
    // The tallest is an assembly: more than one glyph stands for each parenthesis.
    int parts = 0;
    for (const MathGlyph& g : huge.glyphs)
      parts += g.face == s.font->face() && g.text.empty();
    CHECK(parts >= 2);
  }

  TEST_CASE("accents sit over the middle of their base") {
    Setter s;
    for (const char* tex : {"\\hat{x}", "\\vec{v}", "\\bar{x}", "\\dot{x}", "\\tilde{n}"}) {
      CAPTURE(tex);
      const MathBox b = s.set(tex, false).box;
      REQUIRE(b.glyphs.size() == 2);
      const MathGlyph& base = b.glyphs[0];
      const MathGlyph& mark = b.glyphs[1];
      CHECK(mark.x > base.x - 5);
      CHECK(mark.x < base.x + 10);
    }
  }

  TEST_CASE("an inline formula may break after its relations and binary operators") {
    Setter s;
    const TypesetFormula t = s.set("a = b + c \\le -d", false);
    REQUIRE(t.breaks.size() == 3);
    CHECK(t.breaks[0].penalty == 500);
    CHECK(t.breaks[1].penalty == 700);
    CHECK(t.breaks[2].penalty == 500); // not after the unary minus
    CHECK(t.breaks[0].space == doctest::Approx(10.0 * 5 / 18));
    CHECK(t.breaks[1].space == doctest::Approx(10.0 * 4 / 18));
    CHECK(s.set("\\left(a = b\\right)", false).breaks.empty()); // only at the top level
    CHECK(s.set("a = b", true).breaks.empty());                 // never in display
  }
}

namespace {

model::Inline words(const std::string& s) { return {model::Text{s}, {}}; }
model::Inline formula(const std::string& tex, bool display) {
  return {model::Math{tex, display}, {}};
}

/// The lines of a page trace that draw math: runs in the math font and the rules' rectangles.
std::string math_lines(const std::string& trace, int math_font) {
  std::string out;
  const std::string font = "font=" + std::to_string(math_font) + " ";
  for (std::size_t at = 0; at < trace.size();) {
    const std::size_t end = std::min(trace.find('\n', at), trace.size());
    const std::string line = trace.substr(at, end - at);
    if (line.find(font) != std::string::npos || line.find("rect ") != std::string::npos)
      out += line + "\n";
    at = end + 1;
  }
  return out;
}

} // namespace

TEST_SUITE("layout/math") {
  TEST_CASE("a page of formulas is set as pinned in the golden trace") {
    model::Issue issue;
    model::Article a;
    a.meta.title = "Formulas";
    model::Paragraph p;
    p.content = {words("The roots of a quadratic are"), formula("x = \\frac{-b \\pm \\sqrt{b^2-4ac}}{2a}", true),
                 words("and a sum "), formula("\\sum_{k=1}^n k^2", false), words(" is small.")};
    a.blocks.push_back({std::move(p), {}});
    model::Paragraph q;
    q.content = {formula("\\left( \\int_0^1 f(x)\\,dx \\right)^2 \\le \\sqrt[3]{\\hat{y}_i}", true)};
    a.blocks.push_back({std::move(q), {}});
    issue.articles.push_back(std::move(a));
    style::Style st = style::default_style();
    Diagnostics diags;
    text::Engine engine(test::engine_options(st));
    const Document doc = layout_issue(issue, st, engine, LayoutOptions{}, diags);
    CHECK(diags.warning_count() == 0);
    int math_font = -1;
    for (std::size_t i = 0; i < doc.fonts.size(); ++i)
      if (doc.fonts[i].path.find("latinmodern-math") != std::string::npos)
        math_font = static_cast<int>(i);
    REQUIRE(math_font >= 0);
    const std::string actual = math_lines(trace(doc), math_font);
    const std::filesystem::path golden =
        std::filesystem::path(GALLEY_TEST_DATA_DIR) / "layout" / "data" / "math_page.trace";
    const char* update = std::getenv("GALLEY_UPDATE_GOLDEN");
    if (update != nullptr && std::string(update) == "1") write_file_atomic(golden, actual);
    const auto expected = read_file(golden);
    REQUIRE_MESSAGE(expected.has_value(), "missing golden file " << golden.string());
    CHECK(*expected == actual);
  }
}

TEST_SUITE("layout/math") {
  TEST_CASE("a long inline formula breaks after an operator and stays one Formula element") {
    std::string tex = "f(x) = a_0";
    for (int k = 1; k <= 40; ++k) tex += " + a_{" + std::to_string(k) + "} x^{" + std::to_string(k) + "}";
    model::Issue issue;
    model::Article a;
    a.meta.title = "Polynomials";
    model::Paragraph p;
    p.content = {words("A polynomial of degree forty, "), formula(tex, false), words(", is long.")};
    a.blocks.push_back({std::move(p), {}});
    issue.articles.push_back(std::move(a));
    style::Style st = style::default_style();
    Diagnostics diags;
    text::Engine engine(test::engine_options(st));
    const Document doc = layout_issue(issue, st, engine, LayoutOptions{}, diags);
    std::set<double> baselines;
    std::set<int> elements;
    double right = 0;
    for (const Page& page : doc.pages)
      for (const Item& item : page.items)
        if (const auto* run = std::get_if<GlyphRun>(&item);
            run != nullptr && doc.fonts[static_cast<std::size_t>(run->font)].path.find("latinmodern-math") != std::string::npos) {
          if (run->size == st.text.size) baselines.insert(std::round(run->y));
          elements.insert(run->element);
          right = std::max(right, run->x + test::run_width(*run));
        }
    CHECK(baselines.size() >= 3); // broken over three lines or more
    REQUIRE(elements.size() == 1);
    const int element = *elements.begin();
    REQUIRE(element >= 0);
    CHECK(doc.structure[static_cast<std::size_t>(element)].type == "Formula");
    CHECK(doc.structure[static_cast<std::size_t>(element)].alt == tex);
    CHECK(right <= st.page.width - st.page.margins.outer + 0.5); // nothing overfull
  }

  TEST_CASE("a brace spans its body, apart from it, its label beyond it") {
    Setter s;
    const MathBox over = s.set("\\overbrace{a+b+c}^{n}", false).box;
    const MathGlyph& a = glyph(over, "\U0001D44E");
    const MathGlyph& c = glyph(over, "\U0001D450");
    const MathGlyph& brace = glyph(over, "\u23DE");
    const MathGlyph& n = glyph(over, "\U0001D45B");
    CHECK(brace.y > 2);       // its pen above the baseline: its ink above the letters
    CHECK(n.y > brace.y + 3); // the label above the brace
    CHECK(n.x > a.x);
    CHECK(n.x < c.x); // over the middle
    CHECK(over.width > c.x);
    const MathBox under = s.set("\\underbrace{a+b+c}_{n}", true).box;
    CHECK(glyph(under, "\u23DF").y < 0);
    CHECK(glyph(under, "\U0001D45B").y < glyph(under, "\u23DF").y);
    CHECK(under.depth > 8);
  }

  TEST_CASE("an extensible arrow grows with its labels, set over and under it") {
    Setter s;
    const MathBox short_arrow = s.set("\\xrightarrow{f}", false).box;
    const MathBox long_arrow = s.set("\\xrightarrow[n \\to \\infty]{f + g + h + k}", false).box;
    CHECK(long_arrow.width > short_arrow.width + 10);
    CHECK(glyph(long_arrow, "\U0001D453").y > 4);  // f over the arrow
    CHECK(glyph(long_arrow, "\U0001D45B").y < -2); // n under it
    // The labels are narrower than the arrow, which reaches past both of their ends.
    const MathGlyph& f = glyph(long_arrow, "\U0001D453");
    const MathGlyph& k = glyph(long_arrow, "\U0001D458");
    CHECK(f.x > 1);
    CHECK(k.x + k.advance < long_arrow.width - 1);
  }
}
