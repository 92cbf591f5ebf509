#pragma once
// Loading a style for a render, where what `extends:` names must stay within the input's roots
// (docs/limits.md, "Path confinement").
#include "galley/diagnostics.hpp"
#include "galley/style.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace galley::style {

/// Like load_style, but a file that `extends:` names anywhere in the chain (a bundled name
/// excepted) must lie beneath the top style file's own folder or one of `roots` (the input's
/// folder and each --allow-path); it is opened confined (read_file_beneath), and refused with an
/// error at the `extends:` line otherwise.
Style load_style_within(const std::string& name_or_path,
                        const std::vector<std::filesystem::path>& roots, Diagnostics& diags);

} // namespace galley::style
