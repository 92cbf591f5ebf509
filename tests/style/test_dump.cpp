#include "galley/style.hpp"
#include "style/dump.hpp"

#include <doctest/doctest.h>

using namespace galley;
using namespace galley::style;

namespace {

std::string all_messages(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.all()) out += format_text(d) + "\n";
  return out;
}

} // namespace

TEST_SUITE("style/dump") {
  TEST_CASE("dump_style names every section and fills every default") {
    std::string yaml = dump_style(default_style());
    for (const char* key :
         {"name:", "page:", "margins:", "fonts:", "faces:", "text:", "headings:", "h6:", "opening:",
          "author-block:", "running-heads:", "notes:", "colors:", "code:", "line-numbers:",
          "issue:", "epub:", "extra-css:", "hyphen-right:"}) {
      CAPTURE(key);
      CHECK(yaml.find(key) != std::string::npos);
    }
    CHECK(yaml.find("size: 10.5pt") != std::string::npos);
    CHECK(yaml.find("\"#b3261e\"") != std::string::npos);
    CHECK(yaml.find("extends") == std::string::npos);
  }

  TEST_CASE("a dumped style loads back to the same style") {
    std::vector<std::string> names{"dispatch", "pocket", "broadsheet", "base"};
    for (const auto& name : names) {
      CAPTURE(name);
      Diagnostics diags;
      Style s = load_style(name, diags);
      REQUIRE(diags.empty());
      std::string first = dump_style(s);
      Style again = load_style_text(first, "roundtrip.yaml", diags);
      INFO(all_messages(diags));
      REQUIRE(diags.empty());
      CHECK(dump_style(again) == first);
      CHECK(again.name == s.name);
      CHECK(again.page.width == doctest::Approx(s.page.width).epsilon(1e-6));
      CHECK(again.page.margins.outer == doctest::Approx(s.page.margins.outer).epsilon(1e-6));
      CHECK(again.text.align == s.text.align);
      CHECK(again.headings[2].text_case == s.headings[2].text_case);
      CHECK(again.fonts.body.features == s.fonts.body.features);
      CHECK(again.running_heads.folio == s.running_heads.folio);
      CHECK(again.colors.accent == s.colors.accent);
    }
  }

  TEST_CASE("the code theme, line numbers and changed token colours survive the round trip") {
    Style s = default_style();
    s.code.theme = CodeTheme::Grey;
    s.code.tokens = code_theme(CodeTheme::Grey);
    s.code.tokens[static_cast<std::size_t>(TokenKind::Comment)].color = {0x50, 0x50, 0x50};
    s.code.line_numbers = true;
    Diagnostics diags;
    const std::string yaml = dump_style(s);
    CHECK(yaml.find("theme: grey") != std::string::npos);
    Style again = load_style_text(yaml, "code.yaml", diags);
    INFO(all_messages(diags));
    REQUIRE(diags.empty());
    CHECK(again.code.theme == CodeTheme::Grey);
    CHECK(again.code.line_numbers);
    CHECK(again.code.tokens == s.code.tokens);
  }

  TEST_CASE("awkward strings survive the round trip") {
    Style s = default_style();
    s.description = "quotes \" and: colons # and hashes";
    s.running_heads.recto = "{title} \xe2\x80\x94 {author}";
    s.epub.extra_css = "p { margin: 0; }\nh1::before { content: \"\xc2\xa7\"; }\n";
    s.text.exceptions = {"ta-ble", "true", "123"};
    s.fonts.faces.push_back({"Inter", 700, true,
                             std::string(GALLEY_SOURCE_DIR) + "/fonts/inter/Inter-Bold.otf"});
    Diagnostics diags;
    Style again = load_style_text(dump_style(s), "awkward.yaml", diags);
    INFO(all_messages(diags));
    REQUIRE(diags.empty());
    CHECK(again.description == s.description);
    CHECK(again.running_heads.recto == s.running_heads.recto);
    CHECK(again.epub.extra_css == s.epub.extra_css);
    CHECK(again.text.exceptions == s.text.exceptions);
    REQUIRE(again.fonts.faces.size() == 1);
    CHECK(again.fonts.faces[0].italic);
    CHECK(again.fonts.faces[0].path == s.fonts.faces[0].path);
  }
}
