// An opening with nine authors, as a paper lists them: the names wrap at the measure, every one
// is read back whole by pdftotext, and no word runs past the right margin.
#include "overlap.hpp"
#include "pages.hpp"
#include "run.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace e2e;
namespace fs = std::filesystem;

TEST_SUITE("e2e/byline") {
  TEST_CASE("nine authors wrap in the byline: every name read back, none past the margin") {
    const fs::path pdf = scratch("byline") / "byline.pdf";
    const RunResult r =
        run_galley("pdf " + q(source_dir() / "tests/e2e/data/many-authors.md") + " -o " + q(pdf));
    CAPTURE(r.err);
    REQUIRE(r.code == 0);
    const std::vector<TextLine> lines = text_lines(pdf);
    CHECK(words_outside(lines, default_text_area()) == 0);
    std::string text;
    for (const TextLine& l : lines) {
      for (const Box& w : l.words) text += w.text + " ";
      text += "\n";
    }
    for (const char* name :
         {"Aleksandra Wiśniewska", "Benedikt Oberhauser", "Chiamaka Nwachukwu",
          "Dmitri Vasilievich Kuznetsov", "Emmanuelle Durand-Lefèvre", "Fernando Castillo Herrera",
          "Giulia Montanari", "Hiroshi Takahashi", "Ingrid Johansson"}) {
      CAPTURE(name);
      CHECK(text.find(name) != std::string::npos);
    }
  }
}
