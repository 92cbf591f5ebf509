// Pictures and fonts kept between writes (pdf/prepared.hpp): their records read back whole or
// not at all, and a write that takes them from a keeper gives the bytes of one that prepares
// them, and shows what it took.
#include "pdf/prepared.hpp"
#include "pdf/writer.hpp"
#include "pdf_fixture.hpp"

#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <string>

using namespace galley;
using namespace galley::pdf::test;

namespace {

/// Keeps records in memory, as export/resource_cache.cpp keeps them in the cache folder, and
/// counts what it was asked for and what it found.
struct Keeper {
  std::map<std::string, std::string> images, fonts;
  int image_hits = 0, font_hits = 0;
  pdf::KeptResources kept;

  static std::string font_key(const layout::FontResource& res, const pdf::FontUsage& usage) {
    std::string key = res.path + "#" + std::to_string(res.face_index);
    for (const auto& [id, text] : usage.glyphs)
      key += " " + std::to_string(id) + "=" + text;
    return key;
  }

  Keeper() {
    kept.find_image = [this](const std::string& path) -> std::shared_ptr<const pdf::PreparedImage> {
      auto it = images.find(path);
      if (it == images.end())
        return nullptr;
      auto image = pdf::read_image_record(it->second);
      REQUIRE(image);
      ++image_hits;
      return std::make_shared<const pdf::PreparedImage>(std::move(*image));
    };
    kept.keep_image = [this](const std::string& path, const pdf::PreparedImage& image) {
      images[path] = pdf::image_record(image);
    };
    kept.find_font = [this](const layout::FontResource& res,
                            const pdf::FontUsage& usage) -> std::optional<pdf::PreparedFont> {
      auto it = fonts.find(font_key(res, usage));
      if (it == fonts.end())
        return std::nullopt;
      ++font_hits;
      return pdf::read_font_record(it->second);
    };
    kept.keep_font = [this](const layout::FontResource& res, const pdf::FontUsage& usage,
                            const pdf::PreparedFont& font) {
      fonts[font_key(res, usage)] = pdf::font_record(font);
    };
  }
};

/// The fixture's page with text in two fonts and two pictures, one with alpha.
layout::Document picture_document() {
  layout::Document doc = base_document();
  doc.pages[0].items.push_back(shape(doc.fonts[0].path, 0, "Garamond words", 12, 40, 60));
  doc.pages[0].items.push_back(shape(doc.fonts[1].path, 1, "Inter words", 10, 40, 80));
  const std::string jpeg = save("kept.jpg", make_jpeg(24, 16, 3));
  const std::string png = save("kept.png", make_png_rgba(20, 12));
  doc.images = {{jpeg}, {png}};
  doc.pages[0].items.push_back(layout::ImageItem{0, 40, 120, 48, 32, false});
  doc.pages[0].items.push_back(layout::ImageItem{1, 120, 120, 40, 24, false});
  return doc;
}

std::string write(const layout::Document& doc, const pdf::KeptResources* kept) {
  Diagnostics diags;
  pdf::WriteOptions options;
  options.kept = kept;
  std::string pdf = pdf::write_pdf(doc, diags, options);
  REQUIRE_FALSE(diags.has_errors());
  return pdf;
}

} // namespace

TEST_SUITE("pdf/prepared") {
  TEST_CASE("a second write takes every picture and font the first prepared, byte for byte") {
    const layout::Document doc = picture_document();
    const std::string plain = write(doc, nullptr);
    Keeper keeper;
    CHECK(write(doc, &keeper.kept) == plain);
    CHECK(keeper.images.size() == 2);
    CHECK(keeper.fonts.size() == 2);
    CHECK(keeper.image_hits + keeper.font_hits == 0);
    CHECK(write(doc, &keeper.kept) == plain);
    CHECK(keeper.image_hits == 2);
    CHECK(keeper.font_hits == 2);
  }

  TEST_CASE("what the keeper gives is what the PDF embeds") {
    const layout::Document doc = picture_document();
    Keeper keeper;
    write(doc, &keeper.kept);
    // A planted font name shows where the subset's name goes; a planted width in pixels where
    // the picture's does.
    for (auto& [key, record] : keeper.fonts) {
      auto font = pdf::read_font_record(record);
      REQUIRE(font);
      font->font.ps_name = "Planted" + std::to_string(font->font.ps_name.size());
      record = pdf::font_record(*font);
    }
    auto image = pdf::read_image_record(keeper.images.at(doc.images[0].path));
    REQUIRE(image);
    image->info.width = 25;
    keeper.images[doc.images[0].path] = pdf::image_record(*image);
    const std::string planted = write(doc, &keeper.kept);
    CHECK(planted.find("+Planted") != std::string::npos);
    CHECK(planted.find("/Width 25") != std::string::npos);
    CHECK(write(doc, nullptr).find("+Planted") == std::string::npos);
  }

  TEST_CASE("a record reads back only whole and of its own kind") {
    pdf::PreparedImage image;
    image.info.width = 7;
    image.info.height = 5;
    image.info.components = 1;
    image.info.bits = 16;
    image.samples = {std::string("\x01\x02\x03", 3), true};
    image.icc = pdf::StreamData{"profile", false};
    const std::string record = pdf::image_record(image);
    auto back = pdf::read_image_record(record);
    REQUIRE(back);
    CHECK(back->info.width == 7);
    CHECK(back->info.height == 5);
    CHECK(back->info.components == 1);
    CHECK(back->info.bits == 16);
    CHECK(back->samples.bytes == image.samples.bytes);
    CHECK(back->samples.deflated);
    CHECK_FALSE(back->alpha);
    REQUIRE(back->icc);
    CHECK(back->icc->bytes == "profile");
    CHECK_FALSE(pdf::read_image_record(record.substr(0, record.size() - 1)));
    std::string damaged = record;
    damaged[damaged.size() / 2] ^= 1;
    CHECK_FALSE(pdf::read_image_record(damaged));
    CHECK_FALSE(pdf::read_font_record(record));

    pdf::PreparedFont font;
    font.font.ps_name = "Name";
    font.font.cid_of = {0, -1, 1};
    font.font.widths = {0, 512.25};
    font.font.text = {"", "fi"};
    font.font.bbox = {-10, -200, 900, 800};
    font.streams.program = {"program", true};
    auto font_back = pdf::read_font_record(pdf::font_record(font));
    REQUIRE(font_back);
    CHECK(font_back->font.cid_of == font.font.cid_of);
    CHECK(font_back->font.widths == font.font.widths);
    CHECK(font_back->font.text == font.font.text);
    CHECK(font_back->font.bbox == font.font.bbox);
    CHECK(font_back->streams.program.bytes == "program");
    // A font with colour glyph pictures is not kept.
    font.font.color_glyphs[3] = {};
    CHECK(pdf::font_record(font).empty());
  }
}
