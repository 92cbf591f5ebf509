// epubcheck 4.2.6 on the books galley writes: 0 errors and 0 warnings, read from its report.
// Each run starts a JVM (about 2 s), so the variants are few and each covers several features.
#include "support.hpp"
#include "test_support.hpp"
#include "util/dates.hpp"
#include "util/files.hpp"

#include <cstdlib>
#include <doctest/doctest.h>

using namespace galley;
using namespace galley::epub;
using namespace galley::epub::test;

namespace {
void check_clean(const std::string& name, const std::string& bytes) {
  REQUIRE_FALSE(bytes.empty());
  auto dir = galley::test::scratch_root() / "galley-epub-tests";
  std::filesystem::create_directories(dir);
  auto path = dir / name;
  write_file_atomic(path, bytes);
  auto report = epubcheck(path);
  CAPTURE(report.text);
  CHECK(report.errors == 0);
  CHECK(report.warnings == 0);
  CHECK(report.text.find("No errors or warnings detected") != std::string::npos);
  // GALLEY_KEEP_EPUBS=1 keeps the books (in the temporary folder) for tools/screenshot.
  if (!std::getenv("GALLEY_KEEP_EPUBS")) std::filesystem::remove(path);
}
} // namespace

TEST_SUITE("epub/epubcheck") {
  TEST_CASE("single article with every block kind, notes and JPEG, PNG, GIF, SVG images") {
    Diagnostics diags;
    check_clean("article.epub", build(single(full_article()), diags));
  }

  TEST_CASE("issue with a cover, a title page, contents and three articles") {
    Diagnostics diags;
    check_clean("issue.epub", build(make_issue({full_article(1), full_article(2), plain_article(3)}), diags));
  }

  TEST_CASE("issue without images, with embedded fonts") {
    Diagnostics diags;
    EpubOptions o;
    o.embed_fonts = true;
    o.fonts.font_dirs = {std::filesystem::path(GALLEY_SOURCE_DIR) / "fonts"};
    check_clean("fonts.epub", build(make_issue({plain_article(1), plain_article(2)}, false), diags, o));
  }

  TEST_CASE("characters XML forbids and a date in year 1 still make a valid book") {
    // The input stage replaces such characters with a warning; a program that fills the model
    // itself can still hand them over, and the writer must not produce broken XML.
    Diagnostics diags;
    model::Article a = plain_article(1);
    a.meta.title = "Control \x01 and \uFFFE in a title";
    a.meta.language = "pt-BR";
    EpubOptions o;
    o.date_epoch = kFirstRecordableEpoch;
    const std::string bytes = build(single(a), diags, o);
    check_clean("odd.epub", bytes);
    const Unzipped book = unzip(bytes);
    const std::string& opf = book.files.at("EPUB/package.opf");
    CHECK(opf.find(">0001-01-01T00:00:00Z<") != std::string::npos);
    CHECK(opf.find("\uFFFD in a title") != std::string::npos);
    CHECK(opf.find('\x01') == std::string::npos);
  }
}
