#include "book_checks.hpp"
#include "run.hpp"

#include "util/files.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <regex>

using namespace e2e;
namespace fs = std::filesystem;

namespace {
fs::path example(const char* name) { return source_dir() / "examples/quantum-dispatch" / name; }

/// Writes the example issue as dir/issue.epub and dir/issue.pdf, galley run under `env` (an
/// `env` argument list such as "SOURCE_DATE_EPOCH=0" or "-u SOURCE_DATE_EPOCH").
void write_issue_both_ways(const fs::path& dir, const std::string& env) {
  std::string bin = std::getenv("GALLEY_BIN");
  for (const char* format : {"epub", "pdf"}) {
    auto out = dir / (std::string("issue.") + format);
    auto r = run("env " + env + " " + q(bin) + " " + format + " -q " + q(example("issue.yaml")) +
                 " -o " + q(out));
    CAPTURE(r.err);
    REQUIRE(r.code == 0);
  }
}
} // namespace

TEST_SUITE("e2e/epub") {
  TEST_CASE("the example article and issue pass epubcheck with no errors and no warnings") {
    auto dir = scratch("epub-examples");
    for (const char* input : {"microsoft-openai.md", "issue.yaml"}) {
      CAPTURE(input);
      auto out = dir / (std::string(input) + ".epub");
      auto r = run_galley("epub " + q(example(input)) + " -o " + q(out));
      CAPTURE(r.err);
      REQUIRE(r.code == 0);
      check_epubs({out});
    }
  }

  TEST_CASE("SOURCE_DATE_EPOCH=0 dates the EPUB 1970-01-01, the same date as the PDF") {
    auto dir = scratch("epub-epoch-zero");
    write_issue_both_ways(dir, "SOURCE_DATE_EPOCH=0");
    auto opf = run("unzip -p " + q(dir / "issue.epub") + " EPUB/package.opf");
    CHECK(opf.out.find("<meta property=\"dcterms:modified\">1970-01-01T00:00:00Z</meta>") !=
          std::string::npos);
    auto info = run("TZ=UTC pdfinfo -isodates " + q(dir / "issue.pdf"));
    CHECK(info.out.find("1970-01-01T00:00:00") != std::string::npos);
    // Zip entries cannot be dated before 1980 (the DOS date fields): they carry its first day.
    auto zip = run("unzip -Z -T " + q(dir / "issue.epub") + " mimetype");
    CHECK(zip.out.find("19800101.000000") != std::string::npos);
  }

  TEST_CASE("without SOURCE_DATE_EPOCH both outputs take the issue's date") {
    auto dir = scratch("epub-epoch-unset");
    write_issue_both_ways(dir, "-u SOURCE_DATE_EPOCH");
    auto opf = run("unzip -p " + q(dir / "issue.epub") + " EPUB/package.opf");
    CHECK(opf.out.find("<meta property=\"dcterms:modified\">2026-05-01T00:00:00Z</meta>") !=
          std::string::npos);
    auto info = run("TZ=UTC pdfinfo -isodates " + q(dir / "issue.pdf"));
    CHECK(info.out.find("CreationDate:    2026-05-01T00:00:00Z") != std::string::npos);
  }

  TEST_CASE("a SOURCE_DATE_EPOCH past 9999 is refused for both outputs, and nothing is written") {
    auto dir = scratch("epub-epoch-far");
    std::string bin = std::getenv("GALLEY_BIN");
    for (const char* format : {"epub", "pdf"}) {
      CAPTURE(format);
      auto out = dir / (std::string("issue.") + format);
      auto r = run("env SOURCE_DATE_EPOCH=300000000000 " + q(bin) + " " + format + " " +
                   q(example("microsoft-openai.md")) + " -o " + q(out));
      CHECK(r.code == 1);
      CHECK(r.err.find("SOURCE_DATE_EPOCH: error: 300000000000 seconds is outside the dates") !=
            std::string::npos);
      CHECK_FALSE(fs::exists(out));
    }
  }

  TEST_CASE("identical input gives identical bytes") {
    auto dir = scratch("epub-determinism");
    REQUIRE(run_galley("epub -q " + q(example("issue.yaml")) + " -o " + q(dir / "a.epub")).code == 0);
    REQUIRE(run_galley("epub -q " + q(example("issue.yaml")) + " -o " + q(dir / "b.epub")).code == 0);
    CHECK(galley::read_file(dir / "a.epub") == galley::read_file(dir / "b.epub"));
  }

  TEST_CASE("a missing image is a warning with file and line; under --strict nothing is written") {
    auto dir = scratch("epub-missing-image");
    REQUIRE(run("printf -- '---\\ntitle: T\\n---\\nText.\\n\\n![A chart](nothere.png)\\n' > " +
                q(dir / "a.md")).code == 0);
    auto r = run_galley("epub --strict " + q(dir / "a.md") + " -o " + q(dir / "a.epub"));
    CHECK(r.code == 1);
    CHECK(r.err.find("a.md:6:1: warning: figure image 'nothere.png' not found") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "a.epub"));
    auto lenient = run_galley("epub " + q(dir / "a.md") + " -o " + q(dir / "a.epub"));
    CHECK(lenient.code == 0);
    CHECK(run("unzip -p " + q(dir / "a.epub") + " '*.xhtml'").out.find("A chart") != std::string::npos);
  }
}
