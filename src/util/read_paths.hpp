#pragma once
// The names of the files this process has read, as opposed to their identities (files_read()
// in util/files.hpp): what `galley watch` watches for changes.
#include <filesystem>
#include <vector>

namespace galley {

/// Records `path` as read; read_file() and note_read() call it for every file they remember.
void remember_read_path(const std::filesystem::path& path);

/// Every path read so far, absolute and lexically normal, sorted, each once. A path that is a
/// link also gives the file it resolves to, so that an edit of either is seen.
std::vector<std::filesystem::path> read_paths();

} // namespace galley
