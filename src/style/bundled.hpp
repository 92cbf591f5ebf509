#pragma once
// Where the bundled styles live, shared by the loader (names) and the listing.
#include <filesystem>

namespace galley::style {

/// styles/ of util::data_dir().
std::filesystem::path bundled_styles_dir();

} // namespace galley::style
