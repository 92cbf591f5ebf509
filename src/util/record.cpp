#include "util/record.hpp"

#include "util/hash.hpp"

#include <array>
#include <bit>

namespace galley {

namespace {

// XXH3-128, not a cryptographic digest: the seal tells a torn or damaged entry from a whole one,
// which no one forges, and a rebuild reads back every kept article's pages through it (15 MB
// for a 100-article issue: 11 ms of SHA-256 against 1 ms).
constexpr std::size_t kSealSize = 16;

std::string seal_of(std::string_view data) {
  const std::array<std::uint8_t, kSealSize> bytes = bytes_of(fast_digest(data));
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

} // namespace

RecordWriter::RecordWriter(std::string_view magic) {
  text(magic);
}

void RecordWriter::number(std::uint64_t v) {
  while (v >= 0x80) {
    out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out_.push_back(static_cast<char>(v));
}

void RecordWriter::real(double v) {
  const auto bits = std::bit_cast<std::uint64_t>(v);
  out_.push_back(bits == 0 ? 0 : 1);
  if (bits == 0)
    return;
  for (int i = 0; i < 8; ++i)
    out_.push_back(static_cast<char>((bits >> (8 * i)) & 0xff));
}

void RecordWriter::text(std::string_view s) {
  number(s.size());
  out_.append(s);
}

std::string RecordWriter::seal() {
  out_ += seal_of(out_);
  return std::move(out_);
}

void RecordDigest::text(std::string_view s) {
  w_.number(s.size());
  if (s.size() < 4096) {
    w_.out_ += s;
    spill();
    return;
  }
  sha_.update(w_.out_);
  w_.out_.clear();
  sha_.update(s);
}

void RecordDigest::spill() {
  if (w_.out_.size() < 16384)
    return;
  sha_.update(w_.out_);
  w_.out_.clear();
}

std::string RecordDigest::hex() {
  sha_.update(w_.out_);
  w_.out_.clear();
  return hex_of(sha_.finish());
}

RecordReader::RecordReader(std::string_view record, std::string_view magic) : data_(record) {
  if (record.size() < kSealSize)
    return;
  end_ = record.size() - kSealSize;
  ok_ = seal_of(record.substr(0, end_)) == record.substr(end_);
  if (ok_ && text() != magic)
    ok_ = false;
}

std::uint64_t RecordReader::number() {
  std::uint64_t v = 0;
  for (int shift = 0; ok_ && shift < 64; shift += 7) {
    if (pos_ == end_)
      break;
    auto byte = static_cast<unsigned char>(data_[pos_++]);
    v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0)
      return v;
  }
  ok_ = false;
  return 0;
}

double RecordReader::real() {
  if (!ok_ || pos_ == end_) {
    ok_ = false;
    return 0;
  }
  if (data_[pos_++] == 0)
    return 0;
  if (end_ - pos_ < 8) {
    ok_ = false;
    return 0;
  }
  std::uint64_t bits = 0;
  for (int i = 0; i < 8; ++i)
    bits |= static_cast<std::uint64_t>(static_cast<unsigned char>(data_[pos_ + i])) << (8 * i);
  pos_ += 8;
  return std::bit_cast<double>(bits);
}

std::size_t RecordReader::count(std::size_t min_item_bytes) {
  std::uint64_t n = number();
  if (ok_ && n > (end_ - pos_) / (min_item_bytes == 0 ? 1 : min_item_bytes))
    ok_ = false;
  return ok_ ? static_cast<std::size_t>(n) : 0;
}

std::string RecordReader::text() {
  return std::string(text_view());
}

std::string_view RecordReader::text_view() {
  std::uint64_t n = number();
  if (!ok_ || n > end_ - pos_) {
    ok_ = false;
    return {};
  }
  std::string_view s = data_.substr(pos_, static_cast<std::size_t>(n));
  pos_ += static_cast<std::size_t>(n);
  return s;
}

void write_diagnostics(RecordWriter& w, const std::vector<Diagnostic>& diagnostics) {
  w.number(diagnostics.size());
  for (const Diagnostic& d : diagnostics) {
    w.number(static_cast<std::uint64_t>(d.severity));
    w.text(d.loc.file);
    w.signed_number(d.loc.line);
    w.signed_number(d.loc.column);
    w.text(d.message);
    w.text(d.hint);
  }
}

bool read_diagnostics(RecordReader& r, std::vector<Diagnostic>& out) {
  // The smallest diagnostic takes 7 bytes: a damaged count fails here.
  for (std::size_t n = r.count(7); n > 0 && r.ok(); --n) {
    Diagnostic d;
    std::uint64_t severity = r.number();
    if (severity > static_cast<std::uint64_t>(Severity::Error)) return false;
    d.severity = static_cast<Severity>(severity);
    d.loc.file = r.text();
    d.loc.line = static_cast<int>(r.signed_number());
    d.loc.column = static_cast<int>(r.signed_number());
    d.message = r.text();
    d.hint = r.text();
    out.push_back(std::move(d));
  }
  return r.ok();
}

} // namespace galley
