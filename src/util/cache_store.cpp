#include "util/cache_store.hpp"

#include "galley/error.hpp"
#include "util/files.hpp"
#include "util/hash.hpp"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>
#include <map>
#include <mutex>
#include <system_error>
#include <sys/stat.h>

namespace galley {

namespace fs = std::filesystem;

std::optional<std::string> read_unrecorded(const fs::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  std::string bytes;
  bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (ok) bytes.resize(static_cast<std::size_t>(st.st_size));
  std::size_t used = 0;
  while (ok && used < bytes.size()) {
    ssize_t n = ::read(fd, bytes.data() + used, bytes.size() - used);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) used += static_cast<std::size_t>(n);
  }
  ::close(fd);
  if (!ok) return std::nullopt;
  return bytes;
}

std::string file_digest(const fs::path& path) {
  // Keyed by what stat says too, so that a long-running process (galley watch) sees a file
  // that changed since it was first hashed.
  struct stat st {};
  std::string id = path.string();
  if (::stat(path.c_str(), &st) == 0)
    id += "\n" + std::to_string(st.st_ino) + " " + std::to_string(st.st_size) + " " +
          std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
  static std::mutex mutex;
  static std::map<std::string, std::string> digests;
  {
    std::lock_guard lock(mutex);
    if (auto it = digests.find(id); it != digests.end()) return it->second;
  }
  std::optional<std::string> bytes = read_file(path);
  std::string digest = bytes ? sha256_hex(*bytes) : "missing";
  std::lock_guard lock(mutex);
  return digests.emplace(std::move(id), std::move(digest)).first->second;
}

void CacheKey::files(const std::vector<fs::path>& paths) {
  w_.number(paths.size());
  for (const fs::path& p : paths) {
    w_.text(p.string());
    w_.text(file_digest(p));
  }
}

std::string CacheKey::finish() {
  return sha256_hex(w_.seal());
}

fs::path CacheStore::entry_path(const std::string& key) const {
  // Two hex digits of fan-out keep the folder of an archive's entries listable.
  return dir_ / key.substr(0, 2) / (key.substr(2) + ".entry");
}

std::optional<std::string> CacheStore::load(const std::string& key) const {
  return read_unrecorded(entry_path(key));
}

void CacheStore::store(const std::string& key, std::string_view bytes) const {
  fs::path path = entry_path(key);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec)
    throw Error("cannot create the cache folder '" + path.parent_path().string() +
                "': " + ec.message());
  write_file_atomic(path, bytes);
}

} // namespace galley
