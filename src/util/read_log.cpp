#include "util/read_log.hpp"

#include "util/files.hpp"
#include "util/resolved_paths.hpp"

#include <algorithm>
#include <mutex>
#include <string>
#include <unordered_set>

namespace galley {

namespace {

thread_local ReadLog* t_innermost = nullptr;

struct ProcessPaths {
  std::mutex mutex;
  /// By native string, not as std::filesystem::path: a path compares component by component,
  /// and a build logs thousands of reads, most of files it read before.
  std::unordered_set<std::string> logged; ///< the paths log_read resolved, in normal form
  std::unordered_set<std::string> paths;  ///< those and the files their links resolve to
};

ProcessPaths& process_paths() {
  static ProcessPaths p;
  return p;
}

} // namespace

ReadLog::ReadLog() : outer_(t_innermost) {
  t_innermost = this;
}

ReadLog::~ReadLog() {
  t_innermost = outer_;
}

std::vector<std::filesystem::path> ReadLog::paths() const {
  std::vector<std::filesystem::path> out = paths_;
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void log_read(const std::filesystem::path& path) {
  std::filesystem::path p = absolute_normal(path);
  for (ReadLog* log = t_innermost; log != nullptr; log = log->outer_)
    log->paths_.push_back(p);
  auto& all = process_paths();
  // A path through ".." names the file resolving gives, which the normal form may not.
  if (path.native().find("..") == std::string::npos) {
    std::lock_guard lock(all.mutex);
    if (!all.logged.insert(p.native()).second)
      return; // resolved when it was first read
  }
  // A link is listed with the file it resolves to, so that an edit of either is seen (by a
  // depfile's build tool, by galley watch).
  std::error_code ec;
  std::filesystem::path target = canonical_path(path, ec);
  std::lock_guard lock(all.mutex);
  all.paths.insert(p.native());
  if (!ec)
    all.paths.insert(target.native());
}

std::vector<std::filesystem::path> read_paths() {
  std::vector<std::filesystem::path> out;
  {
    auto& all = process_paths();
    std::lock_guard lock(all.mutex);
    out.assign(all.paths.begin(), all.paths.end());
  }
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace galley
