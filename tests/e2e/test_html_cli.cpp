// Raw HTML as GitHub READMEs write it: every word reaches the PDF and the EPUB, and the EPUB
// still passes epubcheck.
#include "book_checks.hpp"
#include "run.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <regex>

using namespace e2e;
namespace fs = std::filesystem;

namespace {

const char* kReadme = R"(---
title: Readme Test
---
<p align="center">
  <img src="images/logo.png" alt="Project logo" width="120">
</p>

<div align="center">

**Fastest** parser in the <mark>whole</mark> world.

</div>

<!-- badges -->
<a href="https://ci.example.com"><img src="https://ci.example.com/badge.svg" alt="build passing"></a>

Press <kbd>Ctrl</kbd>+<kbd>Alt</kbd> to see E = mc<sup>2</sup> and H<sub>2</sub>O,
<u>underlined</u>, <small>small print</small>, <abbr title="Portable Document Format">PDF</abbr>
and <span lang="fr">bonjour</span>.

<details>
<summary>Installation notes</summary>

Run the installer twice.

</details>

<table>
  <thead><tr><th>Option</th><th>Meaning</th></tr></thead>
  <tbody><tr><td>verbose</td><td>talks more</td></tr></tbody>
</table>

<video src="https://example.com/demo.mp4" title="Demo reel"></video>

<script>track()</script>
)";

} // namespace

TEST_SUITE("e2e/html") {
  TEST_CASE("a README full of HTML keeps its words in both outputs") {
    auto dir = scratch("html-readme");
    fs::create_directories(dir / "images");
    fs::copy_file(source_dir() / "examples/quantum-dispatch/images/risc-v-share.png",
                  dir / "images/logo.png");
    std::ofstream(dir / "readme.md") << kReadme;

    auto pdf = run_galley("pdf " + q(dir / "readme.md") + " -o " + q(dir / "readme.pdf"));
    CAPTURE(pdf.err);
    REQUIRE(pdf.code == 0);
    // Each element left out is one located warning; nothing else is said.
    CHECK(pdf.err.find("readme.md:35:1: warning: HTML element <script> is left out") !=
          std::string::npos);
    CHECK(pdf.err.find("<p") == std::string::npos);

    auto check = run("qpdf --check " + q(dir / "readme.pdf"));
    CHECK(check.out.find("No syntax or stream encoding errors found") != std::string::npos);
    auto text = run("pdftotext " + q(dir / "readme.pdf") + " -");
    REQUIRE(text.code == 0);
    // pdftotext joins lines with spaces or newlines as it sees fit: compare words.
    std::string words = std::regex_replace(text.out, std::regex(R"(\s+)"), " ");
    CAPTURE(words);
    for (const char* s :
         {"Project logo", "Fastest parser in the whole world.", "build passing", "Ctrl", "Alt",
          "mc2", "H2O", "underlined", "small print", "PDF", "bonjour", "Installation notes",
          "Run the installer twice.", "Option", "Meaning", "verbose", "talks more",
          "Demo reel"})
      CHECK_MESSAGE(words.find(s) != std::string::npos, s);
    for (const char* s : {"<kbd>", "<sup>", "align=", "track()", "badges"})
      CHECK_MESSAGE(words.find(s) == std::string::npos, s);

    auto epub = run_galley("epub " + q(dir / "readme.md") + " -o " + q(dir / "readme.epub"));
    CAPTURE(epub.err);
    REQUIRE(epub.code == 0);
    auto list = run("unzip -Z1 " + q(dir / "readme.epub"));
    std::smatch m;
    REQUIRE(std::regex_search(list.out, m, std::regex(R"(EPUB/article-\d+\.xhtml)")));
    auto xhtml = run("unzip -p " + q(dir / "readme.epub") + " " + m.str());
    CAPTURE(xhtml.out);
    for (const char* s :
         {"<kbd>Ctrl</kbd>", "mc<sup>2</sup>", "H<sub>2</sub>O", "<mark>whole</mark>",
          "<u>underlined</u>", "<small>small print</small>",
          "<abbr title=\"Portable Document Format\">PDF</abbr>",
          "<span lang=\"fr\" xml:lang=\"fr\">bonjour</span>", "<strong>Installation notes</strong>",
          "Option</th>", "talks more", "href=\"https://example.com/demo.mp4\"", "Demo reel"})
      CHECK_MESSAGE(xhtml.out.find(s) != std::string::npos, s);
    for (const char* s : {"track()", "badges", "align="})
      CHECK_MESSAGE(xhtml.out.find(s) == std::string::npos, s);

    check_epubs({dir / "readme.epub"});
  }
}
