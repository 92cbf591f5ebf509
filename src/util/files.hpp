#pragma once
#include <compare>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct stat;

namespace galley {

/// Reads a whole file: a regular file, or a pipe or FIFO read as a stream (`<(cat a.md)`). Other
/// special files (devices, sockets) and folders are refused. At most `max_size` + 1 bytes are
/// read, so a caller can tell "too large" from an endless stream. A FIFO that no program writes
/// to reads as empty instead of blocking. Returns nullopt when it cannot be opened or read;
/// `error` then says why ("no such file", "is a directory", ...). The file is remembered as a
/// source (any_read()).
std::optional<std::string> read_file(const std::filesystem::path& path, std::string* error = nullptr,
                                     std::size_t max_size = std::numeric_limits<std::size_t>::max() - 1);

/// Reads `path` only if what is opened lies beneath one of `roots` (folders): the open starts
/// at a root's descriptor and resolves each component beneath it (util/open_beneath.hpp), so a
/// link swapped in after a check cannot lead outside. A link from one root into another is
/// followed. Otherwise like read_file; `error` says "is outside the allowed folders" or "links
/// to a file outside the allowed folders" when the path leaves them.
/// `outside`, when given, is set when the refusal is for leaving them.
std::optional<std::string> read_file_beneath(const std::vector<std::filesystem::path>& roots,
                                             const std::filesystem::path& path,
                                             std::string* error = nullptr,
                                             std::size_t max_size = std::numeric_limits<std::size_t>::max() - 1,
                                             bool* outside = nullptr);

/// From now on, every read_file of `path` goes through read_file_beneath with `roots`: the
/// loader confines an image it has checked, and the writers that read it again by name later
/// get the same confinement without knowing the roots.
///
/// Test-only hook: when the environment variable GALLEY_TEST_HOLD_BEFORE_OPEN names a fifo, the
/// first such read of the process waits there (as GALLEY_TEST_HOLD_BEFORE_RENAME below) before
/// opening the file, so a test can swap the file in between.
void confine_reads(const std::filesystem::path& path, std::vector<std::filesystem::path> roots);

/// Makes `bytes` the content of `path` for every later read_file of it: a file that exists only
/// in memory, such as a picture inside a DOCX package, which the layout and both writers then
/// read by name like any picture on disk. `path` is best one no file can have (the package's
/// own path followed by the part's name). Holding the same path again replaces the bytes.
void hold_file(const std::filesystem::path& path, std::string bytes);

/// A file's identity: its device and inode, the same whatever name, link or ".." reached it.
struct FileId {
  std::uint64_t dev = 0;
  std::uint64_t ino = 0;
  auto operator<=>(const FileId&) const = default;
};

/// The identity a stat or lstat call gave.
FileId file_id_of(const struct ::stat& st);

/// The identity of what `path` names: the file a link points to when `follow`, else the link
/// itself. nullopt when nothing is there.
std::optional<FileId> file_id(const std::filesystem::path& path, bool follow = true);

/// Remembers `path` (and the link, when it is one) as a source of this process: for files read
/// by a library that opens them itself (font files through FreeType).
void note_read(const std::filesystem::path& path);
/// The same with what stat (`file`) and lstat (`name`) said of `path` just now, which are the
/// same when it is no link: for a caller that had to ask them anyway (stat_and_lstat).
void note_read(const std::filesystem::path& path, const struct ::stat& file,
               const struct ::stat& name);

/// What stat (`file`) and lstat (`name`) say of `path`, in one call when it is no link (both
/// then hold the same); false when there is no such file. For a caller that checks whether a
/// file changed and notes its read (note_read) in one go.
bool stat_and_lstat(const std::filesystem::path& path, struct ::stat& file, struct ::stat& name);

/// The modification time stat gives, in nanoseconds since the epoch.
std::int64_t modified_ns(const struct ::stat& st);

/// Whether one of `ids` is a file this process has read its content from (read_file,
/// note_read), so that no output replaces one (docs/limits.md, "Outputs never destroy
/// sources"). Looked up where the identities are kept: every output of a build asks.
bool any_read(const std::vector<FileId>& ids);

/// Writes all of `bytes` to the descriptor `fd`, going on after short writes and signals; false
/// with errno set when a write fails.
bool write_all(int fd, std::string_view bytes);

/// Whether write_file_atomic waits for the bytes to reach the disk (fsync) before the rename.
enum class Durability {
  Synced,   ///< an output: after a crash the file holds the old bytes or all the new ones
  /// A sealed cache entry: after a crash it may hold part of the new bytes, and then reads as
  /// damaged and is made again. A cold build writes hundreds; on a disk each fsync is
  /// milliseconds.
  Unsynced,
};

/// Writes `bytes` to a temporary file in the same folder, flushes it to the disk (Synced) and
/// renames it over `path`, so that a failed run never leaves a half-written file nor destroys the
/// previous good one.
/// The temporary file is unnamed (O_TMPFILE) until just before the rename, so a killed run
/// leaves nothing; a file system without O_TMPFILE gets a named `.NAME.tmp-XXXXXX` instead.
/// When `path` is a link, the file it points to is replaced, not the link. A FIFO cannot be
/// replaced: its reader gets the bytes directly. Throws galley::Error on failure (and removes
/// the temporary file).
///
/// Test-only hook: when the environment variable GALLEY_TEST_HOLD_BEFORE_RENAME names a fifo,
/// the writer opens it for reading after the temporary file is complete and waits, before the
/// rename, until the other end is closed. Tests use it to interrupt a run at that exact point.
void write_file_atomic(const std::filesystem::path& path, std::string_view bytes,
                       Durability durability = Durability::Synced);

/// Gives the file `existing` the further name `path` (a hard link), replacing what `path` named
/// atomically: the link is made under a temporary name beside `path` and renamed over it. For a
/// second copy of bytes just written, which costs no second write. False, with nothing changed,
/// when the file system cannot (`existing` on another one, no hard links): write the bytes then.
/// Throws galley::Error when the run was interrupted (abandon_atomic_writes).
bool link_atomic(const std::filesystem::path& existing, const std::filesystem::path& path);

/// Removes the named temporary file of every write_file_atomic call still in flight (an
/// unnamed O_TMPFILE one needs nothing) and makes those calls, and every later one, fail
/// instead of renaming: a process about to exit on a signal then leaves neither temporary files
/// nor a replaced output behind. Takes a lock, so call it
/// from an ordinary thread (one that waits with sigwait), never from a signal handler. Returns
/// how many temporary files it removed.
std::size_t abandon_atomic_writes();

/// Lexically normal, absolute form of `p` (no symlinks resolved).
std::filesystem::path absolute_normal(const std::filesystem::path& p);

} // namespace galley
