#include "support.hpp"

#include <doctest/doctest.h>

using namespace galley;
using namespace galley::text;

namespace {

std::string run_text(const LineRun& run) {
  std::string s;
  for (const auto& g : run.glyphs)
    s += g.text;
  return s;
}

} // namespace

TEST_SUITE("text/bidi") {
  TEST_CASE("an Arabic paragraph is laid out right to left with its Latin run left to right") {
    Engine engine(testing::bundled_options());
    Diagnostics diags;
    // "Microsoft announced" in Arabic, with a Latin name in the middle.
    std::string first = "\u0623\u0639\u0644\u0646\u062a"; // أعلنت
    std::string last = "\u0627\u0644\u064a\u0648\u0645";  // اليوم
    ParagraphSpec spec = testing::paragraph(first + " Microsoft Azure " + last, "ar", 300);
    ParagraphLayout layout = engine.layout_paragraph(spec, diags);
    CHECK(diags.empty());
    REQUIRE(layout.lines.size() == 1);
    const Line& line = layout.lines[0];
    REQUIRE(line.runs.size() >= 3);
    // Visual order, left to right: the last Arabic word, the Latin phrase, the first word.
    const LineRun& left = line.runs.front();
    const LineRun& right = line.runs.back();
    CHECK(left.rtl);
    CHECK(right.rtl);
    CHECK(engine.face(right.face).family == "Noto Naskh Arabic");
    // Glyphs of an RTL run are stored left to right: the word's last letter comes first.
    CHECK(right.glyphs.back().text == "\u0623");
    CHECK(left.glyphs.front().text == "\u0645");
    const LineRun* latin = nullptr;
    for (const auto& run : line.runs)
      if (!run.rtl)
        latin = &run;
    REQUIRE(latin != nullptr);
    CHECK(run_text(*latin).find("Microsoft Azure") != std::string::npos);
    CHECK(latin->x > left.x);
    CHECK(latin->x < right.x);
    // The last line of an RTL paragraph is flush right.
    CHECK(right.x + right.width == doctest::Approx(300));
    // Runs follow each other without gaps or overlaps.
    for (size_t i = 1; i < line.runs.size(); ++i)
      CHECK(line.runs[i].x == doctest::Approx(line.runs[i - 1].x + line.runs[i - 1].width));
  }

  TEST_CASE("an RTL phrase inside English keeps the English order around it") {
    Engine engine(testing::bundled_options());
    Diagnostics diags;
    std::string hebrew = "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd"; // שלום עולם
    Line line = engine.layout_line(
        testing::paragraph("He said " + hebrew + " twice", "en", 300).spans, "en", diags);
    CHECK(diags.empty());
    std::string visual;
    for (const auto& run : line.runs)
      visual += run_text(run) + "|";
    // The two Hebrew words swap places visually; each is drawn right to left.
    CHECK(visual.find("He said ") == 0);
    auto first_word = visual.find("\u05dd\u05d5\u05dc\u05e9");  // שלום, letters in visual order
    auto second_word = visual.find("\u05dd\u05dc\u05d5\u05e2"); // עולם
    REQUIRE(first_word != std::string::npos);
    REQUIRE(second_word != std::string::npos);
    CHECK(second_word < first_word);
    CHECK(visual.find("twice") > first_word);
  }
}
