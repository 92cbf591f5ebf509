#include "support.hpp"

#include <doctest/doctest.h>

using namespace galley;
using galley::test::TempDir;

TEST_SUITE("input/notes") {
  TEST_CASE("footnotes and sources share one numbering by first reference") {
    TempDir dir;
    Diagnostics diags;
    auto a = test::load_text(dir, "n.md", R"(---
title: Notes
sources:
  - id: ms-blog
    publisher: Microsoft Official Blog
    title: The next chapter
    date: 2026-04-27
    url: https://blogs.microsoft.com/
  - "CNBC, April 27, 2026"
  - publisher: Bloomberg
    date: April 27, 2026
---
First the aside.[^aside] Then the blog.[^ms-blog] Aside again.[^aside]

[^aside]: A footnote *defined* in the body.[^inner]

[^inner]: Cited from a note.
)",
                             diags);
    REQUIRE(a);
    CAPTURE(test::dump(diags));
    CHECK_FALSE(diags.has_errors());
    REQUIRE(a->notes.size() == 5);
    CHECK(a->notes[0].id == "aside");
    CHECK(a->notes[0].number == 1);
    CHECK(a->notes[0].kind == model::NoteKind::Footnote);
    CHECK(a->notes[0].loc.line == 15);
    CHECK(a->notes[1].id == "ms-blog");
    CHECK(a->notes[1].number == 2);
    CHECK(a->notes[1].kind == model::NoteKind::Source);
    CHECK(a->notes[1].cited);
    REQUIRE(a->notes[1].source);
    CHECK(a->notes[1].source->date == "April 27, 2026");
    REQUIRE(a->notes[1].blocks.size() == 1);
    const auto& para = std::get<model::Paragraph>(a->notes[1].blocks[0].value);
    CHECK(model::plain_text(para.content) ==
          "Microsoft Official Blog, \u201CThe next chapter\u201D, April 27, 2026, "
          "https://blogs.microsoft.com/");
    CHECK(std::holds_alternative<model::Link>(para.content.back().value));
    CHECK(a->notes[2].id == "inner");
    CHECK(a->notes[2].number == 3);
    CHECK(a->notes[3].id == "source-2");
    CHECK_FALSE(a->notes[3].cited);
    CHECK(a->notes[3].number == 4);
    CHECK(model::plain_text(std::get<model::Paragraph>(a->notes[3].blocks[0].value).content) ==
          "CNBC, April 27, 2026");
    CHECK(a->notes[4].id == "source-3");
    CHECK(a->notes[4].number == 5);
  }

  TEST_CASE("a reference on an indented continuation line keeps its label") {
    TempDir dir;
    Diagnostics diags;
    auto a = test::load_text(dir, "c.md",
                             "---\ntitle: T\n---\n\nPara one.\n    More text.[^u] and[^v]\n\n"
                             "[^u]: A note.\n[^v]: B note.\n",
                             diags);
    REQUIRE(a);
    CAPTURE(test::dump(diags));
    CHECK(diags.empty());
    REQUIRE(a->notes.size() == 2);
    CHECK(a->notes[0].cited);
    CHECK(a->notes[1].cited);
  }

  TEST_CASE("a reference with no note is an error; an unused footnote a warning") {
    TempDir dir;
    Diagnostics diags;
    auto a = test::load_text(dir, "n.md", R"(---
title: Notes
sources:
  - id: ms-blog
    title: Blog
---
Cites [^ms-blgo] and nothing else.

[^unused]: Never cited.

```
[^in-code]: not a definition
```
)",
                             diags);
    REQUIRE(a);
    CHECK(test::has(diags, Severity::Error, "note reference '[^ms-blgo]' has no note", 7));
    CHECK(diags.all().front().hint == "did you mean 'ms-blog'?");
    CHECK(test::has(diags, Severity::Warning, "note 'unused' is never referenced", 9));
    CHECK_FALSE(test::has(diags, Severity::Warning, "in-code"));
  }

  TEST_CASE("duplicate source ids and a footnote shadowing a source are errors") {
    TempDir dir;
    Diagnostics diags;
    test::load_text(dir, "n.md", R"(---
title: Notes
sources:
  - {id: a, title: One}
  - {id: a, title: Two}
---
Text.[^a]

[^a]: Clash.
)",
                    diags);
    CHECK(test::has(diags, Severity::Error, "source id 'a' is used twice", 5));
    CHECK(test::has(diags, Severity::Error, "has the same id as a source", 9));
  }
}

TEST_SUITE("input/notes") {
  TEST_CASE("more notes than the limit is an error") {
    TempDir dir;
    std::string md = "---\ntitle: Many\nsources:\n";
    for (int i = 0; i < 5; ++i)
      md += "  - \"Source " + std::to_string(i) + "\"\n";
    md += "---\nText.\n";
    input::LoadOptions opts;
    opts.limits.max_notes = 4;
    Diagnostics diags;
    auto a = test::load_text(dir, "many.md", md, diags, opts);
    REQUIRE(a);
    CHECK(test::has(diags, Severity::Error, "too many notes (5; the limit is 4)"));
    opts.limits.max_notes = 5;
    Diagnostics fine;
    a = test::load_text(dir, "many.md", md, fine, opts);
    REQUIRE(a);
    CHECK(a->notes.size() == 5);
    CHECK(fine.empty());
  }

  TEST_CASE("the note limit is met while reading, at the first note past it") {
    TempDir dir;
    std::string md = "---\ntitle: Many\n---\n\n";
    for (int i = 1; i <= 60; ++i) md += "Text " + std::to_string(i) + ".[^n" + std::to_string(i) + "]\n\n";
    for (int i = 1; i <= 60; ++i) md += "[^n" + std::to_string(i) + "]: Note " + std::to_string(i) + ".\n\n";
    input::LoadOptions opts;
    opts.limits.max_notes = 40;
    Diagnostics diags;
    test::load_text(dir, "many.md", md, diags, opts);
    CAPTURE(test::dump(diags));
    // Definitions start at line 125 (4 lines of front matter and blank, 60 paragraphs of two
    // lines); note 41 is two lines further per note.
    CHECK(test::has(diags, Severity::Error, "too many notes: this is note 41", 125 + 40 * 2));
    // One error, not one more for every reference past the limit.
    CHECK(diags.all().size() == 1);
  }

  TEST_CASE("thousands of notes resolve in order, each to its own definition") {
    TempDir dir;
    const int n = 9000;
    std::string md = "---\ntitle: Many\n---\n\n";
    // Cited in reverse order of definition, with a repeat, so numbering follows first citation.
    for (int i = n; i >= 1; --i) md += "Text.[^n" + std::to_string(i) + "]\n\n";
    md += "Again.[^n1]\n\n";
    for (int i = 1; i <= n; ++i) md += "[^n" + std::to_string(i) + "]: Note " + std::to_string(i) + ".\n\n";
    md += "[^n5]: Twice.\n";
    Diagnostics diags;
    auto a = test::load_text(dir, "many.md", md, diags);
    REQUIRE(a);
    REQUIRE(a->notes.size() == static_cast<std::size_t>(n));
    CHECK(a->notes.front().id == "n" + std::to_string(n));
    CHECK(a->notes.front().number == 1);
    CHECK(a->notes.back().id == "n1");
    CHECK(a->notes.back().number == n);
    // The duplicate definition, which cmark-gfm drops, is reported against the first one.
    CHECK(test::has(diags, Severity::Warning, "note 'n5' is defined twice (first at line"));
  }
}
