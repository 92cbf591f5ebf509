#pragma once
// Reads an image's format and pixel size from its header bytes, without decoding it, so that
// pixel limits (docs/limits.md: decompression bombs) are checked before any allocation.
#include <cstdint>
#include <string>
#include <string_view>

namespace galley {

enum class ImageFormat { Unknown, Jpeg, Png, Gif, Svg, Webp, Avif };

struct ImageInfo {
  ImageFormat format = ImageFormat::Unknown;
  std::uint32_t width = 0; ///< pixels; SVG: CSS pixels, rounded up. GIF: the logical
                           ///< screen; animated WebP: the canvas; AVIF: the primary image or track
  std::uint32_t height = 0;
  int components = 0;       ///< JPEG: 1 gray, 3 RGB/YCbCr, 4 CMYK; PNG: from the colour type
  int bits = 8;             ///< PNG, JPEG: bits a sample; AVIF: the AV1 bit depth
  bool progressive = false; ///< JPEG SOF2
  int frame = 0;            ///< JPEG: the start-of-frame marker (0xC0 baseline ... 0xCF)
  bool adobe = false;       ///< JPEG: an Adobe APP14 segment (CMYK samples stored inverted)
  bool default_size = false; ///< SVG: no width, height or viewBox; the size is CSS's default
  std::string error;        ///< why the header is unusable ("truncated PNG header"); "" if fine
  /// JPEG: why the data past the header would draw a grey or broken picture (no scan, no
  /// end-of-image marker); "" if fine. Reading systems cope; the PDF writer refuses it.
  std::string body_error;
};

/// Sniffs the format from the first bytes and parses the header. WebP and AVIF headers are read
/// by their libraries (WebPGetFeatures, avifDecoderParse), which parse the containers without
/// decoding a pixel. An SVG is cleaned and parsed whole by librsvg (util/svg.hpp), which is the
/// only way to its size; one that does not parse has an `error`.
ImageInfo probe_image(std::string_view bytes);

/// "image/jpeg", "image/png", "image/gif", "image/svg+xml", "image/webp", "image/avif", or "".
std::string_view media_type(ImageFormat f);

std::string_view format_name(ImageFormat f);

} // namespace galley
