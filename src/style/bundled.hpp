#pragma once
// Where the bundled styles live, shared by the loader (names) and the listing.
#include <filesystem>

namespace galley::style {

/// The source tree's styles/ when run from a build, share/galley/styles when installed.
std::filesystem::path bundled_styles_dir();

} // namespace galley::style
