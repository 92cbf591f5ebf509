#include "util/folder_files.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <system_error>
#include <utility>

#include <sys/stat.h>

namespace galley {

namespace fs = std::filesystem;

namespace {

/// A folder as it was looked at: its identity and modification time.
struct FolderState {
  fs::path path;
  std::uint64_t dev = 0, ino = 0;
  std::int64_t modified = 0; ///< nanoseconds since the epoch
  friend bool operator==(const FolderState&, const FolderState&) = default;
};

std::optional<FolderState> folder_state(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
    return std::nullopt;
  return FolderState{path, std::uint64_t(st.st_dev), std::uint64_t(st.st_ino),
                     std::int64_t(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
}

struct Listing {
  std::vector<FolderState> folders; ///< every folder walked, `dir` first
  std::vector<fs::path> files;
  std::int64_t listed = 0; ///< when, in nanoseconds since the epoch
};

bool wanted(const fs::path& file, const std::vector<std::string>& extensions) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(extensions.begin(), extensions.end(), ext) != extensions.end();
}

Listing list(const fs::path& dir, const std::vector<std::string>& extensions) {
  Listing out;
  out.listed = std::chrono::duration_cast<std::chrono::nanoseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
  // Each folder's state is taken before its entries are read, so that a file added meanwhile
  // shows as a change the next time.
  std::optional<FolderState> root = folder_state(dir);
  if (!root)
    return out;
  out.folders.push_back(std::move(*root));
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_symlink(ec) && it->is_directory(ec)) {
      if (std::optional<FolderState> sub = folder_state(it->path()))
        out.folders.push_back(std::move(*sub));
    } else if (it->is_regular_file(ec) && wanted(it->path(), extensions)) {
      out.files.push_back(it->path());
    }
  }
  std::sort(out.files.begin(), out.files.end());
  return out;
}

/// Whether every folder of `listing` is as it was, and was modified over a second before it
/// was listed.
bool still_holds(const Listing& listing) {
  constexpr std::int64_t kSecond = 1'000'000'000;
  if (listing.folders.empty())
    return false;
  for (const FolderState& folder : listing.folders) {
    std::optional<FolderState> now = folder_state(folder.path);
    if (!now || !(*now == folder) || listing.listed - folder.modified < kSecond)
      return false;
  }
  return true;
}

} // namespace

std::vector<fs::path> files_under(const fs::path& dir, const std::vector<std::string>& extensions) {
  static std::mutex mutex;
  static std::map<std::pair<fs::path, std::vector<std::string>>, Listing> listings;
  std::lock_guard lock(mutex);
  Listing& listing = listings[{dir, extensions}];
  if (!still_holds(listing))
    listing = list(dir, extensions);
  return listing.files;
}

} // namespace galley
