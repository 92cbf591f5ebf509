#include "cli/build_cache.hpp"

#include "util/record.hpp"

namespace galley::cli {

namespace {

/// The entry format; a change of layout changes the name, so that old entries read as damaged
/// rather than wrongly.
constexpr std::string_view kMagic = "galley output entry 1";

} // namespace

std::string encode_output(const CachedOutput& e) {
  RecordWriter w(kMagic);
  w.text(e.bytes);
  w.signed_number(e.pages);
  w.number(e.print_pages.size());
  for (const model::PrintPage& p : e.print_pages) {
    w.text(p.label);
    w.signed_number(p.article);
    w.signed_number(p.block);
    w.signed_number(p.word);
  }
  write_diagnostics(w, e.diagnostics);
  return w.seal();
}

std::optional<CachedOutput> decode_output(std::string_view record) {
  RecordReader r(record, kMagic);
  CachedOutput e;
  e.bytes = r.text();
  e.pages = static_cast<int>(r.signed_number());
  // The smallest print page takes 4 bytes: a damaged count fails here.
  std::size_t n = r.count(4);
  for (std::size_t i = 0; i < n && r.ok(); ++i) {
    model::PrintPage p;
    p.label = r.text();
    p.article = static_cast<int>(r.signed_number());
    p.block = static_cast<int>(r.signed_number());
    p.word = static_cast<int>(r.signed_number());
    e.print_pages.push_back(std::move(p));
  }
  if (!read_diagnostics(r, e.diagnostics))
    return std::nullopt;
  if (!r.at_end())
    return std::nullopt;
  return e;
}

BuildCache::Found BuildCache::find(const std::string& key, CachedOutput& out) const {
  std::optional<std::string> bytes = store_.load(key);
  if (!bytes)
    return Found::Miss;
  std::optional<CachedOutput> entry = decode_output(*bytes);
  if (!entry)
    return Found::Damaged;
  out = std::move(*entry);
  return Found::Hit;
}

} // namespace galley::cli
