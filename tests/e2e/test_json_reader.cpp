// JSON articles and an issue (tests/e2e/data/json) in five languages, with Markdown and HTML
// bodies, through `galley pdf` and `galley epub`: metadata, headings, notes and figures reach
// both outputs, epubcheck and qpdf find nothing wrong, and the words pandoc reads from each body
// are in both outputs.
#include "book_checks.hpp"
#include "run.hpp"
#include "util/files.hpp"

#include <doctest/doctest.h>

#include <cstdio>

using namespace e2e;
namespace fs = std::filesystem;

namespace {

struct Case {
  const char* file; ///< under tests/e2e/data/json
  Expected expected;
};

const std::vector<Case>& cases() {
  static const std::vector<Case> all = {
      {"wetlands-en.json",
       {"The quiet return of the wetlands",
        {"Nova Chen", "Ravi Patel"},
        "2026-04-27",
        "en-GB",
        {"Why farmers are changing their minds", "What grows on wet land"},
        2,
        1,
        1}},
      {"vendanges-fr.json",
       {"Les vendanges commencent de plus en plus tôt",
        {"Élise Dubois", "François Moreau"},
        "2026-09-02",
        "fr",
        {"Un mois d’avance", "Des vins différents"},
        1}},
      {"energie-de.json",
       {"Balkonkraftwerke: Ein Jahr nach der Reform",
        {"Katrin Müller"},
        "2026-06-18",
        "de",
        {"Wer sie nutzt", "Was noch fehlt"},
        1,
        1,
        1}},
      {"deer-ja.json",
       {"奈良の鹿と暮らす町",
        {"鈴木 美咲"},
        "2026-10-05",
        "ja",
        {"鹿せんべい", "交通事故"},
        1,
        0,
        2}}, // the emoji 🦌, a colour bitmap, and its alpha
      {"agua-es.json",
       {"Madrid recupera sus viajes de agua",
        {"Lucía Fernández"},
        "2026-07-08",
        "es",
        {"Un sistema olvidado", "Nuevos usos"},
        1}},
      {"issue/harbour-en.json",
       {"The last boatyard on the river",
        {"Owen Price"},
        "2026-05-20",
        "en",
        {"Wood and time", "Who comes next"},
        1,
        1,
        2}}, // the PNG and its alpha
      {"issue/salinas-pt.json",
       {"O sal que ainda se colhe à mão",
        {"Joana Ribeiro"},
        "2026-05-22",
        "pt-PT",
        {"A flor de sal", "Poucas mãos"}}},
      {"issue/laguna-it.json",
       {"Le barene della laguna",
        {"Marco Bellini"},
        "2026-05-25",
        "it",
        {"Un paesaggio che si restringe", "Come ricostruirle"}}},
  };
  return all;
}

fs::path data(const std::string& file) {
  return source_dir() / "tests/e2e/data/json" / file;
}

/// pandoc's plain reading of the article's body, or (`notes`) of its notes alone. A Markdown
/// body is read as it is; an HTML body is cut as the HTML reader's test cuts a page
/// (tests/e2e/article_part.py): its footnotes apart, without their numbers and links back.
std::string pandoc_plain(const Case& c, bool notes) {
  const fs::path in = data(c.file);
  const std::string extract =
      "python3 -c 'import json, sys; d = json.load(open(sys.argv[1], encoding=\"utf-8\")); "
      "print(d.get(\"body\") or d[\"body_html\"])' " +
      q(in);
  const std::string body = run(extract).out;
  std::string reader = "markdown";
  std::string filter = notes ? "notes.lua" : "body.lua";
  std::string command = extract;
  if (body.starts_with("<")) {
    reader = "html";
    filter = "body.lua";
    const fs::path html = scratch("json-reader-body") / "body.html";
    galley::write_file_atomic(html, body);
    const bool footnotes = body.find("class=\"footnotes\"") != std::string::npos;
    if (notes && !footnotes)
      return {};
    command = "python3 " + q(source_dir() / "tests/e2e/article_part.py") +
              (notes ? " --notes " + q(html) + " div.footnotes .footnote-backref"
                     : " " + q(html) + " :root div.footnotes");
  }
  const RunResult r = run(command + " | pandoc -f " + reader + " -t plain --wrap=none -L " +
                          q(source_dir() / "tests/survival" / filter));
  CAPTURE(r.err);
  REQUIRE(r.code == 0);
  return r.out;
}

} // namespace

