#pragma once
// Runs the galley binary (GALLEY_BIN, set by ctest) as a child process and reports how it
// ended and how much memory it used, so tests can check limits from the outside.
#include <filesystem>
#include <sys/types.h>
#include <utility>
#include <string>
#include <vector>

namespace harden {

struct RunResult {
  int code = -1;       ///< exit code; -1 when the child was killed by a signal
  int signal = 0;      ///< the signal that ended it, 0 if it exited
  std::string err;     ///< what it printed on stderr
  long max_rss_kb = 0; ///< peak resident memory of the child (getrusage)
};

/// Runs `galley args...` with stdin from /dev/null and stdout discarded.
RunResult run_galley(const std::vector<std::string>& args);

/// A galley started in the background: its process and the file its stderr goes to.
struct Started {
  pid_t pid = -1;
  std::filesystem::path err;
};

/// Starts `galley args...` as run_galley does, with `env` added to the environment.
Started start_galley(const std::vector<std::string>& args,
                     const std::vector<std::pair<std::string, std::string>>& env);

/// Waits for a started galley and reports how it ended.
RunResult finish_galley(const Started& started);

/// Opens the writing end of `fifo` once `child` waits at a test hold point on it (the
/// GALLEY_TEST_HOLD_* variables); -1 if the child ends first. Closing the result releases it.
int open_when_held(const std::filesystem::path& fifo, pid_t child);

/// A fresh, empty folder for one test (removed when the next run of the same test starts).
std::filesystem::path scratch(const std::string& name);

/// Writes `content` to `path`, creating its folder.
void write(const std::filesystem::path& path, const std::string& content);

/// A PNG file whose header declares `width` x `height` (8-bit RGB) followed by one tiny
/// compressed row and an IEND chunk: what a decompression bomb's header looks like.
std::string png_header_only(std::uint32_t width, std::uint32_t height);

/// A real, decodable PNG of `width` x `height` grey pixels.
std::string png_grey(std::uint32_t width, std::uint32_t height);

/// The entry names of a zip file (an EPUB), in archive order, and their contents joined.
std::vector<std::string> zip_names(const std::filesystem::path& zip);
std::string zip_contents(const std::filesystem::path& zip);

std::filesystem::path source_dir();

} // namespace harden
