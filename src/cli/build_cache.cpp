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
  w.number(e.diagnostics.size());
  for (const Diagnostic& d : e.diagnostics) {
    w.number(static_cast<std::uint64_t>(d.severity));
    w.text(d.loc.file);
    w.signed_number(d.loc.line);
    w.signed_number(d.loc.column);
    w.text(d.message);
    w.text(d.hint);
  }
  return w.seal();
}

std::optional<CachedOutput> decode_output(std::string_view record) {
  RecordReader r(record, kMagic);
  CachedOutput e;
  e.bytes = r.text();
  e.pages = static_cast<int>(r.signed_number());
  // The smallest print page and diagnostic are 4 and 7 bytes: a damaged count fails here.
  std::size_t n = r.count(4);
  for (std::size_t i = 0; i < n && r.ok(); ++i) {
    model::PrintPage p;
    p.label = r.text();
    p.article = static_cast<int>(r.signed_number());
    p.block = static_cast<int>(r.signed_number());
    p.word = static_cast<int>(r.signed_number());
    e.print_pages.push_back(std::move(p));
  }
  n = r.count(7);
  for (std::size_t i = 0; i < n && r.ok(); ++i) {
    Diagnostic d;
    std::uint64_t severity = r.number();
    if (severity > static_cast<std::uint64_t>(Severity::Error))
      return std::nullopt;
    d.severity = static_cast<Severity>(severity);
    d.loc.file = r.text();
    d.loc.line = static_cast<int>(r.signed_number());
    d.loc.column = static_cast<int>(r.signed_number());
    d.message = r.text();
    d.hint = r.text();
    e.diagnostics.push_back(std::move(d));
  }
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
