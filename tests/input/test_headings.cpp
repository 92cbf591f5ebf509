#include "support.hpp"

#include "input/heading_slug.hpp"

#include <doctest/doctest.h>

using namespace galley;
using galley::test::TempDir;

namespace {

std::vector<const model::Heading*> headings(const model::Article& a) {
  std::vector<const model::Heading*> out;
  for (const auto& b : a.blocks)
    if (const auto* h = std::get_if<model::Heading>(&b.value))
      out.push_back(h);
  return out;
}

} // namespace

TEST_SUITE("input/headings") {
  TEST_CASE("heading ids follow GitHub's slugs") {
    CHECK(input::github_slug("Microsoft & OpenAI: Next Phase") == "microsoft--openai-next-phase");
    CHECK(input::github_slug("What's new in v2.0?") == "whats-new-in-v20");
    CHECK(input::github_slug("Ça va, Łódź?") == "ça-va-łódź");
    CHECK(input::github_slug("Über_alles - jetzt") == "über_alles---jetzt");
    CHECK(input::github_slug("Привет мир") == "привет-мир");
    CHECK(input::github_slug("日本語の見出し") == "日本語の見出し");
    CHECK(input::github_slug("?!") == "section");
  }

  TEST_CASE("repeated headings get -1, -2 as on GitHub; links written for GitHub find them") {
    TempDir dir;
    Diagnostics diags;
    auto a = test::load_text(dir, "rep.md",
                             "---\ntitle: T\n---\n## Notes\n\n## Notes\n\n## Notes\n\n"
                             "## Ça *va* `now`\n",
                             diags);
    REQUIRE(a);
    auto hs = headings(*a);
    REQUIRE(hs.size() == 4);
    CHECK(hs[0]->id == "notes");
    CHECK(hs[1]->id == "notes-1");
    CHECK(hs[2]->id == "notes-2");
    CHECK(hs[3]->id == "ça-va-now");
  }

  TEST_CASE("attribute blocks and MDX comments set the id or are dropped, and never print") {
    TempDir dir;
    Diagnostics diags;
    auto a = test::load_text(dir, "attrs.md",
                             "---\ntitle: T\n---\n"
                             "## Install it {#install .unnumbered}\n\n"
                             "## Set up {.note data-x=1}\n\n"
                             "## Use it {/*usage*/}\n\n"
                             "## Tune it {/* keep the old anchor */}\n\n"
                             "Closing hashes {#setext}\n"
                             "-----------------------\n\n"
                             "## Closed ## {#closed}\n\n"
                             "## Not {attributes}\n\n"
                             "## Braces{#glued}\n\n"
                             "```\n## {#code}\n```\n",
                             diags);
    REQUIRE(a);
    CAPTURE(test::dump(diags));
    CHECK_FALSE(diags.has_errors());
    auto hs = headings(*a);
    REQUIRE(hs.size() == 8);
    CHECK(hs[0]->id == "install");
    CHECK(model::plain_text(hs[0]->content) == "Install it");
    CHECK(hs[1]->id == "set-up");
    CHECK(model::plain_text(hs[1]->content) == "Set up");
    CHECK(hs[2]->id == "usage");
    CHECK(model::plain_text(hs[2]->content) == "Use it");
    CHECK(hs[3]->id == "tune-it");
    CHECK(model::plain_text(hs[3]->content) == "Tune it");
    CHECK(hs[4]->id == "setext");
    CHECK(model::plain_text(hs[4]->content) == "Closing hashes");
    CHECK(hs[5]->id == "closed");
    CHECK(model::plain_text(hs[5]->content) == "Closed");
    CHECK(model::plain_text(hs[6]->content) == "Not {attributes}");
    CHECK(model::plain_text(hs[7]->content) == "Braces{#glued}");
    const auto* code = std::get_if<model::CodeBlock>(&a->blocks.back().value);
    REQUIRE(code);
    CHECK(code->code.find("{#code}") != std::string::npos);
    CHECK(a->blocks[1].loc.line == 6);
  }

  TEST_CASE("an id given twice is an error at the second heading") {
    TempDir dir;
    Diagnostics diags;
    test::load_text(dir, "dup.md", "---\ntitle: T\n---\n## A {#x}\n\n## B {#x}\n", diags);
    CHECK(test::has(diags, Severity::Error, "heading id 'x' is used twice", 6));
  }
}
