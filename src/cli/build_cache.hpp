#pragma once
// The entries of `galley build --cache DIR` (docs/ci.md, "Incremental builds"): one rendered
// output under a key that hashes everything that goes into it (export/cache_keys.hpp). A build
// asks the cache before rendering; a hit gives the bytes, the page count, where the PDF's pages
// begin (for the EPUB's page-list) and the warnings rendering gave, which are reported again.
#include "galley/diagnostics.hpp"
#include "galley/model.hpp"
#include "util/cache_store.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace galley::cli {

struct CachedOutput {
  std::string bytes;
  int pages = 0;
  std::vector<model::PrintPage> print_pages;
  std::vector<Diagnostic> diagnostics; ///< what rendering reported (loading runs every time)
};

/// The entry of an output as a sealed record, and back: nullopt when it does not read back
/// whole (truncated, altered, or of another format).
std::string encode_output(const CachedOutput& entry);
std::optional<CachedOutput> decode_output(std::string_view record);

class BuildCache {
public:
  explicit BuildCache(std::filesystem::path dir) : store_(std::move(dir)) {}

  enum class Found { Hit, Miss, Damaged };
  /// Reads the entry of `key` into `out`. Damaged: an entry is there but does not read back
  /// whole; the caller renders again and stores it anew.
  Found find(const std::string& key, CachedOutput& out) const;
  void store(const std::string& key, const CachedOutput& entry) const {
    store_.store(key, encode_output(entry));
  }
  [[nodiscard]] const std::filesystem::path& dir() const { return store_.dir(); }

private:
  CacheStore store_;
};

} // namespace galley::cli
