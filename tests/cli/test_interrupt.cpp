// Interrupting a write: the old file survives and no temporary file is left. The child process
// stops at the writer's test hold point (GALLEY_TEST_HOLD_BEFORE_RENAME), so the signal arrives
// at a known moment, with no sleeps.
#include "cli/build_signals.hpp"
#include "test_support.hpp"

#include "util/files.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace galley;
namespace fs = std::filesystem;

namespace {

/// Opens the fifo's writing end once the child holds it open for reading; -1 if the child
/// exits first or nothing happens within a minute.
int wait_for_hold(const fs::path& fifo, pid_t child) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  while (std::chrono::steady_clock::now() < deadline) {
    int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
    if (fd >= 0)
      return fd;
    if (errno != ENXIO)
      return -1;
    int status = 0;
    if (::waitpid(child, &status, WNOHANG) == child)
      return -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return -1;
}

std::vector<std::string> listing(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir))
    names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

/// Forks a child that guards signals and writes "new" over dir/out.txt, holding before the
/// rename. Returns the child's pid and the fifo's writing end.
std::pair<pid_t, int> start_writer(const fs::path& dir) {
  fs::path fifo = dir.parent_path() / (dir.filename().string() + ".fifo");
  fs::remove(fifo);
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::setenv("GALLEY_TEST_HOLD_BEFORE_RENAME", fifo.c_str(), 1);
    cli::InterruptGuard guard;
    try {
      write_file_atomic(dir / "out.txt", "new");
    } catch (...) {
      std::_Exit(3);
    }
    std::_Exit(0);
  }
  int fd = wait_for_hold(fifo, child);
  fs::remove(fifo);
  REQUIRE(fd >= 0);
  return {child, fd};
}

} // namespace

TEST_SUITE("cli/interrupt") {
  TEST_CASE("a signal during a write keeps the old file and removes the temporary one") {
    for (int sig : {SIGTERM, SIGINT}) {
      CAPTURE(sig);
      fs::path dir = galley::test::fresh_folder("galley-test-interrupt-" + std::to_string(sig));
      write_file_atomic(dir / "out.txt", "old");
      auto [child, fd] = start_writer(dir);
      // The child is held after writing its temporary file, which has no name yet where the
      // file system has O_TMPFILE and a hidden one otherwise.
      CHECK(listing(dir).size() <= 2);
      REQUIRE(::kill(child, sig) == 0);
      int status = 0;
      REQUIRE(::waitpid(child, &status, 0) == child);
      ::close(fd);
      REQUIRE(WIFEXITED(status));
      CHECK(WEXITSTATUS(status) == 128 + sig);
      CHECK(read_file(dir / "out.txt").value() == "old");
      CHECK(listing(dir) == std::vector<std::string>{"out.txt"});
      fs::remove_all(dir);
    }
  }

  TEST_CASE("released from the hold, the write completes") {
    fs::path dir = galley::test::fresh_folder("galley-test-interrupt-release");
    write_file_atomic(dir / "out.txt", "old");
    auto [child, fd] = start_writer(dir);
    ::close(fd);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(read_file(dir / "out.txt").value() == "new");
    CHECK(listing(dir) == std::vector<std::string>{"out.txt"});
    fs::remove_all(dir);
  }
}
