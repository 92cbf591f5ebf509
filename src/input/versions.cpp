#include "util/library_versions.hpp"

#include <cmark-gfm.h>
#include <pugixml.hpp>
#include <toml++/toml.h>

#include <string>

namespace galley::input {

void add_library_versions(std::vector<LibraryVersion>& out) {
  out.push_back({"cmark-gfm", cmark_version_string()});
  // gumbo and yaml-cpp have no version in their headers, and nlohmann/json's is in a header
  // too heavy to include for it: their packages' versions, as found when galley was configured.
  out.push_back({"gumbo", GALLEY_GUMBO_VERSION});
  out.push_back({"nlohmann/json", GALLEY_NLOHMANN_JSON_VERSION});
  // pugixml's own numbering: 1130 is 1.13.
  out.push_back({"pugixml", std::to_string(PUGIXML_VERSION / 1000) + "." +
                                std::to_string(PUGIXML_VERSION / 10 % 100)});
  out.push_back({"toml++", util::dotted_version(TOML_LIB_MAJOR, TOML_LIB_MINOR, TOML_LIB_PATCH)});
  out.push_back({"yaml-cpp", GALLEY_YAML_CPP_VERSION});
}

} // namespace galley::input
