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
  std::unordered_set<std::string> logged; ///< the paths log_read was given, in normal form
  /// Each path to resolve when the paths are listed, absolute, once: the normal form, or the
  /// path as given for one through "..", which names the file resolving gives and the normal
  /// form may not. Resolving each as it was read (a stat of it, its folder looked up) was 1% of
  /// a rebuild's processor time, for a list only a depfile and galley watch ask for.
  std::vector<std::string> to_resolve;
  std::unordered_set<std::string> through_parent; ///< the paths through ".." in to_resolve
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
  const bool through_parent = path.native().find("..") != std::string::npos;
  std::error_code ec;
  const std::filesystem::path given =
      through_parent ? std::filesystem::absolute(path, ec) : std::filesystem::path();
  std::lock_guard lock(all.mutex);
  const bool first = all.logged.insert(p.native()).second;
  if (through_parent) {
    if (!ec && all.through_parent.insert(given.native()).second)
      all.to_resolve.push_back(given.native());
  } else if (first) {
    all.to_resolve.push_back(p.native());
  }
}

std::vector<std::filesystem::path> read_paths() {
  std::vector<std::filesystem::path> out;
  std::vector<std::string> to_resolve;
  {
    auto& all = process_paths();
    std::lock_guard lock(all.mutex);
    out.assign(all.logged.begin(), all.logged.end());
    to_resolve = all.to_resolve;
  }
  // A link is listed with the file it resolves to, so that an edit of either is seen (by a
  // depfile's build tool, by galley watch).
  for (const std::string& path : to_resolve) {
    std::error_code ec;
    std::filesystem::path target = canonical_path(path, ec);
    if (!ec)
      out.push_back(std::move(target));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

} // namespace galley
