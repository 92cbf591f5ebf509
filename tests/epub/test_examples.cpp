// The example article and issue, loaded by the input stage, written and checked by epubcheck.
#include "input/load.hpp"
#include "support.hpp"
#include "test_support.hpp"
#include "util/files.hpp"

#include <doctest/doctest.h>

using namespace galley;
using namespace galley::epub;
using namespace galley::epub::test;

namespace {
std::filesystem::path example(const char* name) {
  return std::filesystem::path(GALLEY_SOURCE_DIR) / "examples" / "quantum-dispatch" / name;
}

std::string build_example(const char* name, Diagnostics& diags) {
  auto issue = input::load_inputs({example(name)}, {}, diags);
  REQUIRE(issue);
  for (const auto& d : diags.all()) MESSAGE(format_text(d));
  REQUIRE_FALSE(diags.has_errors());
  // The house style the manifest names (articles alone: the default house style).
  auto style = style::load_style(issue->style.empty() ? "dispatch" : issue->style, diags);
  REQUIRE_FALSE(diags.has_errors());
  EpubOptions o;
  o.date_epoch = 1777248000;
  return write_epub(*issue, style, o, diags);
}

void check_clean(const std::string& name, const std::string& bytes) {
  auto dir = galley::test::scratch_root() / "galley-epub-tests";
  std::filesystem::create_directories(dir);
  write_file_atomic(dir / name, bytes);
  auto report = epubcheck(dir / name);
  CAPTURE(report.text);
  CHECK(report.errors == 0);
  CHECK(report.warnings == 0);
  std::filesystem::remove(dir / name);
}
} // namespace

TEST_SUITE("epub/examples") {
  TEST_CASE("the example article: metadata, sources as notes, epubcheck clean") {
    Diagnostics diags;
    std::string bytes = build_example("microsoft-openai.md", diags);
    CHECK(diags.warning_count() == 0);
    auto book = unzip(bytes);
    pugi::xml_document opf;
    parse(opf, book.files["EPUB/package.opf"]);
    CHECK(std::string(opf.select_node("//*[@id='pub-id']").node().text().get()) ==
          "quantum-dispatch-2026-04-27-microsoft-openai");
    CHECK(std::string(opf.select_node("//*[@id='creator-1']").node().text().get()) == "Dr. Nova Chen");
    pugi::xml_document doc;
    parse(doc, book.files["EPUB/article-001.xhtml"]);
    CHECK(doc.select_nodes("//a[@epub:type='noteref']").size() >= 5);
    CHECK(doc.select_nodes("//aside[@epub:type='footnote']").size() >= 5);
    CHECK(doc.select_nodes("//h2").size() == 8);
    check_clean("example-article.epub", bytes);
  }

  TEST_CASE("the example issue: four articles, epubcheck clean") {
    Diagnostics diags;
    std::string bytes = build_example("issue.yaml", diags);
    auto book = unzip(bytes);
    pugi::xml_document opf;
    parse(opf, book.files["EPUB/package.opf"]);
    CHECK(opf.select_nodes("//itemref").size() == 3 + 4 + 1);
    CHECK(std::string(opf.select_node("//meta[@refines='#collection'][@property='group-position']").node().text().get()) == "5");
    check_clean("example-issue.epub", bytes);
  }
}
