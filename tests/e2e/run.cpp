#include "run.hpp"

#include "util/files.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <sys/wait.h>

namespace e2e {

namespace fs = std::filesystem;

namespace {

/// This process's scratch folder: every test's outputs, under a name of its own.
fs::path scratch_root() {
  return fs::temp_directory_path() / ("galley-e2e-" + std::to_string(::getpid()));
}

/// Removes the scratch folder once every test has passed (some 30 MB a run, left behind by
/// each run before), and keeps it when one failed, for a look at what it made.
struct ScratchCleanup : doctest::IReporter {
  explicit ScratchCleanup(const doctest::ContextOptions&) {}
  void report_query(const doctest::QueryData&) override {}
  void test_run_start() override {}
  void test_run_end(const doctest::TestRunStats& stats) override {
    if (stats.numTestCasesFailed == 0 && stats.numAssertsFailed == 0) {
      std::error_code ec;
      fs::remove_all(scratch_root(), ec);
    }
  }
  void test_case_start(const doctest::TestCaseData&) override {}
  void test_case_reenter(const doctest::TestCaseData&) override {}
  void test_case_end(const doctest::CurrentTestCaseStats&) override {}
  void test_case_exception(const doctest::TestCaseException&) override {}
  void subcase_start(const doctest::SubcaseSignature&) override {}
  void subcase_end() override {}
  void log_assert(const doctest::AssertData&) override {}
  void log_message(const doctest::MessageData&) override {}
  void test_case_skipped(const doctest::TestCaseData&) override {}
};

} // namespace

REGISTER_LISTENER("scratch-cleanup", 1, ScratchCleanup);

RunResult run(const std::string& command) {
  static int counter = 0;
  fs::path dir = scratch_root();
  fs::create_directories(dir);
  fs::path out = dir / ("out" + std::to_string(counter));
  fs::path err = dir / ("err" + std::to_string(counter++));
  std::string full = "(" + command + ") >" + q(out) + " 2>" + q(err) + " </dev/null";
  int status = std::system(full.c_str());
  RunResult r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = galley::read_file(out).value_or("");
  r.err = galley::read_file(err).value_or("");
  fs::remove(out);
  fs::remove(err);
  return r;
}

RunResult run_galley(const std::string& args) {
  const char* bin = std::getenv("GALLEY_BIN");
  return run(std::string(bin ? bin : "galley") + " " + args);
}

fs::path scratch(const std::string& name) {
  fs::path dir = scratch_root() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string q(const fs::path& p) {
  std::string s = "'";
  for (char c : p.string()) {
    if (c == '\'') s += "'\\''";
    else s += c;
  }
  return s + "'";
}

fs::path source_dir() { return GALLEY_SOURCE_DIR; }

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

std::string joined_hyphens(const std::string& text) { return replace_all(text, "\u00AD\n", ""); }

} // namespace e2e
