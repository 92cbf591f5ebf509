#include "galley/style.hpp"
#include "style/values.hpp"

#include <doctest/doctest.h>

using namespace galley;
using namespace galley::style;

TEST_SUITE("style/units") {
  TEST_CASE("lengths in every unit") {
    CHECK(*parse_length("12", 10) == 12);
    CHECK(*parse_length("10.5pt", 10) == 10.5);
    CHECK(*parse_length("25.4mm", 10) == doctest::Approx(72));
    CHECK(*parse_length("2.54cm", 10) == doctest::Approx(72));
    CHECK(*parse_length("1in", 10) == 72);
    CHECK(*parse_length("96px", 10) == doctest::Approx(72));
    CHECK(*parse_length("1.5em", 10) == 15);
    CHECK(*parse_length(" 3 mm ", 10) == doctest::Approx(3 * 72 / 25.4));
    CHECK(*parse_length("-2pt", 10) == -2);
    CHECK_FALSE(parse_length("", 10));
    CHECK_FALSE(parse_length("pt", 10));
    CHECK_FALSE(parse_length("12 furlongs", 10));
    CHECK_FALSE(parse_length("1e3", 10));
  }

  TEST_CASE("a style file takes every unit") {
    Diagnostics diags;
    Style s = load_style_text(
        "text: {size: 12pt, indent: 2em, leading: 15}\n"
        "page: {margins: {top: 1in, bottom: 2.54cm, inner: 25.4mm, outer: 96px}, gutter: 0}\n",
        "units.yaml", diags);
    REQUIRE(diags.empty());
    CHECK(s.page.margins.top == 72);
    CHECK(s.page.margins.bottom == doctest::Approx(72));
    CHECK(s.page.margins.inner == doctest::Approx(72));
    CHECK(s.page.margins.outer == doctest::Approx(72));
    CHECK(s.page.gutter == 0);
    CHECK(s.text.indent == 24);
    CHECK(s.text.leading == 15);
  }

  TEST_CASE("named and custom page sizes") {
    struct Case {
      const char* yaml;
      const char* size;
      double width, height;
    };
    const Case cases[] = {
        {"page: {size: A4}", "A4", 595.2756, 841.8898},
        {"page: {size: A5}", "A5", 419.5276, 595.2756},
        {"page: {size: Letter}", "Letter", 612, 792},
        {"page: {size: letter}", "Letter", 612, 792},
        {"page: {size: custom, width: 100mm, height: 6in}", "custom", 283.4646, 432},
        {"page: {width: 5in, height: 8in}", "custom", 360, 576},
        {"page: {size: A4, width: 210mm, height: 297mm}", "A4", 595.2756, 841.8898},
    };
    for (const auto& c : cases) {
      CAPTURE(c.yaml);
      Diagnostics diags;
      Style s = load_style_text(c.yaml, "page.yaml", diags);
      CHECK(diags.empty());
      CHECK(s.page.size == c.size);
      CHECK(s.page.width == doctest::Approx(c.width).epsilon(1e-6));
      CHECK(s.page.height == doctest::Approx(c.height).epsilon(1e-6));
    }
  }

  TEST_CASE("a child's dimensions make an inherited named size custom") {
    Diagnostics diags;
    Style s = load_style_text("extends: pocket\npage: {width: 120mm, height: 190mm}\n",
                              "small.yaml", diags);
    REQUIRE(diags.empty());
    CHECK(s.page.size == "custom");
    CHECK(s.page.width == doctest::Approx(120 * 72 / 25.4));
  }

  TEST_CASE("colours and booleans") {
    Diagnostics diags;
    Style s = load_style_text("colors: {text: \"#345\", rule: \"#A0B1C2\"}\n"
                              "page: {facing: yes}\ntext: {hyphenate: False}\n",
                              "c.yaml", diags);
    REQUIRE(diags.empty());
    CHECK(s.colors.text == Color{0x33, 0x44, 0x55});
    CHECK(s.colors.rule == Color{0xa0, 0xb1, 0xc2});
    CHECK(s.page.facing);
    CHECK_FALSE(s.text.hyphenate);
  }

  TEST_CASE("hyphenation controls: TeX's defaults, em for the emergency stretch, auto") {
    Diagnostics diags;
    Style base = load_style_text("extends: base\ntext: {size: 9pt}\n", "b.yaml", diags);
    REQUIRE(diags.empty());
    CHECK_FALSE(base.text.hyphen_limit.has_value()); // auto: the language's custom
    CHECK(base.text.hyphen_narrow_minimum == 3);
    CHECK_FALSE(base.text.uc_hyphen.has_value());
    CHECK(base.text.double_hyphen_demerits == 10000);
    CHECK(base.text.final_hyphen_demerits == 5000);
    CHECK(base.text.emergency_stretch == doctest::Approx(27)); // 3em of 9pt
    Style s = load_style_text("extends: base\n"
                              "text: {hyphen-limit: 0, hyphen-narrow-minimum: 4, uc-hyphen: true,\n"
                              "  double-hyphen-demerits: 100000, final-hyphen-demerits: 0,\n"
                              "  emergency-stretch: 1.5em}\n",
                              "h.yaml", diags);
    REQUIRE(diags.empty());
    CHECK(s.text.hyphen_limit == std::optional<int>(0));
    CHECK(s.text.hyphen_narrow_minimum == 4);
    CHECK(s.text.uc_hyphen == std::optional<bool>(true));
    CHECK(s.text.double_hyphen_demerits == 100000);
    CHECK(s.text.final_hyphen_demerits == 0);
    CHECK(s.text.emergency_stretch == doctest::Approx(15.75));
    Style back = load_style_text("text: {uc-hyphen: auto, hyphen-limit: 3}\n", "k.yaml", diags);
    REQUIRE(diags.empty());
    CHECK_FALSE(back.text.uc_hyphen.has_value());
    CHECK(back.text.hyphen_limit == std::optional<int>(3));
    load_style_text("text: {uc-hyphen: sometimes, hyphen-limit: 11}\n", "bad.yaml", diags);
    CHECK(diags.error_count() == 2);
  }

  TEST_CASE("a font given as a bare family keeps its features") {
    Diagnostics diags;
    Style s = load_style_text("fonts: {code: Courier Prime}\n", "f.yaml", diags);
    REQUIRE(diags.empty());
    CHECK(s.fonts.code.family == "Courier Prime");
    CHECK(s.fonts.code.features == default_style().fonts.code.features);
  }
}
