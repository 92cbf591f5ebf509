#pragma once
// The pictures and fonts of PDFs, made ready for embedding once and kept in the cache
// (RenderOptions::cache_dir), so that a rebuild after one article changed neither decodes and
// deflates the pictures again nor subsets fonts whose glyphs are the same
// (pdf/prepared.hpp). A picture is keyed by its file's bytes, a font by its file's bytes, its
// face and the glyphs used with their text; both with the toolchain and the PDF options. Keys
// hold no path and no issue: an issue and the PDFs of its articles share the pictures they
// both show (docs/ci.md, "Incremental builds").
#include "galley/render.hpp"
#include "pdf/prepared.hpp"
#include "util/cache_store.hpp"

#include <string>

namespace galley::render {

class ResourceCache {
public:
  explicit ResourceCache(const RenderOptions& options);
  ResourceCache(const ResourceCache&) = delete;
  ResourceCache& operator=(const ResourceCache&) = delete;

  /// For WriteOptions::kept, while this cache lives. An entry that does not read back whole is
  /// made again, as if it were missing.
  [[nodiscard]] const pdf::KeptResources& kept() const { return kept_; }

private:
  [[nodiscard]] std::string image_key(const std::string& path) const;
  [[nodiscard]] std::string font_key(const layout::FontResource& res,
                                     const pdf::FontUsage& usage) const;

  CacheStore store_;
  std::string common_; ///< the toolchain and the options, in every key
  pdf::KeptResources kept_;
};

} // namespace galley::render
