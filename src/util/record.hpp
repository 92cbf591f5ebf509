#pragma once
// A sealed binary record: the format of galley's cache entries (cli/build_cache.hpp,
// layout/article_record.hpp). Numbers are LEB128 varints (a glyph id or a count takes a byte or
// two), reals their 8 bytes (or one byte for zero, which most glyph offsets are), strings a
// length and their bytes, and an XXH3-128 digest of everything before it closes the record, so
// that a truncated or damaged entry is told from a good one instead of being read as one.
#include "galley/diagnostics.hpp"
#include "util/hash.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace galley {

class RecordWriter {
public:
  /// Starts a record of kind `magic` (a short fixed text naming the format and its version).
  explicit RecordWriter(std::string_view magic);
  void number(std::uint64_t v);
  /// Zigzag-coded, so that small negative numbers (-1 for "none") stay short.
  void signed_number(std::int64_t v) {
    number((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
  }
  void real(double v);
  void text(std::string_view s);
  /// A digest kept in the record (the key of a kept stream or document): its two halves.
  void digest(const Digest128& d) {
    number(d.low);
    number(d.high);
  }
  /// The record with its seal; the writer is spent.
  std::string seal();

private:
  friend class RecordDigest;
  std::string out_;
};

/// Takes what a RecordWriter would write, into a SHA-256 rather than a string: the digest of a
/// record's content (without the seal) at the cost of neither the record nor its memory, for
/// the fingerprints of a hundred articles that each rebuild keys.
class RecordDigest {
public:
  explicit RecordDigest(std::string_view magic) : w_(magic) {}
  void number(std::uint64_t v) {
    w_.number(v);
    spill();
  }
  void signed_number(std::int64_t v) {
    w_.signed_number(v);
    spill();
  }
  void text(std::string_view s);
  /// Lowercase hex SHA-256 of everything taken; the digest is spent.
  std::string hex();

private:
  /// Hands what the writer holds to the digest once it is a few pages long.
  void spill();
  RecordWriter w_;
  Sha256 sha_;
};

/// Reads a record RecordWriter sealed. Every read past the end or of a damaged record fails
/// softly: ok() turns false and the values read are zero or empty.
class RecordReader {
public:
  /// Checks the magic and the seal; ok() is false when either is wrong.
  RecordReader(std::string_view record, std::string_view magic);
  [[nodiscard]] bool ok() const { return ok_; }
  /// True when every byte before the seal was read (and nothing failed).
  [[nodiscard]] bool at_end() const { return ok_ && pos_ == end_; }
  std::uint64_t number();
  std::int64_t signed_number() {
    std::uint64_t u = number();
    return static_cast<std::int64_t>(u >> 1) ^ -static_cast<std::int64_t>(u & 1);
  }
  Digest128 digest() {
    const std::uint64_t low = number();
    return {low, number()};
  }
  double real();
  /// A count of items that follow, each at least `min_item_bytes` long: one larger than what is
  /// left of the record fails, so a damaged count never sizes a vector.
  std::size_t count(std::size_t min_item_bytes = 1);
  std::string text();
  /// A text as a view into the record: valid while the record's bytes are.
  std::string_view text_view();

private:
  std::string_view data_;
  std::size_t pos_ = 0, end_ = 0;
  bool ok_ = false;
};

/// Diagnostics in a record (a cache entry replays what rendering reported), and back; false when
/// the record is damaged.
void write_diagnostics(RecordWriter& w, const std::vector<Diagnostic>& diagnostics);
bool read_diagnostics(RecordReader& r, std::vector<Diagnostic>& out);

} // namespace galley
