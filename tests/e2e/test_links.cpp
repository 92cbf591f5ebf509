// In-document links in the PDF: a `#fragment` link written the way documentation sites write
// them (a page's own table of contents, `{#id}` headings, a link inside a footnote) must be a
// link annotation with a /Dest that names a destination of the file (PDF 32000-1 12.3.2.3),
// never a /URI action; a fragment that names nothing is dropped with a located warning.
#include "run.hpp"

#include <doctest/doctest.h>

#include <map>
#include <regex>
#include <set>
#include <string>

using namespace e2e;
namespace fs = std::filesystem;

TEST_SUITE("e2e/links") {
  TEST_CASE("every #fragment link is a /Dest to a real destination") {
    const fs::path dir = scratch("links");
    const fs::path md = source_dir() / "tests/e2e/data/makeup/docs-page-links.md";
    const fs::path pdf = dir / "links.pdf";
    RunResult r = run_galley("pdf " + q(md) + " -o " + q(pdf));
    REQUIRE(r.code == 0);
    CAPTURE(r.err);

    // The two dangling fragments are reported where they were written, and only they.
    const std::string where = md.string() + ":";
    CHECK(r.err.find(where + "23:1: warning: link to '#env-vars' names no heading") !=
          std::string::npos);
    CHECK(r.err.find(where + "28:33: warning: link to '#configuration-page' names no heading") !=
          std::string::npos);
    int warnings = 0;
    for (auto at = r.err.find("warning:"); at != std::string::npos; at = r.err.find("warning:", at + 1))
      ++warnings;
    CHECK(warnings == 2);

    std::set<std::string> destinations;
    const std::string dests = run("pdfinfo -dests " + q(pdf)).out;
    std::regex dest_line(R"re(\]\s+"([^"]+)")re");
    for (std::sregex_iterator it(dests.begin(), dests.end(), dest_line), end; it != end; ++it)
      destinations.insert((*it)[1].str());
    CAPTURE(dests);
    for (const char* id : {"loading-the-file", "environment-variables", "plugins-and-presets",
                           "troubleshooting", "summary", "defaults"})
      CHECK(destinations.count(std::string("docs-page-links-") + id) == 1);

    // Link annotations, read from the uncompressed file: each internal one names a
    // destination; none is a URI that starts with '#'.
    const fs::path plain = dir / "links-plain.pdf";
    REQUIRE(run("qpdf --qdf --object-streams=disable " + q(pdf) + " " + q(plain)).code == 0);
    const std::string body = run("cat " + q(plain)).out;
    std::map<std::string, int> linked;
    std::regex dest(R"(/Dest \(([^)]*)\))");
    for (std::size_t from = 0, end; (end = body.find("endobj", from)) != std::string::npos;
         from = end + 6) {
      const std::string object = body.substr(from, end - from);
      std::smatch m;
      if (object.find("/Subtype /Link") == std::string::npos || !std::regex_search(object, m, dest))
        continue;
      CAPTURE(m[1].str());
      CHECK(destinations.count(m[1].str()) == 1);
      ++linked[m[1].str()];
    }
    CHECK(body.find("/URI (#") == std::string::npos);
    // The page's own contents, the links in the text and the one in the note (a link broken
    // across lines has an area on each).
    CHECK(linked["docs-page-links-loading-the-file"] >= 2);
    CHECK(linked["docs-page-links-plugins-and-presets"] >= 2);
    CHECK(linked["docs-page-links-troubleshooting"] >= 2);
    CHECK(linked["docs-page-links-environment-variables"] >= 1);
    CHECK(linked["docs-page-links-summary"] >= 1);
    CHECK(linked["docs-page-links-defaults"] >= 1);
    // The note's number links back to its marker.
    CHECK(linked["docs-page-links-ref-1"] >= 1);
    CHECK(linked.count("docs-page-links-env-vars") == 0);
  }
}
