// Removing a cache folder's entries that are old or past a size (`galley cache prune`): a
// publication's archive gains a set of entries for each style it is built with, and nothing else
// ever removes them.
#include "galley/error.hpp"
#include "util/cache_store.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <string_view>
#include <sys/stat.h>
#include <tuple>
#include <unistd.h>

namespace galley {

namespace {

bool lower_hex(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

/// A key's first two hex digits name the folder (CacheStore::entry_path).
bool is_fan_out(std::string_view name) {
  return name.size() == 2 && lower_hex(name);
}

/// The rest of the key, 62 hex digits, and ".entry".
bool is_entry_name(std::string_view name) {
  constexpr std::string_view kSuffix = ".entry";
  return name.size() == 62 + kSuffix.size() && name.substr(62) == kSuffix &&
         lower_hex(name.substr(0, 62));
}

struct Found {
  std::int64_t used_ns = 0; ///< the later of the access and modification times
  std::string folder, name;
  std::uint64_t bytes = 0;
};

std::int64_t ns_of(const struct timespec& t) {
  return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

/// The names in the folder open as `fd` (closed here), in no order.
std::vector<std::string> names_in(int fd) {
  std::vector<std::string> out;
  DIR* d = ::fdopendir(fd);
  if (d == nullptr) {
    ::close(fd);
    return out;
  }
  while (const dirent* e = ::readdir(d))
    out.emplace_back(e->d_name);
  ::closedir(d);
  return out;
}

} // namespace

PruneCount CacheStore::prune(const PruneRule& rule) const {
  const int root = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (root < 0)
    throw Error("cannot read the cache folder '" + dir_.string() + "': " + std::strerror(errno));
  std::vector<Found> entries;
  for (const std::string& folder : names_in(::dup(root))) {
    if (!is_fan_out(folder))
      continue;
    const int sub = ::openat(root, folder.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (sub < 0)
      continue;
    for (const std::string& name : names_in(::dup(sub))) {
      struct stat st {};
      if (!is_entry_name(name) || ::fstatat(sub, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 ||
          !S_ISREG(st.st_mode))
        continue;
      entries.push_back({std::max(ns_of(st.st_atim), ns_of(st.st_mtim)), folder, name,
                         static_cast<std::uint64_t>(st.st_blocks) * 512});
    }
    ::close(sub);
  }
  // Least recently used first; names break ties, so that a run removes the same entries
  // whatever order the folder lists them in.
  std::sort(entries.begin(), entries.end(), [](const Found& a, const Found& b) {
    return std::tie(a.used_ns, a.folder, a.name) < std::tie(b.used_ns, b.folder, b.name);
  });
  std::uint64_t total = 0;
  for (const Found& e : entries)
    total += e.bytes;
  PruneCount count;
  for (const Found& e : entries) {
    const bool old = rule.unused_since && e.used_ns < *rule.unused_since * 1'000'000'000;
    const bool over = rule.max_bytes && total > *rule.max_bytes;
    if (!old && !over) {
      ++count.kept;
      count.kept_bytes += e.bytes;
      continue;
    }
    const std::string path = e.folder + "/" + e.name;
    // Gone already (another prune) counts as removed; one that cannot be removed is kept.
    if (!rule.dry_run && ::unlinkat(root, path.c_str(), 0) != 0 && errno != ENOENT) {
      ++count.kept;
      count.kept_bytes += e.bytes;
      continue;
    }
    ++count.removed;
    count.removed_bytes += e.bytes;
    total -= e.bytes;
  }
  ::close(root);
  return count;
}

} // namespace galley
