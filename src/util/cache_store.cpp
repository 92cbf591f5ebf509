#include "util/cache_store.hpp"

#include "galley/error.hpp"
#include "util/files.hpp"
#include "util/hash.hpp"

#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <system_error>

namespace galley {

namespace fs = std::filesystem;

std::string file_digest(const fs::path& path) {
  static std::mutex mutex;
  static std::map<fs::path, std::string> digests;
  {
    std::lock_guard lock(mutex);
    if (auto it = digests.find(path); it != digests.end())
      return it->second;
  }
  std::optional<std::string> bytes = read_file(path);
  std::string digest = bytes ? sha256_hex(*bytes) : "missing";
  std::lock_guard lock(mutex);
  return digests.emplace(path, std::move(digest)).first->second;
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
  std::ifstream in(entry_path(key), std::ios::binary);
  if (!in)
    return std::nullopt;
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  return bytes;
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
