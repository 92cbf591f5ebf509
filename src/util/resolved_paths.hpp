#pragma once
// Paths with their links resolved, as std::filesystem::canonical and weakly_canonical give them,
// with each folder resolved once per process. A build resolves the path of every file it reads
// (the read log lists a link with the file it points to) and checks every picture against the
// allowed folders: thousands of paths in a few folders, each resolved component by component
// (one readlink each) before. A folder that becomes a link, or stops being one, while the
// process runs is not seen: a build reads its inputs once.
#include <filesystem>
#include <system_error>

namespace galley {

/// std::filesystem::canonical(path, ec): `ec` is set when the file does not exist.
std::filesystem::path canonical_path(const std::filesystem::path& path, std::error_code& ec);

/// std::filesystem::weakly_canonical(path, ec): a file that does not exist is resolved as far as
/// its folders do.
std::filesystem::path weakly_canonical_path(const std::filesystem::path& path, std::error_code& ec);

} // namespace galley
