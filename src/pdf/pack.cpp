#include "pdf/pack.hpp"

#include "galley/error.hpp"

#include <libdeflate.h>

namespace galley::pdf {

namespace {

/// libdeflate rather than zlib: at level 3 it packs a page's content stream about a third
/// faster than zlib did at level 4 and a few percent smaller (measured on the 407 page streams
/// of the 100-article bench issue: 56 ms and 1.41 MB against 86 ms and 1.44 MB), and packing
/// is on the writer's critical path. The zlib format (RFC 1950) is what /FlateDecode reads
/// (PDF 32000-1 7.4.4).
constexpr int kLevel = 3;

/// One compressor per thread: setting one up allocates its tables. libdeflate keeps nothing
/// from one stream to the next, so the bytes do not depend on what was packed before.
struct Compressor {
  libdeflate_compressor* c = libdeflate_alloc_compressor(kLevel);
  ~Compressor() { libdeflate_free_compressor(c); }
  Compressor() = default;
  Compressor(const Compressor&) = delete;
  Compressor& operator=(const Compressor&) = delete;
};

} // namespace

StreamData pack_stream(std::string_view data, bool compress) {
  if (!compress)
    return {std::string(data), false};
  thread_local Compressor compressor;
  if (compressor.c == nullptr)
    throw Error("libdeflate could not set up compression");
  std::string packed(libdeflate_zlib_compress_bound(compressor.c, data.size()), '\0');
  std::size_t size = libdeflate_zlib_compress(compressor.c, data.data(), data.size(), packed.data(),
                                              packed.size());
  if (size == 0)
    throw Error("libdeflate could not compress a stream");
  packed.resize(size);
  // The bound is the size of the input: give back the rest, since packed streams are kept
  // until the document is assembled.
  packed.shrink_to_fit();
  return {std::move(packed), true};
}

} // namespace galley::pdf
