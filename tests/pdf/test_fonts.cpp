#include "pdf/font_embed.hpp"
#include "pdf/writer.hpp"
#include "pdf_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

using namespace galley;
using namespace galley::pdf::test;

namespace {

/// A page with the three fonts: a justified Noto Serif line with ligatures, an Inter line, and
/// a Garamond line with accents (EB Garamond forms no f-ligatures, only contextual f forms).
layout::Document text_document() {
  layout::Document doc = base_document();
  auto& items = doc.pages[0].items;
  items.push_back(
      shape(doc.fonts[2].path, 2, "The office files were fine and final.", 12, 40, 60, 4.0));
  items.push_back(shape(doc.fonts[1].path, 1, "Inter shows WAVE kerning", 10, 40, 90));
  items.push_back(shape(doc.fonts[0].path, 0, "Garamond: café, naïve, offer", 11, 40, 120));
  return doc;
}

/// A page image pdftoppm wrote: P5 (grey) or P6 (RGB), 8 bits per sample.
struct Pnm {
  std::string magic;
  int width = 0, height = 0;
  std::string pixels;
};

Pnm read_pnm(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  Pnm image;
  int depth = 0;
  in >> image.magic >> image.width >> image.height >> depth;
  in.get();
  const std::size_t samples = image.magic == "P6" ? 3 : 1;
  image.pixels.assign(std::size_t(image.width) * std::size_t(image.height) * samples, '\0');
  in.read(image.pixels.data(), std::streamsize(image.pixels.size()));
  return image;
}

} // namespace

