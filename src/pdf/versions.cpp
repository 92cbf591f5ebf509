#include "util/library_versions.hpp"

#include <libdeflate.h>
#include <podofo/podofo.h>

namespace galley::pdf {

void add_library_versions(std::vector<LibraryVersion>& out) {
  out.push_back({"PoDoFo", util::dotted_version(PODOFO_VERSION_MAJOR, PODOFO_VERSION_MINOR,
                                                PODOFO_VERSION_PATCH)});
  out.push_back({"libdeflate", LIBDEFLATE_VERSION_STRING});
}

} // namespace galley::pdf
