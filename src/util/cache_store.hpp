#pragma once
// A folder of cache entries under content keys, shared by the build cache of the command line
// (cli/build_cache.hpp: whole outputs) and the layout cache of the renderer (an issue's
// articles' pages, export/layout_cache.hpp). docs/ci.md, "Incremental builds", says what a key
// holds and when an entry is used.
#include "util/record.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace galley {

/// A whole file read without recording it as read (any_read(), read_paths()): for what a run
/// wrote earlier, its outputs and cache entries, which are not sources of the next. nullopt
/// when it cannot be read.
std::optional<std::string> read_unrecorded(const std::filesystem::path& path);

/// A whole file's bytes, and what holds them (a mapping of the file, or a buffer): shared by
/// what views them.
struct SharedBytes {
  std::shared_ptr<const char[]> owner;
  std::string_view bytes;
};

/// A whole file without recording it as read, mapped (a private, read-only mapping of the file
/// the name gave, which a later atomic write of that name leaves as it was) when it is on a
/// local file system, else read into a buffer of its own; nullopt when it cannot be read. For
/// galley's own files, written whole and never changed in place: a file cut short in place
/// while it is mapped would fault the reads beyond its end.
std::optional<SharedBytes> read_shared(const std::filesystem::path& path);

/// A whole file read without recording it as read, into a buffer this thread keeps and reuses
/// (never zero-filled first): for cache entries read once and decoded, a hundred or so by each
/// rebuild of an issue, which a fresh buffer each (zeroed, then faulted in page by page) or a
/// mapping each (unmapped again, which stops every thread to flush its address cache) made a
/// third of reading kept pages back. The view is valid until this thread's next call; nullopt
/// when the file cannot be read.
std::optional<std::string_view> read_reusing(const std::filesystem::path& path);

/// Lowercase hex SHA-256 of a file's content ("missing" when it cannot be read), read once per
/// process while its device, inode, size and modification time stay the same: a build hashes
/// the same fonts and pictures for many outputs.
std::string file_digest(const std::filesystem::path& path);

/// A digest file_digest() took, with what stat said of the file then.
struct KnownDigest {
  std::string path;
  std::uint64_t device = 0, inode = 0, size = 0;
  std::int64_t modified_ns = 0;
  std::string digest;
  bool operator==(const KnownDigest&) const = default;
};

/// Digests an earlier process took (the build cache keeps them): file_digest() trusts each while
/// stat says the same of its file, and counts the file as read (note_read) without reading it.
void seed_file_digests(const std::vector<KnownDigest>& known);

/// The digests file_digest() took or was given, by path, of the files last modified at least
/// `settled_ns` before `now_ns` (both since the epoch): a file changed again within the
/// file system's timestamp granularity would look unchanged, so a fresh one is hashed again.
std::vector<KnownDigest> known_file_digests(std::int64_t now_ns, std::int64_t settled_ns);

/// file_digest() taken once per path while the snapshot lives, without the stat that checks
/// each time whether the file changed: the hundred outputs of one build key the same fonts and
/// dictionaries a hundred times. Thread-safe.
class DigestSnapshot {
public:
  std::string digest(const std::filesystem::path& path);

private:
  std::mutex mutex_;
  std::unordered_map<std::string, std::string> known_;
};

/// Builds a key: every part is written with its length, so that no two different lists of
/// parts give the same key.
class CacheKey {
public:
  explicit CacheKey(std::string_view kind) : w_(kind) {}
  void text(std::string_view s) { w_.text(s); }
  void number(std::int64_t v) { w_.signed_number(v); }
  /// Each file by name and content (file_digest, or the snapshot's when given).
  void files(const std::vector<std::filesystem::path>& paths, DigestSnapshot* snapshot = nullptr);
  /// The key, 64 hex digits; the builder is spent.
  std::string finish();

private:
  RecordDigest w_;
};

/// Which entries CacheStore::prune removes: those last used (read or written) before
/// `unused_since`, then, the least recently used first, as many as it takes to bring the
/// entries left to at most `max_bytes` on the disk. An entry's last use is the later of its
/// access and modification times: under Linux's default `relatime` a read moves the access time
/// at most once a day, with no write of galley's own.
struct PruneRule {
  std::optional<std::int64_t> unused_since; ///< seconds since the epoch
  std::optional<std::uint64_t> max_bytes;
  bool dry_run = false; ///< count what would go, remove nothing
};

/// What CacheStore::prune removed (or would remove) and left, in entries and bytes on the disk
/// (blocks allocated, as du counts them).
struct PruneCount {
  std::size_t removed = 0, kept = 0;
  std::uint64_t removed_bytes = 0, kept_bytes = 0;
};

/// Entries in a folder, created when the first is stored.
class CacheStore {
public:
  explicit CacheStore(std::filesystem::path dir) : dir_(std::move(dir)) {}
  /// The entry's bytes; nullopt when there is none. An entry is not a source of the output:
  /// read_unrecorded.
  [[nodiscard]] std::optional<std::string> load(const std::string& key) const;
  /// The same, mapped or read into a buffer of its own (read_shared): for an entry whose bytes
  /// what is decoded from it views.
  [[nodiscard]] std::optional<SharedBytes> share(const std::string& key) const;
  /// The same, read into this thread's buffer (read_reusing): for an entry that is decoded, not
  /// kept as it is. The view is valid until the thread reads the next.
  [[nodiscard]] std::optional<std::string_view> read(const std::string& key) const;
  /// Writes the entry atomically: a reader sees the old one or the new one, never a part. It
  /// does not wait for the disk (Durability::Unsynced): after a crash an entry may be torn,
  /// and its seal then fails. Throws galley::Error when the folder cannot be written.
  void store(const std::string& key, std::string_view bytes) const;
  /// Makes the file `existing` the entry (link_atomic) rather than writing its bytes again; false,
  /// with nothing stored, when the cache is on another file system or has no hard links. The
  /// entry is then that file: galley replaces files by renaming, never by writing in place, so
  /// the entry keeps its bytes after the next build replaces the file; one changed in place by
  /// another program no longer matches its digest and is made again.
  bool link(const std::string& key, const std::filesystem::path& existing) const;
  [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }
  /// Removes the entries `rule` names (util/cache_prune.cpp). Only files named as entries are
  /// looked at (a folder of two hex digits, a file of 62 and ".entry"), never anything else
  /// in the folder, nor the folders themselves, which a build running meanwhile may be storing
  /// into. Every entry is checked by its seal when read and made again when missing, so a
  /// removal never changes an output. Throws galley::Error when the folder cannot be listed.
  PruneCount prune(const PruneRule& rule) const;

private:
  [[nodiscard]] std::filesystem::path entry_path(const std::string& key) const;
  std::filesystem::path dir_;
};

} // namespace galley
