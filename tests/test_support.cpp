#include "test_support.hpp"

#include <doctest/doctest.h>

#include <system_error>
#include <unistd.h>

namespace galley::test {

namespace fs = std::filesystem;

fs::path scratch_root() {
  const fs::path root = fs::temp_directory_path() / ("galley-tests-" + std::to_string(::getpid()));
  fs::create_directories(root);
  return root;
}

fs::path fresh_folder(const std::string& name) {
  const fs::path dir = scratch_root() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

namespace {

/// Removes this process's scratch folder once every test has passed, and keeps it when one
/// failed, for a look at what the failing test made.
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

} // namespace galley::test
