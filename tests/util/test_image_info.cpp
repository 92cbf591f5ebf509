// The header probe: each format's pixel size read from its header alone (GIF's logical screen,
// WebP's VP8, VP8L or VP8X chunk, AVIF's boxes), and a header cut short reported as truncated
// rather than as another format.
#include "util/image_info.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace galley;

namespace {

std::string read(const std::string& name) {
  std::ifstream in(std::filesystem::path(GALLEY_TEST_DATA_DIR) / "e2e/data/images" / name,
                   std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  REQUIRE(!out.str().empty());
  return out.str();
}

} // namespace

TEST_SUITE("util/image_info") {
  TEST_CASE("the pixel size of each format comes from its header") {
    struct Case {
      const char* file;
      ImageFormat format;
      std::uint32_t width, height;
      int components;
    };
    for (const Case& c : {Case{"photo.jpg", ImageFormat::Jpeg, 40, 30, 3},
                          Case{"alpha.png", ImageFormat::Png, 36, 24, 4},
                          Case{"transparent.gif", ImageFormat::Gif, 32, 20, 0},
                          Case{"lossy.webp", ImageFormat::Webp, 48, 32, 3},
                          Case{"lossy-alpha.webp", ImageFormat::Webp, 52, 34, 4},
                          Case{"lossless-alpha.webp", ImageFormat::Webp, 44, 28, 4},
                          Case{"alpha.avif", ImageFormat::Avif, 40, 24, 4},
                          Case{"animated.webp", ImageFormat::Webp, 30, 18, 3},
                          Case{"sequence.avif", ImageFormat::Avif, 28, 16, 4}}) {
      CAPTURE(c.file);
      ImageInfo info = probe_image(read(c.file));
      CHECK(info.error == "");
      CHECK(info.format == c.format);
      CHECK(info.width == c.width);
      CHECK(info.height == c.height);
      CHECK(info.components == c.components);
    }
  }

  TEST_CASE("media types and names") {
    CHECK(media_type(ImageFormat::Webp) == "image/webp");
    CHECK(media_type(ImageFormat::Avif) == "image/avif");
    CHECK(format_name(ImageFormat::Avif) == "AVIF");
  }

  TEST_CASE("a header cut short is truncated, not another format") {
    struct Case {
      const char* file;
      std::size_t keep;
      const char* error;
    };
    for (const Case& c : {Case{"transparent.gif", 9, "truncated GIF header"},
                          Case{"lossy.webp", 20, "truncated WebP header"},
                          Case{"lossy-alpha.webp", 24, "truncated WebP header"},
                          Case{"lossless-alpha.webp", 22, "truncated WebP header"},
                          Case{"alpha.avif", 24, "truncated AVIF header"},
                          Case{"alpha.avif", 200, "truncated AVIF header"}}) {
      CAPTURE(c.file);
      CAPTURE(c.keep);
      ImageInfo info = probe_image(read(c.file).substr(0, c.keep));
      CHECK(info.error == c.error);
    }
  }

  TEST_CASE("a WebP or GIF header of zero size is corrupt") {
    std::string gif = read("transparent.gif");
    gif[6] = gif[7] = '\0';
    CHECK(probe_image(gif).error == "corrupt GIF: zero size");
    std::string webp = read("lossless-alpha.webp");
    webp[20] = '\x11'; // the VP8L signature byte is 0x2F
    CHECK(probe_image(webp).error == "corrupt WebP header");
  }

  TEST_CASE("an ISO BMFF file of another brand is not taken for AVIF") {
    std::string avif = read("alpha.avif");
    std::string heic = avif;
    for (std::size_t at = 8; at + 4 <= 32; at += 4)
      if (heic.substr(at, 4) == "avif" || heic.substr(at, 4) == "avis")
        heic.replace(at, 4, "heic");
    CHECK(probe_image(heic).format == ImageFormat::Unknown);
    CHECK(probe_image(heic).error == "not a JPEG, PNG, GIF, WebP, AVIF or SVG image");
  }
}
