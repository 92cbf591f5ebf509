// Lays out the example article and issue, writes them as PDFs next to the build (for looking at
// with pdftoppm) and checks them as the other tests do.
#include "input/load.hpp"
#include "layout/layout.hpp"
#include "pdf/writer.hpp"
#include "util/files.hpp"

#include "checks.hpp"
#include "sample.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>

using namespace galley;
using namespace galley::layout;

namespace {

Document lay_example(const std::string& file, const style::Style& st, Diagnostics& diags,
                     double* ms = nullptr) {
  std::filesystem::path p = std::filesystem::path(GALLEY_SOURCE_DIR) / "examples" / "quantum-dispatch" / file;
  std::optional<model::Issue> issue = input::load_inputs({p}, {}, diags);
  REQUIRE(issue.has_value());
  text::Engine engine(test::engine_options(st));
  auto t0 = std::chrono::steady_clock::now();
  Document doc = layout_issue(*issue, st, engine, LayoutOptions{}, diags);
  if (ms) *ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  for (const Diagnostic& d : diags.all())
    if (d.severity == Severity::Error) MESSAGE(format_text(d));
  return doc;
}

void write(const Document& doc, const std::string& name) {
  Diagnostics diags;
  std::string bytes = pdf::write_pdf(doc, diags);
  for (const Diagnostic& d : diags.all()) CAPTURE(format_text(d));
  CHECK_FALSE(diags.has_errors());
  std::filesystem::path dir = std::filesystem::path(GALLEY_LAYOUT_OUT) / "layout-out";
  std::filesystem::create_directories(dir);
  write_file_atomic(dir / name, bytes);
}

} // namespace

TEST_SUITE("layout/render") {
  TEST_CASE("the example article") {
    style::Style st = style::default_style();
    Diagnostics diags;
    double ms = 0;
    Document doc = lay_example("microsoft-openai.md", st, diags, &ms);
    MESSAGE("example article: " << doc.pages.size() << " pages in " << ms << " ms");
    for (const Diagnostic& d : diags.all()) CAPTURE(format_text(d));
    CHECK_FALSE(diags.has_errors());
    CHECK(doc.pages.size() >= 3);
    CHECK(test::glyphs_outside_text_area(doc, st) == std::vector<std::string>{});
    CHECK(test::dangling_links(doc) == std::vector<std::string>{});
    CHECK(test::notes_off_page(doc) == std::vector<std::string>{});
    CHECK(test::lonely_headings(doc, st) == std::vector<std::string>{});
    write(doc, "article.pdf");
  }

  TEST_CASE("the example issue") {
    style::Style st = style::default_style();
    Diagnostics diags;
    double ms = 0;
    Document doc = lay_example("issue.yaml", st, diags, &ms);
    MESSAGE("example issue: " << doc.pages.size() << " pages in " << ms << " ms");
    CHECK_FALSE(diags.has_errors());
    CHECK(test::glyphs_outside_text_area(doc, st) == std::vector<std::string>{});
    CHECK(test::dangling_links(doc) == std::vector<std::string>{});
    CHECK(test::notes_off_page(doc) == std::vector<std::string>{});
    CHECK(test::lonely_headings(doc, st) == std::vector<std::string>{});
    write(doc, "issue.pdf");
  }

  TEST_CASE("the sample article with every kind of block, and its long-note variant") {
    style::Style st = style::default_style();
    for (bool long_notes : {false, true}) {
      test::SampleOptions o;
      o.long_notes = long_notes;
      o.table_rows = long_notes ? 40 : 6;
      Diagnostics diags;
      text::Engine engine(test::engine_options(st));
      Document doc = layout_issue(test::single(o), st, engine, LayoutOptions{}, diags);
      CHECK_FALSE(diags.has_errors());
      write(doc, long_notes ? "sample-long.pdf" : "sample.pdf");
    }
  }

  TEST_CASE("a note split across pages") {
    style::Style st = style::default_style();
    model::Issue issue = test::single();
    std::string longer;
    for (int i = 0; i < 60; ++i)
      longer += "This note goes on and on, with one more sentence of background about the agreement. ";
    issue.articles[0].notes[0].blocks = {
        model::Block{model::Paragraph{{model::Inline{model::Text{longer}, {}}}}, {}}};
    Diagnostics diags;
    text::Engine engine(test::engine_options(st));
    write(layout_issue(issue, st, engine, LayoutOptions{}, diags), "sample-split.pdf");
  }

  TEST_CASE("the example issue in every bundled style") {
    for (const char* name : {"dispatch", "pocket", "broadsheet"}) {
      CAPTURE(name);
      Diagnostics style_diags;
      style::Style st = style::load_style(name, style_diags);
      REQUIRE_FALSE(style_diags.has_errors());
      Diagnostics diags;
      Document doc = lay_example("issue.yaml", st, diags);
      CHECK_FALSE(diags.has_errors());
      CHECK(test::glyphs_outside_text_area(doc, st) == std::vector<std::string>{});
      CHECK(test::dangling_links(doc) == std::vector<std::string>{});
      CHECK(test::notes_off_page(doc) == std::vector<std::string>{});
      CHECK(test::lonely_headings(doc, st) == std::vector<std::string>{});
      CHECK(test::single_line_pages(doc, st) == std::vector<std::string>{});
      write(doc, std::string("issue-") + name + ".pdf");
    }
  }
}
