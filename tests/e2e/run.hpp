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

/// The command that runs epubcheck on many books in one Java machine
/// (tests/e2e/EpubcheckBatch.java), before the books' paths; check_epubs() (book_checks.hpp)
/// reads its verdicts. The quick start (client compiler only, serial collector, shared class
/// data) halves epubcheck's CPU time, which is most of the e2e suites' time.
inline constexpr const char* kEpubcheckBatch =
    "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp /usr/share/java/epubcheck.jar "
    GALLEY_TEST_DATA_DIR "/e2e/EpubcheckBatch.java";

/// `s` with every `from` replaced by `to`.
std::string replace_all(std::string s, const std::string& from, const std::string& to);

/// pdftotext's text with each word a line break split joined again: its first part ends with
/// a soft hyphen (PDF 32000-1 14.8.2.2.3), as an extractor that honours it joins it.
std::string joined_hyphens(const std::string& text);

} // namespace e2e
