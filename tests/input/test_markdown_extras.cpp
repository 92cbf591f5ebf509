// pandoc's Markdown beyond CommonMark that real articles use: definition lists, TeX math and
// typographic punctuation in the article's language (docs/input.md, "Markdown").
#include "support.hpp"

#include <doctest/doctest.h>

using namespace galley;
using galley::test::TempDir;

namespace {

/// The model dump of `body` (after a front matter with `front`), from its first block on.
std::string body_of(const std::string& body, const std::string& front = "") {
  TempDir dir;
  Diagnostics diags;
  auto a = test::load_text(dir, "a.md", "---\ntitle: T\n" + front + "---\n\n" + body, diags);
  REQUIRE(a);
  CHECK(test::dump(diags) == "");
  std::string dump = test::dump(*a);
  return dump.substr(dump.find("body\n") + 5);
}

/// The text of the first paragraph.
std::string first_text(const std::string& body, const std::string& front = "") {
  TempDir dir;
  Diagnostics diags;
  auto a = test::load_text(dir, "a.md", "---\ntitle: T\n" + front + "---\n\n" + body, diags);
  REQUIRE(a);
  REQUIRE(!a->blocks.empty());
  const auto* p = std::get_if<model::Paragraph>(&a->blocks.front().value);
  REQUIRE(p != nullptr);
  return model::plain_text(p->content);
}

} // namespace

