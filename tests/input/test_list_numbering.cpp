// How an ordered list counts (model::ListNumbering), as each reader's format says it: HTML's
// <ol type> (also raw HTML in Markdown), JATS's list-type and galley XML's numbering.
#include "support.hpp"

#include <doctest/doctest.h>

using namespace galley;
using galley::test::TempDir;

namespace {

/// The numbering and start of each top-level list of the article `name` holding `text`.
std::vector<std::pair<model::ListNumbering, int>> lists(std::string_view name,
                                                        std::string_view text) {
  TempDir dir;
  Diagnostics diags;
  auto a = test::load_text(dir, std::string(name), text, diags);
  CAPTURE(test::dump(diags));
  REQUIRE(a);
  CHECK_FALSE(diags.has_errors());
  std::vector<std::pair<model::ListNumbering, int>> out;
  for (const model::Block& b : a->blocks)
    if (const auto* l = std::get_if<model::List>(&b.value)) {
      CHECK(l->kind == model::ListKind::Ordered);
      out.emplace_back(l->numbering, l->start);
    }
  return out;
}

using N = model::ListNumbering;

} // namespace

TEST_SUITE("input/list-numbering") {
  TEST_CASE("HTML: <ol type> by its case, with its start; other types count in decimal") {
    const auto got =
        lists("page.html", R"(<!DOCTYPE html><html lang="fr"><head><title>T</title></head>
<body><article><h1>T</h1>
<ol type="a"><li>Pommes</li><li>Poires</li></ol>
<ol type="A" start="3"><li>Prunes</li></ol>
<ol type="i"><li>Un</li></ol>
<ol type="I"><li>Deux</li></ol>
<ol type="disc"><li>Trois</li></ol>
<ol><li>Quatre</li></ol>
</article></body></html>
)");
    CHECK(got == std::vector<std::pair<N, int>>{{N::LowerAlpha, 1},
                                                {N::UpperAlpha, 3},
                                                {N::LowerRoman, 1},
                                                {N::UpperRoman, 1},
                                                {N::Decimal, 1},
                                                {N::Decimal, 1}});
  }

  TEST_CASE("raw HTML in Markdown goes through the same mapping") {
    const auto got = lists("notes.md", "# Notizen\n\n<ol type=\"i\" start=\"4\">\n<li>vier</li>\n"
                                       "<li>fünf</li>\n</ol>\n");
    CHECK(got == std::vector<std::pair<N, int>>{{N::LowerRoman, 4}});
  }

  TEST_CASE("JATS: list-type alpha-lower, alpha-upper, roman-lower, roman-upper, order") {
    const auto got = lists("a.nxml", R"(<?xml version="1.0"?>
<article dtd-version="1.3"><front><article-meta><title-group><article-title>J</article-title>
</title-group></article-meta></front><body>
<list list-type="alpha-lower"><list-item><p>one</p></list-item></list>
<list list-type="alpha-upper"><list-item><p>two</p></list-item></list>
<list list-type="roman-lower"><list-item><p>three</p></list-item></list>
<list list-type="roman-upper"><list-item><p>four</p></list-item></list>
<list list-type="order"><list-item><p>five</p></list-item></list>
</body></article>
)");
    CHECK(got == std::vector<std::pair<N, int>>{{N::LowerAlpha, 1},
                                                {N::UpperAlpha, 1},
                                                {N::LowerRoman, 1},
                                                {N::UpperRoman, 1},
                                                {N::Decimal, 1}});
  }

  TEST_CASE("galley XML: numbering takes CSS's names, and an unknown name is a located error") {
    const auto got = lists("g.xml", R"(<?xml version="1.0"?>
<article version="1"><meta><title>G</title></meta><body>
<list type="ordered" numbering="upper-roman" start="2"><item><p>zwei</p></item></list>
<list type="ordered" numbering="lower-alpha"><item><p>a</p></item></list>
</body></article>
)");
    CHECK(got == std::vector<std::pair<N, int>>{{N::UpperRoman, 2}, {N::LowerAlpha, 1}});

    TempDir dir;
    Diagnostics diags;
    test::load_text(dir, "bad.xml", R"(<?xml version="1.0"?>
<article version="1"><meta><title>G</title></meta><body>
<list type="ordered" numbering="greek"><item><p>alpha</p></item></list>
</body></article>
)",
                    diags);
    CHECK(test::has(diags, Severity::Error, "list numbering must be", 3));
  }
}
