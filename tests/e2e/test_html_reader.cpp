// HTML articles (tests/e2e/data/html), written as WordPress, Ghost, Medium, Hugo, pandoc, a news
// site, a German paper and a Japanese blog write them, through `galley pdf` and `galley epub`:
// the metadata the page gives, the headings, notes and figures reach both outputs, nothing of
// the page around the article does, epubcheck and qpdf find nothing wrong, and the words pandoc
// reads from the article's part of the page are in both outputs.
#include "book_checks.hpp"
#include "run.hpp"

#include <doctest/doctest.h>

#include <cstdio>

using namespace e2e;
namespace fs = std::filesystem;

namespace {

struct Case {
  const char* file; ///< under tests/e2e/data/html
  Expected expected;
  /// The article's part of the page for pandoc (tests/e2e/article_part.py): its root, the
  /// elements to leave out, and the footnotes' element (with the links back to leave out).
  std::string root;
  std::vector<std::string> drop;
  std::string notes;
  std::vector<std::string> notes_drop;
};

const std::vector<Case>& cases() {
  static const std::vector<Case> all = {
      {"wordpress-library.html",
       {"How our town rebuilt its library",
        {"Maria Alvarez"},
        "2026-03-14",
        "en-US",
        {"A building with a past", "What comes next"},
        2,
        1,
        1,
        {"Skip to content", "News from the valley", "About us", "Posted on", "Share this", "Tagged",
         "Previous:", "Great article", "Leave a Reply", "Recent Posts", "Search for",
         "Proudly powered", "jQuery"}},
       "article",
       {"header", "footer", ".sharedaddy", "ol.wp-block-footnotes"},
       "ol.wp-block-footnotes",
       {"[aria-label^=Jump]"}},
      {"ghost-tides.html",
       {"Reading the tide tables",
        {"Aoife Byrne"},
        "2026-02-03",
        "en",
        {"What the numbers mean", "When the water disagrees"},
        2,
        2,
        3, // the PNG's alpha is an image of its own
        {"Subscribe", "Archive", "4 min read", "Sign up for more", "Mooring in a crowded",
         "Powered by Ghost"}},
       "article",
       {".article-tag", "h1", ".article-excerpt", ".article-byline", "hr", "section.footnotes"},
       "section.footnotes",
       {".footnote-backref"}},
      {"medium-export.html",
       {"Why we stopped estimating in story points",
        {"Lena Okafor"},
        "2026-01-19",
        "en",
        {"What we measured instead", "What we kept"},
        0,
        1,
        0,
        {"Canonical link", "Exported from", "font-family"},
        1},
       "article",
       {"header", "footer", ".p-summary", "h3", "hr"},
       "",
       {}},
      {"hugo-goldmark.html",
       {"Profiling a slow Rust build",
        {"Kenji Watanabe"},
        "2026-02-11",
        "en",
        {"Measure first", "Three changes"},
        2,
        0,
        0,
        {"Table of Contents", "Toggle dark mode", "Archive", "« Prev", "Share on X", "Powered by",
         "Go to Top", "localStorage"}},
       "article",
       {"header", "footer", ".toc", "[hidden]", "div.footnotes"},
       "div.footnotes",
       {".footnote-backref"}},
      {"pandoc-standalone.html",
       {"Composting in small gardens",
        {"Grace Mbeki", "Tomas Lind"},
        "2026-04-02",
        "en",
        {"What goes in", "A year of measurements"},
        2,
        0,
        0,
        {"white-space", "html5shiv"}},
       "body",
       // pandoc's plain writer sets a table's caption after the table, galley before it, and
       // the words are compared in order.
       {"header", "section.footnotes", "[aria-hidden=true]", "caption"},
       "section.footnotes",
       {".footnote-back"}},
      {"news-ferry.html",
       {"Night ferry to return after four-year gap",
        {"Sophie Carter", "Daniel Reyes"},
        "2026-04-21",
        "en-GB",
        {"Why the route closed", "What it will cost"},
        0,
        1,
        1,
        {"here's what we know", "Skip to main content", "Breaking", "Storm warning",
         "Share on Facebook", "Related", "Island fares", "morning briefing", "Most read",
         "Harbour wall", "Privacy policy", "All rights reserved"}},
       "article",
       {"header", "aside", "figure"},
       "",
       {}},
      {"zeitung-de.html",
       {"Wärmepumpen: Was das neue Förderprogramm für Mieter bedeutet",
        {"Katrin Müller"},
        "2026-05-14",
        "de",
        {"Was sich für Mieter ändert", "Kritik vom Mieterbund"},
        2,
        0,
        0,
        {"Cookies", "Alle akzeptieren", "Politik", "Von Katrin Müller", "Lesen Sie auch",
         "Gaspreis", "Mehr zum Thema", "Impressum"}},
       "article",
       {"header", "footer", "aside"},
       "",
       {}},
      {"blog-ja.html",
       {"京都の町家で暮らして一年",
        {"山田花子"},
        "2026-03-21",
        "ja",
        {"冬の寒さ", "夏の風", "ご近所"},
        2,
        0,
        0,
        {"このブログについて", "記事一覧", "Jekyll"}},
       "article",
       {"header", "div.footnotes", "[hidden]"},
       "div.footnotes",
       {".reversefootnote"}},
      {"fragment.html",
       {"Notes from the allotment committee", {}, "", "en", {"Water", "Plots"}, 0, 1, 1, {}},
       ":root",
       {"h1", "figure"},
       "",
       {}},
  };
  return all;
}

fs::path data(const std::string& file) {
  return source_dir() / "tests/e2e/data/html" / file;
}

/// pandoc's plain reading of the page's part that `args` names (article_part.py).
std::string pandoc_plain(const Case& c, bool notes) {
  const std::string selector = notes ? c.notes : c.root;
  if (selector.empty())
    return {};
  std::string command = "python3 " + q(source_dir() / "tests/e2e/article_part.py") +
                        (notes ? " --notes " : " ") + q(data(c.file)) + " " + q(selector);
  for (const std::string& d : notes ? c.notes_drop : c.drop)
    command += " " + q(d);
  command +=
      " | pandoc -f html -t plain --wrap=none -L " + q(source_dir() / "tests/survival/body.lua");
  const RunResult r = run(command);
  CAPTURE(r.err);
  REQUIRE(r.code == 0);
  return r.out;
}

} // namespace

