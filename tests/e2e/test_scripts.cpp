// Ten scripts in one article (tests/e2e/data/ten-scripts.md), each paragraph in another:
// Cyrillic (Russian and Ukrainian), Greek, Arabic, Hebrew, Devanagari, Thai, Japanese, Chinese,
// Korean and emoji (with a ZWJ sequence, a flag and a skin tone). Each must be drawn (ink where
// its line is), read back by pdftotext as written, and reach the EPUB.
#include "run.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <vector>

using namespace e2e;
namespace fs = std::filesystem;

namespace {

struct Band {
  double top = 0, bottom = 0;
};

/// The text lines pdftotext finds on page 1, top to bottom, from its -bbox-layout output.
std::vector<Band> lines_of(const fs::path& pdf) {
  const std::string xml = run("pdftotext -f 1 -l 1 -bbox-layout " + q(pdf) + " -").out;
  std::vector<Band> out;
  static const std::regex line(R"re(<line xMin="[0-9.]+" yMin="([0-9.]+)" xMax="[0-9.]+" yMax="([0-9.]+)")re");
  for (std::sregex_iterator it(xml.begin(), xml.end(), line), end; it != end; ++it)
    out.push_back({std::stod((*it)[1]), std::stod((*it)[2])});
  std::sort(out.begin(), out.end(), [](const Band& a, const Band& b) { return a.top < b.top; });
  return out;
}

/// Pixels of page 1 at 72 dpi that are not near white, per band of rows.
std::vector<int> ink(const fs::path& pdf, const std::vector<Band>& bands) {
  const fs::path image = pdf.parent_path() / "page";
  REQUIRE(run("pdftoppm -singlefile -r 72 -f 1 -l 1 " + q(pdf) + " " + q(image)).code == 0);
  std::ifstream in(image.string() + ".ppm", std::ios::binary);
  std::string magic;
  int width = 0, height = 0, depth = 0;
  in >> magic >> width >> height >> depth;
  in.get();
  REQUIRE(magic == "P6");
  std::string px(std::size_t(width) * std::size_t(height) * 3, '\0');
  in.read(px.data(), std::streamsize(px.size()));
  std::vector<int> out;
  for (const Band& b : bands) {
    int count = 0;
    // The middle of the band: lines of mixed scripts overlap a little at their edges.
    const int from = int(b.top + (b.bottom - b.top) * 0.25), to = int(b.bottom - (b.bottom - b.top) * 0.25);
    for (int y = std::max(0, from); y <= std::min(height - 1, to); ++y)
      for (int x = 0; x < width; ++x) {
        const std::size_t at = (std::size_t(y) * std::size_t(width) + std::size_t(x)) * 3;
        const auto lowest = std::min({static_cast<unsigned char>(px[at]), static_cast<unsigned char>(px[at + 1]),
                                      static_cast<unsigned char>(px[at + 2])});
        count += lowest < 160;
      }
    out.push_back(count);
  }
  return out;
}

} // namespace

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
    const std::vector<Band> bands = lines_of(pdf);
    REQUIRE(bands.size() == 14);
    const std::vector<Band> paragraphs(bands.begin() + 2, bands.begin() + 13);
    const std::vector<int> counts = ink(pdf, paragraphs);
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
