// A JPEG's colour markers (util/jpeg_color.hpp): Adobe's APP14 transform, and an ICC profile
// split over APP2 segments, joined in their numbered order whatever the file's order, refused
// when a chunk is missing, repeated or miscounted; and the CMYK-to-RGB conversion the PDF/A
// writer applies to a CMYK JPEG without a profile.
#include "util/jpeg_color.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace galley;

namespace {

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string fixture(const char* name) {
  std::string bytes = read(std::filesystem::path(GALLEY_TEST_DATA_DIR) / "e2e/data/images" / name);
  REQUIRE(!bytes.empty());
  return bytes;
}

std::string segment(std::uint8_t marker, const std::string& data) {
  const std::size_t len = data.size() + 2;
  return std::string{char(0xFF), char(marker), char(len >> 8), char(len & 0xFF)} + data;
}

std::string icc_chunk(int number, int count, const std::string& data) {
  return segment(0xE2, std::string("ICC_PROFILE", 12) + char(number) + char(count) + data);
}

/// A profile header of `size` bytes (ICC.1:2010 7.2): the size, the data colour space, 'acsp'.
std::string profile(const char* space, std::uint32_t size = 200) {
  std::string p(size, '\x11');
  for (int i = 0; i < 4; ++i)
    p[std::size_t(i)] = char(size >> (24 - 8 * i));
  p.replace(16, 4, space);
  p.replace(36, 4, "acsp");
  return p;
}

/// SOI, the segments, and the start of a scan, which ends the walk.
std::string jpeg(const std::string& segments) {
  return std::string("\xFF\xD8", 2) + segments + segment(0xDA, std::string(10, '\0'));
}

} // namespace

TEST_SUITE("util/image_jpeg_color") {
  TEST_CASE("Adobe's APP14 segment and its transform") {
    const std::string adobe = std::string("Adobe") + std::string("\0\x64\0\0\0\0\x02", 7);
    JpegColor c = jpeg_color(jpeg(segment(0xEE, adobe)));
    CHECK(c.adobe);
    CHECK(c.adobe_transform == 2);
    CHECK(c.icc.empty());
    CHECK(c.icc_problem.empty());
    CHECK_FALSE(jpeg_color(jpeg(segment(0xE0, std::string("JFIF\0", 5) + "xxxxxxxxx"))).adobe);
    // libjpeg writes transform 0 for CMYK: the fixture made with it.
    JpegColor cmyk = jpeg_color(fixture("cmyk.jpg"));
    CHECK(cmyk.adobe);
    CHECK(cmyk.adobe_transform == 0);
  }

  TEST_CASE("an ICC profile's chunks are joined in their numbered order") {
    const std::string p = profile("CMYK", 300);
    JpegColor c =
        jpeg_color(jpeg(icc_chunk(3, 3, p.substr(200)) + icc_chunk(1, 3, p.substr(0, 90)) +
                        segment(0xEE, std::string("Adobe") + std::string(7, '\0')) +
                        icc_chunk(2, 3, p.substr(90, 110))));
    CHECK(c.icc_problem == "");
    CHECK(c.icc == p);
    CHECK(c.icc_components == 4);
    CHECK(jpeg_color(jpeg(icc_chunk(1, 1, profile("GRAY")))).icc_components == 1);
    CHECK(jpeg_color(jpeg(icc_chunk(1, 1, profile("Lab ")))).icc_components == 0);
    // Bytes past the size the header gives (padding some writers add) are dropped.
    CHECK(jpeg_color(jpeg(icc_chunk(1, 1, profile("RGB ") + "pad"))).icc == profile("RGB "));
    // The fixture: Debian's Adobe RGB compatible profile, split in two.
    JpegColor fixed = jpeg_color(fixture("icc.jpg"));
    CHECK(fixed.icc_components == 3);
    CHECK(fixed.icc.substr(36, 4) == "acsp");
    const std::filesystem::path debian = "/usr/share/color/icc/compatibleWithAdobeRGB1998.icc";
    if (std::filesystem::exists(debian))
      CHECK(fixed.icc == read(debian));
  }

  TEST_CASE("missing, repeated or miscounted chunks, or no profile, give no profile") {
    const std::string p = profile("RGB ");
    for (const std::string& segments :
         {icc_chunk(1, 2, p.substr(0, 100)),                                  // one missing
          icc_chunk(1, 2, p.substr(0, 100)) + icc_chunk(1, 2, p.substr(100)), // repeated
          icc_chunk(1, 2, p.substr(0, 100)) + icc_chunk(2, 3, p.substr(100)), // miscounted
          icc_chunk(0, 1, p),                                                 // numbered from 0
          icc_chunk(1, 1, p.substr(0, 150)),                                  // cut short
          icc_chunk(1, 1, std::string(200, 'x'))}) {                          // no 'acsp'
      JpegColor c = jpeg_color(jpeg(segments));
      CHECK(c.icc.empty());
      CHECK(c.icc_problem != "");
    }
  }

  TEST_CASE("a CMYK JPEG converts to RGB as DeviceCMYK does") {
    // cmyk.jpg (make_colour_images.cpp): inverted samples; cyan rises left to right, 40 of
    // magenta everywhere, full black in the bottom 6 rows.
    const std::string bytes = fixture("cmyk.jpg");
    std::string error;
    std::optional<std::string> rgb = jpeg_cmyk_to_rgb(bytes, 30, 22, true, error);
    CAPTURE(error);
    REQUIRE(rgb);
    REQUIRE(rgb->size() == 30u * 22 * 3);
    auto px = [&](int x, int y, int c) { return int(std::uint8_t((*rgb)[(y * 30 + x) * 3 + c])); };
    CHECK(px(0, 0, 0) > 245); // no cyan, no black: red full
    CHECK(px(0, 0, 1) == doctest::Approx(215).epsilon(0.03));
    CHECK(px(29, 0, 0) < 10); // full cyan
    CHECK(px(29, 0, 2) > 245);
    CHECK(px(10, 21, 0) < 10); // full black
    CHECK(px(10, 21, 2) < 10);
    // Read without the inversion, the same samples give the opposite picture.
    std::optional<std::string> plain = jpeg_cmyk_to_rgb(bytes, 30, 22, false, error);
    REQUIRE(plain);
    CHECK(std::uint8_t((*plain)[0]) < 10);
    CHECK_FALSE(jpeg_cmyk_to_rgb(bytes, 31, 22, true, error));
    CHECK(error.find("header's size") != std::string::npos);
  }
}
