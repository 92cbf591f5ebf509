#include "support.hpp"

#include "util/text_utils.hpp"

#include <doctest/doctest.h>
#include <ft2build.h>
#include FT_FREETYPE_H

using namespace galley;
using namespace galley::text;

namespace {

std::vector<std::uint32_t> glyph_ids(const Line& line) {
  std::vector<std::uint32_t> ids;
  for (const auto& run : line.runs)
    for (const auto& g : run.glyphs)
      ids.push_back(g.glyph);
  return ids;
}

Line shape(Engine& engine, const std::string& text, const std::string& family,
           std::vector<std::string> features = {}, int weight = 400) {
  Span span;
  span.text = text;
  span.font = {family, weight, false};
  span.size = 10;
  span.features = std::move(features);
  Diagnostics diags;
  Line line = engine.layout_line({span}, "en", diags);
  CHECK(diags.empty());
  return line;
}

/// The glyph FreeType's cmap gives for each character: what unligated, unsubstituted text uses.
std::vector<std::uint32_t> cmap_ids(const FaceInfo& face, const std::string& text) {
  FT_Library lib = nullptr;
  FT_Init_FreeType(&lib);
  FT_Face ft = nullptr;
  FT_New_Face(lib, face.path.c_str(), face.index, &ft);
  std::vector<std::uint32_t> ids;
  for (size_t i = 0; i < text.size();)
    ids.push_back(FT_Get_Char_Index(ft, next_code_point(text, i)));
  FT_Done_Face(ft);
  FT_Done_FreeType(lib);
  return ids;
}

} // namespace

