#include "util/read_paths.hpp"

#include "util/files.hpp"

#include <mutex>
#include <set>

namespace galley {

namespace {

struct Paths {
  std::mutex mutex;
  std::set<std::filesystem::path> paths;
};

Paths& paths() {
  static Paths p;
  return p;
}

} // namespace

void remember_read_path(const std::filesystem::path& path) {
  std::filesystem::path named = absolute_normal(path);
  std::error_code ec;
  std::filesystem::path resolved = std::filesystem::canonical(path, ec);
  std::lock_guard lock(paths().mutex);
  paths().paths.insert(std::move(named));
  if (!ec)
    paths().paths.insert(std::move(resolved));
}

std::vector<std::filesystem::path> read_paths() {
  std::lock_guard lock(paths().mutex);
  return {paths().paths.begin(), paths().paths.end()};
}

} // namespace galley
