#pragma once
// The layout cache (RenderOptions::cache_dir): each article of an issue PDF laid out once and
// kept, so that an issue with one changed article lays out that one article and joins the
// others' pages as they were. The key of an article holds what its pages depend on and nothing
// else (docs/ci.md, "Incremental builds"): the toolchain, the options, the resolved style, the
// fonts and dictionaries, the article (model::fingerprint, so an article loaded from memory or
// built in code is keyed as well as one read from a file) and its pictures' content, and the
// three things of the issue the layout reads: the anchor prefix its place decides, the notes
// numbered before it (when notes are numbered through the issue) and whether the issue has its
// language. The issue's other fields (its title, its file) are the joining's, so an article's
// own PDF (`galley build --single`) takes the pages its issue's PDF set. The fonts it was set
// with are checked when an entry is read, since a face fontconfig finds is known only once the
// article is laid out. Where it stands otherwise (its index) is set again when an entry is
// read.
#include "galley/model.hpp"
#include "galley/render.hpp"
#include "galley/style.hpp"
#include "layout/article_record.hpp"
#include "util/cache_store.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace galley::render {

class LayoutCache {
public:
  LayoutCache(const model::Issue& issue, const style::Style& style, const RenderOptions& options);

  /// The key of article `index`.
  [[nodiscard]] std::string key(std::size_t index) const;

  enum class Found { Hit, Miss, Damaged };
  /// The article's pages kept under `key`, set up as article `index`. Pages set with a font
  /// file that holds other bytes now (a system font updated since) are a miss.
  Found find(const std::string& key, std::size_t index, layout::LaidOutArticle& out) const;

  /// Keeps `article` under `key`, with the digests of the font files its pages are set with.
  void store(const std::string& key, layout::LaidOutArticle article) const;

private:
  const model::Issue& issue_;
  const std::vector<std::string>& fingerprints_; ///< RenderOptions::article_fingerprints
  const std::vector<std::vector<std::filesystem::path>>& kept_files_; ///< ...::article_files
  CacheStore store_;
  bool notes_through_issue_;
  std::string common_; ///< the key's parts every article shares
  /// The digests of the fonts and pictures, each taken once for all the articles: a stat for
  /// each font of each of a hundred articles was a sixth of reading their pages back, and the
  /// issue's pictures are named by many articles.
  mutable DigestSnapshot digests_;
};

} // namespace galley::render
