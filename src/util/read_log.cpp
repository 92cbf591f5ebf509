#include "util/read_log.hpp"

#include "util/files.hpp"

#include <algorithm>
#include <mutex>
#include <set>

namespace galley {

namespace {

thread_local ReadLog* t_innermost = nullptr;

struct ProcessPaths {
  std::mutex mutex;
  std::set<std::filesystem::path> paths;
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
  // A link is listed with the file it resolves to, so that an edit of either is seen (by a
  // depfile's build tool, by galley watch).
  std::error_code ec;
  std::filesystem::path target = std::filesystem::canonical(path, ec);
  auto& all = process_paths();
  std::lock_guard lock(all.mutex);
  all.paths.insert(std::move(p));
  if (!ec)
    all.paths.insert(std::move(target));
}

std::vector<std::filesystem::path> read_paths() {
  auto& all = process_paths();
  std::lock_guard lock(all.mutex);
  return {all.paths.begin(), all.paths.end()};
}

} // namespace galley
