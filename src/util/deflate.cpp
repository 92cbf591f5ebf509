#include "util/deflate.hpp"

#include "galley/error.hpp"

#include <libdeflate.h>

#include <map>
#include <memory>

namespace galley {

namespace {

struct FreeCompressor {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

libdeflate_compressor& compressor(int level) {
  thread_local std::map<int, std::unique_ptr<libdeflate_compressor, FreeCompressor>> by_level;
  auto& c = by_level[level];
  if (!c)
    c.reset(libdeflate_alloc_compressor(level));
  if (!c)
    throw Error("libdeflate could not set up compression at level " + std::to_string(level));
  return *c;
}

} // namespace

std::string deflate_bytes(std::string_view data, int level, DeflateWrapper wrapper) {
  libdeflate_compressor& c = compressor(level);
  const bool zlib = wrapper == DeflateWrapper::Zlib;
  std::string out(zlib ? libdeflate_zlib_compress_bound(&c, data.size())
                       : libdeflate_deflate_compress_bound(&c, data.size()),
                  '\0');
  // The bound always fits, so 0 (no room) cannot happen.
  std::size_t size =
      zlib ? libdeflate_zlib_compress(&c, data.data(), data.size(), out.data(), out.size())
           : libdeflate_deflate_compress(&c, data.data(), data.size(), out.data(), out.size());
  if (size == 0)
    throw Error("libdeflate could not compress " + std::to_string(data.size()) + " bytes");
  out.resize(size);
  // The bound is the size of the input: give back the rest, since compressed buffers are kept
  // until the document is assembled.
  out.shrink_to_fit();
  return out;
}

std::uint32_t crc32_of(std::string_view data) {
  return static_cast<std::uint32_t>(libdeflate_crc32(0, data.data(), data.size()));
}

} // namespace galley
