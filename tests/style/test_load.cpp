#include "galley/style.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

using namespace galley;
using namespace galley::style;

namespace {

std::string data(const std::string& name) {
  return std::string(GALLEY_TEST_DATA_DIR) + "/style/data/" + name;
}

std::string all_messages(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.all()) out += format_text(d) + "\n";
  return out;
}

constexpr double kMm = 72.0 / 25.4;

} // namespace

TEST_SUITE("style/load") {
  TEST_CASE("an empty style is the defaults") {
    Diagnostics diags;
    Style s = load_style_text("", "empty.yaml", diags);
    CHECK(diags.empty());
    Style d = default_style();
    CHECK(s.name == "empty");
    CHECK(s.page.size == d.page.size);
    CHECK(s.text.size == d.text.size);
    CHECK(s.headings[0].size == d.headings[0].size);
    CHECK(s.fonts.fallback == d.fonts.fallback);
    Style comments_only = load_style_text("# nothing here\n", "c.yaml", diags);
    CHECK(diags.empty());
    CHECK(comments_only.page.width == d.page.width);
  }

  TEST_CASE("a child overrides only what it names and nested maps merge") {
    Diagnostics diags;
    Style s = load_style(data("child.yaml"), diags);
    INFO(all_messages(diags));
    REQUIRE(diags.empty());
    CHECK(s.name == "child");
    CHECK(s.description.empty()); // a description is not inherited
    // page.size and three margins come from the parent, the top margin from the child
    CHECK(s.page.size == "A5");
    CHECK(s.page.margins.top == doctest::Approx(20 * kMm));
    CHECK(s.page.margins.bottom == doctest::Approx(12 * kMm));
    CHECK(s.page.margins.inner == doctest::Approx(14 * kMm));
    CHECK(s.page.margins.outer == doctest::Approx(16 * kMm));
    // the family is the parent's, the feature list (a list: replaced, not merged) the child's
    CHECK(s.fonts.body.family == "EB Garamond");
    CHECK(s.fonts.body.features == std::vector<std::string>{"lnum"});
    // h1: size from the child, weight and colour from the parent, other levels untouched
    CHECK(s.headings[0].size == 24);
    CHECK(s.headings[0].weight == 800);
    CHECK(s.headings[0].color == Color{0x11, 0x22, 0x33});
    CHECK(s.headings[1].size == default_style().headings[1].size);
    CHECK(s.colors.accent == Color{0x2b, 0x4c, 0x6f});
    CHECK(s.colors.text == default_style().colors.text);
  }

  TEST_CASE("em is relative to the resolved text size and leadings follow sizes") {
    Diagnostics diags;
    Style s = load_style(data("child.yaml"), diags);
    REQUIRE(diags.empty());
    // parent: indent 1em at 12pt; the child sets 10pt, so the indent is 10pt
    CHECK(s.text.size == 10);
    CHECK(s.text.indent == 10);
    // the parent gave text.leading, so it stays; nobody gave h1's leading, so it is 1.2 x 24
    CHECK(s.text.leading == 16);
    CHECK(s.headings[0].leading == 29);
  }

  TEST_CASE("extends and font paths resolve relative to the style file") {
    Diagnostics diags;
    Style s = load_style(data("sub/grandchild.yaml"), diags);
    INFO(all_messages(diags));
    REQUIRE(diags.empty());
    CHECK(s.name == "grandchild");
    CHECK(s.page.size == "A5");
    CHECK(s.headings[0].size == 24);
    CHECK(s.colors.text == Color{0, 0, 0});
    REQUIRE(s.fonts.faces.size() == 2);
    CHECK(s.fonts.faces[0].family == "Inter");
    CHECK(s.fonts.faces[1].weight == 700);
    CHECK(s.fonts.faces[1].italic == false);
    CHECK(std::filesystem::is_regular_file(s.fonts.faces[0].path));
    CHECK(s.fonts.faces[0].path.filename() == "Inter-Regular.otf");
    CHECK(s.source_file.filename() == "grandchild.yaml");
    CHECK(s.source_file.is_absolute());
  }

  TEST_CASE("a user style can extend a bundled one by name") {
    Diagnostics diags;
    Style s = load_style(data("extends-bundled.yaml"), diags);
    INFO(all_messages(diags));
    REQUIRE(diags.empty());
    CHECK(s.description == "pocket with a blue accent");
    CHECK(s.page.size == "A5");
    CHECK(s.page.facing);
    CHECK(s.colors.accent == Color{0, 0, 0xff});
  }

  TEST_CASE("a generated extends chain thousands of files long is refused, not a crash") {
    namespace fs = std::filesystem;
    fs::path dir = galley::test::fresh_folder("galley-style-chain");
    // Each link is one level of recursion in the loader: 5,000 would exhaust the stack.
    for (int i = 1; i <= 5000; ++i)
      std::ofstream(dir / ("s" + std::to_string(i) + ".yaml")) << "extends: s" << i + 1 << "\n";
    std::ofstream(dir / "s5001.yaml") << "page:\n  size: a5\n";
    Diagnostics diags;
    load_style((dir / "s1.yaml").string(), diags);
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].loc.file.find("s32.yaml") != std::string::npos);
    CHECK(diags.all()[0].loc.line == 1);
    CHECK(diags.all()[0].message.find("extends chain is longer than 32") != std::string::npos);
    fs::remove_all(dir);
  }

  TEST_CASE("an extends cycle through a link to the same file is found by identity") {
    namespace fs = std::filesystem;
    fs::path dir = galley::test::fresh_folder("galley-style-cycle");
    fs::create_directories(dir / "other");
    std::ofstream(dir / "a.yaml") << "extends: other/b.yaml\n";
    fs::create_symlink(dir / "a.yaml", dir / "other" / "b.yaml");
    Diagnostics diags;
    load_style((dir / "a.yaml").string(), diags);
    INFO(all_messages(diags));
    REQUIRE(diags.has_errors());
    CHECK(all_messages(diags).find("extends cycle") != std::string::npos);
    CHECK(all_messages(diags).find("(the same file as") != std::string::npos);
    fs::remove_all(dir);
  }

  TEST_CASE("a font file larger than any font is refused where the style names it") {
    namespace fs = std::filesystem;
    fs::path dir = galley::test::fresh_folder("galley-style-huge-font");
    std::ofstream(dir / "huge.ttf").close();
    fs::resize_file(dir / "huge.ttf", 3ull << 30); // sparse: takes no room on disk
    std::ofstream(dir / "s.yaml") << "fonts:\n  faces:\n    - {family: Huge, path: huge.ttf}\n";
    Diagnostics diags;
    load_style((dir / "s.yaml").string(), diags);
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].loc.line == 3);
    CHECK(diags.all()[0].message.find("font file 'huge.ttf' is too large (3221225472 bytes") !=
          std::string::npos);
    fs::remove_all(dir);
  }

  TEST_CASE("every bundled style loads without diagnostics") {
    std::vector<StyleSummary> styles = list_bundled_styles();
    std::vector<std::string> names;
    for (const auto& summary : styles) {
      names.push_back(summary.name);
      CAPTURE(summary.name);
      CHECK(!summary.description.empty());
      CHECK(summary.description.find('\n') == std::string::npos);
      Diagnostics diags;
      Style s = load_style(summary.name, diags);
      INFO(all_messages(diags));
      CHECK(diags.empty());
      CHECK(s.name == summary.name);
      CHECK(s.description == summary.description);
    }
    CHECK(names == std::vector<std::string>{"base", "broadsheet", "dispatch", "pocket"});
  }

  TEST_CASE("the house styles have their documented character") {
    Diagnostics diags;
    Style dispatch = load_style("dispatch", diags);
    Style pocket = load_style("pocket", diags);
    Style broadsheet = load_style("broadsheet", diags);
    REQUIRE(diags.empty());

    CHECK(dispatch.page.size == "A4");
    CHECK(dispatch.opening.cover == CoverMode::Lead);
    CHECK(dispatch.fonts.heading.family == "Inter");
    CHECK(dispatch.fonts.body.family == "EB Garamond");
    CHECK(dispatch.page.columns == 1);

    CHECK(pocket.page.size == "A5");
    CHECK(pocket.page.facing);
    CHECK(pocket.fonts.body.features == std::vector<std::string>{"onum"});
    CHECK(pocket.text.indent == pocket.text.size);
    CHECK(pocket.text.paragraph_spacing == 0);
    CHECK(pocket.running_heads.verso == "{publication}");
    CHECK(pocket.running_heads.recto == "{title}");
    CHECK(pocket.running_heads.folio == FolioPosition::BottomOutside);
    CHECK(pocket.issue.recto_openings);

    CHECK(broadsheet.page.size == "Letter");
    CHECK(broadsheet.page.columns == 2);
    CHECK(broadsheet.page.gutter == 18);
    // inherited from base: the code font switches programming ligatures off
    CHECK(broadsheet.fonts.code.features == std::vector<std::string>{"-liga", "-calt"});
  }

  TEST_CASE("a text colour under 4.5:1 on white is a warning at its line") {
    Diagnostics diags;
    Style s =
        load_style_text("extends: dispatch\ncolors:\n  muted: \"#aaaaaa\"\n  link: \"#0645ad\"\n",
                        "pale.yaml", diags);
    REQUIRE(diags.all().size() == 1);
    const Diagnostic& d = diags.all().front();
    CHECK(d.severity == Severity::Warning);
    CHECK(d.loc.file == "pale.yaml");
    CHECK(d.loc.line == 3);
    CHECK(d.message.find("'colors.muted' #aaaaaa has a contrast of 2.32:1") != std::string::npos);
    CHECK(s.colors.muted == Color{0xaa, 0xaa, 0xaa}); // a warning: the style is still used
  }

  TEST_CASE("code: a theme, then the token colours a style changes over it") {
    Diagnostics diags;
    Style light = load_style_text("extends: dispatch\n", "light.yaml", diags);
    CHECK(light.code.theme == CodeTheme::Light);
    CHECK_FALSE(light.code.line_numbers);
    CHECK(light.code.tokens == code_theme(CodeTheme::Light));
    Style grey = load_style_text("extends: dispatch\n"
                                 "code:\n"
                                 "  theme: grey\n"
                                 "  line-numbers: true\n"
                                 "  colors: {comment: \"#505050\"}\n",
                                 "grey.yaml", diags);
    INFO(all_messages(diags));
    REQUIRE(diags.empty());
    CHECK(grey.code.line_numbers);
    CHECK(grey.code.look(TokenKind::Comment).color == Color{0x50, 0x50, 0x50});
    CHECK(grey.code.look(TokenKind::Keyword) == code_theme(CodeTheme::Grey)[1]);
    CHECK(grey.code.look(TokenKind::Keyword).bold);
    // Every colour of the grey theme is a grey; the light theme's tokens are coloured.
    for (const TokenLook& t : code_theme(CodeTheme::Grey)) {
      CHECK(t.color.r == t.color.g);
      CHECK(t.color.g == t.color.b);
    }
    CHECK(light.code.look(TokenKind::String).color != grey.code.look(TokenKind::String).color);
    // A child naming a theme starts from it: the parent's colour does not survive.
    const std::filesystem::path dir = galley::test::scratch_root() / "galley-code-theme";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "parent.yaml") << "code: {colors: {keyword: \"#000080\"}}\n";
    Style child =
        load_style_text("extends: parent.yaml\ncode: {theme: grey}\n", dir / "child.yaml", diags);
    CHECK(child.code.look(TokenKind::Keyword) == code_theme(CodeTheme::Grey)[1]);
    Style kept = load_style_text("extends: parent.yaml\n", dir / "kept.yaml", diags);
    CHECK(kept.code.look(TokenKind::Keyword).color == Color{0x00, 0x00, 0x80});
  }

  TEST_CASE("code: bad values are located errors, a pale token colour a warning") {
    Diagnostics diags;
    load_style_text("code:\n  theme: dark\n  colors: {keywrd: \"#000000\"}\n", "bad.yaml", diags);
    CHECK(diags.error_count() == 2);
    const std::string messages = all_messages(diags);
    CHECK(messages.find("bad.yaml:2:") != std::string::npos);
    CHECK(messages.find("keyword") != std::string::npos); // the did-you-mean
    Diagnostics pale;
    load_style_text("code:\n  colors:\n    comment: \"#b0b0b0\"\n", "pale.yaml", pale);
    REQUIRE(pale.all().size() == 1);
    CHECK(pale.all()[0].severity == Severity::Warning);
    CHECK(pale.all()[0].loc.line == 3);
    CHECK(pale.all()[0].message.find("'code.colors.comment' #b0b0b0") != std::string::npos);
  }

  TEST_CASE("an unknown style name suggests a bundled one") {
    Diagnostics diags;
    Style s = load_style("pockt", diags);
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.all()[0].message.find("style 'pockt' not found") != std::string::npos);
    CHECK(diags.all()[0].hint == "did you mean 'pocket'?");
    CHECK(s.page.size == default_style().page.size);
  }

  TEST_CASE("a style with errors resolves to the defaults") {
    Diagnostics diags;
    Style s = load_style_text("page: {size: A5}\ntext: {size: -1}\n", "x.yaml", diags);
    CHECK(diags.error_count() == 1);
    CHECK(s.page.size == "A4");
  }
}
