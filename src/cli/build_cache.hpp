#pragma once
// The entries of `galley build --cache DIR` (docs/ci.md, "Incremental builds"): one rendered
// output under a key that hashes everything that goes into it (export/cache_keys.hpp). A build
// asks the cache before rendering; a hit gives the bytes, the page count, where the PDF's pages
// begin (for the EPUB's page-list) and the warnings rendering gave, which are reported again.
#include "cli/build_plan.hpp"
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

/// What loading an input gave, for a later build to skip loading it while the files it read
/// are the same (cli/build_inputs.hpp). Only a load that reported nothing is recorded: a
/// picture that was missing may be there next time, and no file it read would tell.
struct CachedInput {
  std::vector<std::pair<std::string, std::string>> sources; ///< each file read, its digest
  InputInfo info;
  std::vector<std::string> files;
  std::vector<std::vector<std::string>> article_files;
  std::string style_text;
  std::string issue_text;
};

/// The entry of an output, or of an input, as a sealed record, and back: nullopt when it does
/// not read back whole (truncated, altered, or of another format).
std::string encode_output(const CachedOutput& entry);
std::optional<CachedOutput> decode_output(std::string_view record);
std::string encode_input(const CachedInput& entry);
std::optional<CachedInput> decode_input(std::string_view record);

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
  /// The record of an input's last load; nullopt when there is none or it is damaged (the
  /// input is then loaded, and recorded again).
  std::optional<CachedInput> find_input(const std::string& key) const;
  void store_input(const std::string& key, const CachedInput& entry) const {
    store_.store(key, encode_input(entry));
  }
  [[nodiscard]] const std::filesystem::path& dir() const { return store_.dir(); }

private:
  CacheStore store_;
};

} // namespace galley::cli
