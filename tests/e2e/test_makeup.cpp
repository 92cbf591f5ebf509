// Page makeup as a proofreader marks it (makeup.hpp): the example article and the example issue
// in the three house styles, and an issue of thirty articles, counted for stub pages, holes
// above notes, widows, clubs, hyphenation faults, overlapping words and words off the page.
#include "makeup.hpp"
#include "run.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace e2e;
namespace fs = std::filesystem;

namespace {

const char* const kArticles[] = {"microsoft-openai.md", "post-quantum-tls.md",
                                 "open-silicon-europe.md", "logical-qubits.md"};

fs::path examples() { return source_dir() / "examples/quantum-dispatch"; }

std::set<std::string> example_words() {
  std::vector<fs::path> files;
  for (const char* a : kArticles) files.push_back(examples() / a);
  files.push_back(examples() / "issue.yaml");
  return words_of(files);
}

MakeupCounts counted(const fs::path& input, const std::string& style, const fs::path& pdf) {
  RunResult r = run_galley("pdf " + q(input) + " --style " + style + " -o " + q(pdf));
  REQUIRE_MESSAGE(r.code == 0, r.err);
  MakeupCounts c = check_makeup(pdf, example_words());
  std::string detail;
  for (const std::string& w : c.where) detail += "\n  " + w;
  MESSAGE(pdf.filename().string() << ": " << c.summary() << detail);
  return c;
}

void check_clean(const MakeupCounts& c, int articles) {
  CHECK(c.stub_pages == 0);
  CHECK(c.stub_last_pages * 10 <= std::max(articles, 10));
  CHECK(c.holes == 0);
  CHECK(c.widows == 0);
  CHECK(c.clubs == 0);
  CHECK(c.hyphen_runs == 0);
  CHECK(c.capital_hyphens == 0);
  CHECK(c.last_word_hyphens == 0);
  CHECK(c.overlaps == 0);
  CHECK(c.beyond_page == 0);
}

} // namespace

TEST_SUITE("e2e/makeup") {
  TEST_CASE("the example article and issue in each house style") {
    const fs::path dir = scratch("makeup-examples");
    for (const char* style : {"dispatch", "pocket", "broadsheet"}) {
      CAPTURE(style);
      check_clean(counted(examples() / "microsoft-openai.md", style,
                          dir / (std::string("article-") + style + ".pdf")), 1);
      check_clean(counted(examples() / "issue.yaml", style,
                          dir / (std::string("issue-") + style + ".pdf")), 4);
    }
  }

  TEST_CASE("an issue of thirty articles") {
    const fs::path dir = scratch("makeup-thirty");
    for (const auto& entry : fs::directory_iterator(examples()))
      fs::copy(entry.path(), dir / entry.path().filename(), fs::copy_options::recursive);
    std::ofstream manifest(dir / "thirty.yaml");
    manifest << "title: Thirty articles\npublication: The Quantum Dispatch\nlang: en\narticles:\n";
    for (int i = 0; i < 30; ++i) {
      const std::string name = "article-" + std::to_string(i) + ".md";
      fs::copy_file(examples() / kArticles[i % 4], dir / name);
      manifest << "  - " << name << "\n";
    }
    manifest.close();
    for (const char* style : {"dispatch", "pocket", "broadsheet"}) {
      CAPTURE(style);
      check_clean(counted(dir / "thirty.yaml", style, dir / (std::string("thirty-") + style + ".pdf")), 30);
    }
  }
}

TEST_SUITE("e2e/makeup") {
  TEST_CASE("a source cited again on a later page is set there in its short form") {
    const fs::path dir = scratch("makeup-repeat");
    const fs::path pdf = dir / "article.pdf";
    REQUIRE(run_galley("pdf " + q(examples() / "microsoft-openai.md") + " -o " + q(pdf)).code == 0);
    const std::string text = run("pdftotext " + q(pdf) + " -").out;
    auto count = [&](const std::string& s) {
      int n = 0;
      for (auto at = text.find(s); at != std::string::npos; at = text.find(s, at + 1)) ++n;
      return n;
    };
    // The whole note (with its date and address) once, on the page of the first citation; the
    // publisher and title at the foot of each later page that cites it.
    CHECK(count("“A more flexible partnership with Microsoft”, April 27, 2026") == 1);
    CHECK(count("OpenAI Blog, A more flexible partnership with Microsoft.") >= 1);
    CHECK(count("CNBC, Microsoft and OpenAI rework their deal, opening the door to rival clouds.") >= 1);

    // `notes.repeat: see-note` adds the reference; `full` sets the whole note again.
    for (const char* repeat : {"see-note", "full"}) {
      const fs::path style = dir / (std::string(repeat) + ".yaml");
      std::ofstream(style) << "extends: dispatch\nnotes:\n  repeat: " << repeat << "\n";
      const fs::path out = dir / (std::string(repeat) + ".pdf");
      REQUIRE(run_galley("pdf " + q(examples() / "microsoft-openai.md") + " --style " + q(style) +
                         " -o " + q(out)).code == 0);
      const std::string t = run("pdftotext " + q(out) + " -").out;
      if (std::string(repeat) == "see-note")
        CHECK(t.find("OpenAI Blog, A more flexible partnership with Microsoft; see note 2.") !=
              std::string::npos);
      else
        CHECK(t.find("A more flexible partnership with Microsoft”, April 27, 2026") !=
              t.rfind("A more flexible partnership with Microsoft”, April 27, 2026"));
    }
  }
}
