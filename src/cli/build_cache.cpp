#include "cli/build_cache.hpp"

#include "util/record.hpp"

namespace galley::cli {

namespace {

/// The entry format; a change of layout changes the name, so that old entries read as damaged
/// rather than wrongly.
constexpr std::string_view kMagic = "galley output entry 1";
constexpr std::string_view kInputMagic = "galley input entry 1";

void write_texts(RecordWriter& w, const std::vector<std::string>& texts) {
  w.number(texts.size());
  for (const auto& t : texts) w.text(t);
}

std::vector<std::string> read_texts(RecordReader& r) {
  std::vector<std::string> out;
  for (std::size_t n = r.count(1); n > 0 && r.ok(); --n) out.push_back(r.text());
  return out;
}

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

std::string encode_input(const CachedInput& e) {
  RecordWriter w(kInputMagic);
  w.number(e.sources.size());
  for (const auto& [path, digest] : e.sources) {
    w.text(path);
    w.text(digest);
  }
  w.text(e.info.path);
  w.number(e.info.manifest);
  w.text(e.info.slug);
  w.number(e.info.articles.size());
  for (const auto& a : e.info.articles) {
    w.text(a.stem);
    w.text(a.slug);
  }
  write_texts(w, e.files);
  w.number(e.article_files.size());
  for (const auto& files : e.article_files) write_texts(w, files);
  w.text(e.style_text);
  w.text(e.issue_text);
  return w.seal();
}

std::optional<CachedInput> decode_input(std::string_view record) {
  RecordReader r(record, kInputMagic);
  CachedInput e;
  for (std::size_t n = r.count(2); n > 0 && r.ok(); --n) {
    std::string path = r.text();
    e.sources.emplace_back(std::move(path), r.text());
  }
  e.info.path = r.text();
  e.info.manifest = r.number() != 0;
  e.info.slug = r.text();
  for (std::size_t n = r.count(2); n > 0 && r.ok(); --n) {
    InputInfo::Article a;
    a.stem = r.text();
    a.slug = r.text();
    e.info.articles.push_back(std::move(a));
  }
  e.files = read_texts(r);
  for (std::size_t n = r.count(1); n > 0 && r.ok(); --n) e.article_files.push_back(read_texts(r));
  e.style_text = r.text();
  e.issue_text = r.text();
  if (!r.at_end())
    return std::nullopt;
  return e;
}

std::optional<CachedInput> BuildCache::find_input(const std::string& key) const {
  std::optional<std::string> bytes = store_.load(key);
  return bytes ? decode_input(*bytes) : std::nullopt;
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
