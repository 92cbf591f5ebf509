#pragma once
// Helpers for tests that run the galley binary (GALLEY_BIN, set by galley_add_test).
#include <filesystem>
#include <string>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace galley::test {

struct RunResult {
  int status = -1;    ///< exit status; 128 + signal when killed
  std::string output; ///< stdout and stderr, interleaved
};

/// Runs galley with `args` and extra environment variables (an empty value removes the
/// variable) and waits for it.
RunResult run_galley(const std::vector<std::string>& args,
                     const std::vector<std::pair<std::string, std::string>>& env = {});

/// Starts galley with `args` and extra environment variables, as run_galley; returns its pid.
pid_t spawn_galley(const std::vector<std::string>& args,
                   const std::vector<std::pair<std::string, std::string>>& env);

/// Starts galley as spawn_galley does, its standard output and error going to the file `log`.
pid_t spawn_galley_logged(const std::vector<std::string>& args,
                          const std::vector<std::pair<std::string, std::string>>& env,
                          const std::filesystem::path& log);

/// Opens the writing end of `fifo` once `child` has opened it for reading (galley's
/// GALLEY_TEST_HOLD_BEFORE_RENAME hold point); -1 if the child exits first or after a minute.
int open_when_held(const std::filesystem::path& fifo, pid_t child);

struct JsonCounts {
  int objects = 0;
  int arrays = 0;
  int keys = 0;
};

/// True when `text` is one well-formed JSON value (RFC 8259), counting what it holds.
bool check_json(const std::string& text, JsonCounts& counts);

/// Occurrences of `needle` in `haystack`.
int count_of(const std::string& haystack, const std::string& needle);

/// Lowercase hex SHA-256.
std::string sha256_of(const std::string& bytes);

/// Man page source with font escapes removed and "\-" as "-", for searching.
std::string roff_to_plain(const std::string& roff);

/// The option names ("-o", "--output-dir") of CLI11 help output: the first column of the lines
/// that start with an option.
std::vector<std::string> options_in_help(const std::string& help);

} // namespace galley::test