TEST_SUITE("e2e/html-reader") {
  TEST_CASE("HTML pages reach the PDF and the EPUB with their metadata and without the page") {
    const fs::path dir = scratch("html-reader");
    std::vector<fs::path> books;
    for (const Case& c : cases()) {
      const std::string file = c.file;
      CAPTURE(file);
      const fs::path epub =
          check_books(data(c.file), fs::path(file).stem().string(), dir, c.expected);
      books.push_back(epub);
      const Survival s = survival(pandoc_plain(c, false), pandoc_plain(c, true),
                                  fs::path(epub).replace_extension(".pdf"), epub);
      std::printf("html-reader survival  pdf %5.1f%%  epub %5.1f%%  %s\n", s.pdf, s.epub, c.file);
      CHECK(s.pdf >= 99.0);
      CHECK(s.epub >= 99.0);
    }
    check_epubs(books);
  }

  TEST_CASE("an HTML page read from standard input is known by its doctype") {
    const fs::path dir = scratch("html-reader-stdin");
    const fs::path pdf = dir / "stdin.pdf";
    const RunResult r = run_galley("pdf - -o " + q(pdf) + " < " + q(data("hugo-goldmark.html")));
    CAPTURE(r.err);
    REQUIRE(r.code == 0);
    CHECK(run("pdfinfo " + q(pdf)).out.find("Title:           Profiling a slow Rust build\n") !=
          std::string::npos);
  }

  TEST_CASE("a page with no article text is one located error, and nothing is written") {
    const fs::path dir = scratch("html-reader-empty");
    const fs::path out = dir / "empty.pdf";
    const RunResult r = run_galley("pdf " + q(source_dir() / "tests/corpus/bad/html-no-text.html") +
                                   " -o " + q(out));
    CAPTURE(r.err);
    CHECK(r.code != 0);
    CHECK(r.err.find("html-no-text.html:8:1: error: the page has no article text") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(out));
  }
}
