#include "util/library_versions.hpp"

#include <zip.h>

namespace galley::epub {

void add_library_versions(std::vector<LibraryVersion>& out) {
  out.push_back({"libzip", zip_libzip_version()});
}

} // namespace galley::epub
