// The loading stage's full decode: crafted broken PNG and JPEG files are refused with a reason,
// the sound ones in the test data pass; GIF, WebP and AVIF decode to their first frame's pixels.
#include "util/image_decode.hpp"
#include "util/image_pixels.hpp"

#include <png.h>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace galley;

namespace {

std::string read(const std::string& name) {
  std::ifstream in(std::filesystem::path(GALLEY_TEST_DATA_DIR) / name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string validate(const std::string& name) {
  std::string bytes = read(name);
  REQUIRE(!bytes.empty());
  ImageInfo info = probe_image(bytes);
  REQUIRE(info.error.empty());
  return validate_image(bytes, info);
}

} // namespace

TEST_SUITE("util/image_decode") {
  TEST_CASE("sound images decode") {
    CHECK(validate("input/fixtures/images/cover.jpg") == "");
  }

  TEST_CASE("broken PNG files are refused") {
    CHECK(validate("corpus/bad/images/bad-crc.png").find("CRC") != std::string::npos);
    CHECK(validate("corpus/bad/images/garbage-idat.png").rfind("truncated or corrupt PNG", 0) == 0);
    CHECK(validate("corpus/bad/images/bit-depth-3.png").rfind("corrupt PNG", 0) == 0);
    CHECK(validate("corpus/bad/images/no-plte.png").rfind("corrupt PNG: IDAT: Missing PLTE", 0) ==
          0);
  }

  TEST_CASE("JPEG files a PDF cannot draw are refused") {
    CHECK(validate("corpus/bad/images/lossless.jpg").rfind("unsupported lossless JPEG", 0) == 0);
    CHECK(validate("corpus/bad/images/arithmetic.jpg").rfind("unsupported arithmetic-coded", 0) ==
          0);
    CHECK(validate("corpus/bad/images/lying-size.jpg").rfind("corrupt JPEG: ", 0) == 0);
  }

  TEST_CASE("GIF, WebP and AVIF decode to their first frame") {
    for (const char* name : {"corpus/bad/images/pixel.gif", "e2e/data/images/transparent.gif",
                             "e2e/data/images/lossy.webp", "e2e/data/images/lossy-alpha.webp",
                             "e2e/data/images/lossless-alpha.webp", "e2e/data/images/alpha.avif",
                             "epub/data/pixel.webp"}) {
      CAPTURE(name);
      CHECK(validate(name) == "");
    }
  }

  TEST_CASE("a WebP whose data is scrambled, or that is cut short, is refused") {
    CHECK(validate("e2e/data/images/corrupt.webp").rfind("corrupt WebP: ", 0) == 0);
    std::string webp = read("e2e/data/images/lossy.webp");
    std::string cut = webp.substr(0, webp.size() / 2);
    ImageInfo info = probe_image(cut);
    REQUIRE(info.error.empty());
    CHECK(validate_image(cut, info) != "");
  }

  TEST_CASE("a GIF or AVIF cut short is refused") {
    for (const char* name : {"e2e/data/images/transparent.gif", "e2e/data/images/alpha.avif"}) {
      CAPTURE(name);
      std::string bytes = read(name);
      std::string cut = bytes.substr(0, bytes.size() * 2 / 3);
      ImageInfo info = probe_image(cut);
      // AVIF's boxes may end before the AV1 data is cut; either stage may notice.
      std::string why = info.error.empty() ? validate_image(cut, info) : info.error;
      CHECK(why.find("truncated") != std::string::npos);
    }
  }

  TEST_CASE("a GIF's first frame keeps its transparent colour; later frames are not drawn") {
    std::string bytes = read("e2e/data/images/transparent.gif");
    ImageInfo info = probe_image(bytes);
    std::string error;
    std::optional<Pixels> px = decode_pixels(bytes, info, error);
    REQUIRE(px);
    CHECK(error == "");
    CHECK(px->width == 32);
    CHECK(px->height == 20);
    CHECK(px->alpha);
    auto at = [&](int x, int y, int c) { return std::uint8_t(px->rgba[(y * 32 + x) * 4 + c]); };
    CHECK(at(2, 2, 3) == 0);    // the left half: the transparent colour
    CHECK(at(20, 2, 3) == 255); // the right half: opaque red or blue
    CHECK(at(20, 2, 1) == 30);
    CHECK(at(6, 6, 0) != 255); // inside the second frame's white square: still transparent
  }

  TEST_CASE("an animated WebP and an AVIF image sequence show their first frame") {
    for (const char* name : {"e2e/data/images/animated.webp", "e2e/data/images/sequence.avif"}) {
      CAPTURE(name);
      std::string bytes = read(name);
      ImageInfo info = probe_image(bytes);
      REQUIRE(info.error.empty());
      std::string error;
      std::optional<Pixels> px = decode_pixels(bytes, info, error);
      REQUIRE(px);
      CHECK(px->width == info.width);
      CHECK_FALSE(px->alpha);
      // The first frame is red (200, 20, 20), the second blue; AV1 is lossy, hence the margin.
      const auto red = std::uint8_t(px->rgba[0]), blue = std::uint8_t(px->rgba[2]);
      CHECK(red > 150);
      CHECK(blue < 70);
    }
  }

  TEST_CASE("WebP and AVIF pixels become a lossless PNG, with alpha only when it is used") {
    for (const char* name : {"e2e/data/images/lossless-alpha.webp", "e2e/data/images/lossy.webp",
                             "e2e/data/images/alpha.avif"}) {
      CAPTURE(name);
      std::string bytes = read(name);
      ImageInfo info = probe_image(bytes);
      std::string error;
      std::optional<Pixels> px = decode_pixels(bytes, info, error);
      REQUIRE(px);
      std::string png = encode_png(*px);
      ImageInfo png_info = probe_image(png);
      CHECK(png_info.format == ImageFormat::Png);
      CHECK(png_info.width == info.width);
      CHECK(png_info.height == info.height);
      CHECK(png_info.components == (px->alpha ? 4 : 3));
      CHECK(encode_png(*px) == png);
      // Lossless: the PNG decodes to the very pixels.
      png_image image{};
      image.version = PNG_IMAGE_VERSION;
      REQUIRE(png_image_begin_read_from_memory(&image, png.data(), png.size()));
      image.format = PNG_FORMAT_RGBA;
      std::string back(PNG_IMAGE_SIZE(image), '\0');
      REQUIRE(png_image_finish_read(&image, nullptr, back.data(), 0, nullptr));
      CHECK(back == px->rgba);
    }
    std::string lossless = read("e2e/data/images/lossless-alpha.webp");
    std::string error;
    CHECK(decode_pixels(lossless, probe_image(lossless), error)->alpha);
  }
}
