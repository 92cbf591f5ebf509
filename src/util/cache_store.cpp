#include "util/cache_store.hpp"

#include "galley/error.hpp"
#include "util/files.hpp"
#include "util/hash.hpp"

#include <cerrno>
#include <fcntl.h>
#include <linux/magic.h>
#include <map>
#include <memory>
#include <mutex>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <system_error>
#include <unistd.h>

namespace galley {

namespace fs = std::filesystem;

namespace {

/// A descriptor of the regular file at `path`, and its size in `size`; -1 when it is not one
/// or cannot be opened.
int open_regular(const fs::path& path, std::size_t& size) {
  // Not blocked by a FIFO in its place, which is refused below like anything but a file.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0)
    return -1;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return -1;
  }
  size = static_cast<std::size_t>(st.st_size);
  return fd;
}

/// Reads the `size` bytes of `fd` into the memory `place(size)` gives, and closes it: false
/// when they cannot be read.
template <class Place> bool read_whole(int fd, std::size_t size, Place place) {
  char* data = place(size);
  std::size_t used = 0;
  bool ok = true;
  while (ok && used < size) {
    ssize_t n = ::read(fd, data + used, size - used);
    if (n < 0 && errno == EINTR)
      continue;
    ok = n > 0;
    if (ok)
      used += static_cast<std::size_t>(n);
  }
  ::close(fd);
  return ok;
}

/// Reads the regular file at `path` whole into the memory `place(size)` gives: false when it is
/// not one or cannot be read.
template <class Place> bool read_regular(const fs::path& path, Place place) {
  std::size_t size = 0;
  const int fd = open_regular(path, size);
  return fd >= 0 && read_whole(fd, size, place);
}

} // namespace

std::optional<std::string> read_unrecorded(const fs::path& path) {
  std::string bytes;
  if (!read_regular(path, [&](std::size_t size) {
        bytes.resize(size);
        return bytes.data();
      }))
    return std::nullopt;
  return bytes;
}

namespace {

/// Whether `fd` is on a file system of this machine's disks or memory. A cache on a network file
/// system (a shared volume) may have an entry replaced by another machine while it is mapped
/// here, and a mapping of a file the server then deleted faults where a read reports an error.
bool on_local_disk(int fd) {
  struct statfs fs {};
  if (::fstatfs(fd, &fs) != 0)
    return false;
  // ZFS's number (statfs(2)) is not in the kernel's list of them.
  constexpr unsigned long kZfs = 0x2FC12FC1;
  switch (static_cast<unsigned long>(fs.f_type)) {
  case EXT4_SUPER_MAGIC: // ext2 and ext3 too
  case XFS_SUPER_MAGIC:
  case BTRFS_SUPER_MAGIC:
  case TMPFS_MAGIC:
  case OVERLAYFS_SUPER_MAGIC:
  case F2FS_SUPER_MAGIC:
  case kZfs:
    return true;
  default:
    return false;
  }
}

} // namespace

std::optional<SharedBytes> read_shared(const fs::path& path) {
  // Mapped rather than read: the page cache's own pages, with no copy and no fresh pages to
  // zero and fault in one by one (reading a hundred kept articles back into buffers of their
  // own, 16 MB, was some 3,000 page faults). The mapping is private and read-only, of the file
  // as the entry's name gave it: a later write of the entry is a new file (write_file_atomic),
  // and this one stays as it was for as long as something views it.
  std::size_t size = 0;
  const int fd = open_regular(path, size);
  if (fd < 0)
    return std::nullopt;
  void* mapped = size > 0 && on_local_disk(fd)
                     ? ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0)
                     : MAP_FAILED;
  if (mapped == MAP_FAILED) {
    // Empty, on a network file system, or not mappable: read it.
    std::shared_ptr<char[]> buffer;
    const bool ok = read_whole(fd, size, [&](std::size_t n) {
      buffer.reset(new char[n]); // default-initialised: not zero-filled
      return buffer.get();
    });
    if (!ok)
      return std::nullopt;
    SharedBytes out{std::move(buffer), {}};
    out.bytes = std::string_view(out.owner.get(), size);
    return out;
  }
  ::close(fd);
  const char* data = static_cast<const char*>(mapped);
  SharedBytes out{std::shared_ptr<const char[]>(
                      data, [size](const char* p) { ::munmap(const_cast<char*>(p), size); }),
                  std::string_view(data, size)};
  return out;
}

std::optional<std::string_view> read_reusing(const fs::path& path) {
  thread_local std::unique_ptr<char[]> buffer;
  thread_local std::size_t capacity = 0;
  std::size_t size = 0;
  const bool ok = read_regular(path, [&](std::size_t n) {
    if (n > capacity) {
      buffer.reset(new char[n]); // default-initialised: not zero-filled
      capacity = n;
    }
    size = n;
    return buffer.get();
  });
  if (!ok)
    return std::nullopt;
  return std::string_view(buffer.get(), size);
}

