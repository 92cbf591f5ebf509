#pragma once
// The entries of `galley build --cache DIR` (docs/ci.md, "Incremental builds"): one rendered
// output under a key that hashes everything that goes into it (export/cache_keys.hpp). A build
// asks the cache before rendering; a hit gives the bytes, the page count, where the PDF's pages
// begin (for the EPUB's page-list) and the warnings rendering gave, which are reported again.
#include "cli/build_plan.hpp"
#include "galley/diagnostics.hpp"
#include "galley/model.hpp"
#include "model/long_dates.hpp"
#include "text/font_scans.hpp"
#include "text/hyphenate.hpp"
#include "util/cache_store.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace galley::cli {

/// An output's entry: what the build reports and hands on, without the output's bytes, which
/// the cache keeps beside it under their SHA-256 (BuildCache::bytes). A build whose output file
/// still holds those bytes reads neither them nor the file.
struct CachedOutput {
  std::string sha256; ///< of the output's bytes, lowercase hex
  std::uint64_t size = 0;
  int pages = 0;
  std::vector<model::PrintPage> print_pages;
  std::vector<Diagnostic> diagnostics; ///< what rendering reported (loading runs every time)
  /// The font files the output is set with and their digests (render::Rendered::font_files):
  /// the entry is used only while each holds the same bytes.
  std::vector<std::pair<std::string, std::string>> fonts;
};

/// What loading an input gave, for a later build to skip loading it while the files it read
/// are the same (cli/build_inputs.hpp). Only a load that reported nothing is recorded: a
/// picture that was missing may be there next time, and no file it read would tell.
struct CachedInput {
  std::vector<std::pair<std::string, std::string>> sources; ///< each file read, its digest
  InputInfo info;
  std::vector<std::string> files;
  std::vector<std::string> common_files;
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
  /// The output's bytes of `entry`; nullopt when they are missing or not what the entry says
  /// (damaged: the caller renders again).
  std::optional<std::string> bytes(const CachedOutput& entry) const;
  /// Keeps `bytes` under their digest `sha256` (sha256_hex of them) and `entry` (with that
  /// digest and size) under `key`. With `written`, a file that holds `bytes` (the output just
  /// written), the bytes are kept as a link to it (CacheStore::link) when the file system
  /// allows: a 4 MB issue PDF is not written a second time.
  void store(const std::string& key, CachedOutput entry, const std::string& bytes,
             const std::string& sha256, const std::filesystem::path* written = nullptr) const;

  /// Whether the file at `path` holds the output whose digest is `sha256`: true when the file
  /// is the one mark_placed() saw (same device, inode, size and modification time). Galley
  /// replaces an output by renaming a new file over it, and an edit in place changes its
  /// modification time, so a file that still matches was not touched since.
  bool placed(const std::filesystem::path& path, const std::string& sha256) const;
  /// Records that the file at `path`, as it is now, holds the output of digest `sha256`.
  void mark_placed(const std::filesystem::path& path, const std::string& sha256) const;

  /// The file digests an earlier build took (file_digest(), seed_file_digests()), and the ones
  /// this build took, kept for the next; a file changed in the last second is left out.
  std::vector<KnownDigest> known_digests() const;
  void keep_digests(const std::vector<KnownDigest>& digests) const;

  /// The long dates an earlier build formatted with the same `toolchain` (model::long_dates;
  /// the texts are ICU's), and the ones this build formatted, kept for the next.
  std::vector<model::LongDate> known_dates(const std::string& toolchain) const;
  void keep_dates(const std::string& toolchain, const std::vector<model::LongDate>& dates) const;

  /// The font files an earlier build scanned with the same `toolchain` (text::scanned_fonts;
  /// the faces are FreeType's reading), and the ones this build scanned, kept for the next.
  std::vector<text::ScannedFont> known_fonts(const std::string& toolchain) const;
  void keep_fonts(const std::string& toolchain, const std::vector<text::ScannedFont>& fonts) const;

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

/// The build cache's store of hyphenation automata (text::PatternStore): an entry for each
/// dictionary file's bytes and toolchain.
class CachedPatterns final : public text::PatternStore {
public:
  CachedPatterns(const std::filesystem::path& dir, std::string toolchain)
      : store_(dir), toolchain_(std::move(toolchain)) {}
  [[nodiscard]] std::optional<SharedBytes> find(const std::string& key) const override;
  void keep(const std::string& key, const std::string& bytes) const override;

private:
  [[nodiscard]] std::string entry_key(const std::string& key) const;
  CacheStore store_;
  std::string toolchain_;
};

} // namespace galley::cli
