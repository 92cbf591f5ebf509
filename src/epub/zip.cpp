// The OCF container (EPUB 3.3 section 4.2), written with libzip into memory. Reproducible: the
// entry order is the caller's, every entry gets the same timestamp, and nothing of the machine
// (clock, time zone, file modes) reaches the archive.
#include "epub/book.hpp"
#include "galley/error.hpp"
#include "util/deflate.hpp"
#include "util/parallel.hpp"

#include <algorithm>
#include <cstring>
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

/// An entry deflated before libzip sees it. libzip compresses one entry after the other as it
/// writes the archive; deflated ahead, on as many threads as are free (util/deflate.hpp), they
/// are copied as they are: a source whose stat gives the method, both sizes and the CRC is not
/// compressed again (zip_close, as for an entry taken from another archive).
struct Deflated {
  DeflatedEntry entry; ///< deflated here, or taken from the memo
  std::size_t read = 0;
  zip_error_t error{};
};

/// Level 6, zlib's default and what libzip used: EPUB readers download what is stored here.
constexpr int kLevel = 6;

DeflatedEntry deflate_entry(const std::string& data) {
  return {deflate_bytes(data, kLevel, DeflateWrapper::None), data.size(), crc32_of(data)};
}

/// The zip_source_function callback (libzip's zip_source_function(3)) over a Deflated entry.
zip_int64_t deflated_source(void* state, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
  auto& d = *static_cast<Deflated*>(state);
  switch (cmd) {
  case ZIP_SOURCE_OPEN:
    d.read = 0;
    return 0;
  case ZIP_SOURCE_READ: {
    const std::size_t n = std::min<std::size_t>(len, d.entry.packed.size() - d.read);
    std::memcpy(data, d.entry.packed.data() + d.read, n);
    d.read += n;
    return static_cast<zip_int64_t>(n);
  }
  case ZIP_SOURCE_CLOSE:
  case ZIP_SOURCE_FREE: // the entry is the caller's
    return 0;
  case ZIP_SOURCE_STAT: {
    auto* st = static_cast<zip_stat_t*>(data);
    zip_stat_init(st);
    st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_CRC | ZIP_STAT_COMP_METHOD |
                ZIP_STAT_ENCRYPTION_METHOD;
    st->size = d.entry.size;
    st->comp_size = d.entry.packed.size();
    st->crc = d.entry.crc;
    st->comp_method = ZIP_CM_DEFLATE;
    st->encryption_method = ZIP_EM_NONE;
    return sizeof(zip_stat_t);
  }
  case ZIP_SOURCE_ERROR:
    return zip_error_to_data(&d.error, data, len);
  case ZIP_SOURCE_SUPPORTS:
    return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                          ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
                                          ZIP_SOURCE_SUPPORTS, -1);
  default:
    zip_error_set(&d.error, ZIP_ER_OPNOTSUPP, 0);
    return -1;
  }
}
} // namespace

std::string build_zip(const std::vector<ZipEntry>& entries, std::int64_t epoch, unsigned threads,
                      EpubMemo* memo) {
  std::vector<Deflated> deflated(entries.size());
  for (Deflated& d : deflated)
    zip_error_init(&d.error);
  std::vector<Digest128> keys(memo ? entries.size() : 0);
  parallel_for(entries.size(), threads, [&](std::size_t i, unsigned) {
    if (!entries[i].compress)
      return;
    if (memo) {
      keys[i] = entries[i].digest ? *entries[i].digest : fast_digest(entries[i].data);
      auto kept = memo->deflated_earlier.find(keys[i]);
      if (kept != memo->deflated_earlier.end()) {
        deflated[i].entry = kept->second;
        return;
      }
    }
    // An entry given by its digest alone is one the memo holds (epub/documents.cpp).
    if (entries[i].data.empty() && entries[i].digest)
      throw Error("EPUB entry '" + entries[i].name + "' is neither given nor kept deflated");
    deflated[i].entry = deflate_entry(entries[i].data);
  });
  if (memo)
    for (std::size_t i = 0; i < entries.size(); ++i)
      if (entries[i].compress)
        memo->deflated_made.emplace(keys[i], deflated[i].entry);
  zip_error_t err;
  zip_error_init(&err);
  SourcePtr buffer(zip_source_buffer_create(nullptr, 0, 0, &err));
  if (!buffer) fail("buffer", &err);
  ZipPtr zip(zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &err));
  if (!zip) fail("open", &err);
  // The archive now owns a reference; keep ours so the bytes can be read after zip_close.
  zip_source_keep(buffer.get());
  std::time_t stamp = local_stamp(epoch);

  for (std::size_t k = 0; k < entries.size(); ++k) {
    const ZipEntry& e = entries[k];
    // Neither source copies: the entries outlive zip_close below.
    zip_source_t* src = e.compress ? zip_source_function(zip.get(), deflated_source, &deflated[k])
                                   : zip_source_buffer(zip.get(), e.data.data(), e.data.size(), 0);
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
