#include "util/library_versions.hpp"

#include <podofo/podofo.h>

namespace galley::pdf {

void add_library_versions(std::vector<LibraryVersion>& out) {
  out.push_back({"PoDoFo", util::dotted_version(PODOFO_VERSION_MAJOR, PODOFO_VERSION_MINOR,
                                                PODOFO_VERSION_PATCH)});
}

} // namespace galley::pdf