TEST_SUITE("text/shaping") {
  TEST_CASE("families resolve to the bundled faces") {
    Engine engine(testing::bundled_options());
    Diagnostics diags;
    const FaceInfo& garamond = engine.face(engine.resolve({"EB Garamond", 400, false}, diags));
    CHECK(garamond.path.filename() == "EBGaramond12-Regular.ttf");
    CHECK(engine.face(engine.resolve({"EB Garamond", 700, false}, diags)).weight == 700);
    CHECK(engine.face(engine.resolve({"EB Garamond", 400, true}, diags)).italic);
    CHECK(engine.face(engine.resolve({"Inter", 600, false}, diags)).path.filename() ==
          "Inter-SemiBold.otf");
    CHECK(engine.face(engine.resolve({"Inter", 800, false}, diags)).weight == 700);
    CHECK(engine.face(engine.resolve({"jetbrains mono", 400, false}, diags)).family ==
          "JetBrains Mono");
    CHECK(engine.face(engine.resolve({"Noto Serif", 400, true}, diags)).path.filename() ==
          "NotoSerif-Italic.ttf");
    CHECK(diags.empty());
    // Unknown family: the first fallback family, one warning however often it is asked for.
    FaceId unknown = engine.resolve({"Comic Sans", 400, false}, diags);
    engine.resolve({"Comic Sans", 400, false}, diags);
    CHECK(engine.face(unknown).family == "Noto Serif");
    REQUIRE(diags.warning_count() == 1);
    CHECK(diags.all()[0].message == "unknown font family 'Comic Sans', using 'Noto Serif'");
    // Ids are given in order of first resolution.
    std::vector<FaceInfo> faces = engine.faces();
    CHECK(faces.front().path.filename() == "EBGaramond12-Regular.ttf");
    // Counted without copying them, as the joining of an issue's pages asks after each page.
    CHECK(engine.face_count() == faces.size());
    engine.resolve({"Gentium Plus", 400, false}, diags);
    CHECK(engine.face_count() == engine.faces().size());
    CHECK(engine.face_count() > faces.size());
  }

  TEST_CASE("known strings give the expected glyph ids") {
    Engine engine(testing::bundled_options());
    Diagnostics diags;
    struct Case {
      std::string family;
      std::string text;
      std::vector<std::uint32_t> ids;
    };
    // Strings without ligatures or contextual forms: HarfBuzz must agree with the cmap.
    std::vector<Case> cases{
        {"EB Garamond", "Dispatch", {39, 76, 86, 83, 68, 87, 70, 75}},
        {"Inter", "Partnership", {}},
        {"JetBrains Mono", "code", {207, 282, 213, 217}},
        {"Noto Serif", "Apr", {}},
    };
    for (auto& c : cases) {
      CAPTURE(c.family);
      Line line = shape(engine, c.text, c.family);
      FaceId face = engine.resolve({c.family, 400, false}, diags);
      CHECK(glyph_ids(line) == cmap_ids(engine.face(face), c.text));
      if (!c.ids.empty())
        CHECK(glyph_ids(line) == c.ids);
    }
  }

  TEST_CASE("office takes the f-ligatures") {
    Engine engine(testing::bundled_options());
    // Noto Serif has one ffi glyph; the first glyph of the cluster carries its three letters.
    Line noto = shape(engine, "office", "Noto Serif");
    REQUIRE(noto.runs.size() == 1);
    const auto& g = noto.runs[0].glyphs;
    REQUIRE(g.size() == 4);
    CHECK(g[1].glyph == 2132);
    CHECK(g[1].text == "ffi");
    CHECK(glyph_ids(shape(engine, "office", "Noto Serif", {"-liga"})).size() == 6);
    // Debian's EB Garamond 12 builds its ffi ligature from joining parts (f._f, f._i,
    // i.dotless) through 'liga'; turning liga off gives the plain letters back.
    Line garamond = shape(engine, "office", "EB Garamond");
    CHECK(glyph_ids(garamond) == std::vector<std::uint32_t>{82, 2991, 2992, 2980, 70, 72});
    Line plain = shape(engine, "office", "EB Garamond", {"-liga"});
    CHECK(glyph_ids(plain)[1] == 73);
    CHECK(glyph_ids(plain)[3] == 76);
    // Every cluster's text survives ligation, for ToUnicode.
    CHECK(testing::line_text(garamond) == "office");
  }

  TEST_CASE("AV is kerned") {
    Engine engine(testing::bundled_options());
    for (std::string family : {"EB Garamond", "Inter", "Noto Serif"}) {
      CAPTURE(family);
      double kerned = shape(engine, "AV", family).runs[0].glyphs[0].advance;
      double plain = shape(engine, "AV", family, {"-kern"}).runs[0].glyphs[0].advance;
      CHECK(kerned < plain - 0.1);
      CHECK(plain == doctest::Approx(shape(engine, "A", family).runs[0].glyphs[0].advance));
    }
  }

  TEST_CASE("style features change the glyphs") {
    Engine engine(testing::bundled_options());
    auto plain = glyph_ids(shape(engine, "2032", "EB Garamond"));
    auto onum = glyph_ids(shape(engine, "2032", "EB Garamond", {"onum"}));
    auto lnum = glyph_ids(shape(engine, "2032", "EB Garamond", {"lnum"}));
    CHECK(plain.size() == 4);
    CHECK(onum != lnum);
    auto smcp = glyph_ids(shape(engine, "ai", "EB Garamond", {"smcp"}));
    CHECK(smcp != glyph_ids(shape(engine, "ai", "EB Garamond")));
  }

  TEST_CASE("words are shaped once and cached across sizes") {
    Engine engine(testing::bundled_options());
    shape(engine, "cache cache cache", "EB Garamond");
    CacheStats s = engine.cache_stats();
    CHECK(s.lookups == 5); // three words and two spaces
    CHECK(s.hits == 3);
    Span big;
    big.text = "cache";
    big.font = {"EB Garamond", 400, false};
    big.size = 24;
    Diagnostics diags;
    Line line = engine.layout_line({big}, "en", diags);
    CHECK(engine.cache_stats().hits == 4);
    CHECK(line.natural_width ==
          doctest::Approx(shape(engine, "cache", "EB Garamond").natural_width * 2.4));
  }

  TEST_CASE("tracking adds its space after every glyph that advances, in the widths that break lines") {
    Engine engine(testing::bundled_options());
    Span span;
    span.text = "CAPITALS AND MORE";
    span.font = {"EB Garamond", 400, false};
    span.size = 10;
    Diagnostics diags;
    Line plain = engine.layout_line({span}, "en", diags);
    span.tracking = 0.6;
    Line tracked = engine.layout_line({span}, "en", diags);
    CHECK(diags.empty());
    // Fifteen letters and two spaces, as CSS letter-spacing counts them.
    CHECK(tracked.natural_width == doctest::Approx(plain.natural_width + 17 * 0.6));
    double glyphs = 0;
    for (const auto& run : tracked.runs)
      for (const auto& g : run.glyphs) glyphs += g.advance;
    CHECK(glyphs == doctest::Approx(tracked.natural_width));
    CHECK(testing::line_text(tracked) == "CAPITALS AND MORE");
  }

  TEST_CASE("line metrics come from the faces") {
    Engine engine(testing::bundled_options());
    Line line = shape(engine, "Hx", "EB Garamond");
    const FaceInfo& face = engine.face(line.runs[0].face);
    CHECK(line.ascent == doctest::Approx(face.ascender * 10));
    CHECK(line.descent == doctest::Approx(face.descender * 10));
    CHECK(line.ascent > 5);
    CHECK(line.descent > 1);
  }
}
