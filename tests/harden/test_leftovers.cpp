// Files left behind (docs/limits.md, "No data loss"): a run stopped while writing its output,
// by SIGTERM or by SIGKILL, leaves the previous output as it was and nothing else in the folder.
// The run is stopped at the writer's test hold point (GALLEY_TEST_HOLD_BEFORE_RENAME), after
// the new file is complete and before it is renamed into place.
#include "run.hpp"

#include "util/files.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace harden;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> listing(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir))
    names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

/// Whether the file system of `dir` can make unnamed files (O_TMPFILE): without it, galley
/// falls back to a named temporary file, which a SIGKILL cannot remove.
bool has_tmpfile(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    return false;
  ::close(fd);
  return true;
}

/// `galley pdf` on an article in `dir`/in writing `dir`/out/a.pdf (which holds "old"), stopped
/// by `sig` at the hold point before the rename.
RunResult stop_at_rename(const fs::path& dir, int sig) {
  write(dir / "in/a.md", "---\ntitle: Stopped\n---\n\nText.\n");
  write(dir / "out/a.pdf", "old");
  fs::path fifo = dir / "hold.fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  Started child = start_galley({"pdf", (dir / "in/a.md").string(), "-o", (dir / "out/a.pdf").string()},
                               {{"GALLEY_TEST_HOLD_BEFORE_RENAME", fifo.string()}});
  int fd = open_when_held(fifo, child.pid);
  CHECK(fd >= 0);
  CHECK(::kill(child.pid, sig) == 0);
  RunResult r = finish_galley(child);
  if (fd >= 0) ::close(fd);
  fs::remove(fifo);
  return r;
}

} // namespace

TEST_SUITE("harden/leftovers") {
  TEST_CASE("SIGTERM before the rename leaves the old output and nothing else") {
    fs::path dir = scratch("sigterm");
    RunResult r = stop_at_rename(dir, SIGTERM);
    CHECK(r.code == 128 + SIGTERM);
    CHECK(r.err.find("interrupted by signal 15") != std::string::npos);
    CHECK(galley::read_file(dir / "out/a.pdf").value() == "old");
    CHECK(listing(dir / "out") == std::vector<std::string>{"a.pdf"});
  }

  TEST_CASE("SIGKILL before the rename leaves the old output and nothing else") {
    fs::path dir = scratch("sigkill");
    fs::create_directories(dir / "out");
    if (!has_tmpfile(dir / "out")) {
      // A named temporary file is all such a file system allows, and SIGKILL cannot be caught.
      MESSAGE("the test folder's file system has no O_TMPFILE; skipped");
      return;
    }
    RunResult r = stop_at_rename(dir, SIGKILL);
    CHECK(r.signal == SIGKILL);
    CHECK(galley::read_file(dir / "out/a.pdf").value() == "old");
    CHECK(listing(dir / "out") == std::vector<std::string>{"a.pdf"});
  }
}
