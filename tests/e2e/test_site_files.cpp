// Files written for site generators through the command line: --strict passes on typical ones,
// their words reach both outputs, standard input and output, --resource-path, missing images.
#include "run.hpp"

#include "util/files.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace e2e;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

std::string pdf_text(const fs::path& pdf) { return run("pdftotext " + q(pdf) + " -").out; }

/// The XHTML of every document in the EPUB, one after another.
std::string epub_text(const fs::path& epub) { return run("unzip -p " + q(epub) + " '*.xhtml'").out; }

/// pdftotext breaks lines where the PDF does; compare words only.
std::string words(std::string text) {
  for (auto& c : text)
    if (c == '\n') c = ' ';
  std::string out;
  for (char c : text)
    if (c != ' ' || (!out.empty() && out.back() != ' ')) out += c;
  return out;
}

fs::path pixel() { return source_dir() / "tests/input/fixtures/images/photo.png"; }

} // namespace

TEST_SUITE("e2e/site-files") {
  TEST_CASE("typical files of each site generator pass --strict") {
    fs::path dir = scratch("site-strict");
    write(dir / "hugo/index.md", "+++\ntitle = \"Harbour\"\ndate = 2023-05-03T10:00:00+02:00\n"
                                 "lastmod = 2023-06-01\ndraft = false\nweight = 3\n"
                                 "summary = \"Quay walk.\"\naliases = [\"/old/\"]\n"
                                 "tags = [\"sea\"]\ncategories = [\"walks\"]\n+++\nBody.\n");
    write(dir / "jekyll/_posts/2023-05-03-hello.md",
          "---\nlayout: post\ntitle: Hello\ndate: 2023-05-03 10:00:00 +0200\n"
          "categories: notes life\npermalink: /hello/\npublished: true\nexcerpt: Hi.\n---\nBody.\n");
    write(dir / "hexo.md", "title: Hexo post\ndate: 2018-7-24 23:31:06\ntags: [a, b]\n---\nBody.\n");
    write(dir / "astro.md", "---\ntitle: 'Astro'\ndescription: 'Lorem'\npubDate: 'Jul 08 2022'\n"
                            "updatedDate: 'Jul 10 2022'\n---\nBody.\n");
    write(dir / "docusaurus.md", "---\nid: intro\ntitle: Intro\nsidebar_position: 1\n"
                                 "slug: /intro\nhide_table_of_contents: true\n"
                                 "keywords: [a]\ntags: [b]\n---\nBody.\n");
    write(dir / "pandoc.md", "% A title\n% Ann One; Bob Two\n% 3 May 2023\n\nBody.\n");
    // A README's logo above its first heading is no body text: the heading is the title.
    fs::copy_file(pixel(), dir / "logo.png");
    write(dir / "README.md",
          "<p align=\"center\"><img src=\"logo.png\" alt=\"Project logo\" width=\"120\"></p>\n\n"
          "# Project\n\nBody.\n");
    for (const char* file : {"hugo/index.md", "jekyll/_posts/2023-05-03-hello.md", "hexo.md",
                             "astro.md", "docusaurus.md", "pandoc.md", "README.md"}) {
      CAPTURE(file);
      auto r = run_galley("check --strict " + q(dir / file));
      CHECK(r.err == "1 article checked: 0 errors, 0 warnings\n");
      CHECK(r.code == 0);
    }
  }

  TEST_CASE("front matter words reach both outputs") {
    fs::path dir = scratch("site-words");
    write(dir / "hexo.md", "title: Quayside notes\ndate: 2013/7/13 20:46:25\n"
                           "author: Ann One, Bob Two and Cy Three\nreading-time: 7 minutes\n---\n"
                           "The gulls came early.\n");
    REQUIRE(run_galley("pdf -q " + q(dir / "hexo.md") + " -o " + q(dir / "hexo.pdf")).code == 0);
    REQUIRE(run_galley("epub -q " + q(dir / "hexo.md") + " -o " + q(dir / "hexo.epub")).code == 0);
    for (const std::string& text : {words(pdf_text(dir / "hexo.pdf")), epub_text(dir / "hexo.epub")}) {
      CHECK(text.find("Quayside notes") != std::string::npos);
      CHECK(text.find("Cy Three") != std::string::npos);
      CHECK(text.find("July 13, 2013") != std::string::npos);
      CHECK(text.find("7 minutes") != std::string::npos);
      CHECK(text.find("The gulls came early.") != std::string::npos);
    }
  }

  TEST_CASE("- reads Markdown from standard input; -o - writes to standard output") {
    fs::path dir = scratch("site-stdin");
    fs::copy_file(pixel(), dir / "gull.png");
    write(dir / "a.md", "# From a pipe\n\nPiped words.\n\n![A gull](gull.png)\n\n![Gone bird](gone.png \"Lost\")\n");
    const std::string bin = std::getenv("GALLEY_BIN");
    auto pdf = run("cd " + q(dir) + " && " + bin + " pdf - -o - < a.md > out.pdf");
    CHECK(pdf.code == 0);
    CHECK(pdf.err.find("<stdin>:7:1: warning: figure image 'gone.png' not found") !=
          std::string::npos);
    CHECK(pdf.err.find("gull.png") == std::string::npos); // found beside the current folder
    std::string text = words(pdf_text(dir / "out.pdf"));
    CHECK(text.find("From a pipe") != std::string::npos);
    CHECK(text.find("Piped words.") != std::string::npos);
    CHECK(text.find("Gone bird") != std::string::npos); // the placeholder's alt text

    auto epub = run("cd " + q(dir) + " && cat a.md | " + bin + " epub -q - -o -  > out.epub");
    CHECK(epub.code == 0);
    std::string xhtml = epub_text(dir / "out.epub");
    CHECK(xhtml.find("Piped words.") != std::string::npos);
    CHECK(xhtml.find(">Gone bird<") != std::string::npos);

    auto no_name = run("cd " + q(dir) + " && " + bin + " pdf - < a.md");
    CHECK(no_name.code == 2);
    CHECK(no_name.err.find("<stdin>: error: an article read from standard input needs an output "
                           "name") != std::string::npos);
  }

  TEST_CASE("an output named for the other format is refused before anything is written") {
    fs::path dir = scratch("site-ext");
    write(dir / "a.md", "# A\n\nText.\n");
    auto r = run_galley("pdf " + q(dir / "a.md") + " -o " + q(dir / "a.epub"));
    CHECK(r.code == 2);
    CHECK(r.err.find("error: the output name does not end in .pdf") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "a.epub"));
    auto upper = run_galley("epub -q " + q(dir / "a.md") + " -o " + q(dir / "A.EPUB"));
    CHECK(upper.code == 0);
    CHECK(epub_text(dir / "A.EPUB").find("Text.") != std::string::npos);
  }

  TEST_CASE("site-root images resolve with --resource-path; a missing one fails only --strict") {
    fs::path dir = scratch("site-root");
    fs::create_directories(dir / "static/images");
    fs::copy_file(pixel(), dir / "static/images/gull.png");
    write(dir / "post/a.md", "---\ntitle: Gulls\n---\nSee.\n\n![A gull on a post](/images/gull.png)\n");
    const std::string in = q(dir / "post/a.md");
    auto missing = run_galley("pdf " + in + " -o " + q(dir / "a.pdf"));
    CHECK(missing.code == 0);
    CHECK(missing.err.find("a.md:6:1: warning: figure image '/images/gull.png' not found "
                           "(a path from the site's root: give its static folder with "
                           "--resource-path)") != std::string::npos);
    CHECK(words(pdf_text(dir / "a.pdf")).find("A gull on a post") != std::string::npos);

    auto strict = run_galley("pdf --strict " + in + " -o " + q(dir / "strict.pdf"));
    CHECK(strict.code == 1);
    CHECK(strict.err.find("warning: figure image '/images/gull.png' not found") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "strict.pdf"));

    auto found = run_galley("epub --strict " + in + " --resource-path " + q(dir / "static") +
                            " -o " + q(dir / "a.epub"));
    CHECK(found.code == 0);
    CHECK(found.err.find("warning") == std::string::npos);
    CHECK(run("unzip -l " + q(dir / "a.epub")).out.find(".png") != std::string::npos);
  }
}
