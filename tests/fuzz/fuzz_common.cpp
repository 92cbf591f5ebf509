#include "fuzz_common.hpp"

#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>

namespace galley::fuzz {

namespace {
struct Scratch {
  std::filesystem::path dir;
  Scratch() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "galley-fuzz-XXXXXX").string();
    if (!mkdtemp(tmpl.data()))
      throw std::runtime_error("cannot create a scratch folder");
    dir = tmpl;
  }
  ~Scratch() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};
} // namespace

const std::filesystem::path& scratch_dir() {
  static Scratch scratch;
  return scratch.dir;
}

std::filesystem::path write_input(const std::string& name, std::string_view bytes) {
  std::filesystem::path p = scratch_dir() / name;
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return p;
}

} // namespace galley::fuzz
