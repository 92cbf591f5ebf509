#include "util/data_dir.hpp"

#include "galley/error.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace galley::util {

namespace {

namespace fs = std::filesystem;

bool holds_data(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir / "fonts", ec);
}

// The file of the loaded object this function is part of: the program when galley is linked
// statically, libgalley.so otherwise (dladdr, glibc).
fs::path own_object_file() {
  Dl_info info{};
  if (dladdr(reinterpret_cast<const void*>(&own_object_file), &info) == 0 || !info.dli_fname)
    return {};
  std::error_code ec;
  fs::path file = fs::canonical(info.dli_fname, ec);
  return ec ? fs::path() : file;
}

fs::path program_file() {
  std::error_code ec;
  fs::path file = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : file;
}

fs::path find_data_dir() {
  if (const char* env = std::getenv("GALLEY_DATA_DIR"); env && *env) {
    fs::path dir(env);
    if (!holds_data(dir))
      throw Error("GALLEY_DATA_DIR=" + dir.string() + " has no fonts/ folder");
    return dir;
  }
  std::vector<fs::path> tried;
  auto installed_beside = [&](const fs::path& file, const char* relative) {
    if (file.empty())
      return fs::path();
    fs::path dir = (file.parent_path() / relative).lexically_normal();
    tried.push_back(dir);
    return holds_data(dir) ? dir : fs::path();
  };
  // The code's own file says which tree it belongs to: the program's (bin/galley, or a program
  // that linked libgalley.a) or the shared library's. The program of a process that loaded
  // libgalley.so (python3, a CMS) is not galley's and says nothing.
  const fs::path program = program_file();
  const fs::path object = own_object_file();
  const bool in_program = object.empty() || object == program;
  if (fs::path dir = in_program ? installed_beside(program, GALLEY_BIN_TO_DATA)
                                : installed_beside(object, GALLEY_LIB_TO_DATA);
      !dir.empty())
    return dir;
  // A build tree's programs, and programs linking libgalley.a, which has no place of its own.
  fs::path source(GALLEY_SOURCE_DIR);
  if (holds_data(source))
    return source;
  tried.push_back(source);
  fs::path configured(GALLEY_CONFIGURED_DATA_DIR);
  if (holds_data(configured))
    return configured;
  tried.push_back(configured);
  std::string looked;
  for (const fs::path& dir : tried)
    looked += dir.string() + ", ";
  throw Error("galley's data (fonts, styles) is not found: looked in " + looked +
              "set GALLEY_DATA_DIR to the folder that holds fonts/ and styles/");
}

} // namespace

const fs::path& data_dir() {
  static const fs::path dir = find_data_dir();
  return dir;
}

} // namespace galley::util
