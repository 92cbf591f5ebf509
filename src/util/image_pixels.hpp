#pragma once
// Decodes the formats that neither output carries as they are: GIF, WebP and AVIF become 8-bit
// RGBA pixels, which the PDF writer draws as an image XObject with a soft mask and the EPUB
// writer stores as PNG. Each decoder is the format's own library (giflib, libwebp, libavif).
//
// The caller has checked the header's size against the pixel limits (image_info.hpp,
// docs/limits.md) first: a decoder allocates only the width x height the header gave, and
// refuses a bitstream that disagrees with it. Decoding runs on the calling thread, so the same
// bytes give the same pixels.
#include "util/image_info.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace galley {

struct Pixels {
  std::uint32_t width = 0, height = 0;
  std::string rgba;   ///< 4 bytes a pixel, row by row, alpha not premultiplied
  bool alpha = false; ///< some pixel is not fully opaque
};

/// Whether `decode_pixels` handles this format: GIF, WebP, AVIF.
bool decodes_to_pixels(ImageFormat format);

/// The first frame of a GIF, WebP or AVIF file (`info` is `probe_image(bytes)` without an
/// error). On failure returns nullopt and sets `error` ("corrupt WebP: ...", no path).
std::optional<Pixels> decode_pixels(std::string_view bytes, const ImageInfo& info,
                                    std::string& error);

/// The pixels as a PNG file (PNG 11.2.2: colour type 6, or 2 when `alpha` is false), 8 bits a
/// sample, lossless. The same pixels give the same bytes.
std::string encode_png(const Pixels& pixels);

} // namespace galley
