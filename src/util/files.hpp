#pragma once
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace galley {

/// Reads a whole file. Returns nullopt when it cannot be opened or read; `error` then says why
/// ("no such file", "is a directory", ...).
std::optional<std::string> read_file(const std::filesystem::path& path, std::string* error = nullptr);

/// Writes `bytes` to a temporary file in the same folder, flushes it and renames it over `path`,
/// so that a failed run never leaves a half-written file nor destroys the previous good one.
/// Throws galley::Error on failure (and removes the temporary file).
///
/// Test-only hook: when the environment variable GALLEY_TEST_HOLD_BEFORE_RENAME names a fifo,
/// the writer opens it for reading after the temporary file is complete and waits, before the
/// rename, until the other end is closed. Tests use it to interrupt a run at that exact point.
void write_file_atomic(const std::filesystem::path& path, std::string_view bytes);

/// Removes the temporary file of every write_file_atomic call still in flight and makes those
/// calls, and every later one, fail instead of renaming: a process about to exit on a signal
/// then leaves neither temporary files nor a replaced output behind. Takes a lock, so call it
/// from an ordinary thread (one that waits with sigwait), never from a signal handler. Returns
/// how many temporary files it removed.
std::size_t abandon_atomic_writes();

/// Lexically normal, absolute form of `p` (no symlinks resolved).
std::filesystem::path absolute_normal(const std::filesystem::path& p);

} // namespace galley
