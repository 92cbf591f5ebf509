#include "util/library_versions.hpp"

namespace galley::highlight {

void add_library_versions(std::vector<LibraryVersion>& out) {
  // Source-highlight's headers carry no version: its package's, as found when galley was
  // configured.
  out.push_back({"Source-highlight", GALLEY_SOURCE_HIGHLIGHT_VERSION});
}

} // namespace galley::highlight
