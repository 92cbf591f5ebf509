#include "export/article_cache.hpp"

#include "export/cache_keys.hpp"
#include "model/fingerprint.hpp"
#include "util/files.hpp"
#include "util/record.hpp"

namespace galley::render {

namespace {

constexpr std::string_view kMagic = "galley read article 4";
constexpr std::string_view kSoundImage = "galley sound image 1";

} // namespace

ArticleCache::ArticleCache(const RenderOptions& options) : store_(options.cache_dir) {
  // Digested once: a key of each of a hundred articles holds this part by its digest.
  CacheKey w("article reading context");
  w.text(toolchain_text());
  w.text(options_text(options, Format::Pdf)); // the limits, among others
  w.number(options.allowed_roots.size());
  for (const auto& root : options.allowed_roots)
    w.text(absolute_normal(root).string());
  common_ = w.finish();
}

std::string ArticleCache::key(const Place& place) const {
  CacheKey k("galley read article");
  k.text(common_);
  k.text(absolute_normal(place.path).string());
  k.text(place.display);
  k.text(absolute_normal(place.root).string());
  return k.finish();
}

std::optional<input::ArticleMemo::Kept> ArticleCache::find(const Place& place, bool whole) const {
  std::optional<std::string_view> entry = store_.read(key(place));
  if (!entry)
    return std::nullopt;
  RecordReader r(*entry, kMagic);
  // The article without its blocks, then its blocks, decoded only when the loader's caller
  // wants them now (input::LoadOptions::defer_blocks). The entry's seal covers both.
  const std::string_view model = r.text_view();
  const std::string_view blocks = r.text_view();
  Kept kept;
  kept.fingerprint = r.text();
  for (std::size_t n = r.count(2); n > 0 && r.ok(); --n) {
    std::filesystem::path file = r.text();
    // A file that holds other bytes now (or is gone) means reading the article again, and the
    // model is not decoded.
    if (digests_.digest(file) != r.text())
      return std::nullopt;
    kept.read.push_back(std::move(file));
  }
  for (std::size_t n = r.count(1); n > 0 && r.ok(); --n)
    kept.files.emplace_back(r.text());
  if (!r.at_end())
    return std::nullopt;
  std::optional<model::Article> article = model::decode_article(model);
  if (!article)
    return std::nullopt;
  kept.article = std::move(*article);
  if (!whole) {
    kept.blocks = blocks;
    return kept;
  }
  std::optional<model::Blocks> decoded = model::decode_blocks(blocks);
  if (!decoded)
    return std::nullopt;
  kept.article.blocks = std::move(*decoded);
  return kept;
}

void ArticleCache::keep(const Place& place, const Kept& kept) const {
  RecordWriter w(kMagic);
  w.text(model::encode_outline(kept.article));
  w.text(model::encode_blocks(kept.article.blocks));
  // Taken here, once, for every later build that takes the article from this entry.
  w.text(model::fingerprint(kept.article));
  w.number(kept.read.size());
  for (const auto& file : kept.read) {
    w.text(file.string());
    w.text(digests_.digest(file));
  }
  const std::vector<std::filesystem::path> files = article_files(kept.article);
  w.number(files.size());
  for (const auto& file : files)
    w.text(file.string());
  store_.store(key(place), w.seal());
}

std::string ArticleCache::image_key(const std::string& sha256) const {
  CacheKey k("galley sound image");
  k.text(toolchain_text());
  k.text(sha256);
  return k.finish();
}

bool ArticleCache::sound_image(const std::string& sha256) const {
  std::optional<std::string_view> entry = store_.read(image_key(sha256));
  return entry && RecordReader(*entry, kSoundImage).at_end();
}

void ArticleCache::keep_sound_image(const std::string& sha256) const {
  store_.store(image_key(sha256), RecordWriter(kSoundImage).seal());
}

} // namespace galley::render
