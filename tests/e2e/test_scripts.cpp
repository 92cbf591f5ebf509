// Ten scripts in one article (tests/e2e/data/ten-scripts.md), each paragraph in another:
// Cyrillic (Russian and Ukrainian), Greek, Arabic, Hebrew, Devanagari, Thai, Japanese, Chinese,
// Korean and emoji (with a ZWJ sequence, a flag and a skin tone). Each must be drawn (ink where
// its line is), read back by pdftotext as written, and reach the EPUB.
#include "pages.hpp"
#include "run.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace e2e;
namespace fs = std::filesystem;

TEST_SUITE("e2e/scripts") {
  TEST_CASE("ten scripts are drawn, extracted as written, and reach the EPUB") {
    const fs::path source = source_dir() / "tests/e2e/data/ten-scripts.md";
    const fs::path dir = scratch("ten-scripts");
    const fs::path pdf = dir / "scripts.pdf", epub = dir / "scripts.epub";
    RunResult r = run_galley("pdf " + q(source) + " -o " + q(pdf) + " --strict");
    CAPTURE(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.err.find("no font has a glyph") == std::string::npos);

    // Title, reading time, eleven paragraphs (one line each), folio.
    const std::vector<TextLine> lines = text_lines(pdf);
    REQUIRE(lines.size() == 14);
    const std::vector<int> counts = ink_in(pdf, {lines.begin() + 2, lines.begin() + 13});
    for (std::size_t i = 0; i < counts.size(); ++i) {
      CAPTURE(i);
      CHECK(counts[i] > 150); // a line of text; nothing drawn, or boxes only, is far less
    }

    // Extraction: the ToUnicode map alone reads Thai marks and Devanagari vowel signs wrongly,
    // and takes a glyph without text inside a word for a space; glyphs with a character each,
    // and ActualText spans for the rest, make them read as written.
    const std::string text = run("pdftotext -enc UTF-8 " + q(pdf) + " -").out;
    for (const char* line :
         {"Русский: Правительство объявило о новых мерах поддержки малого бизнеса.",
          "Українська: Уряд оголосив про нові заходи підтримки малого бізнесу.",
          "Ελληνικά: Η κυβέρνηση ανακοίνωσε νέα μέτρα στήριξης των μικρών επιχειρήσεων.",
          "हिन्दी: सरकार ने छोटे व्यवसायों की सहायता के लिए नए उपायों की घोषणा की।",
          "ไทย: รัฐบาลประกาศมาตรการใหม่เพื่อสนับสนุนธุรกิจขนาดเล็ก",
          "日本語：政府は中小企業を支援する新たな措置を発表した。",
          "中文：政府宣布了支持小企业的新措施。",
          "한국어: 정부는 소상공인을 지원하기 위한 새로운 조치를 발표했다.",
          // A ZWJ sequence, a flag and a skin tone are one picture each, and copy as written.
          "Emoji: \U0001F680 \U0001F389 \U0001F44D \u2764\uFE0F "
          "\U0001F468\u200D\U0001F469\u200D\U0001F467 \U0001F1EB\U0001F1F7 \U0001F44D\U0001F3FD"})
      CHECK_MESSAGE(text.find(line) != std::string::npos, line);
    for (const char* words : {"أعلنت الحكومة عن إجراءات جديدة لدعم الشركات الصغيرة",
                              "הממשלה הודיעה על צעדים חדשים לתמיכה בעסקים קטנים"})
      CHECK_MESSAGE(text.find(words) != std::string::npos, words);

    r = run_galley("epub " + q(source) + " -o " + q(epub) + " --strict");
    REQUIRE(r.code == 0);
    const std::string xhtml = run("unzip -p " + q(epub) + " EPUB/article-001.xhtml").out;
    for (const char* words : {"Правительство", "підтримки", "κυβέρνηση", "الحكومة", "הממשלה", "व्यवसायों",
                              "ประกาศมาตรการ", "中小企業", "小企业", "소상공인", "\U0001F680"})
      CHECK_MESSAGE(xhtml.find(words) != std::string::npos, words);
  }
}
