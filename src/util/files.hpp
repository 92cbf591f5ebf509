#pragma once
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
void write_file_atomic(const std::filesystem::path& path, std::string_view bytes);

/// Lexically normal, absolute form of `p` (no symlinks resolved).
std::filesystem::path absolute_normal(const std::filesystem::path& p);

} // namespace galley
