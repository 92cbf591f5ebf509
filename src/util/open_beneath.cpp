#include "util/open_beneath.hpp"

#include <atomic>
#include <cerrno>
#include <climits>
#include <deque>
#include <fcntl.h>
#include <linux/openat2.h>
#include <string>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <vector>

namespace galley {

namespace {

/// Links one resolution may follow: the kernel's own bound (MAXSYMLINKS, path_resolution(7)).
constexpr int kMaxLinks = 40;

/// False once the kernel said it has no openat2 (ENOSYS), so later opens go straight to the walk.
std::atomic<bool> have_openat2{true};

/// Appends the components of `path` to the front of `parts`, in order.
void push_front_parts(std::deque<std::string>& parts, std::string_view path) {
  std::vector<std::string> split;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) split.emplace_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  parts.insert(parts.begin(), split.begin(), split.end());
}

/// Closes the folders a walk opened on its way, keeping errno.
struct OpenFolders {
  std::vector<int> fds;
  ~OpenFolders() {
    int saved = errno;
    for (int fd : fds) ::close(fd);
    errno = saved;
  }
};

} // namespace

int open_beneath_by_walk(int root_fd, std::string_view relative, int flags) {
  if (!relative.empty() && relative.front() == '/') {
    errno = EXDEV;
    return -1;
  }
  std::deque<std::string> parts;
  push_front_parts(parts, relative);
  if (parts.empty()) parts.emplace_back(".");
  OpenFolders folders;
  int links = 0;
  while (!parts.empty()) {
    std::string part = std::move(parts.front());
    parts.pop_front();
    const int here = folders.fds.empty() ? root_fd : folders.fds.back();
    const bool last = parts.empty();
    if (part == "." && !last) continue;
    if (part == "..") {
      if (folders.fds.empty()) {
        errno = EXDEV; // above the folder
        return -1;
      }
      ::close(folders.fds.back());
      folders.fds.pop_back();
      if (last) parts.emplace_back(".");
      continue;
    }
    struct stat st {};
    if (::fstatat(here, part.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode)) {
      if (++links > kMaxLinks) {
        errno = ELOOP;
        return -1;
      }
      char target[PATH_MAX];
      ssize_t n = ::readlinkat(here, part.c_str(), target, sizeof target);
      if (n < 0) return -1;
      if (n == 0 || target[0] == '/') {
        errno = EXDEV; // an absolute link starts outside the folder
        return -1;
      }
      push_front_parts(parts, std::string_view(target, static_cast<std::size_t>(n)));
      if (parts.empty()) parts.emplace_back(".");
      continue;
    }
    // O_NOFOLLOW: should the entry become a link after the fstatat above, the open fails
    // instead of following it.
    if (last) return ::openat(here, part.c_str(), flags | O_NOFOLLOW);
    int fd = ::openat(here, part.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return -1;
    folders.fds.push_back(fd);
  }
  return -1; // not reached: the last component returns above
}

int open_beneath(int root_fd, std::string_view relative, int flags) {
  if (have_openat2.load(std::memory_order_relaxed)) {
    std::string path(relative.empty() ? std::string_view(".") : relative);
    struct open_how how {};
    how.flags = static_cast<std::uint64_t>(flags);
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
    // EAGAIN: a rename raced with a ".." lookup and the kernel could not vouch for the result;
    // asking again is what openat2(2) advises.
    for (int attempt = 0; attempt < 8; ++attempt) {
      long fd = ::syscall(SYS_openat2, root_fd, path.c_str(), &how, sizeof how);
      if (fd >= 0) return static_cast<int>(fd);
      if (errno != EAGAIN && errno != EINTR) break;
    }
    if (errno != ENOSYS) return -1;
    have_openat2.store(false, std::memory_order_relaxed);
  }
  return open_beneath_by_walk(root_fd, relative, flags);
}

} // namespace galley
