#include "pdf/pack.hpp"

#include <doctest/doctest.h>
#include <zlib.h>

#include <string>
#include <thread>

using namespace galley::pdf;

namespace {

std::string inflate_all(const std::string& packed, std::size_t size) {
  std::string out(size, '\0');
  uLongf n = uLongf(size);
  REQUIRE(uncompress(reinterpret_cast<Bytef*>(out.data()), &n,
                     reinterpret_cast<const Bytef*>(packed.data()), uLong(packed.size())) == Z_OK);
  out.resize(n);
  return out;
}

std::string sample(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i)
    s += static_cast<char>("BT /F1 10 Tf (galley) Tj ET\n"[i % 28]);
  return s;
}

} // namespace

TEST_SUITE("pdf/pack") {
  TEST_CASE("deflated streams inflate back to their bytes") {
    for (std::size_t n : {0u, 1u, 1000u, 300000u}) {
      CAPTURE(n);
      std::string data = sample(n);
      StreamData packed = pack_stream(data, true);
      CHECK(packed.deflated);
      CHECK(inflate_all(packed.bytes, n + 1) == data);
      CHECK(packed.bytes.capacity() < data.size() / 2 + 64); // the deflate bound is given back
    }
  }

  TEST_CASE("uncompressed streams are kept as they are") {
    StreamData raw = pack_stream("q 1 0 0 1 0 0 cm Q", false);
    CHECK_FALSE(raw.deflated);
    CHECK(raw.bytes == "q 1 0 0 1 0 0 cm Q");
  }

  TEST_CASE("the bytes do not depend on what the thread packed before") {
    // Each thread reuses one compressor; it must deflate as a fresh one.
    std::string a = sample(5000), b = sample(70000);
    std::string first = pack_stream(a, true).bytes;
    pack_stream(b, true);
    CHECK(pack_stream(a, true).bytes == first);
    std::string other;
    std::thread([&] { other = pack_stream(a, true).bytes; }).join();
    CHECK(other == first);
  }
}
