#include "support.hpp"

#include <doctest/doctest.h>

using namespace galley;
using galley::test::TempDir;

namespace {

template <class T> const T& block_as(const model::Article& a, size_t i) {
  REQUIRE(i < a.blocks.size());
  const T* v = std::get_if<T>(&a.blocks[i].value);
  REQUIRE(v != nullptr);
  return *v;
}

template <class T> const T& inline_as(const model::Inlines& in, size_t i) {
  REQUIRE(i < in.size());
  const T* v = std::get_if<T>(&in[i].value);
  REQUIRE(v != nullptr);
  return *v;
}

const char* kAllKinds = R"(---
title: Every kind
---
## Section *one*

Plain **strong** *emph* ~~gone~~ `code` [link](https://example.com "T") <span>raw</span>
next line  
hard break and www.example.org

- [ ] open task
- [x] done task

3. three
4. four

> quoted
>
> > nested

```cpp extra
int x;
```

| Left | Centre | Right |
|:-----|:------:|------:|
| a    | b      | c     |

---

<div>block</div>

![A photo](images/photo.png "The caption")

## Section one
)";

} // namespace

TEST_SUITE("input/markdown") {
  TEST_CASE("every block and inline kind maps to the model") {
    TempDir dir;
    Diagnostics diags;
    auto a = test::load_text(dir, "all.md", kAllKinds, diags);
    REQUIRE(a);
    CAPTURE(test::dump(diags));
    CHECK_FALSE(diags.has_errors());
    CHECK(a->meta.title == "Every kind");

    const auto& h = block_as<model::Heading>(*a, 0);
    CHECK(h.level == 1); // `##` is the highest level used, so it becomes 1
    CHECK(h.id == "section-one");
    CHECK(a->blocks[0].loc.line == 4);
    CHECK(a->blocks[0].loc.column == 1);
    CHECK(a->blocks[0].loc.file.find("all.md") != std::string::npos);

    const auto& p = block_as<model::Paragraph>(*a, 1);
    CHECK(inline_as<model::Text>(p.content, 0).text == "Plain ");
    CHECK(model::plain_text(inline_as<model::Strong>(p.content, 1).children) == "strong");
    CHECK(model::plain_text(inline_as<model::Emphasis>(p.content, 3).children) == "emph");
    CHECK(model::plain_text(inline_as<model::Strikethrough>(p.content, 5).children) == "gone");
    CHECK(inline_as<model::Code>(p.content, 7).text == "code");
    const auto& link = inline_as<model::Link>(p.content, 9);
    CHECK(link.url == "https://example.com");
    CHECK(link.title == "T");
    CHECK(model::plain_text(inline_as<model::Span>(p.content, 11).children) == "raw");
    CHECK(std::holds_alternative<model::SoftBreak>(p.content[12].value));
    CHECK(std::holds_alternative<model::LineBreak>(p.content[14].value));
    const auto& autolink = inline_as<model::Link>(p.content, 16);
    CHECK(autolink.url == "http://www.example.org");
    CHECK(p.content[16].loc.column >= 1);

    const auto& tasks = block_as<model::List>(*a, 2);
    CHECK(tasks.kind == model::ListKind::Bullet);
    REQUIRE(tasks.items.size() == 2);
    CHECK(tasks.items[0].checked == std::optional<bool>(false));
    CHECK(tasks.items[1].checked == std::optional<bool>(true));
    CHECK(tasks.tight);

    const auto& ordered = block_as<model::List>(*a, 3);
    CHECK(ordered.kind == model::ListKind::Ordered);
    CHECK(ordered.start == 3);
    CHECK_FALSE(ordered.items[0].checked.has_value());

    const auto& quote = block_as<model::BlockQuote>(*a, 4);
    REQUIRE(quote.blocks.size() == 2);
    CHECK(std::holds_alternative<model::BlockQuote>(quote.blocks[1].value));

    const auto& code = block_as<model::CodeBlock>(*a, 5);
    CHECK(code.language == "cpp");
    CHECK(code.code == "int x;");

    const auto& table = block_as<model::Table>(*a, 6);
    CHECK(table.aligns ==
          std::vector<model::Align>{model::Align::Left, model::Align::Center, model::Align::Right});
    CHECK(table.header_rows == 1);
    REQUIRE(table.rows.size() == 2);
    CHECK(model::plain_text(table.rows[1].cells[2].content) == "c");

    block_as<model::ThematicBreak>(*a, 7);
    CHECK(model::plain_text(block_as<model::Paragraph>(*a, 8).content) == "block");

    const auto& fig = block_as<model::Figure>(*a, 9);
    CHECK(fig.image.src == "images/photo.png");
    CHECK_FALSE(fig.image.path.empty());
    CHECK(fig.alt == "A photo");
    CHECK(model::plain_text(fig.caption) == "The caption");

    CHECK(block_as<model::Heading>(*a, 10).id == "section-one-1");
    CHECK(a->word_count > 20);
    CHECK(a->meta.reading_minutes == 1);
    CHECK(a->meta.slug == "all");
  }

  TEST_CASE("figure caption falls back to the alt text; inline images stay inline") {
    TempDir dir;
    Diagnostics diags;
    auto a = test::load_text(
        dir, "f.md", "# T\n\n![Alt words](images/cover.jpg)\n\nText ![x](images/photo.png) more\n",
        diags);
    REQUIRE(a);
    CHECK(a->meta.title == "T"); // a leading `# Title` is the title when front matter has none
    CHECK(model::plain_text(block_as<model::Figure>(*a, 0).caption) == "Alt words");
    CHECK(inline_as<model::Image>(block_as<model::Paragraph>(*a, 1).content, 1).alt == "x");
    CHECK_FALSE(diags.has_errors());
  }

  TEST_CASE("BOM and CRLF are accepted and lines still count right") {
    TempDir dir;
    Diagnostics diags;
    auto a = test::load_text(
        dir, "crlf.md",
        "\xEF\xBB\xBF---\r\ntitle: Windows\r\n---\r\n\r\nOne\r\ntwo\r\n\r\n[^x]\r\n", diags);
    REQUIRE(a);
    CHECK(a->meta.title == "Windows");
    const auto& p = block_as<model::Paragraph>(*a, 0);
    CHECK(model::plain_text(p.content) == "One two");
    CHECK(a->blocks[0].loc.line == 5);
    CHECK(test::has(diags, Severity::Error, "note reference '[^x]' has no note", 8));
  }

  TEST_CASE("TOML front matter") {
    TempDir dir;
    Diagnostics diags;
    auto a = test::load_text(dir, "hugo.md", R"(+++
title = "From Hugo"
date = 2026-04-27T10:00:00Z
tags = ["a", "b"]
description = "A dek"
readingTime = 4
[[authors]]
name = "Ada Lovelace"
+++
Body.
)",
                             diags);
    REQUIRE(a);
    CAPTURE(test::dump(diags));
    CHECK_FALSE(diags.has_errors());
    CHECK(a->meta.title == "From Hugo");
    CHECK(a->meta.date == model::Date{2026, 4, 27});
    CHECK(a->meta.tags == std::vector<std::string>{"a", "b"});
    CHECK(a->meta.dek == "A dek");
    CHECK(a->meta.reading_minutes == 4);
    REQUIRE(a->meta.authors.size() == 1);
    CHECK(a->meta.authors[0].file_as == "Lovelace, Ada");
    CHECK(a->blocks[0].loc.line == 10);
  }

  TEST_CASE("TOML errors carry the file line") {
    TempDir dir;
    Diagnostics diags;
    test::load_text(dir, "bad.md", "+++\ntitle = \"x\"\ntags = [\n+++\n", diags);
    CHECK(test::has(diags, Severity::Error, "invalid TOML"));
  }

  TEST_CASE("reading time: 230 words a minute, rounded up") {
    TempDir dir;
    std::string words;
    for (int i = 0; i < 461; ++i)
      words += "word ";
    Diagnostics diags;
    auto a = test::load_text(
        dir, "long.md", "---\ntitle: Long\n---\n" + words + "\n\n```\nnot counted\n```\n", diags);
    REQUIRE(a);
    CHECK(a->word_count == 461);
    CHECK(a->meta.reading_minutes == 3);
    CHECK_FALSE(a->meta.reading_time_given);
  }

  TEST_CASE("nesting deeper than the limit is an error, not a crash") {
    TempDir dir;
    std::string deep;
    for (int i = 0; i < 100; ++i)
      deep += "> ";
    Diagnostics diags;
    auto a = test::load_text(dir, "deep.md", "# Deep\n\n" + deep + "x\n", diags);
    REQUIRE(a);
    CHECK(test::has(diags, Severity::Error, "nested more than 64 levels", 3));
  }

  TEST_CASE("file size limit") {
    TempDir dir;
    input::LoadOptions opts;
    opts.limits.max_file_size = 100;
    Diagnostics diags;
    auto a = test::load_text(dir, "big.md", std::string(200, 'a'), diags, opts);
    CHECK_FALSE(a);
    CHECK(test::has(diags, Severity::Error, "file is too large"));
  }
}
