#pragma once
// Opening a file so that what is opened, not only its name, is known to lie beneath a folder
// (docs/limits.md, "Path confinement"). Checking a path and opening it by name later leaves a
// window in which a part of it can be swapped for a link that leaves the folder; resolving
// every component relative to the folder's descriptor, refusing on the way, closes it.
#include <string_view>

namespace galley {

/// Opens `relative` beneath the folder open as `root_fd` with the open(2) `flags`, following
/// links only while they stay beneath it. Uses openat2(2) with RESOLVE_BENEATH and
/// RESOLVE_NO_MAGICLINKS where the kernel has it (Linux 5.6 and later), else
/// open_beneath_by_walk. Returns the descriptor, or -1 with errno set; EXDEV means the path
/// (through "..", an absolute link or a link that climbs out) leaves the folder.
int open_beneath(int root_fd, std::string_view relative, int flags);

/// The same rule without openat2: each component is opened with openat(O_NOFOLLOW), folders
/// with O_DIRECTORY, relative to the one before. A link is read and its target walked in its
/// place, so one that stays beneath the folder works; an absolute target, or ".." above the
/// folder, is refused with EXDEV. At most 40 links are followed, as the kernel does (ELOOP).
int open_beneath_by_walk(int root_fd, std::string_view relative, int flags);

} // namespace galley
