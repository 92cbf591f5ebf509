#include "util/library_versions.hpp"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include <hb.h>
#include <unicode/uversion.h>
#include FT_FREETYPE_H

namespace galley::text {

void add_library_versions(std::vector<LibraryVersion>& out) {
  const int fc = FcGetVersion(); // MMmmpp in decimal
  out.push_back({"fontconfig", util::dotted_version(fc / 10000, fc / 100 % 100, fc % 100)});
  out.push_back({"FreeType", util::dotted_version(FREETYPE_MAJOR, FREETYPE_MINOR, FREETYPE_PATCH)});
  out.push_back({"HarfBuzz", hb_version_string()});
  UVersionInfo icu;
  u_getVersion(icu);
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(icu, text);
  out.push_back({"ICU", text});
}

} // namespace galley::text
