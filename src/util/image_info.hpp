#pragma once
// Reads an image's format and pixel size from its header bytes, without decoding it, so that
// pixel limits (docs/limits.md: decompression bombs) are checked before any allocation.
#include <cstdint>
#include <string>
#include <string_view>

namespace galley {

enum class ImageFormat { Unknown, Jpeg, Png, Gif, Svg, Webp };

struct ImageInfo {
  ImageFormat format = ImageFormat::Unknown;
  std::uint32_t width = 0;  ///< pixels; 0 for SVG when it gives no size
  std::uint32_t height = 0;
  int components = 0;       ///< JPEG: 1 gray, 3 RGB/YCbCr, 4 CMYK; PNG: from the colour type
  int bits = 8;
  bool progressive = false; ///< JPEG SOF2
  std::string error;        ///< why the header is unusable ("truncated PNG header"); "" if fine
};

/// Sniffs the format from the first bytes and parses the header.
ImageInfo probe_image(std::string_view bytes);

/// "image/jpeg", "image/png", "image/gif", "image/svg+xml", "image/webp", or "".
std::string_view media_type(ImageFormat f);

std::string_view format_name(ImageFormat f);

} // namespace galley
