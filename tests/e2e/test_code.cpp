// Highlighted code blocks (tests/e2e/data/code/): a post with the same task in Python, C++,
// JavaScript, Rust, shell and SQL, set through `galley pdf` and `galley epub`. The PDF's page
// streams fill the tokens in the theme's colours (greys only in the grey theme), its text is
// the text of the same post with no language named, and line numbers stay out of the tagged
// structure; the EPUB holds token spans its style sheet colours, and passes epubcheck.
#include "book_checks.hpp"
#include "run.hpp"

#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <array>
#include <cmath>
#include <fstream>
#include <functional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace e2e;
namespace fs = std::filesystem;

namespace {

fs::path data(const char* name) {
  return source_dir() / "tests/e2e/data/code" / name;
}

struct Fill {
  int r, g, b; ///< 0..255, rounded from the operands of `rg`
  auto operator<=>(const Fill&) const = default;
};

/// Every fill colour set in the page streams (`r g b rg`), read from qpdf's uncompressed form.
std::set<Fill> fills(const fs::path& pdf) {
  const std::string qdf = run("qpdf --qdf --object-streams=disable " + q(pdf) + " -").out;
  std::set<Fill> out;
  const std::regex rg(R"(([0-9.]+) ([0-9.]+) ([0-9.]+) rg\n)");
  for (auto it = std::sregex_iterator(qdf.begin(), qdf.end(), rg); it != std::sregex_iterator();
       ++it) {
    auto v = [&](int i) { return static_cast<int>(std::lround(std::stod((*it)[i]) * 255)); };
    out.insert({v(1), v(2), v(3)});
  }
  return out;
}

/// The light theme's token colours (style::code_theme), keyword to variable.
constexpr std::array<Fill, 8> kLight{{{0x8b, 0x22, 0x52},
                                      {0x00, 0x64, 0x8a},
                                      {0x2e, 0x6b, 0x1f},
                                      {0x9a, 0x4f, 0x00},
                                      {0x6a, 0x6a, 0x5e},
                                      {0x7a, 0x3e, 0x9d},
                                      {0x2a, 0x55, 0xa5},
                                      {0xa3, 0x36, 0x1f}}};

fs::path write_file(const fs::path& path, const std::string& text) {
  std::ofstream(path) << text;
  return path;
}

fs::path make_pdf(const fs::path& input, const fs::path& pdf, const std::string& style = {}) {
  const RunResult r = run_galley("pdf " + q(input) + " -o " + q(pdf) +
                                 (style.empty() ? "" : " --style " + q(style)));
  CAPTURE(r.err);
  REQUIRE(r.code == 0);
  CHECK(run("qpdf --check " + q(pdf)).code == 0);
  return pdf;
}

/// The post with every fence's language taken away: what the PDF held before highlighting.
std::string without_languages(std::string md) {
  return std::regex_replace(md, std::regex("```[a-z+]+\n"), "```\n");
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

} // namespace

TEST_SUITE("e2e/code") {
  TEST_CASE("PDF: tokens filled in at least three of the light theme's colours") {
    const fs::path pdf = make_pdf(data("polyglot.md"), scratch("code-light") / "light.pdf");
    const std::set<Fill> used = fills(pdf);
    int colours = 0;
    for (const Fill& f : kLight)
      colours += used.contains(f) ? 1 : 0;
    CHECK(colours >= 3);
    CHECK(colours >= 6); // every language here has keywords, strings, comments, numbers, ...
  }

  TEST_CASE("PDF: the grey theme fills code text in greys only") {
    const fs::path dir = scratch("code-grey");
    // Accent and link colours grey too, so that every fill on the page must be grey.
    const fs::path style =
        write_file(dir / "grey.yaml", "extends: dispatch\n"
                                      "colors: {accent: \"#333333\", link: \"#333333\"}\n"
                                      "code: {theme: grey}\n");
    const std::set<Fill> used =
        fills(make_pdf(data("polyglot.md"), dir / "grey.pdf", style.string()));
    REQUIRE(used.size() >= 3);
    for (const Fill& f : used) {
      CAPTURE(f.r);
      CAPTURE(f.g);
      CAPTURE(f.b);
      CHECK((f.r == f.g && f.g == f.b));
    }
    for (const Fill& f : kLight)
      CHECK_FALSE(used.contains(f));
  }

  TEST_CASE("PDF: highlighting changes neither the text nor where lines wrap") {
    const fs::path dir = scratch("code-text");
    const fs::path plain_md =
        write_file(dir / "plain.md", without_languages(slurp(data("polyglot.md"))));
    const fs::path coloured = make_pdf(data("polyglot.md"), dir / "coloured.pdf");
    const fs::path plain = make_pdf(plain_md, dir / "plain.pdf");
    const std::string text = run("pdftotext -layout " + q(coloured) + " -").out;
    CHECK(text.find("def count_valid(path: str) -> int:") != std::string::npos);
    CHECK(text.find("// Zählt die Zeilen mit Titel.") != std::string::npos);
    CHECK(text.find("// 空行を除く") != std::string::npos);
    CHECK(text == run("pdftotext -layout " + q(plain) + " -").out);
    CHECK(fills(plain).size() < fills(coloured).size());
  }

  TEST_CASE("PDF: line numbers are artifacts, outside the tagged text") {
    const fs::path dir = scratch("code-numbers");
    const fs::path style = write_file(dir / "numbered.yaml", "extends: dispatch\n"
                                                             "code: {line-numbers: true}\n");
    const fs::path pdf = make_pdf(data("polyglot.md"), dir / "numbered.pdf", style.string());
    const fs::path plain = make_pdf(data("polyglot.md"), dir / "plain.pdf");
    // pdftotext reads artifacts too: the numbers are in its text, before each line.
    const std::string text = run("pdftotext -layout " + q(pdf) + " -").out;
    CHECK(std::regex_search(text, std::regex(R"(\n\s*1\s+import csv\n)")));
    CHECK(std::regex_search(text, std::regex(R"(\n\s*10\s+return valid\n)")));
    // The structure tree, which assistive technology reads, has the same text as without them
    // (the lines wrap elsewhere, the numbers taking room: spaces and line ends aside).
    auto tree = [](const fs::path& p) {
      std::string t = run("pdfinfo -struct-text " + q(p)).out;
      std::erase_if(t, [](char c) { return c == ' ' || c == '\n' || c == '"'; });
      return t;
    };
    const std::string numbered_tree = tree(pdf);
    REQUIRE(numbered_tree.find("importcsv") != std::string::npos);
    CHECK(numbered_tree == tree(plain));
  }

  TEST_CASE("EPUB: token spans with matching style rules, epubcheck clean") {
    const fs::path dir = scratch("code-epub");
    const fs::path style = write_file(dir / "numbered.yaml", "extends: dispatch\n"
                                                             "code: {line-numbers: true}\n");
    const fs::path epub = dir / "polyglot.epub", numbered = dir / "numbered.epub";
    for (const auto& [out, args] :
         {std::pair{epub, std::string()}, std::pair{numbered, " --style " + q(style)}}) {
      const RunResult r = run_galley("epub " + q(data("polyglot.md")) + " -o " + q(out) + args);
      CAPTURE(r.err);
      REQUIRE(r.code == 0);
    }
    const std::string xhtml = run("unzip -p " + q(epub) + " EPUB/article-001.xhtml").out;
    const std::string css = run("unzip -p " + q(epub) + " 'EPUB/*.css'").out;
    pugi::xml_document doc;
    REQUIRE(doc.load_string(xhtml.c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
    std::set<std::string> classes;
    for (const pugi::xpath_node& n : doc.select_nodes("//pre/code//span[@class]"))
      classes.insert(n.node().attribute("class").value());
    CHECK(classes.size() >= 5);
    for (const std::string& c : classes) {
      CAPTURE(c);
      CHECK(std::regex_search(css, std::regex("pre \\." + c + " \\{[^}]*color: #[0-9a-f]{6}")));
    }
    CHECK(classes.contains("tok-keyword"));
    CHECK(classes.contains("tok-string"));
    CHECK(classes.contains("tok-comment"));
    // The code reads as written: the spans hold all of its text and nothing else.
    const pugi::xpath_node python = doc.select_node("//pre/code[@class='language-python']");
    REQUIRE(python);
    std::string text;
    std::function<void(pugi::xml_node)> gather = [&](pugi::xml_node n) {
      for (pugi::xml_node c : n.children()) {
        if (c.type() == pugi::node_pcdata)
          text += c.value();
        else
          gather(c);
      }
    };
    gather(python.node());
    CHECK(text.starts_with("import csv\n\ndef count_valid(path: str) -> int:\n"));
    CHECK(text.ends_with("    return valid"));
    // The console block names no language to highlight: no spans.
    const pugi::xpath_node console = doc.select_node("//pre/code[@class='language-console']");
    REQUIRE(console);
    CHECK_FALSE(console.node().child("span"));

    const std::string numbered_xhtml =
        run("unzip -p " + q(numbered) + " EPUB/article-001.xhtml").out;
    const std::string numbered_css = run("unzip -p " + q(numbered) + " 'EPUB/*.css'").out;
    CHECK(numbered_xhtml.find(
              "<pre class=\"numbered\"><code class=\"language-python\"><span class=\"line\">") !=
          std::string::npos);
    CHECK(numbered_css.find("content: counter(code-line)") != std::string::npos);
    CHECK(css.find("counter(") == std::string::npos);

    check_epubs({epub, numbered});
  }

  TEST_CASE("EPUB: fences that name the language in attributes are highlighted by it") {
    const fs::path dir = scratch("code-attributes");
    const fs::path md = write_file(dir / "fences.md", R"(---
title: Fences
---

```{.python .numberLines startFrom="10"}
def total(xs):
    return sum(xs)  # Summe
```

``` {.haskell}
main = putStrLn "hola"
```

```go {linenos=true}
func main() { return }
```

```{r setup, echo=FALSE}
if (TRUE) print("hola") # Kommentar
```

```{python echo=FALSE}
import os
```
)");
    const fs::path epub = dir / "fences.epub";
    const RunResult r = run_galley("epub " + q(md) + " -o " + q(epub));
    CAPTURE(r.err);
    REQUIRE(r.code == 0);
    pugi::xml_document doc;
    const std::string xhtml = run("unzip -p " + q(epub) + " EPUB/article-001.xhtml").out;
    REQUIRE(doc.load_string(xhtml.c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
    const std::vector<std::string> languages{"python", "haskell", "go", "r", "python"};
    const pugi::xpath_node_set blocks = doc.select_nodes("//pre/code");
    REQUIRE(blocks.size() == languages.size());
    for (std::size_t i = 0; i < languages.size(); ++i) {
      const pugi::xml_node code = blocks[i].node();
      CAPTURE(languages[i]);
      CHECK(std::string(code.attribute("class").value()) == "language-" + languages[i]);
      std::set<std::string> classes;
      for (const pugi::xpath_node& n : code.select_nodes(".//span[@class]"))
        classes.insert(n.node().attribute("class").value());
      CHECK(classes.size() >= 1);
    }
    auto classes_of = [&](std::size_t i) {
      std::set<std::string> out;
      for (const pugi::xpath_node& n : blocks[i].node().select_nodes(".//span[@class]"))
        out.insert(n.node().attribute("class").value());
      return out;
    };
    CHECK(classes_of(0).contains("tok-keyword"));
    CHECK(classes_of(0).contains("tok-comment"));
    CHECK(classes_of(1).contains("tok-string"));
    CHECK(classes_of(2).contains("tok-keyword"));
    CHECK(classes_of(3).contains("tok-comment"));
    CHECK(classes_of(4).contains("tok-preprocessor"));
  }

  TEST_CASE("an unknown language and no language: set plain, the file still made") {
    const fs::path dir = scratch("code-unknown");
    const fs::path pdf = make_pdf(data("unknown.md"), dir / "unknown.pdf");
    const std::string text = run("pdftotext " + q(pdf) + " -").out;
    CHECK(text.find("graph TD; A-->B;") != std::string::npos);
    for (const Fill& f : kLight)
      CHECK_FALSE(fills(pdf).contains(f));
  }
}
