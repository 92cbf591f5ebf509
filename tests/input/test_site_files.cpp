// Files as pandoc, Hugo, Jekyll, Hexo, Astro and Docusaurus users write them: front matter keys,
// dates and values in their web form, titles from elsewhere, site-root image paths.
#include "input/dates.hpp"
#include "input/title.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace galley;
using galley::test::TempDir;
namespace fs = std::filesystem;

namespace {
/// Loads `content` as `name` and requires that nothing was said about it.
model::Article load_quietly(const TempDir& dir, const std::string& name, std::string_view content,
                            const input::LoadOptions& options = {}) {
  Diagnostics diags;
  auto a = test::load_text(dir, name, content, diags, options);
  CAPTURE(test::dump(diags));
  CHECK(diags.empty());
  REQUIRE(a);
  return *a;
}
} // namespace

TEST_SUITE("input/site-files") {
  TEST_CASE("dates as sites write them") {
    using model::Date;
    CHECK(input::parse_date("2023/05/03") == Date{2023, 5, 3});
    CHECK(input::parse_date("2018-7-24 23:31:06") == Date{2018, 7, 24});
    CHECK(input::parse_date("2013/7/13 20:46:25") == Date{2013, 7, 13});
    CHECK(input::parse_date("2023-05-03T10:00:00+02:00") == Date{2023, 5, 3});
    CHECK(input::parse_date("2023-05-03T10:00:00Z") == Date{2023, 5, 3});
    CHECK(input::parse_date("3 May 2023") == Date{2023, 5, 3});
    CHECK(input::parse_date("May 3, 2023") == Date{2023, 5, 3});
    CHECK(input::parse_date("Sep 3 2023") == Date{2023, 9, 3});
    CHECK(input::parse_date("1683072000") == Date{2023, 5, 3});
    CHECK(input::parse_date("1683158399") == Date{2023, 5, 3});
    CHECK_FALSE(input::parse_date("2023/05-03"));
    CHECK_FALSE(input::parse_date("2023-5-32"));
    CHECK_FALSE(input::parse_date("99999999999999999999"));
  }

  TEST_CASE("a date that is not one is a warning and is left out") {
    TempDir dir;
    Diagnostics diags;
    auto a = test::load_text(dir, "a.md", "---\ntitle: T\ndate: last spring\n---\nBody.\n", diags);
    REQUIRE(a);
    CHECK(test::has(diags, Severity::Warning, "'date' is not a date: 'last spring'; it is left out", 3));
    CHECK_FALSE(diags.has_errors());
    CHECK_FALSE(a->meta.date);
  }

  TEST_CASE("Hugo front matter, in TOML and YAML") {
    TempDir dir;
    auto toml = load_quietly(dir, "hugo.md", R"(+++
title = "Harbour lights"
date = 2023-05-03T10:00:00+02:00
lastmod = 2023-06-01
draft = false
weight = 10
summary = "A walk along the quay."
images = ["images/photo.png"]
aliases = ["/old/harbour/"]
tags = ["walks", "sea"]
categories = ["travel"]
linkTitle = "Harbour"
+++
Body text.
)");
    CHECK(toml.meta.title == "Harbour lights");
    CHECK(toml.meta.date == model::Date{2023, 5, 3});
    CHECK(toml.meta.dek == "A walk along the quay.");
    REQUIRE(toml.meta.cover);
    CHECK(toml.meta.cover->image.src == "images/photo.png");
    CHECK(toml.meta.tags == std::vector<std::string>{"walks", "sea", "travel"});

    Diagnostics diags;
    auto yaml = test::load_text(dir, "hugo2.md", R"(---
title: Quay
featured_image: images/cover.jpg
lastMod: 2023-06-01
expiryDate: 2030-01-01
---
Body.
)",
                                diags);
    REQUIRE(yaml);
    CHECK(yaml->meta.cover->image.src == "images/cover.jpg");
    CHECK(diags.empty());
  }

  TEST_CASE("Jekyll, Astro and Docusaurus front matter pass without a word") {
    TempDir dir;
    auto jekyll = load_quietly(dir, "2023-05-03-first-post.md", R"(---
layout: post
title: First post
excerpt: Where it begins.
permalink: /first/
categories: notes, life
published: true
---
Body.
)");
    CHECK(jekyll.meta.dek == "Where it begins.");
    CHECK(jekyll.meta.tags == std::vector<std::string>{"notes", "life"});

    auto astro = load_quietly(dir, "astro.md", R"(---
title: 'Astro post'
description: 'Lorem ipsum'
pubDate: 'Jul 08 2022'
updatedDate: 'Jul 10 2022'
heroImage: 'images/photo.png'
---
Body.
)");
    CHECK(astro.meta.date == model::Date{2022, 7, 8});
    CHECK(astro.meta.dek == "Lorem ipsum");
    CHECK(astro.meta.cover->image.src == "images/photo.png");

    auto docusaurus = load_quietly(dir, "docs.md", R"(---
id: intro
title: Introduction
sidebar_label: Intro
sidebar_position: 1
slug: /intro
hide_table_of_contents: true
keywords: [guide, start]
tags: [docs]
authors:
  - name: Joel Marcey
    title: Co-creator of Docusaurus
    url: https://github.com/JoelMarcey
    image_url: https://github.com/JoelMarcey.png
    socials:
      x: joelmarcey
---
Body.
)");
    CHECK(docusaurus.meta.title == "Introduction");
    CHECK(docusaurus.meta.slug == "/intro");
    CHECK(docusaurus.meta.tags == std::vector<std::string>{"guide", "start", "docs"});
    REQUIRE(docusaurus.meta.authors.size() == 1);
    CHECK(docusaurus.meta.authors[0].name == "Joel Marcey");
  }

  TEST_CASE("Hexo front matter without an opening line") {
    TempDir dir;
    auto a = load_quietly(dir, "hexo.md", R"(title: Hello World
date: 2013/7/13 20:46:25
tags: [hexo, intro]
---
Welcome to Hexo.
)");
    CHECK(a.meta.title == "Hello World");
    CHECK(a.meta.date == model::Date{2013, 7, 13});
    CHECK(a.meta.tags == std::vector<std::string>{"hexo", "intro"});
    REQUIRE(a.blocks.size() == 1);
    CHECK(a.blocks[0].loc.line == 5);
    SUBCASE("a setext heading stays a heading") {
      Diagnostics diags;
      auto b = test::load_text(dir, "setext.md", "# Title\n\nSection\n---\nText.\n", diags);
      REQUIRE(b);
      CHECK(b->meta.title == "Title");
      CHECK(std::holds_alternative<model::Heading>(b->blocks.at(0).value));
    }
  }

  TEST_CASE("values in their web form") {
    TempDir dir;
    auto a = load_quietly(dir, "a.md", R"(---
title: T
author: Ann One, Bob Two, and Cy Three
reading-time: 6 min read
tags: a, b, c
---
Body.
)");
    REQUIRE(a.meta.authors.size() == 3);
    CHECK(a.meta.authors[2].name == "Cy Three");
    CHECK(a.meta.reading_minutes == 6);
    CHECK(a.meta.reading_time_text == "6 min read");
    CHECK(a.meta.tags == std::vector<std::string>{"a", "b", "c"});
    auto b = load_quietly(dir, "b.md", "---\ntitle: T\nauthor: A, B and C\n---\nBody.\n");
    CHECK(b.meta.authors.size() == 3);
    auto c = load_quietly(dir, "c.md", "---\ntitle: T\nauthor: Ann and Bob\nreading-time: 4\n---\nBody.\n");
    REQUIRE(c.meta.authors.size() == 2);
    CHECK(c.meta.authors[1].name == "Bob");
    CHECK(c.meta.reading_time_text.empty());
    Diagnostics diags;
    auto d = test::load_text(dir, "d.md", "---\ntitle: T\nreading-time: a while\n---\nBody.\n", diags);
    REQUIRE(d);
    CHECK(test::has(diags, Severity::Warning, "'reading-time' has no number of minutes", 3));
    CHECK_FALSE(d->meta.reading_time_given);
  }

  TEST_CASE("title fallbacks: aliases, pandoc title block, first heading, file name") {
    TempDir dir;
    auto alias = load_quietly(dir, "a.md", "---\nlinkTitle: Short\nheadline: Long\n---\nBody.\n");
    CHECK(alias.meta.title == "Short");
    auto both = load_quietly(dir, "b.md", "---\nlinkTitle: Short\ntitle: Full\n---\nBody.\n");
    CHECK(both.meta.title == "Full");

    auto block = load_quietly(dir, "c.md", R"(% The Title
  Continued
% Ann One; Bob Two
% May 3, 2023

Body on line 6.
)");
    CHECK(block.meta.title == "The Title Continued");
    REQUIRE(block.meta.authors.size() == 2);
    CHECK(block.meta.authors[1].name == "Bob Two");
    CHECK(block.meta.date == model::Date{2023, 5, 3});
    REQUIRE(block.blocks.size() == 1);
    CHECK(block.blocks[0].loc.line == 6);

    auto readme = load_quietly(dir, "README.md", R"(<p align="center"><img src="images/photo.png" alt="logo"></p>

[![build](images/photo.png)](https://ci.example.com)

# Project

Some text.

# Usage
)");
    CHECK(readme.meta.title == "Project");
    REQUIRE(readme.blocks.size() == 4);
    CHECK(model::plain_text(std::get<model::Heading>(readme.blocks[3].value).content) == "Usage");

    Diagnostics diags;
    auto named = test::load_text(dir, "my-first-post.md", "Text first.\n\n# Not a title\n", diags);
    REQUIRE(named);
    CHECK(named->meta.title == "My first post");
    CHECK(test::has(diags, Severity::Warning, "using 'My first post' from the file name", 1));
    CHECK_FALSE(diags.has_errors());
    CHECK(input::title_from_file_name("posts/2023-05-03-hello_world.md") == "Hello world");
    CHECK(input::title_from_file_name("content/harbour-lights/index.md") == "Harbour lights");
  }

  TEST_CASE("a missing image is a warning; a site-root path resolves against --resource-path") {
    TempDir dir;
    Diagnostics diags;
    const std::string text = "---\ntitle: T\n---\n![A gull](/img/photo.png)\n\n![Gone](nope.png)\n";
    auto a = test::load_text(dir, "a.md", text, diags);
    REQUIRE(a);
    CHECK(test::has(diags, Severity::Warning, "figure image '/img/photo.png' not found", 4));
    CHECK(diags.all().front().hint.find("--resource-path") != std::string::npos);
    CHECK(test::has(diags, Severity::Warning, "figure image 'nope.png' not found", 6));
    CHECK_FALSE(diags.has_errors());
    CHECK(std::get<model::Figure>(a->blocks[0].value).image.path.empty());

    fs::create_directories(dir.path() / "static/img");
    fs::copy_file(dir.path() / "images/photo.png", dir.path() / "static/img/photo.png");
    input::LoadOptions options;
    options.resource_paths.push_back(dir.path() / "static");
    Diagnostics found;
    auto b = test::load_text(dir, "b.md", text, found, options);
    REQUIRE(b);
    CHECK(found.all().size() == 1); // only the missing nope.png
    CHECK(std::get<model::Figure>(b->blocks[0].value).image.path ==
          (dir.path() / "static/img/photo.png").string());

    Diagnostics cover;
    auto c = test::load_text(dir, "c.md", "---\ntitle: T\ncover: images/none.jpg\n---\nBody.\n", cover);
    REQUIRE(c);
    CHECK(test::has(cover, Severity::Warning, "cover image 'images/none.jpg' not found", 3));
    CHECK_FALSE(c->meta.cover);
  }

  TEST_CASE("an issue whose cover is missing goes without one, with a warning") {
    TempDir dir;
    dir.write("a.md", "---\ntitle: One\n---\nText.\n");
    fs::path manifest = dir.write("issue.yaml", "title: Issue\ncover:\n  image: images/gone.jpg\n"
                                                "  alt: Gone\narticles:\n  - a.md\n");
    Diagnostics diags;
    auto issue = input::load_manifest(manifest, {}, diags);
    REQUIRE(issue);
    CAPTURE(test::dump(diags));
    CHECK(test::has(diags, Severity::Warning, "cover image 'images/gone.jpg' not found", 3));
    CHECK_FALSE(diags.has_errors());
    CHECK_FALSE(issue->cover);
  }
}
