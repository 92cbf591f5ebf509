// The C interface and the library's in-memory front door: render from a buffer, validate a
// model built in code, errors as results.
#include "galley/galley.h"
#include "galley/render.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace {

const std::string fixtures = std::string(GALLEY_SOURCE_DIR) + "/tests/cli/fixtures";

struct Diag {
  galley_severity severity;
  std::string file;
  int line;
  std::string message;
};

std::vector<Diag> diagnostics(const galley_result* r) {
  std::vector<Diag> out;
  for (size_t i = 0; i < galley_result_diagnostic_count(r); ++i) {
    galley_severity s{};
    const char* file = nullptr;
    const char* message = nullptr;
    int line = 0;
    galley_result_diagnostic(r, i, &s, &file, &line, nullptr, &message, nullptr);
    out.push_back({s, file, line, message});
  }
  return out;
}

} // namespace

TEST_SUITE("export/c-api") {
  TEST_CASE("a file renders to PDF bytes, and the same text from memory to the same bytes") {
    const std::string path = fixtures + "/harbour.md";
    const char* paths[] = {path.c_str()};
    const char* options[] = {"source_date_epoch=1777248000", "style=broadsheet", nullptr};
    galley_result* from_file = galley_render_files(paths, 1, GALLEY_PDF, options);
    REQUIRE(galley_result_ok(from_file));
    size_t length = 0;
    const char* data = galley_result_data(from_file, &length);
    REQUIRE(length > 1000);
    CHECK(std::string(data, 5) == "%PDF-");
    CHECK(galley_result_pages(from_file) >= 1);

    std::string text;
    {
      std::FILE* f = std::fopen(path.c_str(), "rb");
      REQUIRE(f);
      char chunk[4096];
      for (size_t n; (n = std::fread(chunk, 1, sizeof chunk, f)) > 0;)
        text.append(chunk, n);
      std::fclose(f);
    }
    galley_result* from_text = galley_render_text(text.data(), text.size(), path.c_str(),
                                                  fixtures.c_str(), GALLEY_PDF, options);
    REQUIRE(galley_result_ok(from_text));
    size_t text_length = 0;
    const char* text_data = galley_result_data(from_text, &text_length);
    CHECK(std::string(text_data, text_length) == std::string(data, length));
    galley_result_free(from_file);
    galley_result_free(from_text);
  }

  TEST_CASE("input errors are diagnostics with their place, and no bytes") {
    const std::string text = "---\ntitle: Broken\n---\nA note that is not there.[^gone]\n";
    galley_result* r =
        galley_render_text(text.data(), text.size(), "story.md", nullptr, GALLEY_EPUB, nullptr);
    CHECK_FALSE(galley_result_ok(r));
    size_t length = 7;
    CHECK(galley_result_data(r, &length) == nullptr);
    CHECK(length == 0);
    const auto all = diagnostics(r);
    REQUIRE_FALSE(all.empty());
    bool located = false;
    for (const Diag& d : all)
      located = located || (d.severity == GALLEY_ERROR && d.file == "story.md" && d.line == 4);
    CHECK(located);
    galley_result_free(r);
  }

  TEST_CASE("a bad option is an error naming it; a missing file is one too") {
    const char* bad[] = {"pdf_standard=a-3", "colour=red", "style", nullptr};
    const std::string path = fixtures + "/harbour.md";
    const char* paths[] = {path.c_str()};
    galley_result* r = galley_render_files(paths, 1, GALLEY_PDF, bad);
    CHECK_FALSE(galley_result_ok(r));
    const auto all = diagnostics(r);
    REQUIRE(all.size() == 3);
    CHECK(all[0].message.find("'pdf_standard=a-3'") != std::string::npos);
    CHECK(all[1].message.find("is not an option") != std::string::npos);
    CHECK(all[2].message.find("is not key=value") != std::string::npos);
    galley_result_free(r);
    const char* missing[] = {"/nonexistent/article.md"};
    r = galley_render_files(missing, 1, GALLEY_PDF, nullptr);
    CHECK_FALSE(galley_result_ok(r));
    CHECK(galley_result_diagnostic_count(r) >= 1);
    galley_result_free(r);
    CHECK(std::string(galley_version()).find('.') != std::string::npos);
  }
}

TEST_SUITE("export/validate") {
  TEST_CASE("an article built in code is checked as a loaded one would be") {
    using namespace galley;
    model::Issue issue;
    model::Article a;
    a.source_path = "cms:story-17";
    model::Paragraph p;
    p.content.push_back({model::NoteRef{"n1"}, {}});
    p.content.push_back(
        {model::Image{{"chart.png", "/nonexistent/chart.png", false}, "A chart", ""}, {}});
    a.blocks.push_back({p, {}});
    model::Note unused;
    unused.id = "n2";
    a.notes.push_back(unused);
    issue.articles.push_back(a);
    Diagnostics diags;
    CHECK_FALSE(render::validate(issue, {}, diags));
    std::string all;
    for (const Diagnostic& d : diags.all())
      all += d.loc.file + ": " + d.message + "\n";
    CAPTURE(all);
    CHECK(all.find("cms:story-17: article has no title") != std::string::npos);
    CHECK(all.find("reference to note 'n1'") != std::string::npos);
    CHECK(all.find("image 'chart.png' is not a file") != std::string::npos);
    CHECK(all.find("note 'n2' is never referenced") != std::string::npos);

    // Fixed, it passes.
    issue.articles[0].meta.title = "Harbour";
    auto& content = std::get<model::Paragraph>(issue.articles[0].blocks[0].value).content;
    content.pop_back();
    issue.articles[0].notes[0].id = "n1";
    Diagnostics again;
    CHECK(render::validate(issue, {}, again));
    CHECK(again.all().empty());
  }
}

TEST_SUITE("export/render") {
  TEST_CASE("a PDF's articles are reported laid out, then its pages handed over before it is "
            "written, as the result gives them") {
    using namespace galley;
    const std::filesystem::path issue_path =
        std::filesystem::path(GALLEY_SOURCE_DIR) / "examples" / "quantum-dispatch" / "issue.yaml";
    render::RenderOptions options;
    options.source_date_epoch = 1777248000;
    options.threads = 2;
    Diagnostics diags;
    auto issue = render::load({issue_path}, options, diags);
    REQUIRE(issue);
    style::Style style = render::resolve_style(*issue, options, diags);
    int calls = 0, laid_out = 0;
    std::vector<model::PrintPage> early;
    options.on_laid_out = [&] {
      CHECK(calls == 0); // before the pages are joined
      ++laid_out;
    };
    options.on_print_pages = [&](const std::vector<model::PrintPage>& pages) {
      ++calls;
      early = pages;
    };
    auto result = render::render(*issue, style, render::Format::Pdf, options, diags);
    REQUIRE(result);
    CHECK(laid_out == 1);
    CHECK(calls == 1);
    CHECK(early.size() >= issue->articles.size());
    CHECK(early == result->print_pages);
    // An EPUB lays nothing out.
    auto book = render::render(*issue, style, render::Format::Epub, options, diags);
    REQUIRE(book);
    CHECK(laid_out == 1);
  }
}
