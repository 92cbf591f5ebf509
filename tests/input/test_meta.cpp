#include "input/dates.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

using namespace galley;
using galley::test::TempDir;

TEST_SUITE("input/meta") {
  TEST_CASE("dates in the forms other tools write") {
    using model::Date;
    CHECK(input::parse_date("2026-04-27") == Date{2026, 4, 27});
    CHECK(input::parse_date("2026-04-27T10:00:00Z") == Date{2026, 4, 27});
    CHECK(input::parse_date("2026-04-27T10:00:00.5+02:00") == Date{2026, 4, 27});
    CHECK(input::parse_date("2026-04-27 10:00") == Date{2026, 4, 27});
    CHECK(input::parse_date("April 27, 2026") == Date{2026, 4, 27});
    CHECK(input::parse_date("Apr 27 2026") == Date{2026, 4, 27});
    CHECK(input::parse_date("27 April 2026") == Date{2026, 4, 27});
    CHECK(input::parse_date("April 2026") == Date{2026, 4, 0});
    CHECK(input::parse_date("2026") == Date{2026, 0, 0});
    CHECK(input::parse_date("2024-02-29") == Date{2024, 2, 29});
    CHECK_FALSE(input::parse_date("2026-02-29"));
    CHECK_FALSE(input::parse_date("2026-13-01"));
    CHECK_FALSE(input::parse_date("2026-04-27T25:00"));
    CHECK_FALSE(input::parse_date("next tuesday"));
    CHECK_FALSE(input::parse_date("Smarch 3, 2026"));
  }

  TEST_CASE("aliases from pandoc, Hugo, Jekyll and Astro") {
    TempDir dir;
    Diagnostics diags;
    SUBCASE("pandoc and Jekyll") {
      auto a = test::load_text(dir, "a.md", R"(---
title: T
author: [Ann One, Bob Two]
description: The dek
cover-image: images/cover.jpg
language: fr
date: 27 April 2026
keywords: x, y
layout: post
---
Body
)",
                               diags);
      REQUIRE(a);
      CHECK(a->meta.authors.size() == 2);
      CHECK(a->meta.authors[1].name == "Bob Two");
      CHECK(a->meta.authors[1].role == "aut");
      CHECK(a->meta.dek == "The dek");
      REQUIRE(a->meta.cover);
      CHECK(a->meta.cover->image.src == "images/cover.jpg");
      CHECK(a->meta.language == "fr");
      CHECK(a->meta.date == model::Date{2026, 4, 27});
      CHECK(a->meta.tags == std::vector<std::string>{"x", "y"});
      CHECK(diags.empty()); // a bare path from a key with no place for alt text

    }
    SUBCASE("Astro and Hugo") {
      auto a = test::load_text(dir, "b.md", R"(---
title: T
author: Solo Writer
summary: Short
heroImage: {src: images/photo.png, alt: A photo}
pubDate: 2026-04-27 10:00
lang: de
---
Body
)",
                               diags);
      REQUIRE(a);
      CAPTURE(test::dump(diags));
      CHECK(a->meta.authors.at(0).name == "Solo Writer");
      CHECK(a->meta.dek == "Short");
      CHECK(a->meta.cover->alt == "A photo");
      CHECK_FALSE(a->meta.cover->image.path.empty());
      CHECK(a->meta.language == "de");
      CHECK(a->meta.date == model::Date{2026, 4, 27});
      CHECK(diags.empty());
    }
    SUBCASE("authors as maps") {
      auto a = test::load_text(dir, "c.md", R"(---
title: T
authors:
  - name: Dr. Nova Chen
    bio: Covers cloud.
    portrait: images/photo.png
  - Plain Name
reading-time: 6
---
Body
)",
                               diags);
      REQUIRE(a);
      CHECK(a->meta.authors.size() == 2);
      CHECK(a->meta.authors[0].bio == "Covers cloud.");
      REQUIRE(a->meta.authors[0].portrait);
      CHECK_FALSE(a->meta.authors[0].portrait->path.empty());
      CHECK(a->meta.reading_minutes == 6);
      CHECK(a->meta.reading_time_given);
      CHECK(diags.empty());
    }
  }

  TEST_CASE("unknown keys warn with a suggestion; wrong types are errors") {
    TempDir dir;
    Diagnostics diags;
    auto a = test::load_text(dir, "a.md", R"(---
titel: Typo
title: [not, a, string]
date: soon
dek: ok
description: repeated
---
Body
)",
                             diags);
    REQUIRE(a);
    CHECK(test::has(diags, Severity::Warning, "unknown front-matter key 'titel'", 2));
    CHECK(diags.all().front().hint == "did you mean 'title'?");
    CHECK(diags.all().front().loc.column == 1);
    CHECK(test::has(diags, Severity::Error, "'title' must be a string, got a list", 3));
    CHECK(test::has(diags, Severity::Warning, "'date' is not a date: 'soon'", 4));
    CHECK(test::has(diags, Severity::Warning, "'description' repeats 'dek'", 6));
    CHECK(test::has(diags, Severity::Warning, "article has no title; using 'A' from the file name"));
  }

  TEST_CASE("a language that is not a BCP 47 tag is warned about; pt_BR is mended") {
    TempDir dir;
    Diagnostics diags;
    auto bad = test::load_text(dir, "bad.md", "---\ntitle: T\nlang: \"en US!\"\n---\n\nHi.\n", diags);
    REQUIRE(bad);
    CHECK(test::has(diags, Severity::Warning, "'en US!' is not a language tag", 3));
    CHECK(bad->meta.language != "en US!");
    Diagnostics ok;
    auto pt = test::load_text(dir, "pt.md", "---\ntitle: T\nlang: pt_BR\n---\n\nOl\u00E1.\n", ok);
    REQUIRE(pt);
    CHECK(ok.empty());
    CHECK(pt->meta.language == "pt-BR");
    for (const char* tag : {"en", "zh-Hant-TW", "sr-Latn", "x-private", "de-CH-1996"}) {
      Diagnostics d;
      auto a = test::load_text(dir, "t.md", std::string("---\ntitle: T\nlang: ") + tag + "\n---\n\nHi.\n", d);
      REQUIRE(a);
      CHECK_MESSAGE(d.empty(), tag);
      CHECK(a->meta.language == tag);
    }
  }

  TEST_CASE("characters XML forbids, from the file or a YAML escape, become U+FFFD with a warning") {
    TempDir dir;
    Diagnostics diags;
    auto a = test::load_text(dir, "ctl.md",
                             "---\ntitle: \"Bad \\0 title \\uFFFE\"\n---\n\nA form\ffeed.\n", diags);
    REQUIRE(a);
    CHECK(test::has(diags, Severity::Warning, "2 characters that XML does not allow", 2));
    CHECK(test::has(diags, Severity::Warning, "1 character that XML does not allow", 5));
    CHECK(a->meta.title == "Bad \uFFFD title \uFFFD");
  }
}
