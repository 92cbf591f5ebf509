#pragma once
// Internal entry points shared by load.cpp and manifest.cpp.
#include "input/load.hpp"

#include <string>

namespace galley::input {

/// The keys an issue manifest may have.
const std::vector<std::string>& manifest_keys();

/// Loads one article; `display` names it in diagnostics and `extra_roots` are further folders
/// its images may come from (the manifest's folder).
std::optional<model::Article>
load_article_with(const std::filesystem::path& path, const std::string& display,
                  const std::vector<std::filesystem::path>& extra_roots, const LoadOptions& options,
                  Diagnostics& diags);

} // namespace galley::input
