// The language of a fenced code block, however the fence's info string names it: CommonMark's
// first word, pandoc's and Quarto's attribute blocks, Hugo's options, R Markdown's chunks
// (docs/input.md, "Code").
#include "support.hpp"

#include <doctest/doctest.h>

using namespace galley;
using galley::test::TempDir;

namespace {

/// The language of the one code block `info` opens.
std::string language(const std::string& info) {
  TempDir dir;
  Diagnostics diags;
  auto a =
      test::load_text(dir, "a.md", "---\ntitle: T\n---\n\n```" + info + "\nx = 1\n```\n", diags);
  REQUIRE(a);
  CHECK(test::dump(diags) == "");
  REQUIRE(a->blocks.size() == 1);
  const auto* code = std::get_if<model::CodeBlock>(&a->blocks[0].value);
  REQUIRE(code);
  CHECK(code->code == "x = 1");
  return code->language;
}

} // namespace

TEST_SUITE("input/markdown-fences") {
  TEST_CASE("a fence's first word, and what Hugo, GitHub and VitePress write after it") {
    CHECK(language("python") == "python");
    CHECK(language("python title=\"count.py\"") == "python");
    CHECK(language("go {linenos=table,hl_lines=[8,\"15-17\"],linenostart=199}") == "go");
    CHECK(language("python {linenos=true}") == "python");
    CHECK(language("js{1,3}") == "js");
    CHECK(language("") == "");
  }

  TEST_CASE("pandoc's and Quarto's attribute blocks: the first class names the language") {
    CHECK(language("{.python}") == "python");
    CHECK(language(" {.haskell}") == "haskell");
    CHECK(language("{.python .numberLines startFrom=\"10\"}") == "python");
    CHECK(language("{.numberLines .rust}") == "rust");
    CHECK(language("{#lst:count .cpp caption=\"Zählen, mit Rückgabe\"}") == "cpp");
    CHECK(language("{lang=ruby}") == "ruby");
    CHECK(language("{language=\"sql\" .numberLines}") == "sql");
    CHECK(language("{.numberLines}") == "");
    CHECK(language("{=html}") == "");
  }

  TEST_CASE("R Markdown and Quarto chunks: the engine is the language") {
    CHECK(language("{r}") == "r");
    CHECK(language("{r setup, include=FALSE}") == "r");
    CHECK(language("{python echo=FALSE}") == "python");
    CHECK(language("{bash, eval = FALSE}") == "bash");
  }
}