TEST_SUITE("e2e/json-reader") {
  TEST_CASE("JSON articles reach the PDF and the EPUB whole") {
    const fs::path dir = scratch("json-reader");
    std::vector<fs::path> books;
    for (const Case& c : cases()) {
      const std::string file = c.file;
      CAPTURE(file);
      const std::string stem = fs::path(file).stem().string();
      const fs::path epub = check_books(data(c.file), stem, dir, c.expected);
      books.push_back(epub);
      const Survival s =
          survival(pandoc_plain(c, false), pandoc_plain(c, true), dir / (stem + ".pdf"), epub);
      std::printf("json-reader survival  pdf %5.1f%%  epub %5.1f%%  %s\n", s.pdf, s.epub, c.file);
      CHECK(s.pdf >= 99.0);
      CHECK(s.epub >= 99.0);
    }
    check_epubs(books);
  }

  TEST_CASE("issue.json makes one book of its JSON articles") {
    const fs::path dir = scratch("json-reader-issue");
    const fs::path issue = data("issue/issue.json");
    const fs::path pdf = dir / "coastlines.pdf", epub = dir / "coastlines.epub";
    for (const fs::path& out : {pdf, epub}) {
      const std::string format = out.extension() == ".pdf" ? "pdf" : "epub";
      const RunResult r = run("env -u SOURCE_DATE_EPOCH " + q(std::getenv("GALLEY_BIN")) + " " +
                              format + " " + q(issue) + " -o " + q(out) + " --strict");
      CAPTURE(r.err);
      REQUIRE(r.code == 0);
    }
    const std::string info = run("TZ=UTC pdfinfo -isodates " + q(pdf)).out;
    CAPTURE(info);
    CHECK(info.find("Title:           Coastlines\n") != std::string::npos);
    CHECK(info.find("CreationDate:    2026-06-01T00:00:00Z") != std::string::npos);
    const std::string opf = run("unzip -p " + q(epub) + " EPUB/package.opf").out;
    CHECK(opf.find(">Coastlines</dc:title>") != std::string::npos);
    const std::string text = without_spaces(run("pdftotext -enc UTF-8 " + q(pdf) + " -").out);
    const std::string book = without_spaces(epub_text(epub));
    for (const char* title : {"The last boatyard on the river", "O sal que ainda se colhe à mão",
                              "Le barene della laguna"}) {
      CAPTURE(title);
      CHECK(text.find(without_spaces(title)) != std::string::npos);
      CHECK(book.find(without_spaces(title)) != std::string::npos);
    }
    // The articles keep their own languages inside the issue's.
    const std::string xhtml = run("unzip -p " + q(epub) + " 'EPUB/*.xhtml'").out;
    CHECK(xhtml.find("xml:lang=\"pt-PT\"") != std::string::npos);
    CHECK(xhtml.find("xml:lang=\"it\"") != std::string::npos);
    const RunResult check = run("qpdf --check " + q(pdf));
    CHECK(check.code == 0);
    check_epubs({epub});
  }

  TEST_CASE("malformed JSON is one error at its line and column, and nothing is written") {
    const fs::path dir = scratch("json-reader-malformed");
    const fs::path out = dir / "out.pdf";
    const RunResult r = run_galley(
        "pdf " + q(source_dir() / "tests/corpus/bad/json-malformed.json") + " -o " + q(out));
    CAPTURE(r.err);
    CHECK(r.code != 0);
    CHECK(r.err.find("json-malformed.json:4:3: error: invalid JSON") != std::string::npos);
    CHECK(r.err.find("error:") == r.err.rfind("error:"));
    CHECK_FALSE(fs::exists(out));
  }
}
