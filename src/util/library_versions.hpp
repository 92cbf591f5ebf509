#pragma once
// Each stage names the libraries it links and their versions (its versions.cpp), so that the
// list stays beside the code that links them; export/versions.cpp gathers them.
#include "galley/version.hpp"

#include <string>
#include <vector>

namespace galley {
namespace util {
void add_library_versions(std::vector<LibraryVersion>& out);
/// "2.12.1", from the numbers headers define one by one.
std::string dotted_version(long major, long minor, long patch);
} // namespace util
namespace input {
void add_library_versions(std::vector<LibraryVersion>& out);
}
namespace highlight {
void add_library_versions(std::vector<LibraryVersion>& out);
}
namespace text {
void add_library_versions(std::vector<LibraryVersion>& out);
}
namespace pdf {
void add_library_versions(std::vector<LibraryVersion>& out);
}
namespace epub {
void add_library_versions(std::vector<LibraryVersion>& out);
}
} // namespace galley