namespace {

struct DigestMemo {
  std::mutex mutex;
  struct Entry {
    KnownDigest known;
    bool read_here = false; ///< read by this process, or only given by seed_file_digests
  };
  std::map<std::string, Entry> by_path;
};

DigestMemo& memo() {
  static DigestMemo m;
  return m;
}

bool same_file(const KnownDigest& k, const struct stat& st) {
  return k.device == static_cast<std::uint64_t>(st.st_dev) &&
         k.inode == static_cast<std::uint64_t>(st.st_ino) &&
         k.size == static_cast<std::uint64_t>(st.st_size) && k.modified_ns == modified_ns(st);
}

} // namespace

std::string file_digest(const fs::path& path) {
  // Keyed by what stat says too, so that a long-running process (galley watch) sees a file
  // that changed since it was first hashed; with lstat too, which noting the read needs.
  struct stat st {};
  struct stat name {};
  const bool exists = stat_and_lstat(path, st, name);
  DigestMemo& m = memo();
  if (exists) {
    bool note = false;
    std::string digest;
    {
      std::lock_guard lock(m.mutex);
      auto it = m.by_path.find(path.string());
      if (it != m.by_path.end() && same_file(it->second.known, st)) {
        note = !it->second.read_here;
        it->second.read_here = true;
        digest = it->second.known.digest;
      }
    }
    // A digest of an earlier process stands for a read: the depfile lists the file.
    if (note)
      note_read(path, st, name);
    if (!digest.empty())
      return digest;
  }
  std::optional<std::string> bytes = read_file(path);
  std::string digest = bytes ? sha256_hex(*bytes) : "missing";
  if (bytes && exists) {
    KnownDigest k{path.string(),
                  static_cast<std::uint64_t>(st.st_dev),
                  static_cast<std::uint64_t>(st.st_ino),
                  static_cast<std::uint64_t>(st.st_size),
                  modified_ns(st),
                  digest};
    std::lock_guard lock(m.mutex);
    m.by_path[path.string()] = {std::move(k), true};
  }
  return digest;
}

void seed_file_digests(const std::vector<KnownDigest>& known) {
  DigestMemo& m = memo();
  std::lock_guard lock(m.mutex);
  for (const KnownDigest& k : known)
    m.by_path.try_emplace(k.path, DigestMemo::Entry{k, false});
}

std::vector<KnownDigest> known_file_digests(std::int64_t now_ns, std::int64_t settled_ns) {
  DigestMemo& m = memo();
  std::lock_guard lock(m.mutex);
  std::vector<KnownDigest> out;
  for (const auto& [path, e] : m.by_path)
    if (e.known.modified_ns <= now_ns - settled_ns)
      out.push_back(e.known);
  return out;
}

std::string DigestSnapshot::digest(const fs::path& path) {
  {
    std::lock_guard lock(mutex_);
    auto it = known_.find(path.string());
    if (it != known_.end())
      return it->second;
  }
  std::string digest = file_digest(path);
  std::lock_guard lock(mutex_);
  return known_.emplace(path.string(), std::move(digest)).first->second;
}

void CacheKey::files(const std::vector<fs::path>& paths, DigestSnapshot* snapshot) {
  w_.number(paths.size());
  for (const fs::path& p : paths) {
    w_.text(p.string());
    w_.text(snapshot ? snapshot->digest(p) : file_digest(p));
  }
}

std::string CacheKey::finish() {
  return w_.hex();
}

fs::path CacheStore::entry_path(const std::string& key) const {
  // Two hex digits of fan-out keep the folder of an archive's entries listable.
  return dir_ / key.substr(0, 2) / (key.substr(2) + ".entry");
}

std::optional<std::string> CacheStore::load(const std::string& key) const {
  return read_unrecorded(entry_path(key));
}

bool CacheStore::link(const std::string& key, const fs::path& existing) const {
  // Only a file's bytes are an entry: not a FIFO the output was written into.
  struct stat st {};
  if (::stat(existing.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
    return false;
  fs::path path = entry_path(key);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  return !ec && link_atomic(existing, path);
}

std::optional<SharedBytes> CacheStore::share(const std::string& key) const {
  return read_shared(entry_path(key));
}

std::optional<std::string_view> CacheStore::read(const std::string& key) const {
  return read_reusing(entry_path(key));
}

void CacheStore::store(const std::string& key, std::string_view bytes) const {
  fs::path path = entry_path(key);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec)
    throw Error("cannot create the cache folder '" + path.parent_path().string() +
                "': " + ec.message());
  // Sealed, so a crash that tears an entry costs making it again, not a wrong output.
  write_file_atomic(path, bytes, Durability::Unsynced);
}

} // namespace galley
