#include "support.hpp"

#include "util/text_utils.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <set>
#include <thread>

using namespace galley;
using namespace galley::text;

TEST_SUITE("text/fallback") {
  TEST_CASE("engines made while the fonts are read on another thread see the same faces") {
    auto describe = [](const Engine& e) {
      std::vector<std::string> out;
      for (const FaceInfo& f : e.faces())
        out.push_back(f.path.filename().string() + "/" + std::to_string(f.index));
      return out;
    };
    std::vector<std::vector<std::string>> seen(2);
    {
      std::jthread reader([] { prefetch_fonts(); });
      Engine a(testing::bundled_options());
      Diagnostics diags;
      for (const char* family : {"EB Garamond", "Inter", "JetBrains Mono"})
        a.resolve({family, 400, false}, diags);
      seen[0] = describe(a);
    }
    Engine b(testing::bundled_options());
    Diagnostics diags;
    for (const char* family : {"EB Garamond", "Inter", "JetBrains Mono"})
      b.resolve({family, 400, false}, diags);
    seen[1] = describe(b);
    CHECK(diags.empty());
    CHECK(seen[0].size() == 3);
    CHECK(seen[0] == seen[1]);
    prefetch_fonts({"/nonexistent-font-folder"}); // nothing there: no faces, no error
  }

  TEST_CASE("Greek, Cyrillic, Arabic and an emoji each get a face") {
    Engine engine(testing::bundled_options());
    Diagnostics diags;
    std::string text = "Inter \u03b1\u03bb\u03c6\u03b1 \u0436\u0443\u0440\u043d\u0430\u043b "
                       "\u0633\u0644\u0627\u0645 \U0001F600 \U0001F600 end";
    ParagraphSpec spec = testing::paragraph(text, "en", 400);
    spec.spans[0].font.family = "JetBrains Mono";
    ParagraphLayout layout = engine.layout_paragraph(spec, diags);
    REQUIRE(layout.lines.size() == 1);
    int notdef = 0;
    std::vector<std::string> arabic_faces;
    for (const auto& run : layout.lines[0].runs) {
      for (const auto& g : run.glyphs) {
        CAPTURE(g.text);
        if (g.glyph == 0) {
          ++notdef;
          CHECK(g.text == "\U0001F600");
        }
        size_t i = 0;
        char32_t cp = g.text.empty() ? 0 : next_code_point(g.text, i);
        if (cp >= 0x600 && cp < 0x700)
          arabic_faces.push_back(engine.face(run.face).family);
      }
    }
    CHECK(notdef == 2);
    REQUIRE(arabic_faces.size() == 4);
    for (const auto& f : arabic_faces)
      CHECK(f == "Noto Naskh Arabic");
    // No emoji font is bundled and fontconfig is off: one warning for the character, however
    // often it occurs.
    REQUIRE(diags.warning_count() == 1);
    CHECK(diags.all()[0].message ==
          "no font has a glyph for U+1F600 '\U0001F600', drawing .notdef");
  }

  TEST_CASE("emoji presentation takes the colour face; the spaces around stay in the text face") {
    const std::filesystem::path emoji = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf";
    REQUIRE_MESSAGE(std::filesystem::exists(emoji), "tools/bootstrap installs fonts-noto-color-emoji");
    EngineOptions options = testing::bundled_options();
    // A text font that also has U+2600 and U+1F44D as outlines comes first.
    options.fallback.insert(options.fallback.begin(), "DejaVu Sans");
    options.extra_faces.push_back({"DejaVu Sans", 400, false,
                                   "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"});
    options.extra_faces.push_back({"Noto Color Emoji", 400, false, emoji});
    options.fallback.push_back("Noto Color Emoji");
    Engine engine(options);
    Diagnostics diags;
    Span span;
    span.text = "Go \U0001F680 now \u2600\uFE0F sun \u2600 plain \U0001F44D ok";
    span.font = {"EB Garamond", 400, false};
    Line line = engine.layout_line({span}, "en", diags);
    CHECK(diags.empty());
    std::map<std::string, std::string> face_of;
    for (const auto& run : line.runs)
      for (const auto& g : run.glyphs)
        face_of[g.text] += engine.face(run.face).family + ";";
    CHECK(face_of["\U0001F680"] == "Noto Color Emoji;");
    CHECK(face_of["\U0001F44D"] == "Noto Color Emoji;"); // emoji presentation by default
    // U+2600 with VS16 is an emoji; alone it is text, from the first text face that has it.
    CHECK(face_of["\u2600\uFE0F"] == "Noto Color Emoji;");
    CHECK(face_of["\u2600"] == "DejaVu Sans;");
    CHECK(face_of[" "].find("Noto Color Emoji") == std::string::npos);
  }

  TEST_CASE("a script no face has is one warning, at the first span's place") {
    Engine engine(testing::bundled_options());
    Diagnostics diags;
    const SourceLoc first{"a.md", 7, 3}, second{"a.md", 9, 1};
    Span a, b;
    a.text = "Tibetan \u0F56\u0F7C\u0F51 ";
    a.font = {"Inter", 400, false};
    a.loc = &first;
    b.text = "more \u0F61\u0F72\u0F42 and \U0001F600 \U0001F600";
    b.font = a.font;
    b.loc = &second;
    engine.layout_line({a, b}, "en", diags);
    REQUIRE(diags.warning_count() == 2);
    CHECK(diags.all()[0].loc.line == 7);
    CHECK(diags.all()[0].message ==
          "no font has Tibetan text (U+0F56 '\u0F56' is the first), drawing .notdef");
    // An emoji belongs to no script: it is named itself.
    CHECK(diags.all()[1].loc.line == 9);
    CHECK(diags.all()[1].message.find("U+1F600") != std::string::npos);
  }

  TEST_CASE("a face lacking a script falls back to the Noto face of the same style") {
    EngineOptions options = testing::bundled_options();
    options.fallback = {"Noto Serif Hebrew", "Noto Serif"};
    Engine engine(options);
    Diagnostics diags;
    Span span;
    span.text = "Bold \u05e9\u05dc\u05d5\u05dd and \u03a9";
    span.font = {"Inter", 700, false};
    Line line = engine.layout_line({span}, "en", diags);
    CHECK(diags.empty());
    bool hebrew = false;
    for (const auto& run : line.runs) {
      const FaceInfo& face = engine.face(run.face);
      if (face.family == "Noto Serif Hebrew") {
        hebrew = true;
        CHECK(face.weight == 700);
      }
      for (const auto& g : run.glyphs)
        CHECK(g.glyph != 0);
    }
    CHECK(hebrew);
  }

  TEST_CASE("a paragraph's own script keeps one family in every weight and style") {
    Engine engine(testing::bundled_options());
    // EB Garamond's regular has Cyrillic and Greek, its bold and italic do not: Russian text is
    // set in Noto Serif throughout, not Garamond with Noto Serif bold words.
    auto families = [&](const std::string& language, const std::vector<Span>& spans,
                        Diagnostics& diags) {
      std::set<std::string> out;
      for (const auto& run : engine.layout_line(spans, language, diags).runs) {
        bool letters = false;
        for (const auto& g : run.glyphs) letters |= g.text.size() > 1; // Cyrillic or Greek
        if (letters) out.insert(engine.face(run.face).family);
      }
      return out;
    };
    auto span = [](std::string text, int weight, bool italic) {
      Span s;
      s.text = std::move(text);
      s.font = {"EB Garamond", weight, italic};
      return s;
    };
    Diagnostics diags;
    const std::vector<Span> russian = {span("Обычный текст, ", 400, false),
                                       span("жирный ", 700, false), span("и курсив", 400, true)};
    CHECK(families("ru", russian, diags) == std::set<std::string>{"Noto Serif"});
    // Said once, as a note, naming both families.
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].severity == Severity::Note);
    CHECK(diags.all()[0].message.find("'EB Garamond' lacks Cyrillic") != std::string::npos);
    CHECK(diags.all()[0].message.find("'Noto Serif'") != std::string::npos);
    families("ru", russian, diags);
    CHECK(diags.all().size() == 1);
    // A Greek quotation in English keeps Garamond's own Greek.
    Diagnostics quote;
    CHECK(families("en", {span("She said «Η διόρθωση σφαλμάτων»", 400, false)}, quote) ==
          std::set<std::string>{"EB Garamond"});
    CHECK(quote.empty());
  }

  TEST_CASE("fontconfig finds system faces for what the bundled ones lack") {
    EngineOptions options = testing::bundled_options();
    options.use_fontconfig = true;
    Engine engine(options);
    Diagnostics diags;
    Span span;
    span.text = "\u2654"; // WHITE CHESS KING: no bundled face has it
    span.font = {"EB Garamond", 400, false};
    Line line = engine.layout_line({span}, "en", diags);
    REQUIRE(line.runs.size() == 1);
    // Whether the system has such a face is the machine's business; either it is drawn, or it
    // is reported.
    if (line.runs[0].glyphs[0].glyph == 0) {
      CHECK(diags.warning_count() == 1);
    } else {
      CHECK(diags.empty());
      CHECK(engine.face(line.runs[0].face).family != "EB Garamond");
    }
  }
}
