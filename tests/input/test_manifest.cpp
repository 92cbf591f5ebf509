#include "support.hpp"
#include "util/read_log.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace galley;
using galley::test::TempDir;

TEST_SUITE("input/manifest") {
  TEST_CASE("a path is a manifest by its .yaml or .yml extension, in any case") {
    CHECK(input::is_manifest_path("issues/2026-05.YAML"));
    CHECK(input::is_manifest_path("issue.yml"));
    CHECK_FALSE(input::is_manifest_path("a.md"));
    CHECK_FALSE(input::is_manifest_path("yaml"));
  }

  TEST_CASE("a manifest's fields are handed out once, before its articles are read") {
    TempDir dir;
    dir.write("one.md", "---\ntitle: One\n---\nText.\n");
    dir.write("two.md", "---\ntitle: Two\n---\nText.\n");
    auto manifest =
        dir.write("issue.yaml", "title: Fields\nstyle: pocket\narticles: [one.md, two.md]\n");
    input::LoadOptions options;
    options.threads = 2;
    std::vector<model::Issue> handed;
    options.on_fields = [&](const model::Issue& fields) { handed.push_back(fields); };
    Diagnostics diags;
    auto issue = input::load_inputs({manifest}, options, diags);
    REQUIRE(issue);
    CHECK(issue->articles.size() == 2);
    REQUIRE(handed.size() == 1);
    CHECK(handed[0].title == "Fields");
    CHECK(handed[0].style == "pocket");
    CHECK(handed[0].source_path == issue->source_path);
    CHECK(handed[0].articles.empty());
    // Articles given without a manifest have no fields of their own to hand out.
    handed.clear();
    CHECK(input::load_inputs({dir.path() / "one.md"}, options, diags));
    CHECK(handed.empty());
  }

  TEST_CASE("an issue loads its articles in order, relative to the manifest") {
    TempDir dir;
    dir.write("articles/one.md",
              "---\ntitle: One\ncover:\n  image: ../images/cover.jpg\n  alt: A\n---\nText.\n");
    dir.write("articles/two.xml",
              "<article><meta><title>Two</title></meta><body><p>x</p></body></article>");
    auto manifest = dir.write("issue.yaml", R"(title: The Test Gazette — May 2026
publication: The Test Gazette
number: 5
date: 2026-05-01
lang: en
description: A test issue
editors: [Iris Okafor, Tomás Lindqvist]
style: dispatch
cover:
  image: images/cover.jpg
  alt: Issue cover
  credit: Test
articles:
  - articles/one.md
  - articles/two.xml
)");
    Diagnostics diags;
    auto issue = input::load_inputs({manifest}, {}, diags);
    REQUIRE(issue);
    CAPTURE(test::dump(diags));
    CHECK(diags.empty());
    CHECK(issue->title == "The Test Gazette — May 2026");
    CHECK(issue->number == "5");
    CHECK(issue->date == model::Date{2026, 5, 1});
    CHECK(issue->editors == std::vector<std::string>{"Iris Okafor", "Tomás Lindqvist"});
    CHECK(issue->style == "dispatch");
    CHECK(issue->description == "A test issue");
    REQUIRE(issue->cover);
    CHECK_FALSE(issue->cover->image.path.empty());
    CHECK_FALSE(issue->single_article);
    REQUIRE(issue->articles.size() == 2);
    CHECK(issue->articles[0].meta.title == "One");
    // The manifest's folder is the root: an article may use ../images inside it.
    CHECK_FALSE(issue->articles[0].meta.cover->image.path.empty());
    CHECK(issue->articles[1].meta.title == "Two");
    CHECK(issue->articles[0].source_path.find("articles/one.md") != std::string::npos);
  }

  TEST_CASE("articles read on several threads come in manifest order, as read on one") {
    TempDir dir;
    std::string list;
    // Struck text and math in every paragraph: cmark-gfm's parses share one table of the
    // characters that start them, which parses at once would clear for each other.
    std::string body;
    for (int p = 0; p < 40; ++p)
      body += "A ~~struck~~ word, $x^" + std::to_string(p) + "$ and **more** text.\n\n";
    for (int i = 1; i <= 12; ++i) {
      const std::string name = "a" + std::to_string(i) + ".md";
      // Each article gives a warning of its own (a picture that is not there), so the order
      // in which their problems are reported shows.
      dir.write(name, "---\ntitle: Article " + std::to_string(i) + "\n---\nText " +
                          std::to_string(i) + ".\n\n" + body + "![Plot](plot" + std::to_string(i) +
                          ".png)\n");
      list += "  - " + name + "\n";
    }
    auto manifest = dir.write("issue.yaml", "title: T\narticles:\n" + list);
    auto load = [&](unsigned threads, std::vector<std::filesystem::path>& read) {
      input::LoadOptions options;
      options.threads = threads;
      Diagnostics diags;
      ReadLog log;
      auto issue = input::load_manifest(manifest, options, diags);
      read = log.paths();
      REQUIRE(issue);
      std::string out = test::dump(diags);
      for (const auto& a : issue->articles)
        out += a.meta.title + "\n" + test::dump(a);
      return out;
    };
    std::vector<std::filesystem::path> read_one, read_four;
    const std::string one = load(1, read_one);
    CHECK(load(4, read_four) == one);
    CHECK(one.find("plot1.png") < one.find("plot2.png"));
    CHECK(one.find("plot2.png") < one.find("plot12.png"));
    CHECK(one.find("Article 11\n") < one.find("Article 12\n"));
    CHECK(one.find("~~") == std::string::npos);
    // Whatever thread read an article, the caller's log holds it (depfiles, cache keys).
    CHECK(read_four == read_one);
    CHECK(std::count_if(read_four.begin(), read_four.end(),
                        [](const auto& p) { return p.extension() == ".md"; }) == 12);
  }

  TEST_CASE("missing and repeated articles are errors with their line") {
    TempDir dir;
    dir.write("a.md", "# A\n");
    auto manifest =
        dir.write("issue.yaml", "title: T\narticles:\n  - a.md\n  - gone.md\n  - a.md\n");
    Diagnostics diags;
    auto issue = input::load_manifest(manifest, {}, diags);
    REQUIRE(issue);
    CHECK(test::has(diags, Severity::Error, "article 'gone.md' not found", 4));
    CHECK(test::has(diags, Severity::Error, "article 'a.md' is listed twice (first at line 3)", 5));
    CHECK(issue->articles.size() == 1);
  }

  TEST_CASE("one article on the command line is an article book; several an ad-hoc issue") {
    TempDir dir;
    auto a = dir.write("a.md", "---\npublication: Pub\ntitle: A\ndek: Dek A\n---\nx\n");
    auto b = dir.write("b.md", "# B\n");
    Diagnostics diags;
    auto one = input::load_inputs({a}, {}, diags);
    REQUIRE(one);
    CHECK(one->single_article);
    CHECK(one->title == "A");
    CHECK(one->description == "Dek A");
    auto two = input::load_inputs({a, b}, {}, diags);
    REQUIRE(two);
    CHECK_FALSE(two->single_article);
    CHECK(two->title == "Pub");
    CHECK(two->articles.size() == 2);
    CHECK(diags.empty());
    auto twice = input::load_inputs({a, a}, {}, diags);
    CHECK(test::has(diags, Severity::Error, "article is given twice"));
    Diagnostics none;
    CHECK_FALSE(input::load_inputs({dir.path() / "missing.md"}, {}, none));
    CHECK(test::has(none, Severity::Error, "cannot read file: no such file"));
  }

  TEST_CASE("allowed roots let images come from elsewhere") {
    TempDir dir;
    auto article = dir.write("sub/a.md", "# A\n\n![Photo](../images/photo.png)\n");
    Diagnostics refused;
    input::load_inputs({article}, {}, refused);
    CHECK(test::has(refused, Severity::Error, "leaves the article's folder", 3));
    input::LoadOptions opts;
    opts.allowed_roots.push_back(dir.path() / "images");
    Diagnostics allowed;
    auto issue = input::load_inputs({article}, opts, allowed);
    REQUIRE(issue);
    CHECK(allowed.empty());
  }
}
