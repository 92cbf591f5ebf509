#include "util/resolved_paths.hpp"

#include "util/files.hpp"

#include <algorithm>
#include <mutex>
#include <optional>
#include <string>
#include <sys/stat.h>
#include <unordered_map>

namespace galley {

namespace fs = std::filesystem;

namespace {

struct ResolvedFolders {
  std::mutex mutex;
  std::unordered_map<std::string, fs::path> real; ///< absolute normal path -> canonical
};

ResolvedFolders& resolved_folders() {
  static ResolvedFolders folders;
  return folders;
}

/// canonical(dir) for an absolute normal `dir`, taken once per folder; nullopt when it cannot
/// be resolved (then it is tried again next time: it may exist by then).
std::optional<fs::path> resolved_folder(const fs::path& dir) {
  auto& folders = resolved_folders();
  {
    std::lock_guard lock(folders.mutex);
    if (auto it = folders.real.find(dir.native()); it != folders.real.end())
      return it->second;
  }
  std::error_code ec;
  fs::path real = fs::canonical(dir, ec);
  if (ec)
    return std::nullopt;
  std::lock_guard lock(folders.mutex);
  return folders.real.try_emplace(dir.native(), std::move(real)).first->second;
}

/// The resolved path when `path` names a file that exists and is not itself a link, in a folder
/// that resolves; nullopt otherwise (the caller asks std::filesystem).
std::optional<fs::path> resolved_quickly(const fs::path& path) {
  // Lexical normalisation drops "link/.." where resolving would follow the link first.
  if (std::any_of(path.begin(), path.end(), [](const fs::path& part) { return part == ".."; }))
    return std::nullopt;
  const fs::path abs = absolute_normal(path);
  const fs::path name = abs.filename();
  if (name.empty() || name == "." || !abs.has_parent_path() || abs.parent_path() == abs)
    return std::nullopt;
  struct stat st {};
  if (::lstat(abs.c_str(), &st) != 0 || S_ISLNK(st.st_mode))
    return std::nullopt;
  std::optional<fs::path> dir = resolved_folder(abs.parent_path());
  if (!dir)
    return std::nullopt;
  return *dir / name;
}

} // namespace

fs::path canonical_path(const fs::path& path, std::error_code& ec) {
  if (std::optional<fs::path> real = resolved_quickly(path)) {
    ec.clear();
    return *real;
  }
  return fs::canonical(path, ec);
}

fs::path weakly_canonical_path(const fs::path& path, std::error_code& ec) {
  if (std::optional<fs::path> real = resolved_quickly(path)) {
    ec.clear();
    return *real;
  }
  return fs::weakly_canonical(path, ec);
}

} // namespace galley
