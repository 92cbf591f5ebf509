#include "pdf/pack.hpp"

#include "galley/error.hpp"

#include <zlib.h>

#include <algorithm>
#include <climits>

namespace galley::pdf {

namespace {

/// zlib directly rather than PoDoFo's filter, which always uses the default level: level 4
/// costs a few percent in size and saves a third of the time spent deflating.
constexpr int kLevel = 4;

/// One deflate state per thread, reset between streams: setting zlib up allocates and clears
/// about 256 KB, which costs more than deflating a page's content stream. A reset state
/// deflates exactly as a fresh one, so the bytes do not depend on what was packed before.
struct Deflater {
  z_stream z{};
  bool ready = false;
  Deflater() { ready = deflateInit(&z, kLevel) == Z_OK; }
  ~Deflater() {
    if (ready)
      deflateEnd(&z);
  }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;
};

} // namespace

StreamData pack_stream(std::string_view data, bool compress) {
  if (!compress)
    return {std::string(data), false};
  thread_local Deflater deflater;
  z_stream& z = deflater.z;
  if (!deflater.ready || deflateReset(&z) != Z_OK)
    throw Error("zlib could not set up compression");
  std::string packed(deflateBound(&z, uLong(data.size())), '\0');
  z.next_out = reinterpret_cast<Bytef*>(packed.data());
  z.avail_out = uInt(packed.size()); // deflateBound of one image stays far below 4 GB
  std::size_t fed = 0;
  int rc = Z_OK;
  while (rc == Z_OK) {
    std::size_t chunk = std::min<std::size_t>(data.size() - fed, UINT_MAX);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + fed));
    z.avail_in = uInt(chunk);
    fed += chunk;
    rc = deflate(&z, fed == data.size() ? Z_FINISH : Z_NO_FLUSH);
    fed -= z.avail_in;
  }
  if (rc != Z_STREAM_END)
    throw Error("zlib could not compress a stream");
  packed.resize(z.total_out);
  // The bound is the size of the input: give back the rest, since packed streams are kept
  // until the document is assembled.
  packed.shrink_to_fit();
  return {std::move(packed), true};
}

} // namespace galley::pdf