TEST_SUITE("input/markdown-extras") {
  TEST_CASE("definition lists, tight and loose, become one list per run of terms") {
    std::string dump = body_of("Apple\n: A fruit.\n: A company,\n  in California.\n\n"
                               "Banana\n\n:   A yellow fruit.\n\n~ A shape.\n\nAfter.\n");
    CHECK(dump == "  definition-list\n"
                  "  term\n    text 'Apple'\n"
                  "  definition\n    paragraph\n      text 'A fruit.'\n"
                  "  definition\n    paragraph\n      text 'A company,'\n"
                  "      soft-break\n      text 'in California.'\n"
                  "  term\n    text 'Banana'\n"
                  "  definition\n    paragraph\n      text 'A yellow fruit.'\n"
                  "  definition\n    paragraph\n      text 'A shape.'\n"
                  "  paragraph\n    text 'After.'\n");
  }

  TEST_CASE("prose with colons is not a definition list") {
    CHECK(body_of("Note:\nthis stays a paragraph.\n") ==
          "  paragraph\n    text 'Note:'\n    soft-break\n    text 'this stays a paragraph.'\n");
    CHECK(body_of(":tada: Released.\n\nA term\n:no space is not a marker\n").find("definition") ==
          std::string::npos);
  }

  TEST_CASE("definition lists inside quotes, list items and notes") {
    CHECK(body_of("> Term\n> : Meaning.\n").find("  quote\n    definition-list\n") !=
          std::string::npos);
    CHECK(body_of("- Term\n  : Meaning.\n").find("  item\n    definition-list\n") != std::string::npos);
    TempDir dir;
    Diagnostics diags;
    auto a = test::load_text(dir, "a.md",
                             "---\ntitle: T\n---\n\nText.[^1]\n\n[^1]: Term\n    : Meaning.\n",
                             diags);
    REQUIRE(a);
    REQUIRE(a->notes.size() == 1);
    REQUIRE(!a->notes[0].blocks.empty());
    CHECK(std::holds_alternative<model::DefinitionList>(a->notes[0].blocks[0].value));
  }

  TEST_CASE("TeX math between dollars is a math node, emphasis marks and all") {
    CHECK(body_of("Let $a*b*c_1$ be, and $$\\sum_i x_i$$ too.\n") ==
          "  paragraph\n    text 'Let '\n    math 'a*b*c_1'\n    text ' be, and '\n"
          "    display-math '\\sum_i x_i'\n    text ' too.'\n");
    CHECK(body_of("$$\nE = mc^2\n$$\n") == "  paragraph\n    display-math 'E = mc^2'\n");
    CHECK(body_of("```math\nx^2\n```\n") == "  paragraph\n    display-math 'x^2'\n");
    // Table cells take only the inline kinds cmark-gfm knows: math must still reach them.
    CHECK(body_of("| A | $P(x)$ |\n|---|---|\n| 1 | $y$ |\n").find("    math 'P(x)'\n") !=
          std::string::npos);
  }

  TEST_CASE("dollars that are not math stay text") {
    // Prices, a space inside the opening or closing dollar, a digit after the closing one, an
    // escaped dollar and a code span (pandoc's tex_math_dollars rules).
    for (const char* text : {"It costs $5 and $10.", "A $ b$ c.", "A $b $ c.", "A $b$5 c.",
                             "A \\$b$ c.", "Run `echo $HOME$` now."})
      CHECK(body_of(std::string(text) + "\n").find("math") == std::string::npos);
  }

  TEST_CASE("straight quotes curl in the article's language; code and URLs keep theirs") {
    const std::string text = "He said \"yes\" -- then... 'no' --- it's `\"x\" --` <https://a.org/b--c>\n";
    CHECK(first_text(text) ==
          "He said \u201Cyes\u201D \u2013 then\u2026 \u2018no\u2019 \u2014 it\u2019s \"x\" -- "
          "https://a.org/b--c");
    CHECK(first_text("\"Ja\", sagte sie.\n", "lang: de-AT\n") == "\u201EJa\u201C, sagte sie.");
    CHECK(first_text("Il dit \"oui\".\n", "lang: fr\n") ==
          "Il dit \u00AB\u202Foui\u202F\u00BB.");
    CHECK(first_text("Он сказал \"да\".\n", "lang: ru\n") == "Он сказал \u00ABда\u00BB.");
    CHECK(first_text("Two  spaces   here.\n") == "Two spaces here.");
  }

  TEST_CASE("smart: false keeps the punctuation as typed") {
    CHECK(first_text("\"Quote\" -- and...\n", "smart: false\n") == "\"Quote\" -- and...");
  }

  TEST_CASE("typographic quotes the writer typed are left alone") {
    // A German writer's own „…“: its “ must not become „ as a curled straight quote would.
    CHECK(first_text("\u201EEcht\u201C und \"so\".\n", "lang: de\n") ==
          "\u201EEcht\u201C und \u201Cso\u201D.");
  }

  TEST_CASE("GitHub emoji shortcodes become emoji; other colons stay") {
    CHECK(first_text(":tada: Out now :+1: :rocket:\n") == "\U0001F389 Out now \U0001F44D \U0001F680");
    // Text-style characters get the emoji variation selector (UTS #51).
    CHECK(first_text("Weather: :sunny:, :x: and :warning:.\n") ==
          "Weather: \u2600\uFE0F, \u274C and \u26A0\uFE0F.");
    // GitHub's whole list: sequences (a flag, a keycap, a family) and names that are not
    // Unicode's (`:alien:` is EXTRATERRESTRIAL ALIEN, `:a:` the blood type A button).
    CHECK(first_text(":gb: :hash: :family_man_woman_boy: :a:\n") ==
          "\U0001F1EC\U0001F1E7 #\uFE0F\u20E3 \U0001F468\u200D\U0001F469\u200D\U0001F466 "
          "\U0001F170\uFE0F");
    CHECK(first_text(":hourglass_flowing_sand: :arrows_counterclockwise: :rewind: :alien: "
                     ":loud_sound: :mute: :camera_flash: :see_no_evil: :unlock:\n") ==
          "\u23F3 \U0001F504 \u23EA \U0001F47D \U0001F50A \U0001F507 \U0001F4F8 \U0001F648 "
          "\U0001F513");
    // A name GitHub lacks is looked up as a Unicode character name (HAMSA is of Unicode 15).
    CHECK(first_text(":thumbsup: and :hamsa:\n") == "\U0001F44D and \U0001FAAC");
    for (const char* kept : {"At 10:30:00 sharp.", "Ratio a:b:c here.", "Say :not_an_emoji: now.",
                             "Letters :q: stay.", "At 10:a:30 sharp."})
      CHECK(first_text(std::string(kept) + "\n") == kept);
    CHECK(body_of("Run `:tada:` now.\n").find("code ':tada:'") != std::string::npos);
  }

  TEST_CASE("a table row longer than its header keeps every cell; the table widens") {
    // GFM drops the cells past the header's count; galley reads the row again and keeps them.
    TempDir dir;
    Diagnostics diags;
    auto a = test::load_text(dir, "a.md",
                             "---\ntitle: T\n---\n\n| A | B |\n|:--|--:|\n| 1 | 2 | *3* | 4 |\n"
                             "| short |\nx | y\n| c \\| d | e |\n| `a|b` | c |\n",
                             diags);
    REQUIRE(a);
    CHECK(diags.empty());
    const auto* t = std::get_if<model::Table>(&a->blocks.at(0).value);
    REQUIRE(t != nullptr);
    REQUIRE(t->rows.size() == 6);
    CHECK(t->aligns.size() == 4);
    CHECK(t->aligns[1] == model::Align::Right);
    CHECK(t->aligns[2] == model::Align::Default);
    for (const auto& row : t->rows) CHECK(row.cells.size() == 4);
    auto cell = [&](std::size_t r, std::size_t c) { return model::plain_text(t->rows[r].cells[c].content); };
    CHECK(cell(1, 2) == "3");
    CHECK(std::holds_alternative<model::Emphasis>(t->rows[1].cells[2].content.at(0).value));
    CHECK(t->rows[1].cells[3].loc.line == 7);
    CHECK(cell(1, 3) == "4");
    CHECK(cell(2, 0) == "short");
    CHECK(cell(2, 1) == "");
    // An escaped pipe is text; a pipe in a code span separates cells (GFM spec, "Tables").
    CHECK(cell(4, 0) == "c | d");
    CHECK(cell(4, 1) == "e");
    CHECK(cell(5, 0) == "`a");
    CHECK(cell(5, 2) == "c");
  }

  TEST_CASE("pandoc's simple tables are tables, aligned as pandoc aligns them") {
    TempDir dir;
    Diagnostics diags;
    auto a = test::load_text(dir, "a.md",
                             "---\ntitle: T\n---\n\n"
                             "  Right     Left     Center     Default\n"
                             "-------     ------ ----------   -------\n"
                             "     12     12        12          12\n"
                             "    123     a | b     123         123\n"
                             "\n"
                             "Table: Demonstration of simple table syntax.\n"
                             "\n"
                             "Text, then a rule.\n"
                             "- - -\n"
                             "And more text.\n",
                             diags);
    REQUIRE(a);
    CHECK(diags.empty());
    REQUIRE(a->blocks.size() >= 5);
    const auto* t = std::get_if<model::Table>(&a->blocks.at(0).value);
    REQUIRE(t != nullptr);
    REQUIRE(t->rows.size() == 3);
    CHECK(t->aligns == std::vector<model::Align>{model::Align::Right, model::Align::Left,
                                                 model::Align::Center, model::Align::Default});
    auto cell = [&](std::size_t r, std::size_t c) {
      return model::plain_text(t->rows[r].cells[c].content);
    };
    CHECK(cell(0, 2) == "Center");
    CHECK(cell(2, 0) == "123");
    CHECK(cell(2, 1) == "a | b");
    CHECK(t->rows[2].cells[3].loc.line == 8);
    // The caption is a paragraph after the table, without its `Table:`.
    CHECK(model::plain_text(std::get<model::Paragraph>(a->blocks.at(1).value).content) ==
          "Demonstration of simple table syntax.");
    // One-dash groups are a thematic break under a paragraph, not a table.
    CHECK(std::holds_alternative<model::Paragraph>(a->blocks.at(2).value));
    CHECK(std::holds_alternative<model::ThematicBreak>(a->blocks.at(3).value));
  }

  TEST_CASE("a line break between Chinese or Japanese characters is no space") {
    CHECK(first_text("\u5341\u4e94\u30ad\u30ed\u3002\n\u666e\u6bb5\u306f\n") ==
          "\u5341\u4e94\u30ad\u30ed\u3002\u666e\u6bb5\u306f");
    // Korean and Latin keep the space (CSS Text 3, 4.1.3).
    CHECK(first_text("\ud55c\uad6d\uc5b4\n\ud14d\uc2a4\ud2b8\n") ==
          "\ud55c\uad6d\uc5b4 \ud14d\uc2a4\ud2b8");
    CHECK(first_text("\u65e5\u672c\nJapan\n") == "\u65e5\u672c Japan");
  }

  TEST_CASE("Docusaurus admonitions and GitHub alerts are titled quotes; pandoc divs unwrap") {
    CHECK(body_of(":::note\nHello *there*.\n:::\n") ==
          "  quote\n    paragraph\n      strong\n        text 'Note'\n"
          "    paragraph\n      text 'Hello '\n      emphasis\n        text 'there'\n      text '.'\n");
    CHECK(body_of(":::tip[Read this]\n\nBody.\n\n- item\n\n:::\n\nAfter.\n") ==
          "  quote\n    paragraph\n      strong\n        text 'Read this'\n"
          "    paragraph\n      text 'Body.'\n    list bullet start=1 tight\n    item\n"
          "      paragraph\n        text 'item'\n  paragraph\n    text 'After.'\n");
    CHECK(body_of(":::danger Do not\nStop.\n:::\n").find("text 'Do not'") != std::string::npos);
    CHECK(body_of("> [!WARNING]\n> Careful now.\n") ==
          "  quote\n    paragraph\n      strong\n        text 'Warning'\n"
          "    paragraph\n      text 'Careful now.'\n");
    CHECK(body_of("::: {.sidebar #s1}\nPandoc div.\n:::\n") == "  paragraph\n    text 'Pandoc div.'\n");
    // Nested fences, and a quote that only mentions brackets, stay as written.
    CHECK(body_of("::::note\nOuter.\n:::tip\nInner.\n:::\n::::\n").find("text 'Tip'") !=
          std::string::npos);
    CHECK(body_of("> [!] not an alert\n").find("strong") == std::string::npos);
  }
}
