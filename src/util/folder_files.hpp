#pragma once
// The files under a folder, listed once for the process while the folder stays as it was. The
// bundled fonts and the hyphenation dictionaries are listed by every text engine (each article
// a worker sets, the engine that joins an issue, each article's own PDF) and by every cache key
// that names them: a dozen walks of some hundred and fifty files in a rebuild of an issue.
#include <filesystem>
#include <string>
#include <vector>

namespace galley {

/// The regular files under `dir` and its folders (links to folders are not followed) whose
/// extension, lowercased, is one of `extensions` (".ttf"), sorted: folder order differs from one
/// file system to another. Listed again whenever a folder under `dir` changed since (a file
/// added, removed or renamed changes its folder's modification time), and while a folder's
/// modification time is under a second older than the listing, since a change within the same
/// tick of the file system's clock would leave the time as it was. Empty when `dir` is no
/// folder. Safe to call from several threads.
std::vector<std::filesystem::path> files_under(const std::filesystem::path& dir,
                                               const std::vector<std::string>& extensions);

} // namespace galley
