#include "run.hpp"

#include "util/files.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <sstream>

using namespace e2e;
namespace fs = std::filesystem;

namespace {
fs::path example(const char* name) { return source_dir() / "examples/quantum-dispatch" / name; }

int count_lines_containing(const std::string& text, const std::string& needle) {
  std::istringstream in(text);
  int n = 0;
  for (std::string line; std::getline(in, line);)
    if (line.find(needle) != std::string::npos) ++n;
  return n;
}
} // namespace

TEST_SUITE("e2e/pdf") {
  TEST_CASE("the example article becomes a valid PDF with embedded subset fonts and its text") {
    auto dir = scratch("pdf-article");
    auto pdf = dir / "article.pdf";
    auto r = run_galley("pdf " + q(example("microsoft-openai.md")) + " -o " + q(pdf));
    CAPTURE(r.err);
    REQUIRE(r.code == 0);
    REQUIRE(fs::exists(pdf));

    auto check = run("qpdf --check " + q(pdf));
    CAPTURE(check.out);
    CHECK(check.code == 0);
    CHECK(check.out.find("No syntax or stream encoding errors found") != std::string::npos);

    auto fonts = run("pdffonts " + q(pdf));
    CAPTURE(fonts.out);
    REQUIRE(fonts.code == 0);
    std::istringstream lines(fonts.out);
    int font_rows = 0;
    std::string line;
    std::getline(lines, line);
    std::getline(lines, line);
    while (std::getline(lines, line)) {
      ++font_rows;
      CHECK(line.find("yes yes yes") != std::string::npos);
    }
    CHECK(font_rows >= 3);

    auto text = run("pdftotext -layout " + q(pdf) + " -");
    REQUIRE(text.code == 0);
    for (const char* s : {"The Quantum Dispatch", "Microsoft and OpenAI Enter the Next Phase",
                          "A More Flexible Partnership", "Dr. Nova Chen", "6 min read",
                          "What actually changed", "What to watch next", "Microsoft Official Blog"})
      CHECK_MESSAGE(text.out.find(s) != std::string::npos, s);

    auto info = run("pdfinfo " + q(pdf));
    CHECK(info.out.find("Microsoft and OpenAI") != std::string::npos);
    CHECK(count_lines_containing(info.out, "Author:") == 1);
    CHECK(info.out.find("Nova Chen") != std::string::npos);
  }

  TEST_CASE("identical input gives identical bytes") {
    auto dir = scratch("pdf-determinism");
    auto a = dir / "a.pdf", b = dir / "b.pdf";
    REQUIRE(run_galley("pdf -q " + q(example("issue.yaml")) + " -o " + q(a)).code == 0);
    REQUIRE(run_galley("pdf -q " + q(example("issue.yaml")) + " -o " + q(b)).code == 0);
    auto x = galley::read_file(a), y = galley::read_file(b);
    REQUIRE(x.has_value());
    CHECK(x->size() > 10000);
    CHECK(*x == *y);
  }

  TEST_CASE("input errors write nothing and keep the previous file") {
    auto dir = scratch("pdf-errors");
    auto bad = dir / "bad.md";
    REQUIRE(run("printf -- '---\\ntitle: [unclosed\\n---\\nBody.\\n' > " + q(bad)).code == 0);
    auto out = dir / "bad.pdf";
    auto r = run_galley("pdf " + q(bad) + " -o " + q(out));
    CHECK(r.code == 1);
    CHECK(r.err.find("bad.md:") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
    REQUIRE(run("echo previous > " + q(out)).code == 0);
    CHECK(run_galley("pdf " + q(bad) + " -o " + q(out)).code == 1);
    CHECK(galley::read_file(out).value() == "previous\n");
    int entries = 0;
    for ([[maybe_unused]] auto& e : fs::directory_iterator(dir)) ++entries;
    CHECK(entries == 2); // bad.md and the untouched bad.pdf: no temporary file left
  }

  TEST_CASE("an output that names an input is refused") {
    auto dir = scratch("pdf-overwrite");
    REQUIRE(run("cp " + q(example("microsoft-openai.md")) + " " + q(dir / "a.md")).code == 0);
    auto before = galley::read_file(dir / "a.md");
    auto r = run_galley("pdf " + q(dir / "a.md") + " -o " + q(dir / "a.md"));
    CHECK(r.code == 2);
    CHECK(r.err.find("overwrite") != std::string::npos);
    CHECK(galley::read_file(dir / "a.md") == before);
  }

  TEST_CASE("words stay inside the text area and no heading ends a page") {
    auto dir = scratch("pdf-geometry");
    auto pdf = dir / "article.pdf";
    REQUIRE(run_galley("pdf -q " + q(example("microsoft-openai.md")) + " -o " + q(pdf)).code == 0);
    auto bbox = run("pdftotext -bbox " + q(pdf) + " -");
    // dispatch: A4, inner and outer margins 36 mm, bleed 3 mm (pdftotext measures from the
    // media box, which the bleed enlarges on every side).
    const double mm = 72 / 25.4, bleed = 3 * mm;
    const double left = bleed + 36 * mm, right = bleed + 595.2756 - 36 * mm;
    std::regex word(R"re(<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)")re");
    int words = 0;
    for (auto it = std::sregex_iterator(bbox.out.begin(), bbox.out.end(), word);
         it != std::sregex_iterator(); ++it, ++words) {
      CHECK(std::stod((*it)[1]) >= left - 0.5);
      CHECK(std::stod((*it)[2]) <= right + 0.5);
    }
    CHECK(words > 1300);

    std::vector<std::string> headings;
    std::ifstream md(example("microsoft-openai.md"));
    for (std::string line; std::getline(md, line);)
      if (line.rfind("## ", 0) == 0) headings.push_back(line.substr(3, 24));
    REQUIRE(headings.size() == 8);
    auto info = run("pdfinfo " + q(pdf));
    std::smatch m;
    REQUIRE(std::regex_search(info.out, m, std::regex(R"(Pages:\s+(\d+))")));
    int pages = std::stoi(m[1]);
    int found = 0;
    std::regex note_or_folio(R"(^\s*(\d+\.\s.*|\d+\s*)$)");
    for (int p = 1; p <= pages; ++p) {
      auto text = run("pdftotext -layout -f " + std::to_string(p) + " -l " + std::to_string(p) +
                      " " + q(pdf) + " -");
      std::vector<std::string> lines;
      std::istringstream in(text.out);
      for (std::string line; std::getline(in, line);)
        if (line.find_first_not_of(" \f") != std::string::npos) lines.push_back(line);
      for (size_t i = 0; i < lines.size(); ++i)
        for (const auto& h : headings) {
          if (lines[i].find(h) == std::string::npos) continue;
          ++found;
          int after = 0;
          for (size_t j = i + 1; j < lines.size() && !std::regex_match(lines[j], note_or_folio); ++j)
            ++after;
          CAPTURE(h);
          CAPTURE(p);
          CHECK(after >= 2);
        }
    }
    CHECK(found == 8);
  }

  TEST_CASE("the issue's outline and contents point at the pages where the articles start") {
    auto dir = scratch("pdf-outline");
    auto pdf = dir / "issue.pdf";
    REQUIRE(run_galley("pdf -q " + q(example("issue.yaml")) + " -o " + q(pdf)).code == 0);
    auto json = run("qpdf --json --json-key=outlines " + q(pdf));
    REQUIRE(json.code == 0);
    auto contents = run("pdftotext -layout -f 2 -l 2 " + q(pdf) + " -");
    const std::pair<const char*, const char*> articles[] = {
        {"Microsoft and OpenAI Enter the Next Phase", "microsoft-openai"},
        {"The Great Key Swap", "post-quantum-tls"},
        {"Europe\u2019s Open-Silicon Bet", "open-silicon-europe"},
        {"Logical Qubits by the Hour", "logical-qubits"}};
    auto dests = run("pdfinfo -dests " + q(pdf));
    for (const auto& [title, anchor] : articles) {
      CAPTURE(title);
      CHECK(json.out.find(std::string("\"title\": \"") + title + "\"") != std::string::npos);
      // The contents line: the title, dots or spaces, the page number.
      std::smatch m;
      std::string line_re = std::string(title) + R"(\s+(\d+))";
      REQUIRE(std::regex_search(contents.out, m, std::regex(line_re)));
      int listed = std::stoi(m[1]);
      // The named destination of the article's top is on the page the contents lists.
      std::regex dest_line(R"(^\s*(\d+) \[ XYZ[^\]]*\] ")" + std::string("([a-z0-9-]+)") + "\"$");
      bool found = false;
      std::istringstream in(dests.out);
      for (std::string line; std::getline(in, line);) {
        std::smatch d;
        if (std::regex_match(line, d, dest_line) && d[2] == anchor) {
          CHECK(std::stoi(d[1]) == listed);
          found = true;
          break;
        }
      }
      CHECK(found);
    }
  }
}
