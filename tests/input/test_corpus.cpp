// The bad-input corpus (tests/corpus/bad): every file must load without crashing and report
// the diagnostic expected.tsv names. Huge inputs are generated here rather than committed.
#include "model/fingerprint.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <charconv>
#include <fstream>
#include <set>

using namespace galley;
namespace fs = std::filesystem;

namespace {

struct Expectation {
  std::string file;
  Severity severity;
  int line;
  std::string text;
};

std::vector<Expectation> read_expectations(const fs::path& tsv) {
  std::ifstream in(tsv);
  std::vector<Expectation> out;
  std::string row;
  while (std::getline(in, row)) {
    if (row.empty() || row[0] == '#')
      continue;
    std::vector<std::string> cols;
    size_t start = 0;
    for (size_t tab; (tab = row.find('\t', start)) != std::string::npos; start = tab + 1)
      cols.push_back(row.substr(start, tab - start));
    cols.push_back(row.substr(start));
    REQUIRE(cols.size() == 4);
    int line = 0;
    std::from_chars(cols[2].data(), cols[2].data() + cols[2].size(), line);
    out.push_back(
        {cols[0], cols[1] == "warning" ? Severity::Warning : Severity::Error, line, cols[3]});
  }
  return out;
}

} // namespace

TEST_SUITE("input/corpus") {
  TEST_CASE("every sample article reads back whole from its record") {
    // What the build cache keeps of an article instead of reading it again: Markdown of many
    // site generators, galley XML, JATS, NITF, HTML and JSON, in many languages.
    int articles = 0;
    for (const char* folder : {"survival", "e2e/data", "input/fixtures"})
      for (const auto& e : fs::recursive_directory_iterator(fs::path(GALLEY_TEST_DATA_DIR) / folder)) {
        const std::string ext = e.path().extension().string();
        if (!e.is_regular_file() || !std::set<std::string>{".md", ".mdx", ".xml", ".nxml", ".nitf",
                                                          ".html", ".json"}
                                         .count(ext))
          continue;
        Diagnostics diags;
        std::optional<model::Article> a = input::load_article(e.path(), {}, diags);
        if (!a)
          continue;
        CAPTURE(e.path().string());
        std::optional<model::Article> back = model::decode_article(model::encode_article(*a));
        REQUIRE(back);
        CHECK(test::dump(*back) == test::dump(*a));
        CHECK(model::fingerprint(*back) == model::fingerprint(*a));
        ++articles;
      }
    CHECK(articles >= 40);
  }

  TEST_CASE("every malformed input reports its expected diagnostic") {
    const fs::path dir = fs::path(GALLEY_TEST_DATA_DIR) / "corpus/bad";
    auto expectations = read_expectations(dir / "expected.tsv");
    CHECK(expectations.size() >= 30);
    for (const auto& e : expectations) {
      CAPTURE(e.file);
      Diagnostics diags;
      input::load_inputs({dir / e.file}, {}, diags);
      CAPTURE(test::dump(diags));
      CHECK(test::has(diags, e.severity, e.text, e.line));
      if (e.line == 0)
        CHECK(test::has(diags, e.severity, e.text, 0));
    }
  }

  TEST_CASE("every corpus input is listed in expected.tsv") {
    const fs::path dir = fs::path(GALLEY_TEST_DATA_DIR) / "corpus/bad";
    std::set<std::string> listed;
    for (const auto& e : read_expectations(dir / "expected.tsv"))
      listed.insert(e.file);
    for (const auto& entry : fs::directory_iterator(dir)) {
      std::string name = entry.path().filename().string();
      if (entry.is_directory()) {
        if (fs::exists(entry.path() / "issue.yaml"))
          CHECK(listed.count(name + "/issue.yaml"));
        continue;
      }
      CAPTURE(name);
      if (name != "expected.tsv")
        CHECK(listed.count(name));
    }
  }

  TEST_CASE("a 10 MB single line loads") {
    test::TempDir dir;
    std::string line;
    line.reserve(10 * 1024 * 1024 + 64);
    line = "---\ntitle: One long line\n---\n";
    // Plain prose with some emphasis. (Words starting with 'w' would each be tried as a
    // `www.` autolink by cmark-gfm, which is slow but linear.)
    std::string prose;
    for (int i = 0; i < 40; ++i)
      prose += "lorem ipsum dolor sit amet ";
    prose += "*emph* `code` ";
    while (line.size() < 10 * 1024 * 1024)
      line += prose;
    Diagnostics diags;
    auto a = test::load_text(dir, "long-line.md", line + "\n", diags);
    REQUIRE(a);
    CHECK(a->blocks.size() == 1);
    CHECK(a->word_count > 1000000);
    CHECK(a->meta.reading_minutes > 4000);
    CHECK_FALSE(diags.has_errors());
  }

  TEST_CASE("markup that would make cmark-gfm quadratic is refused") {
    test::TempDir dir;
    std::string para;
    for (int i = 0; i < 6000; ++i)
      para += "*a* [b](c) ";
    std::string table = "| a |\n|---|\n";
    for (int i = 0; i < 3000; ++i)
      table += "|x";
    Diagnostics diags;
    auto a = test::load_text(dir, "quadratic.md", "# Q\n\nFine.\n\n" + para + "\n", diags);
    REQUIRE(a);
    CHECK(test::has(diags, Severity::Error, "too much inline markup", 5));
    Diagnostics diags2;
    test::load_text(dir, "cells.md", "# Q\n\n" + table + "\n", diags2);
    CHECK(test::has(diags2, Severity::Error, "table cell separators", 5));
  }

  TEST_CASE("lists nested 1,000 deep, one item per line") {
    test::TempDir dir;
    std::string md = "# Deep\n\n";
    for (int i = 0; i < 1000; ++i)
      md += std::string(static_cast<size_t>(i) * 2, ' ') + "- item\n";
    Diagnostics diags;
    auto a = test::load_text(dir, "deep.md", md, diags);
    REQUIRE(a);
    CHECK(test::has(diags, Severity::Error, "nested more than 64 levels"));
    CHECK(diags.error_count() == 1);
  }

  TEST_CASE("XML nested 1,000 deep") {
    test::TempDir dir;
    std::string xml = "<article><meta><title>Deep</title></meta><body>";
    for (int i = 0; i < 1000; ++i)
      xml += "<blockquote>";
    xml += "<p>x</p>";
    for (int i = 0; i < 1000; ++i)
      xml += "</blockquote>";
    xml += "</body></article>";
    Diagnostics diags;
    auto a = input::load_article(dir.write("deep.xml", xml), {}, diags);
    REQUIRE(a);
    CHECK(test::has(diags, Severity::Error, "nested more than 64 levels", 1));
  }

  TEST_CASE("an external entity is neither expanded nor read") {
    test::TempDir dir;
    dir.write("secret.txt", "TOP-SECRET");
    std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE article [<!ENTITY s SYSTEM \"" +
                      (dir.path() / "secret.txt").string() +
                      "\">]>\n<article><meta><title>&s;</title></meta></article>\n";
    Diagnostics diags;
    auto a = input::load_article(dir.write("xxe.xml", xml), {}, diags);
    CHECK_FALSE(a);
    CHECK(test::dump(diags).find("TOP-SECRET") == std::string::npos);
    CHECK(test::has(diags, Severity::Error, "DOCTYPE declares entities", 2));
  }
}
