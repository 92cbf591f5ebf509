#include "cli/build_cache.hpp"

#include "util/files.hpp"
#include "util/hash.hpp"
#include "util/record.hpp"

#include <sys/stat.h>

namespace galley::cli {

namespace {

/// The entry format; a change of layout changes the name, so that old entries read as damaged
/// rather than wrongly.
constexpr std::string_view kMagic = "galley output entry 3";
constexpr std::string_view kInputMagic = "galley input entry 2";
constexpr std::string_view kPlacedMagic = "galley placed output 1";
constexpr std::string_view kDigestsMagic = "galley file digests 1";
constexpr std::string_view kDatesMagic = "galley long dates 1";
constexpr std::string_view kFontsMagic = "galley scanned fonts 1";

/// What stat says of a file (device, inode, size, modification time), as a placed record holds
/// it; empty when there is no such file.
std::string stat_text(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
    return {};
  return std::to_string(st.st_dev) + " " + std::to_string(st.st_ino) + " " +
         std::to_string(st.st_size) + " " + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec);
}

/// The cache key of what is known about the output file at `path`.
std::string placed_key(const std::filesystem::path& path) {
  CacheKey k("galley placed output");
  k.text(absolute_normal(path).string());
  return k.finish();
}

/// The key of the bytes of an output of digest `sha256`.
std::string bytes_key(const std::string& sha256) {
  CacheKey k("galley output bytes");
  k.text(sha256);
  return k.finish();
}

/// The one key of the file digests a build keeps for the next.
std::string digests_key() {
  CacheKey k("galley file digests");
  return k.finish();
}

/// The key of the long dates formatted with `toolchain`: the library versions it names
/// include ICU's, whose data the texts come from.
std::string dates_key(const std::string& toolchain) {
  CacheKey k("galley long dates");
  k.text(toolchain);
  return k.finish();
}

/// The key of the font files scanned with `toolchain`, FreeType's version among it.
std::string fonts_key(const std::string& toolchain) {
  CacheKey k("galley scanned fonts");
  k.text(toolchain);
  return k.finish();
}

/// The items of the list the record under `key` holds, each read by `read_item`; none when
/// there is no record or it is damaged. `min_item_bytes`: the fewest bytes an item takes, so
/// that a damaged count fails before anything is read.
template <class T, class Read>
std::vector<T> read_list(const CacheStore& store, const std::string& key, std::string_view magic,
                         std::size_t min_item_bytes, Read read_item) {
  std::optional<std::string> record = store.load(key);
  if (!record)
    return {};
  RecordReader r(*record, magic);
  std::vector<T> out;
  for (std::size_t n = r.count(min_item_bytes); n > 0 && r.ok(); --n)
    out.push_back(read_item(r));
  if (!r.at_end())
    return {};
  return out;
}

/// Keeps `items` as a list under `key`, each written by `write_item`.
template <class T, class Write>
void write_list(const CacheStore& store, const std::string& key, std::string_view magic,
                const std::vector<T>& items, Write write_item) {
  RecordWriter w(magic);
  w.number(items.size());
  for (const T& item : items)
    write_item(w, item);
  store.store(key, w.seal());
}

/// A file's path and what stat said of it (device, inode, size, modification time): how each
/// item of the lists of files known by their stat begins (the file digests, the font scans).
template <class T> void write_stamp(RecordWriter& w, const T& item) {
  w.text(item.path);
  w.number(item.device);
  w.number(item.inode);
  w.number(item.size);
  w.signed_number(item.modified_ns);
}

template <class T> void read_stamp(RecordReader& r, T& item) {
  item.path = r.text();
  item.device = r.number();
  item.inode = r.number();
  item.size = r.number();
  item.modified_ns = r.signed_number();
}

void write_texts(RecordWriter& w, const std::vector<std::string>& texts) {
  w.number(texts.size());
  for (const auto& t : texts)
    w.text(t);
}

std::vector<std::string> read_texts(RecordReader& r) {
  std::vector<std::string> out;
  for (std::size_t n = r.count(1); n > 0 && r.ok(); --n)
    out.push_back(r.text());
  return out;
}

} // namespace

std::string encode_output(const CachedOutput& e) {
  RecordWriter w(kMagic);
  w.text(e.sha256);
  w.number(e.size);
  w.signed_number(e.pages);
  w.number(e.print_pages.size());
  for (const model::PrintPage& p : e.print_pages) {
    w.text(p.label);
    w.signed_number(p.article);
    w.signed_number(p.block);
    w.signed_number(p.word);
  }
  write_diagnostics(w, e.diagnostics);
  w.number(e.fonts.size());
  for (const auto& [path, digest] : e.fonts) {
    w.text(path);
    w.text(digest);
  }
  return w.seal();
}

