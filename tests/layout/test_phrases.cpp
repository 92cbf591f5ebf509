// HTML phrase elements in the PDF: superscripts and subscripts are smaller and shifted, keys
// take the code face, marked text gets a ground and underlined text a rule.
#include "layout/layout.hpp"
#include "style/looks.hpp"

#include "checks.hpp"
#include "sample.hpp"

#include <doctest/doctest.h>

using namespace galley;
using namespace galley::layout;

namespace {

model::Inline plain(const std::string& s) { return {model::Text{s}, {}}; }

model::Inline span(model::SpanKind kind, const std::string& s) {
  model::Span sp;
  sp.kind = kind;
  sp.children.push_back(plain(s));
  return {std::move(sp), {}};
}

struct Found {
  const Page* page = nullptr;
  const GlyphRun* run = nullptr;
};

Found find_run(const Document& doc, const std::string& t) {
  for (const Page& p : doc.pages)
    for (const Item& it : p.items)
      if (const auto* r = std::get_if<GlyphRun>(&it); r && test::run_text(*r) == t) return {&p, r};
  return {};
}

} // namespace

TEST_SUITE("layout/phrases") {
  TEST_CASE("sup, sub, kbd, mark and u are drawn in their looks") {
    model::Issue issue = test::single();
    model::Paragraph p;
    p.content.push_back(plain("Energy "));
    p.content.push_back({model::Superscript{{plain("twoup")}}, {}});
    p.content.push_back(plain(" water "));
    p.content.push_back({model::Subscript{{plain("twodown")}}, {}});
    p.content.push_back(plain(" press "));
    p.content.push_back(span(model::SpanKind::Keyboard, "Ctrl"));
    p.content.push_back(plain(" a "));
    p.content.push_back(span(model::SpanKind::Mark, "highlighted"));
    p.content.push_back(plain(" and "));
    p.content.push_back(span(model::SpanKind::Underline, "underlined"));
    p.content.push_back(plain(" word."));
    issue.articles[0].blocks.insert(issue.articles[0].blocks.begin(),
                                    model::Block{std::move(p), {}});

    style::Style st = style::default_style();
    const style::Looks looks = style::resolve_looks(st);
    Diagnostics diags;
    text::Engine engine(test::engine_options(st));
    Document doc = layout_issue(issue, st, engine, LayoutOptions{}, diags);

    Found energy = find_run(doc, "Energy ");
    Found up = find_run(doc, "twoup");
    Found down = find_run(doc, "twodown");
    Found key = find_run(doc, "Ctrl");
    Found mark = find_run(doc, "highlighted");
    Found under = find_run(doc, "underlined");
    REQUIRE(energy.run != nullptr);
    REQUIRE(up.run != nullptr);
    REQUIRE(down.run != nullptr);
    REQUIRE(key.run != nullptr);
    REQUIRE(mark.run != nullptr);
    REQUIRE(under.run != nullptr);

    CHECK(up.run->size == doctest::Approx(energy.run->size * looks.marker_scale));
    CHECK(up.run->y < energy.run->y - 1);
    CHECK(down.run->size == doctest::Approx(energy.run->size * looks.marker_scale));
    CHECK(down.run->y > energy.run->y);
    CHECK(key.run->font != energy.run->font);

    bool ground = false;
    for (const Item& it : mark.page->items)
      if (const auto* r = std::get_if<RectItem>(&it))
        ground = ground || (r->fill.r == looks.mark_ground.r && r->fill.g == looks.mark_ground.g &&
                            r->fill.b == looks.mark_ground.b && r->x <= mark.run->x + 0.01 &&
                            r->y < mark.run->y && r->y + r->height > mark.run->y);
    CHECK(ground);

    bool rule = false;
    for (const Item& it : under.page->items)
      if (const auto* r = std::get_if<RuleItem>(&it))
        rule = rule || (r->y1 > under.run->y && r->y1 < under.run->y + under.run->size * 0.3 &&
                        r->x1 == doctest::Approx(under.run->x));
    CHECK(rule);
  }

  TEST_CASE("a definition list sets its terms apart and indents its definitions; math is typeset") {
    model::Issue issue = test::single();
    model::DefinitionList dl;
    model::DefinitionItem item;
    item.term.push_back(plain("Termword"));
    model::Paragraph definition;
    definition.content.push_back(plain("Meaningword and "));
    definition.content.push_back({model::Math{"x^2", false}, {}});
    item.definitions.push_back({model::Block{std::move(definition), {}}});
    dl.items.push_back(std::move(item));
    issue.articles[0].blocks.insert(issue.articles[0].blocks.begin(),
                                    model::Block{std::move(dl), {}});
    model::Paragraph after;
    after.content.push_back(plain("Afterword."));
    issue.articles[0].blocks.insert(issue.articles[0].blocks.begin() + 1,
                                    model::Block{std::move(after), {}});

    style::Style st = style::default_style();
    Diagnostics diags;
    text::Engine engine(test::engine_options(st));
    Document doc = layout_issue(issue, st, engine, LayoutOptions{}, diags);
    Found term = find_run(doc, "Termword");
    Found meaning = find_run(doc, "Meaningword and ");
    Found math = find_run(doc, "\U0001D465"); // math italic x
    Found square = find_run(doc, "2");
    Found next = find_run(doc, "Afterword.");
    REQUIRE(term.run != nullptr);
    REQUIRE(meaning.run != nullptr);
    REQUIRE(math.run != nullptr);
    REQUIRE(square.run != nullptr);
    REQUIRE(next.run != nullptr);
    CHECK(term.run->font != meaning.run->font);                 // bold
    CHECK(meaning.run->y > term.run->y);                        // below the term
    CHECK(meaning.run->x == doctest::Approx(term.run->x + st.text.list_indent));
    CHECK(next.run->x == doctest::Approx(term.run->x));
    CHECK(math.run->font != meaning.run->font);            // the math face
    CHECK(math.run->y == doctest::Approx(meaning.run->y)); // on the baseline
    CHECK(square.run->y < math.run->y - 2);                // raised
    CHECK(square.run->size < math.run->size);              // at script size
    CHECK(square.run->x > math.run->x);
  }
}
