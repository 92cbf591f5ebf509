// The loading stage's full decode: crafted broken PNG and JPEG files are refused with a reason,
// the sound ones in the test data pass.
#include "util/image_decode.hpp"

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

  TEST_CASE("a GIF is refused for every output") {
    CHECK(validate("corpus/bad/images/pixel.gif") == "unsupported GIF image (save it as PNG)");
  }
}
