#include "support.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

using namespace galley;

namespace {

void check_same(const std::filesystem::path& md, const std::filesystem::path& xml) {
  Diagnostics md_diags, xml_diags;
  auto a = input::load_article(md, {}, md_diags);
  auto b = input::load_article(xml, {}, xml_diags);
  REQUIRE(a);
  REQUIRE(b);
  CAPTURE(test::dump(md_diags));
  CAPTURE(test::dump(xml_diags));
  CHECK_FALSE(md_diags.has_errors());
  CHECK_FALSE(xml_diags.has_errors());
  CHECK(md_diags.warning_count() == xml_diags.warning_count());
  CHECK(test::dump(*a) == test::dump(*b));
}

} // namespace

TEST_SUITE("input/equivalence") {
  TEST_CASE("the same article in Markdown and XML loads to the same model") {
    std::filesystem::path dir = std::filesystem::path(GALLEY_TEST_DATA_DIR) / "input/fixtures";
    check_same(dir / "all-kinds.md", dir / "all-kinds.xml");
  }

  TEST_CASE("the example article in Markdown and XML loads to the same model") {
    std::filesystem::path dir =
        std::filesystem::path(GALLEY_SOURCE_DIR) / "examples/quantum-dispatch";
    check_same(dir / "microsoft-openai.md", dir / "microsoft-openai.xml");
    Diagnostics diags;
    auto a = input::load_article(dir / "microsoft-openai.xml", {}, diags);
    REQUIRE(a);
    CHECK(a->meta.title == "Microsoft and OpenAI Enter the Next Phase");
    CHECK(a->notes.size() == 6);
    CHECK(a->notes.front().id == "ms-blog");
    CHECK(a->meta.reading_minutes == 6);
  }

  TEST_CASE("the dump tells different articles apart") {
    test::TempDir dir;
    Diagnostics diags;
    auto a = test::load_text(dir, "a.md", "# T\n\nSome *text*.\n", diags);
    auto b = test::load_text(dir, "a2.md", "# T\n\nSome **text**.\n", diags);
    REQUIRE(a);
    REQUIRE(b);
    b->meta.slug = a->meta.slug;
    CHECK(test::dump(*a) != test::dump(*b));
  }
}

TEST_SUITE("input/schema") {
  TEST_CASE("the XML articles the project ships validate against docs/galley-article.rng") {
    const std::string src = GALLEY_SOURCE_DIR;
    for (const char* file :
         {"examples/quantum-dispatch/microsoft-openai.xml", "tests/input/fixtures/all-kinds.xml"}) {
      CAPTURE(file);
      // xmllint (libxml2-utils, installed by tools/bootstrap) implements RELAX NG validation.
      std::string cmd = "xmllint --noout --relaxng '" + src + "/docs/galley-article.rng' '" + src +
                        "/" + file + "' 2>/dev/null";
      CHECK(std::system(cmd.c_str()) == 0);
    }
    test::TempDir dir;
    auto bad = dir.write("bad.xml",
                         "<article><meta><title>T</title></meta><body><para/></body></article>");
    std::string cmd = "xmllint --noout --relaxng '" + src + "/docs/galley-article.rng' '" +
                      bad.string() + "' 2>/dev/null";
    CHECK(std::system(cmd.c_str()) != 0);
  }
}
