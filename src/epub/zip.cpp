// The OCF container (EPUB 3.3 section 4.2), written with libzip into memory. Reproducible: the
// entry order is the caller's, every entry gets the same timestamp, and nothing of the machine
// (clock, time zone, file modes) reaches the archive.
#include "epub/book.hpp"
#include "galley/error.hpp"

#include <ctime>
#include <memory>
#include <zip.h>

namespace galley::epub {

namespace {
struct ZipDeleter {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct SourceDeleter {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipDeleter>;
using SourcePtr = std::unique_ptr<zip_source_t, SourceDeleter>;

/// libzip turns a time_t into DOS date and time fields with localtime(). To get the same fields
/// in every time zone, hand it the time_t whose local time reads like `epoch` in UTC.
std::time_t local_stamp(std::int64_t epoch) {
  constexpr std::int64_t kDosEpoch = 315532800; // 1980-01-01T00:00:00Z, the earliest DOS date
  std::time_t t = static_cast<std::time_t>(epoch < kDosEpoch ? kDosEpoch : epoch);
  std::tm utc{};
  gmtime_r(&t, &utc);
  utc.tm_isdst = -1;
  return std::mktime(&utc);
}

[[noreturn]] void fail(const char* what, zip_error_t* err) {
  std::string msg = std::string("cannot build the EPUB container: ") + what + ": " +
                    zip_error_strerror(err);
  throw Error(msg);
}
} // namespace

std::string build_zip(const std::vector<ZipEntry>& entries, std::int64_t epoch) {
  zip_error_t err;
  zip_error_init(&err);
  SourcePtr buffer(zip_source_buffer_create(nullptr, 0, 0, &err));
  if (!buffer) fail("buffer", &err);
  ZipPtr zip(zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &err));
  if (!zip) fail("open", &err);
  // The archive now owns a reference; keep ours so the bytes can be read after zip_close.
  zip_source_keep(buffer.get());
  std::time_t stamp = local_stamp(epoch);

  for (const auto& e : entries) {
    // zip_source_buffer does not copy: the entries outlive zip_close below.
    zip_source_t* src = zip_source_buffer(zip.get(), e.data.data(), e.data.size(), 0);
    if (!src) fail("entry", zip_get_error(zip.get()));
    zip_int64_t index = zip_file_add(zip.get(), e.name.c_str(), src, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(src);
      fail(e.name.c_str(), zip_get_error(zip.get()));
    }
    auto i = static_cast<zip_uint64_t>(index);
    // OCF 4.2.2: mimetype is the first entry, uncompressed, with no extra field.
    zip_int32_t method = e.compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE;
    if (zip_set_file_compression(zip.get(), i, method, e.compress ? 6 : 0) < 0 ||
        zip_file_set_mtime(zip.get(), i, stamp, 0) < 0 ||
        zip_file_set_external_attributes(zip.get(), i, 0, ZIP_OPSYS_UNIX, 0100644u << 16) < 0)
      fail(e.name.c_str(), zip_get_error(zip.get()));
  }
  if (zip_close(zip.get()) < 0) fail("close", zip_get_error(zip.get()));
  zip.release(); // zip_close freed it

  if (zip_source_open(buffer.get()) < 0) fail("read back", zip_source_error(buffer.get()));
  std::string out;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_stat(buffer.get(), &st) == 0 && (st.valid & ZIP_STAT_SIZE))
    out.reserve(static_cast<size_t>(st.size));
  char chunk[65536];
  zip_int64_t n;
  while ((n = zip_source_read(buffer.get(), chunk, sizeof chunk)) > 0)
    out.append(chunk, static_cast<size_t>(n));
  zip_source_close(buffer.get());
  if (n < 0) fail("read back", zip_source_error(buffer.get()));
  return out;
}

} // namespace galley::epub