TEST_SUITE("pdf/fonts") {
  TEST_CASE("every font is an embedded subset with a ToUnicode map") {
    Diagnostics diags;
    std::string pdf = pdf::write_pdf(text_document(), diags);
    CHECK(diags.empty());
    std::string path = save("fonts.pdf", pdf);
    auto fonts = run("pdffonts " + path);
    REQUIRE(fonts.exit_code == 0);
    CAPTURE(fonts.output);
    std::istringstream lines(fonts.output);
    std::string line;
    int count = 0;
    while (std::getline(lines, line)) {
      if (line.find('+') == std::string::npos)
        continue;
      ++count;
      CHECK(line.find("Identity-H") != std::string::npos);
      CHECK(line.find("yes yes yes") != std::string::npos);
      // Subset names are six capital letters, a plus, and the PostScript name.
      CHECK(line[6] == '+');
      for (int i = 0; i < 6; ++i)
        CHECK((line[size_t(i)] >= 'A' && line[size_t(i)] <= 'Z'));
    }
    CHECK(count == 3);
    CHECK(fonts.output.find("CID TrueType") != std::string::npos);
    CHECK(fonts.output.find("CID Type 0C") != std::string::npos); // Inter is CFF
    CHECK(run("qpdf --check " + path).exit_code == 0);
  }

  TEST_CASE("text extracts with ligatures as letters and justified spaces kept") {
    layout::Document doc = text_document();
    // The shaper formed ligatures: one glyph carries "ffi" and another "fi".
    const auto& run0 = std::get<layout::GlyphRun>(doc.pages[0].items[0]);
    bool ffi = false, fi = false;
    for (const auto& g : run0.glyphs) {
      ffi = ffi || g.text == "ffi";
      fi = fi || g.text == "fi";
    }
    REQUIRE(ffi);
    REQUIRE(fi);
    Diagnostics diags;
    std::string path = save("text.pdf", pdf::write_pdf(doc, diags));
    auto text = run("pdftotext -layout " + path + " -");
    REQUIRE(text.exit_code == 0);
    CAPTURE(text.output);
    CHECK(text.output.find("office") != std::string::npos);
    CHECK(text.output.find("files") != std::string::npos);
    CHECK(text.output.find("fine") != std::string::npos);
    CHECK(text.output.find("final.") != std::string::npos);
    auto raw = run("pdftotext -raw " + path + " -");
    CHECK(raw.output.find("The office files were fine and final.") != std::string::npos);
    CHECK(raw.output.find("Inter shows WAVE kerning") != std::string::npos);
    CHECK(raw.output.find("Garamond: café, naïve, offer") != std::string::npos);
  }

  TEST_CASE("glyph positions: kerning and justification become TJ adjustments") {
    layout::Document doc = base_document();
    layout::GlyphRun run = shape(doc.fonts[1].path, 1, "AV AV", 20, 10, 50, 10.0);
    doc.pages[0].items.push_back(run);
    Diagnostics diags;
    std::string pdf = pdf::write_pdf(doc, diags, {.compress = false});
    // Inter kerns "AV" negatively: the gap is closed by a positive adjustment; the justified
    // space pushes the next word right by 10 pt = 500/1000 em at 20 pt, a negative adjustment.
    size_t tj = pdf.find("] TJ");
    REQUIRE(tj != std::string::npos);
    size_t open = pdf.rfind('[', tj);
    std::string array = pdf.substr(open, tj - open + 1);
    CAPTURE(array);
    CHECK(array.find("[<") == 0);
    CHECK(std::regex_search(array, std::regex(R"(>-50\d(\.\d+)?<)")));
    size_t kern = array.find('>', 1);
    REQUIRE(kern != std::string::npos);
    CHECK(array[kern + 1] != '-'); // "A" then a positive (leftward) kern before "V"
    // Nothing else moves the pen: the /W widths are Inter's advances exactly (2048 units per
    // em), so a glyph set at its own advance needs no adjustment after it.
    std::regex number(R"(>(-?\d+(\.\d+)?)<)");
    CHECK(std::distance(std::sregex_iterator(array.begin(), array.end(), number),
                        std::sregex_iterator()) == 3);
  }

  TEST_CASE("ToUnicode CMap: blocks of 100, surrogate pairs, ligatures") {
    pdf::SubsetFont font;
    font.text.resize(150);
    for (size_t i = 1; i < 150; ++i)
      font.text[i] = "a";
    font.text[3] = "ffi";
    font.text[7] = "\xF0\x9D\x94\xB8"; // U+1D538 MATHEMATICAL DOUBLE-STRUCK CAPITAL A
    std::string cmap = pdf::to_unicode_cmap(font);
    CHECK(cmap.find("100 beginbfchar") != std::string::npos);
    CHECK(cmap.find("49 beginbfchar") != std::string::npos);
    CHECK(cmap.find("<0003> <006600660069>") != std::string::npos);
    CHECK(cmap.find("<0007> <D835DD38>") != std::string::npos);
    CHECK(cmap.find("<0000>") == cmap.find("<0000> <FFFF>")); // .notdef has no text
  }

  TEST_CASE("a CID-keyed CFF collection (Noto Sans CJK) shows its glyphs by CID") {
    // Debian's fonts-noto-cjk (tools/bootstrap): a .ttc of CID-keyed CFF faces, whose charset
    // maps glyph ids to other CIDs. Shown by glyph id, poppler draws nothing at all.
    const std::string cjk = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    REQUIRE_MESSAGE(std::filesystem::exists(cjk), "tools/bootstrap installs fonts-noto-cjk");
    layout::Document doc = base_document();
    doc.fonts.push_back({cjk, 0});
    const std::string text = "東京の研究チームは「量子計算」を発表した。";
    doc.pages[0].items.push_back(shape(cjk, 3, text, 14, 40, 80));
    Diagnostics diags;
    std::string path = save("cjk.pdf", pdf::write_pdf(doc, diags));
    CHECK(diags.empty());
    CHECK(run("qpdf --check " + path).exit_code == 0);
    RunResult fonts = run("pdffonts " + path);
    CHECK(fonts.output.find("NotoSansCJKjp-Regular") != std::string::npos);
    CHECK(fonts.output.find("CID Type 0C") != std::string::npos);
    RunResult extracted = run("pdftotext -enc UTF-8 " + path + " -");
    CHECK(extracted.output.find(text) != std::string::npos);
    // Ink where the line is: the page drawn in grey, cropped to the line's box.
    const std::string pgm = (scratch_dir() / "cjk-ink").string();
    REQUIRE(run("pdftoppm -gray -singlefile -r 72 -x 40 -y 60 -W 300 -H 30 " + path + " " + pgm)
                .exit_code == 0);
    const Pnm image = read_pnm(pgm + ".pgm");
    REQUIRE(image.magic == "P5");
    const std::string& pixels = image.pixels;
    const auto dark = std::count_if(pixels.begin(), pixels.end(),
                                    [](char c) { return static_cast<unsigned char>(c) < 128; });
    CHECK(dark > 300); // twenty ideographs at 14pt; nothing drawn gives 0
  }

  TEST_CASE("a colour bitmap font (Noto Color Emoji) is drawn as pictures over invisible text") {
    const std::string emoji = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf";
    REQUIRE_MESSAGE(std::filesystem::exists(emoji), "tools/bootstrap installs fonts-noto-color-emoji");
    layout::Document doc = base_document();
    doc.fonts.push_back({emoji, 0});
    const std::string text = "\U0001F680\U0001F389\U0001F44D";
    doc.pages[0].items.push_back(shape(emoji, 3, text, 20, 40, 80));
    Diagnostics diags;
    std::string path = save("emoji.pdf", pdf::write_pdf(doc, diags));
    CHECK(diags.empty());
    CHECK(run("qpdf --check " + path).exit_code == 0);
    CHECK(run("pdftotext -enc UTF-8 " + path + " -").output.find(text) != std::string::npos);
    // Colour where the line is: a font program cannot carry the bitmaps, so nothing but the
    // pictures can put saturated pixels there.
    const std::string ppm = (scratch_dir() / "emoji-ink").string();
    REQUIRE(run("pdftoppm -singlefile -r 72 -x 35 -y 55 -W 120 -H 35 " + path + " " + ppm)
                .exit_code == 0);
    const Pnm image = read_pnm(ppm + ".ppm");
    REQUIRE(image.magic == "P6");
    const std::string& pixels = image.pixels;
    int coloured = 0;
    for (std::size_t i = 0; i + 2 < pixels.size(); i += 3) {
      auto [lo, hi] = std::minmax({static_cast<unsigned char>(pixels[i]),
                                   static_cast<unsigned char>(pixels[i + 1]),
                                   static_cast<unsigned char>(pixels[i + 2])});
      coloured += hi - lo > 80;
    }
    CHECK(coloured > 200); // three emoji at 20pt; the invisible text alone gives 0
  }

  TEST_CASE("marks with a y offset are raised with Ts") {
    layout::Document doc = base_document();
    layout::GlyphRun run = shape(doc.fonts[2].path, 2, "x2", 12, 10, 50);
    change_glyphs(run, [](auto& glyphs) { glyphs[1].y_offset = 4; });
    doc.pages[0].items.push_back(run);
    Diagnostics diags;
    std::string pdf = pdf::write_pdf(doc, diags, {.compress = false});
    CHECK(pdf.find("4 Ts") != std::string::npos);
    CHECK(pdf.find("0 Ts") != std::string::npos);
    // A run raised from its first glyph opens no empty TJ array.
    layout::GlyphRun sup = shape(doc.fonts[2].path, 2, "12", 7, 30, 50);
    change_glyphs(sup, [](auto& glyphs) {
      for (auto& g : glyphs)
        g.y_offset = 3.5;
    });
    doc.pages[0].items = {sup};
    pdf = pdf::write_pdf(doc, diags, {.compress = false});
    CHECK(pdf.find("Tm\n3.5 Ts\n[<") != std::string::npos);
    CHECK(pdf.find("[] TJ") == std::string::npos);
  }
}
