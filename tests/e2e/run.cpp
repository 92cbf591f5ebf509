#include "run.hpp"

#include "test_support.hpp"
#include "util/files.hpp"

#include <cstdlib>
#include <sys/wait.h>

namespace e2e {

namespace fs = std::filesystem;

RunResult run(const std::string& command) {
  static int counter = 0;
  fs::path dir = galley::test::scratch_root();
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
  return galley::test::fresh_folder(name);
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
