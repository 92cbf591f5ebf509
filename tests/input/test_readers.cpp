// The table of readers: which reader an article gets, by extension and by content, and the
// safety rules every XML-based reader keeps.
#include "support.hpp"

#include "input/readers.hpp"

#include <doctest/doctest.h>

using namespace galley;
using galley::test::TempDir;

namespace {

constexpr const char* kNitf = R"(<?xml version="1.0"?>
<nitf><head><title>N</title></head><body><body.content><p>News.</p></body.content></body></nitf>
)";
constexpr const char* kJats = R"(<?xml version="1.0"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.3 20210610//EN" "JATS-journalpublishing1-3.dtd">
<article><front><article-meta><title-group><article-title>J</article-title></title-group></article-meta></front>
<body><p>Science.</p></body></article>
)";
constexpr const char* kGalley = R"(<?xml version="1.0"?>
<article version="1"><meta><title>G</title></meta><body><p>Own.</p></body></article>
)";

std::string load_title(const TempDir& dir, const std::string& name, std::string_view text,
                       Diagnostics& diags) {
  auto a = input::load_article(dir.write(name, text), {}, diags);
  return a ? a->meta.title : std::string("(nothing)");
}

} // namespace

TEST_SUITE("input/readers") {
  TEST_CASE("every reader has a name and an extension, and Markdown comes first") {
    const auto& all = input::readers();
    REQUIRE(all.size() == 7);
    CHECK(all.front().name == "Markdown");
    CHECK((all.front().claims == nullptr));
    for (const auto& r : all) {
      CHECK_FALSE(r.name.empty());
      CHECK_FALSE(r.extensions.empty());
      CHECK((r.read != nullptr));
    }
  }

  TEST_CASE("an .xml file is read by the format its root and DOCTYPE name") {
    TempDir dir;
    Diagnostics diags;
    CHECK(load_title(dir, "n.xml", kNitf, diags) == "N");
    CHECK(load_title(dir, "j.xml", kJats, diags) == "J");
    CHECK(load_title(dir, "g.xml", kGalley, diags) == "G");
    CAPTURE(test::dump(diags));
    CHECK(diags.empty());
  }

  TEST_CASE("a JATS article is known without a DOCTYPE: by dtd-version or its <front>") {
    TempDir dir;
    Diagnostics diags;
    CHECK(
        load_title(dir, "a.xml",
                   "<article dtd-version=\"1.3\"><front><article-meta><title-group><article-title>"
                   "V</article-title></title-group></article-meta></front></article>",
                   diags) == "V");
    CHECK(load_title(dir, "b.xml",
                     "<article><front><article-meta><title-group><article-title>F</article-title>"
                     "</title-group></article-meta></front></article>",
                     diags) == "F");
    CHECK(diags.empty());
  }

  TEST_CASE("the extensions of one format, and content sniffing for the others") {
    TempDir dir;
    Diagnostics diags;
    CHECK(load_title(dir, "story.nitf", kNitf, diags) == "N");
    CHECK(load_title(dir, "paper.nxml", kJats, diags) == "J");
    CHECK(load_title(dir, "story.txt", kNitf, diags) == "N");
    CHECK(load_title(dir, "paper", kJats, diags) == "J");
    CHECK(diags.empty());
    // A Markdown extension is Markdown whatever the text looks like.
    Diagnostics md;
    auto a = input::load_article(dir.write("x.md", "---\ntitle: M\n---\n\n<nitf/>\n"), {}, md);
    REQUIRE(a);
    CHECK(a->meta.title == "M");
  }

  TEST_CASE("a root no reader of the extension takes is one located error") {
    TempDir dir;
    SUBCASE(".nitf with an article root") {
      Diagnostics diags;
      CHECK_FALSE(input::load_article(dir.write("a.nitf", "<?xml version=\"1.0\"?>\n<article/>"),
                                      {}, diags));
      CHECK(diags.error_count() == 1);
      CHECK(test::has(diags, Severity::Error, "root element is <article>, expected <nitf>", 2));
    }
    SUBCASE(".xml with an html root") {
      Diagnostics diags;
      CHECK_FALSE(input::load_article(dir.write("a.xml", "<html/>"), {}, diags));
      CHECK(test::has(diags, Severity::Error,
                      "root element is <html>, expected <nitf> or <article>", 1));
      CHECK(test::dump(diags).find(
                "galley reads NITF <nitf>, JATS <article>, galley XML <article> from this file") !=
            std::string::npos);
    }
  }

  TEST_CASE("NITF and JATS: malformed files, entities and DOCTYPEs") {
    TempDir dir;
    SUBCASE("not well formed: one error at its line, no article") {
      for (const char* name : {"a.nitf", "a.nxml"}) {
        CAPTURE(name);
        Diagnostics diags;
        const std::string root = std::string(name) == "a.nitf" ? "nitf" : "article";
        CHECK_FALSE(input::load_article(dir.write(name, "<?xml version=\"1.0\"?>\n<" + root +
                                                            ">\n<body>\n<p>x</b>\n</" + root + ">"),
                                        {}, diags));
        CHECK(diags.error_count() == 1);
        CHECK(test::has(diags, Severity::Error, "XML is not well formed", 4));
      }
    }
    SUBCASE("declared entities are refused") {
      Diagnostics diags;
      CHECK_FALSE(input::load_article(
          dir.write("e.nitf", "<!DOCTYPE nitf [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                              "<nitf><head><title>&x;</title></head></nitf>"),
          {}, diags));
      CHECK(test::has(diags, Severity::Error, "DOCTYPE declares entities", 1));
    }
    SUBCASE("an entity that is not declared stays as written") {
      Diagnostics diags;
      auto a = input::load_article(
          dir.write("u.nxml",
                    "<article><front><article-meta><title-group><article-title>A &mdash; B"
                    "</article-title></title-group></article-meta></front></article>"),
          {}, diags);
      REQUIRE(a);
      CHECK(a->meta.title == "A &mdash; B");
    }
    SUBCASE("a public DOCTYPE is accepted without a word, and its DTD never read") {
      Diagnostics diags;
      auto a = input::load_article(
          dir.write(
              "p.xml",
              "<!DOCTYPE nitf PUBLIC \"-//IPTC//DTD NITF 3.6//EN\" \"/nonexistent/nitf.dtd\">\n"
              "<nitf><head><title>T</title></head><body><body.content><p>x</p></body.content></"
              "body></nitf>"),
          {}, diags);
      REQUIRE(a);
      CHECK(a->meta.title == "T");
      CHECK(diags.empty());
    }
  }
}
