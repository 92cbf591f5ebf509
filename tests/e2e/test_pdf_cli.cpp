#include "run.hpp"

#include "util/files.hpp"

#include <doctest/doctest.h>

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
}
