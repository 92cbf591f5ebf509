#include "support.hpp"

#include <doctest/doctest.h>

using namespace galley;
using galley::test::TempDir;

namespace {
std::optional<model::Article> load_xml(const TempDir& dir, std::string_view xml,
                                       Diagnostics& diags) {
  return input::load_article(dir.write("a.xml", xml), {}, diags);
}
} // namespace

TEST_SUITE("input/xml") {
  TEST_CASE("meta, blocks and locations") {
    TempDir dir;
    Diagnostics diags;
    auto a = load_xml(dir, R"(<?xml version="1.0"?>
<article>
  <meta>
    <title>XML &amp; more</title>
    <reading-time>7</reading-time>
    <author file-as="Chen, Nova" role="edt"><name>Nova Chen</name></author>
  </meta>
  <body>
    <h level="1" id="start">Start</h>
    <h level="1">Start</h>
    <p>Line one
       line two<br/>after <code>a &lt; b</code></p>
    <code-block>
x = 1
</code-block>
  </body>
</article>
)",
                      diags);
    REQUIRE(a);
    CAPTURE(test::dump(diags));
    CHECK(diags.empty());
    CHECK(a->meta.title == "XML & more");
    CHECK(a->meta.reading_minutes == 7);
    CHECK(a->meta.authors.at(0).file_as == "Chen, Nova");
    CHECK(a->meta.authors.at(0).role == "edt");
    REQUIRE(a->blocks.size() == 4);
    CHECK(std::get<model::Heading>(a->blocks[0].value).id == "start");
    CHECK(std::get<model::Heading>(a->blocks[1].value).id == "start-1");
    CHECK(a->blocks[2].loc.line == 11);
    CHECK(a->blocks[2].loc.column == 6);
    const auto& p = std::get<model::Paragraph>(a->blocks[2].value).content;
    REQUIRE(p.size() == 6);
    CHECK(std::get<model::Text>(p[0].value).text == "Line one");
    CHECK(std::holds_alternative<model::SoftBreak>(p[1].value));
    CHECK(std::get<model::Text>(p[2].value).text == "line two");
    CHECK(std::holds_alternative<model::LineBreak>(p[3].value));
    CHECK(std::get<model::Code>(p[5].value).text == "a < b");
    CHECK(std::get<model::CodeBlock>(a->blocks[3].value).code == "x = 1");
  }

  TEST_CASE("unknown elements and attributes warn with suggestions") {
    TempDir dir;
    Diagnostics diags;
    auto a = load_xml(dir, R"(<article>
  <meta><title>T</title><titel>x</titel></meta>
  <body><p>x <strng>y</strng></p><figure src="images/photo.png" atl="x"/></body>
</article>)",
                      diags);
    REQUIRE(a);
    CHECK(test::has(diags, Severity::Warning, "unknown element <titel> in <meta>", 2));
    CHECK(test::has(diags, Severity::Warning, "unknown element <strng> in <p>", 3));
    CHECK(test::has(diags, Severity::Warning, "unknown attribute 'atl' on <figure>", 3));
    CHECK(
        test::has(diags, Severity::Warning, "figure image 'images/photo.png' has no alt text", 3));
  }

  TEST_CASE("refused and broken documents") {
    TempDir dir;
    SUBCASE("entity declarations") {
      Diagnostics diags;
      CHECK_FALSE(load_xml(dir, "<!DOCTYPE article [<!ENTITY a \"b\">]><article/>", diags));
      CHECK(test::has(diags, Severity::Error, "DOCTYPE declares entities", 1));
    }
    SUBCASE("not well formed") {
      Diagnostics diags;
      CHECK_FALSE(load_xml(dir, "<article>\n<meta>\n</article>", diags));
      CHECK(test::has(diags, Severity::Error, "XML is not well formed", 3));
    }
    SUBCASE("an undeclared entity stays text") {
      Diagnostics diags;
      auto a = load_xml(dir, "<article><meta><title>&nope;</title></meta></article>", diags);
      REQUIRE(a);
      CHECK(a->meta.title == "&nope;");
    }
    SUBCASE("content sniffing for other extensions") {
      Diagnostics diags;
      auto a = input::load_article(
          dir.write("a.txt",
                    "<?xml version=\"1.0\"?><article><meta><title>S</title></meta></article>"),
          {}, diags);
      REQUIRE(a);
      CHECK(a->meta.title == "S");
    }
  }
}