std::optional<CachedOutput> decode_output(std::string_view record) {
  RecordReader r(record, kMagic);
  CachedOutput e;
  e.sha256 = r.text();
  e.size = r.number();
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
  for (std::size_t n = r.count(2); n > 0 && r.ok(); --n) {
    std::string path = r.text();
    e.fonts.emplace_back(std::move(path), r.text());
  }
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
  write_texts(w, e.common_files);
  w.number(e.article_files.size());
  for (const auto& files : e.article_files)
    write_texts(w, files);
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
  e.common_files = read_texts(r);
  for (std::size_t n = r.count(1); n > 0 && r.ok(); --n)
    e.article_files.push_back(read_texts(r));
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

std::optional<std::string> BuildCache::bytes(const CachedOutput& entry) const {
  std::optional<std::string> bytes = store_.load(bytes_key(entry.sha256));
  if (!bytes || bytes->size() != entry.size || sha256_hex(*bytes) != entry.sha256)
    return std::nullopt;
  return bytes;
}

void BuildCache::store(const std::string& key, CachedOutput entry, const std::string& bytes,
                       const std::string& sha256, const std::filesystem::path* written) const {
  entry.sha256 = sha256;
  entry.size = bytes.size();
  // The bytes first: an entry is never there without them.
  if (!written || !store_.link(bytes_key(entry.sha256), *written))
    store_.store(bytes_key(entry.sha256), bytes);
  store_.store(key, encode_output(entry));
}

bool BuildCache::placed(const std::filesystem::path& path, const std::string& sha256) const {
  std::optional<std::string> record = store_.load(placed_key(path));
  if (!record)
    return false;
  RecordReader r(*record, kPlacedMagic);
  std::string digest = r.text();
  std::string stat = r.text();
  return r.at_end() && digest == sha256 && !stat.empty() && stat == stat_text(path);
}

void BuildCache::mark_placed(const std::filesystem::path& path, const std::string& sha256) const {
  RecordWriter w(kPlacedMagic);
  w.text(sha256);
  w.text(stat_text(path));
  store_.store(placed_key(path), w.seal());
}

std::vector<KnownDigest> BuildCache::known_digests() const {
  // The smallest digest takes 6 bytes: a damaged count fails at once.
  return read_list<KnownDigest>(store_, digests_key(), kDigestsMagic, 6, [](RecordReader& r) {
    KnownDigest k;
    read_stamp(r, k);
    k.digest = r.text();
    return k;
  });
}

void BuildCache::keep_digests(const std::vector<KnownDigest>& digests) const {
  write_list(store_, digests_key(), kDigestsMagic, digests,
             [](RecordWriter& w, const KnownDigest& k) {
               write_stamp(w, k);
               w.text(k.digest);
             });
}

std::vector<model::LongDate> BuildCache::known_dates(const std::string& toolchain) const {
  // The smallest date takes 5 bytes.
  return read_list<model::LongDate>(store_, dates_key(toolchain), kDatesMagic, 5,
                                    [](RecordReader& r) {
                                      model::LongDate d;
                                      d.language = r.text();
                                      d.date.year = static_cast<int>(r.signed_number());
                                      d.date.month = static_cast<int>(r.signed_number());
                                      d.date.day = static_cast<int>(r.signed_number());
                                      d.text = r.text();
                                      return d;
                                    });
}

void BuildCache::keep_dates(const std::string& toolchain,
                            const std::vector<model::LongDate>& dates) const {
  write_list(store_, dates_key(toolchain), kDatesMagic, dates,
             [](RecordWriter& w, const model::LongDate& d) {
               w.text(d.language);
               w.signed_number(d.date.year);
               w.signed_number(d.date.month);
               w.signed_number(d.date.day);
               w.text(d.text);
             });
}

std::vector<text::ScannedFont> BuildCache::known_fonts(const std::string& toolchain) const {
  // The smallest file takes 6 bytes, the smallest face 10.
  return read_list<text::ScannedFont>(store_, fonts_key(toolchain), kFontsMagic, 6,
                                      [](RecordReader& r) {
                                        text::ScannedFont f;
                                        read_stamp(r, f);
                                        for (std::size_t k = r.count(10); k > 0 && r.ok(); --k) {
                                          text::FaceInfo face;
                                          face.path = r.text();
                                          face.index = static_cast<int>(r.signed_number());
                                          face.family = r.text();
                                          face.weight = static_cast<int>(r.signed_number());
                                          face.italic = r.number() != 0;
                                          face.units_per_em = static_cast<int>(r.signed_number());
                                          face.ascender = r.real();
                                          face.descender = r.real();
                                          face.generic = r.text();
                                          f.faces.push_back(std::move(face));
                                        }
                                        return f;
                                      });
}

void BuildCache::keep_fonts(const std::string& toolchain,
                            const std::vector<text::ScannedFont>& fonts) const {
  write_list(store_, fonts_key(toolchain), kFontsMagic, fonts,
             [](RecordWriter& w, const text::ScannedFont& f) {
               write_stamp(w, f);
               w.number(f.faces.size());
               for (const text::FaceInfo& face : f.faces) {
                 w.text(face.path.string());
                 w.signed_number(face.index);
                 w.text(face.family);
                 w.signed_number(face.weight);
                 w.number(face.italic ? 1 : 0);
                 w.signed_number(face.units_per_em);
                 w.real(face.ascender);
                 w.real(face.descender);
                 w.text(face.generic);
               }
             });
}

std::string CachedPatterns::entry_key(const std::string& key) const {
  CacheKey k("galley hyphenation automata");
  k.text(toolchain_);
  k.text(key);
  return k.finish();
}

std::optional<SharedBytes> CachedPatterns::find(const std::string& key) const {
  return store_.share(entry_key(key));
}

void CachedPatterns::keep(const std::string& key, const std::string& bytes) const {
  store_.store(entry_key(key), bytes);
}

} // namespace galley::cli
