#pragma once
// Images for the PDF writer (PDF 32000-1 8.9.5): JPEG passed through as DCTDecode; PNG, and the
// first frame of a GIF, WebP or AVIF, decoded to samples plus an optional alpha channel for a
// soft mask (11.6.5.3). Pure data.
#include <cstdint>
#include <optional>
#include <string>

namespace galley::pdf {

struct ImageData {
  bool dct = false; ///< `samples` is the JPEG file itself, for /DCTDecode
  std::uint32_t width = 0, height = 0;
  int components = 3;       ///< 1 DeviceGray, 3 DeviceRGB, 4 DeviceCMYK
  bool invert_cmyk = false; ///< Adobe CMYK JPEG: stored inverted, needs /Decode [1 0 ...]
  std::string samples;      ///< JPEG bytes, or 8-bit samples row by row
  std::string alpha;        ///< 8-bit alpha samples; empty when the image is opaque
};

/// Decodes `bytes` (a JPEG, PNG, GIF, WebP or AVIF file). The header is checked first: an image
/// whose width * height exceeds `max_pixels`, or whose width or height exceeds `max_side`, is
/// refused before any pixel memory is allocated. On failure returns nullopt and sets `error`
/// ("truncated PNG: ...", lowercase, no path).
std::optional<ImageData> load_image(const std::string& bytes, std::uint64_t max_pixels,
                                    std::uint32_t max_side, std::string& error);

} // namespace galley::pdf
