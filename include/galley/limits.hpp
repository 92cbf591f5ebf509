#pragma once
// The limits: what galley refuses to go past, so that no input can crash it or exhaust the
// machine. The one set of defaults; docs/limits.md documents each, and every stage that checks
// one reads it from here (input: sizes, nesting, notes, images from their headers; layout:
// pages; pdf: images again before decoding).
#include <cstddef>
#include <cstdint>

namespace galley {

struct Limits {
  std::size_t max_file_size = 16 * 1024 * 1024;      ///< bytes of one article or manifest
  int max_nesting = 64;                               ///< lists, quotes, inlines, YAML/TOML values
  std::size_t max_value_nodes = 100'000;              ///< nodes of one front matter or manifest
  std::size_t max_notes = 10000;                      ///< footnotes plus sources, per article
  std::size_t max_image_file_size = 64 * 1024 * 1024; ///< bytes of one image file
  std::uint32_t max_image_side = 20000;               ///< pixels, width or height
  std::uint64_t max_image_pixels = 100'000'000;       ///< width * height
  std::size_t max_pages = 10000;                      ///< pages of one PDF
};

} // namespace galley
