#pragma once
// Images for the PDF writer (PDF 32000-1 8.9.5): JPEG passed through as DCTDecode; PNG, and the
// first frame of a GIF, WebP or AVIF, decoded to samples plus an optional alpha channel for a
// soft mask (11.6.5.3); SVG drawn by librsvg into a one-page PDF whose page becomes a form
// XObject (8.10, svg_form.cpp). Pure data.
#include <cstdint>
#include <optional>
#include <string>

namespace galley::pdf {

struct ImageData {
  bool dct = false;  ///< `samples` is the JPEG file itself, for /DCTDecode
  bool form = false; ///< `samples` is a one-page PDF (an SVG drawn by cairo), for a form XObject
  std::uint32_t width = 0, height = 0;
  int components = 3;       ///< 1 DeviceGray, 3 DeviceRGB, 4 DeviceCMYK
  int bits = 8;             ///< bits a sample, of the colour and the alpha: 8, or 16 (PNG)
  bool invert_cmyk = false; ///< Adobe CMYK JPEG: stored inverted, needs /Decode [1 0 ...]
  std::string icc;     ///< the JPEG's ICC profile, for an ICCBased space; "" for a device space
  std::string samples; ///< JPEG bytes, or samples row by row (16-bit ones big-endian)
  std::string alpha;   ///< alpha samples, `bits` each; empty when the image is opaque
};

/// Decodes `bytes` (a JPEG, PNG, GIF, WebP or AVIF file), or draws them (an SVG file). The header
/// is checked first: an image whose width * height exceeds `max_pixels`, or whose width or height
/// exceeds `max_side`, is refused before any pixel memory is allocated. On failure returns nullopt
/// and sets `error`
/// ("truncated PNG: ...", lowercase, no path). `archive`: the file claims PDF/A, whose sRGB
/// output intent leaves no device for a CMYK JPEG without a profile: it is converted to RGB.
std::optional<ImageData> load_image(const std::string& bytes, std::uint64_t max_pixels,
                                    std::uint32_t max_side, bool archive, std::string& error);

} // namespace galley::pdf
