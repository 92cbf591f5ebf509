#pragma once
// Shared by the fuzz targets: the loaders read files, so each run writes its input to a scratch
// folder made once per process (and removed at exit).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>

namespace galley::fuzz {

/// The process's scratch folder (created on first use).
const std::filesystem::path& scratch_dir();

/// Writes `bytes` to `name` in the scratch folder and returns its full path.
std::filesystem::path write_input(const std::string& name, std::string_view bytes);

inline std::string_view as_view(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

} // namespace galley::fuzz
