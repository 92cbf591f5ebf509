#pragma once
#include <filesystem>
#include <string>

namespace e2e {

struct RunResult {
  int code = -1;
  std::string out;
  std::string err;
};

/// Runs a shell command line, capturing stdout, stderr and the exit code.
RunResult run(const std::string& command);

/// `galley` followed by `args` (GALLEY_BIN, set by ctest).
RunResult run_galley(const std::string& args);

/// A fresh, empty folder for one test's outputs.
std::filesystem::path scratch(const std::string& name);

/// Single-quotes a path for the shell.
std::string q(const std::filesystem::path& p);

std::filesystem::path source_dir();

} // namespace e2e
