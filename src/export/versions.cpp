#include "galley/version.hpp"

#include "util/library_versions.hpp"

#include <algorithm>
#include <cctype>

namespace galley {

const char* version() {
  return GALLEY_VERSION;
}

std::vector<LibraryVersion> library_versions() {
  std::vector<LibraryVersion> out;
  util::add_library_versions(out);
  input::add_library_versions(out);
  highlight::add_library_versions(out);
  text::add_library_versions(out);
  pdf::add_library_versions(out);
  epub::add_library_versions(out);
  std::sort(out.begin(), out.end(), [](const LibraryVersion& a, const LibraryVersion& b) {
    return std::lexicographical_compare(
        a.name.begin(), a.name.end(), b.name.begin(), b.name.end(),
        [](unsigned char x, unsigned char y) { return std::tolower(x) < std::tolower(y); });
  });
  return out;
}

} // namespace galley
