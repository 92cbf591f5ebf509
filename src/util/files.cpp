#include "util/files.hpp"

#include "galley/error.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace galley {

std::optional<std::string> read_file(const std::filesystem::path& path, std::string* error) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    if (error) *error = "is a directory";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (error) *error = std::filesystem::exists(path, ec) ? "cannot be read" : "no such file";
    return std::nullopt;
  }
  std::string data;
  in.seekg(0, std::ios::end);
  auto size = in.tellg();
  if (size > 0) {
    data.resize(static_cast<size_t>(size));
    in.seekg(0);
    in.read(data.data(), size);
  }
  if (!in && !in.eof()) {
    if (error) *error = "read failed";
    return std::nullopt;
  }
  return data;
}

namespace {

/// The temporary files of the atomic writes in flight, so that an interrupted process can
/// remove them (abandon_atomic_writes). Creating a temporary file and renaming it happen under
/// the lock, so cleanup never races with either.
struct WritesInFlight {
  std::mutex mutex;
  std::vector<std::string> temps;
  bool abandoned = false;

  void forget(const std::string& temp) {
    auto it = std::find(temps.begin(), temps.end(), temp);
    if (it != temps.end()) temps.erase(it);
  }
};

WritesInFlight& writes_in_flight() {
  static WritesInFlight w;
  return w;
}

Error interrupted(const std::filesystem::path& path) {
  return Error("cannot write '" + path.string() + "': the run was interrupted");
}

/// The test-only hold point (see files.hpp): blocks until the test has opened the fifo for
/// writing and closed it again.
void hold_before_rename_for_tests() {
  const char* fifo = std::getenv("GALLEY_TEST_HOLD_BEFORE_RENAME");
  if (fifo == nullptr || *fifo == '\0') return;
  int fd = ::open(fifo, O_RDONLY); // blocks until the test opens the other end
  if (fd < 0) return;
  char buf[64];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf); // 0 once the test closes its end
    if (n > 0 || (n < 0 && errno == EINTR)) continue;
    break;
  }
  ::close(fd);
}

} // namespace

void write_file_atomic(const std::filesystem::path& path, std::string_view bytes) {
  auto dir = path.parent_path();
  if (dir.empty()) dir = ".";
  // mkstemp gives a unique name, so two runs writing the same output never share a temp file.
  std::string tmpl = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  auto& inflight = writes_in_flight();
  int fd = -1;
  {
    std::lock_guard lock(inflight.mutex);
    if (inflight.abandoned) throw interrupted(path);
    fd = ::mkstemp(tmpl.data());
    if (fd < 0)
      throw Error("cannot create a temporary file in '" + dir.string() + "': " +
                  std::strerror(errno));
    inflight.temps.push_back(tmpl);
  }
  auto discard = [&] {
    std::lock_guard lock(inflight.mutex);
    ::unlink(tmpl.c_str());
    inflight.forget(tmpl);
  };
  auto fail = [&](const char* what) {
    int err = errno;
    ::close(fd);
    discard();
    throw Error(std::string("cannot write '") + path.string() + "': " + what + ": " +
                std::strerror(err));
  };
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("write");
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  if (::fchmod(fd, 0644) != 0) fail("chmod");
  if (::fsync(fd) != 0) fail("fsync");
  if (::close(fd) != 0) {
    int err = errno;
    discard();
    throw Error("cannot write '" + path.string() + "': close: " + std::strerror(err));
  }
  hold_before_rename_for_tests();
  std::lock_guard lock(inflight.mutex);
  // abandon_atomic_writes already removed the temporary file: the old output must stay.
  if (inflight.abandoned) throw interrupted(path);
  inflight.forget(tmpl);
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    throw Error("cannot write '" + path.string() + "': " + std::strerror(err));
  }
}

std::size_t abandon_atomic_writes() {
  auto& inflight = writes_in_flight();
  std::lock_guard lock(inflight.mutex);
  inflight.abandoned = true;
  std::size_t removed = 0;
  for (const auto& temp : inflight.temps)
    if (::unlink(temp.c_str()) == 0) ++removed;
  inflight.temps.clear();
  return removed;
}

std::filesystem::path absolute_normal(const std::filesystem::path& p) {
  std::error_code ec;
  auto abs = std::filesystem::absolute(p, ec);
  if (ec) abs = p;
  return abs.lexically_normal();
}

} // namespace galley
