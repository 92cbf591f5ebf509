#pragma once
// A manifest's articles, read, kept in the cache folder (RenderOptions::cache_dir) with every
// file each read and its digest: after one article of an issue changed, the others are taken
// from here instead of being read and parsed again (docs/ci.md, "Incremental builds"). The key
// holds what reading depends on besides those files: the toolchain, the limits and allowed
// folders, the article's path, its name in diagnostics and its manifest's folder. Not made when
// pictures are looked up in --resource-path folders, where a file added to an earlier folder
// changes what is found without changing a file that was read. An article is kept with its
// fingerprint (model::fingerprint), which the layout cache's key of it would otherwise take by
// walking the whole article again in every build, and with its files (article_files), which
// the command line's keys of its own outputs would otherwise take by walking it for its
// pictures. It keeps which images' bytes
// decoded whole too, by their digest: an entry that holds nothing but its name.
#include "galley/render.hpp"
#include "input/load.hpp"
#include "util/cache_store.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace galley::render {

class ArticleCache final : public input::ArticleMemo {
public:
  explicit ArticleCache(const RenderOptions& options);

  [[nodiscard]] std::optional<Kept> find(const Place& place, bool whole) const override;
  void keep(const Place& place, const Kept& kept) const override;
  [[nodiscard]] bool sound_image(const std::string& sha256) const override;
  void keep_sound_image(const std::string& sha256) const override;

private:
  [[nodiscard]] std::string key(const Place& place) const;
  /// The key of the verdict on an image's bytes: their digest and the toolchain, whose
  /// decoders gave it.
  [[nodiscard]] std::string image_key(const std::string& sha256) const;

  CacheStore store_;
  std::string common_; ///< the key's parts every article shares
  /// The files' digests, each taken once for all the articles: the issue's pictures are read by
  /// many of them.
  mutable DigestSnapshot digests_;
};

/// render::load, giving for each article of a manifest what the cache folder kept with it
/// (input::KeptArticle: its fingerprint and article_files), both empty for an article read.
/// With `defer_blocks`, an article taken from the folder comes without its blocks, which its
/// KeptArticle holds encoded (input::LoadOptions::defer_blocks). `on_fields` is
/// input::LoadOptions::on_fields.
std::optional<model::Issue>
load_kept(const std::vector<std::filesystem::path>& inputs, const RenderOptions& options,
          Diagnostics& diags, std::vector<input::KeptArticle>* kept, bool defer_blocks = false,
          std::function<void(const model::Issue& fields)> on_fields = {});

} // namespace galley::render
