#include "book_checks.hpp"
#include "run.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <regex>

using namespace e2e;
namespace fs = std::filesystem;

namespace {
fs::path example(const char* name) { return source_dir() / "examples/quantum-dispatch" / name; }

struct Word {
  double x0, y0, x1, y1;
  std::string text;
};

/// Words of one page from `pdftotext -bbox` (PDF points, origin top-left).
std::vector<Word> words_of_page(const fs::path& pdf, int page) {
  auto r = run("pdftotext -bbox -f " + std::to_string(page) + " -l " + std::to_string(page) + " " +
               q(pdf) + " -");
  std::vector<Word> words;
  std::regex re(
      R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
  for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), re); it != std::sregex_iterator();
       ++it)
    words.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]),
                     std::stod((*it)[4]), (*it)[5]});
  return words;
}

int page_count(const fs::path& pdf) {
  auto r = run("pdfinfo " + q(pdf));
  std::smatch m;
  return std::regex_search(r.out, m, std::regex(R"(Pages:\s+(\d+))")) ? std::stoi(m[1]) : 0;
}
} // namespace

TEST_SUITE("e2e/styles") {
  TEST_CASE("every bundled style renders the example issue to a clean PDF and EPUB, and the "
            "example article to a clean EPUB") {
    auto dir = scratch("styles");
    for (const char* style : {"dispatch", "pocket", "broadsheet"}) {
      CAPTURE(style);
      auto pdf = dir / (std::string(style) + ".pdf");
      auto epub = dir / (std::string(style) + ".epub");
      auto r = run_galley("pdf -q --style " + std::string(style) + " " + q(example("issue.yaml")) +
                          " -o " + q(pdf));
      CAPTURE(r.err);
      REQUIRE(r.code == 0);
      auto check = run("qpdf --check " + q(pdf));
      CHECK(check.code == 0);
      CHECK(check.out.find("No syntax or stream encoding errors found") != std::string::npos);
      r = run_galley("epub -q --style " + std::string(style) + " " + q(example("issue.yaml")) +
                     " -o " + q(epub));
      REQUIRE(r.code == 0);
      // The article's book too: its accessibility markup differs from the issue's (no
      // contents page, its own metadata), and Ace checks both (tests/epub/ace.sh).
      r = run_galley("epub -q --style " + std::string(style) + " " +
                     q(example("microsoft-openai.md")) + " -o " +
                     q(dir / (std::string(style) + "-article.epub")));
      REQUIRE(r.code == 0);
    }
    std::vector<fs::path> books;
    for (const auto& entry : fs::directory_iterator(dir))
      if (entry.path().extension() == ".epub") books.push_back(entry.path());
    CHECK(books.size() == 6);
    check_epubs(books);
  }

  TEST_CASE("broadsheet sets two columns and no word crosses the gutter") {
    auto dir = scratch("broadsheet");
    auto pdf = dir / "article.pdf";
    REQUIRE(run_galley("pdf -q --style broadsheet " + q(example("microsoft-openai.md")) + " -o " +
                       q(pdf)).code == 0);
    int pages = page_count(pdf);
    REQUIRE(pages >= 2);
    // Letter, margins 0.6in, gutter 0.25in: the gutter is 297..315 pt.
    const double width = 612, gutter_left = 297, gutter_right = 315;
    const double top = 0.6 * 72, bottom = 792 - 0.7 * 72;
    for (int page = 2; page <= pages; ++page) {
      CAPTURE(page);
      int left = 0, right = 0;
      for (const auto& w : words_of_page(pdf, page)) {
        if (w.y1 < top || w.y0 > bottom) continue; // running head and folio
        CAPTURE(w.text);
        CHECK_FALSE((w.x0 < gutter_left && w.x1 > gutter_right));
        CHECK(w.x0 >= 0.6 * 72 - 1);
        CHECK(w.x1 <= width - 0.6 * 72 + 1);
        if (w.x1 <= gutter_left + 0.5) ++left;
        if (w.x0 >= gutter_right - 0.5) ++right;
      }
      if (page == 2) {
        CHECK(left > 100);
        CHECK(right > 100);
      }
    }
  }

  TEST_CASE("notes restart with each article, or count through the issue when the style says") {
    auto dir = scratch("note-numbering");
    auto style = dir / "through.yaml";
    std::ofstream(style) << "extends: dispatch\nnotes:\n  numbering: per-issue\n";
    // The example articles have 6, 4, 3 and 4 notes, in the manifest's order.
    const std::vector<int> restart{1, 1, 1, 1}, through{1, 7, 11, 14};
    for (bool per_issue : {false, true}) {
      CAPTURE(per_issue);
      std::string opt = per_issue ? " --style " + q(style) : "";
      auto epub = dir / (per_issue ? "through.epub" : "restart.epub");
      REQUIRE(run_galley("epub -q" + opt + " " + q(example("issue.yaml")) + " -o " + q(epub))
                  .code == 0);
      const auto& first = per_issue ? through : restart;
      for (int a = 1; a <= 4; ++a) {
        CAPTURE(a);
        auto doc = run("unzip -p " + q(epub) + " EPUB/article-00" + std::to_string(a) + ".xhtml");
        std::smatch m;
        REQUIRE(std::regex_search(doc.out, m, std::regex(R"re(epub:type="noteref"[^>]*>(\d+)<)re")));
        CHECK(std::stoi(m[1]) == first[static_cast<std::size_t>(a - 1)]);
        REQUIRE(std::regex_search(doc.out, m, std::regex(R"re(class="note-number">(\d+)\.)re")));
        CHECK(std::stoi(m[1]) == first[static_cast<std::size_t>(a - 1)]);
      }
      // In the PDF the notes at the feet of the pages are numbered the same way: the highest
      // number is the issue's note count, or the largest article's.
      auto pdf = dir / (per_issue ? "through.pdf" : "restart.pdf");
      REQUIRE(run_galley("pdf -q" + opt + " " + q(example("issue.yaml")) + " -o " + q(pdf)).code ==
              0);
      auto text = run("pdftotext -layout " + q(pdf) + " -").out;
      int highest = 0;
      std::regex label(R"(\n *(\d+)\. \S)"); // notes, and numbered lists (up to 5 items)
      for (auto it = std::sregex_iterator(text.begin(), text.end(), label);
           it != std::sregex_iterator(); ++it)
        highest = std::max(highest, std::stoi((*it)[1]));
      CHECK(highest == (per_issue ? 17 : 6));
    }
  }
}
