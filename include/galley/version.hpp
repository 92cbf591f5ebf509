#pragma once
// galley's version, and those of the libraries it was built with: for `galley --version` and for
// programs that record what made their files.
#include <string>
#include <vector>

namespace galley {

struct LibraryVersion {
  std::string name;    ///< as the library calls itself ("HarfBuzz")
  std::string version; ///< "8.3.0"
};

/// galley's own version ("0.1.0").
const char* version();

/// The libraries galley uses, sorted by name: each with the version it runs with where the
/// library can tell, else the version of the headers galley was built against.
std::vector<LibraryVersion> library_versions();

} // namespace galley
