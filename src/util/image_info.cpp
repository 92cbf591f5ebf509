#include "util/image_info.hpp"

#include "util/lazy_libraries.hpp"
#include "util/svg.hpp"

#include <webp/decode.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

namespace galley {

namespace {
std::uint32_t be16(std::string_view b, size_t i) {
  return (std::uint32_t(std::uint8_t(b[i])) << 8) | std::uint8_t(b[i + 1]);
}
std::uint32_t be32(std::string_view b, size_t i) { return (be16(b, i) << 16) | be16(b, i + 2); }
std::uint32_t le16(std::string_view b, size_t i) {
  return std::uint8_t(b[i]) | (std::uint32_t(std::uint8_t(b[i + 1])) << 8);
}

ImageInfo probe_jpeg(std::string_view b) {
  // ITU T.81 annex B: walk the marker segments from SOI to the first start-of-scan. The frame
  // header gives the size; the walk goes on to the scan because the PDF writer needs what lies
  // between: an Adobe APP14 segment, and a scan that ends with EOI.
  ImageInfo info;
  info.format = ImageFormat::Jpeg;
  bool framed = false; // a start-of-frame was read
  size_t i = 2;
  while (i + 4 <= b.size()) {
    if (std::uint8_t(b[i]) != 0xFF) {
      if (framed) break;
      info.error = "corrupt JPEG: expected a marker";
      return info;
    }
    std::uint8_t m = std::uint8_t(b[i + 1]);
    if (m == 0xFF) { // fill byte (B.1.1.2)
      ++i;
      continue;
    }
    if (m == 0xD8 || (m >= 0xD0 && m <= 0xD7) || m == 0x01) { // markers without a length
      i += 2;
      continue;
    }
    std::uint32_t len = be16(b, i + 2);
    if (len < 2) {
      if (framed) break;
      info.error = "corrupt JPEG: bad segment length";
      return info;
    }
    // Adobe Technical Note 5116: with this segment, CMYK samples are stored inverted.
    if (m == 0xEE && len >= 7 && b.substr(i + 4, 5) == "Adobe") info.adobe = true;
    bool sof = (m >= 0xC0 && m <= 0xCF) && m != 0xC4 && m != 0xC8 && m != 0xCC;
    if (sof && !framed) {
      if (len < 8) break;
      if (i + 2 + len > b.size()) {
        info.error = "truncated JPEG";
        return info;
      }
      info.bits = std::uint8_t(b[i + 4]);
      info.height = be16(b, i + 5);
      info.width = be16(b, i + 7);
      info.components = std::uint8_t(b[i + 9]);
      info.progressive = (m == 0xC2);
      info.frame = m;
      if (info.width == 0 || info.height == 0) info.error = "corrupt JPEG: zero size";
      else if (info.components != 1 && info.components != 3 && info.components != 4)
        info.error = "corrupt JPEG: unsupported number of components";
      // The scan data must follow the header; a file cut inside the headers cannot be valid.
      else if (b.size() < i + 2 + len + 4) info.error = "truncated JPEG";
      if (!info.error.empty()) return info;
      framed = true;
    } else if (m == 0xDA && framed) {
      // Entropy-coded data follows; the file must close with EOI (0xFFD9), possibly followed
      // by padding that some writers append.
      size_t eoi = b.rfind("\xFF\xD9");
      if (eoi == std::string_view::npos || eoi < i + 2 + len)
        info.body_error = "truncated JPEG: no end-of-image marker";
      return info;
    } else if (m == 0xD9 || m == 0xDA) {
      break; // end of image, or a scan before any frame header
    }
    i += 2 + len;
  }
  if (framed)
    info.body_error = "corrupt JPEG: no scan data";
  else
    info.error = i + 4 > b.size() ? "truncated JPEG" : "corrupt JPEG: no frame header";
  return info;
}

ImageInfo probe_png(std::string_view b) {
  // PNG spec 11.2.2: IHDR is the first chunk, 13 bytes of data.
  ImageInfo info;
  info.format = ImageFormat::Png;
  if (b.size() < 33 || b.substr(12, 4) != "IHDR" || be32(b, 8) != 13) {
    info.error = "truncated PNG header";
    return info;
  }
  info.width = be32(b, 16);
  info.height = be32(b, 20);
  info.bits = std::uint8_t(b[24]);
  int color_type = std::uint8_t(b[25]);
  switch (color_type) {
  case 0: info.components = 1; break;
  case 2: info.components = 3; break;
  case 3: info.components = 1; break;
  case 4: info.components = 2; break;
  case 6: info.components = 4; break;
  default: info.error = "corrupt PNG: bad colour type"; return info;
  }
  if (info.width == 0 || info.height == 0 || info.width > 0x7FFFFFFF || info.height > 0x7FFFFFFF)
    info.error = "corrupt PNG: bad size";
  else if (b.find("IEND") == std::string_view::npos)
    info.error = "truncated PNG: no IEND chunk";
  return info;
}
ImageInfo probe_gif(std::string_view b) {
  // GIF89a, section 18: the six-byte signature, then the logical screen descriptor, whose width
  // and height bound every frame galley draws (util/gif_pixels.cpp refuses a larger frame).
  ImageInfo info;
  info.format = ImageFormat::Gif;
  if (b.size() < 13) {
    info.error = "truncated GIF header";
    return info;
  }
  info.width = le16(b, 6);
  info.height = le16(b, 8);
  if (info.width == 0 || info.height == 0)
    info.error = "corrupt GIF: zero size";
  return info;
}

ImageInfo probe_webp(std::string_view b) {
  // The RIFF container's first chunk (VP8, VP8L or VP8X) holds the size; libwebp reads it, and
  // for an animation gives the canvas, which frames are drawn onto.
  ImageInfo info;
  info.format = ImageFormat::Webp;
  WebPBitstreamFeatures features;
  VP8StatusCode status =
      WebPGetFeatures(reinterpret_cast<const std::uint8_t*>(b.data()), b.size(), &features);
  if (status == VP8_STATUS_NOT_ENOUGH_DATA) {
    info.error = "truncated WebP header";
    return info;
  }
  if (status != VP8_STATUS_OK || features.width <= 0 || features.height <= 0) {
    info.error = "corrupt WebP header";
    return info;
  }
  info.width = std::uint32_t(features.width);
  info.height = std::uint32_t(features.height);
  info.components = features.has_alpha ? 4 : 3;
  return info;
}

/// AVIF (AV1 Image File Format 1.1, 9): an ISO BMFF file whose `ftyp` box names the brand
/// `avif` (still image) or `avis` (image sequence), as its major or a compatible brand.
bool is_avif(std::string_view b) {
  if (b.size() < 16 || b.substr(4, 4) != "ftyp")
    return false;
  // A file cut inside this box is still recognised, by the brands it kept, so that it is
  // reported as a truncated AVIF rather than as an unknown format.
  std::uint64_t size = std::min<std::uint64_t>(be32(b, 0), b.size());
  for (std::uint64_t at = 8; at + 4 <= size; at += 4) {
    if (at == 12)
      continue; // the minor version, not a brand
    std::string_view brand = b.substr(at, 4);
    if (brand == "avif" || brand == "avis")
      return true;
  }
  return false;
}

ImageInfo probe_avif(std::string_view b) {
  // avifDecoderParse reads the boxes (the primary item's `ispe`, or the track header of a
  // sequence) and stops before the AV1 data. Its own size limits are raised as far as libavif
  // allows (16384 x 16384 pixels, no limit a side) so that the caller's limits
  // (docs/limits.md) give the diagnostic; the decoder applies them again.
  ImageInfo info;
  info.format = ImageFormat::Avif;
  const AvifCalls* lib = avif_calls(info.error);
  if (!lib)
    return info;
  std::unique_ptr<avifDecoder, AvifDecoderFree> decoder(lib->avifDecoderCreate(),
                                                        AvifDecoderFree{lib});
  if (!decoder) {
    info.error = "AVIF decoder unavailable";
    return info;
  }
  decoder->imageSizeLimit = AVIF_DEFAULT_IMAGE_SIZE_LIMIT;
  decoder->imageDimensionLimit = 0;
  decoder->ignoreExif = AVIF_TRUE;
  decoder->ignoreXMP = AVIF_TRUE;
  avifResult r = lib->avifDecoderSetIOMemory(
      decoder.get(), reinterpret_cast<const std::uint8_t*>(b.data()), b.size());
  if (r == AVIF_RESULT_OK)
    r = lib->avifDecoderParse(decoder.get());
  if (r == AVIF_RESULT_TRUNCATED_DATA) {
    info.error = "truncated AVIF header";
    return info;
  }
  if (r != AVIF_RESULT_OK) {
    info.error = std::string("corrupt AVIF: ") + lib->avifResultToString(r);
    if (decoder->diag.error[0] != '\0')
      info.error += std::string(" (") + decoder->diag.error + ")";
    return info;
  }
  info.width = decoder->image->width;
  info.height = decoder->image->height;
  info.bits = int(decoder->image->depth);
  info.components = decoder->alphaPresent ? 4 : 3;
  if (info.width == 0 || info.height == 0)
    info.error = "corrupt AVIF: zero size";
  return info;
}
ImageInfo probe_svg(std::string_view b) {
  ImageInfo info;
  info.format = ImageFormat::Svg;
  std::string removed;
  std::optional<std::string> clean = clean_svg(b, removed, info.error);
  if (!clean)
    return info;
  std::optional<SvgSize> size = measure_svg(*clean, info.error);
  if (!size)
    return info;
  // Whole pixels for the limits and the layout's aspect; the PDF draws the exact size.
  auto px = [](double v) { return std::uint32_t(std::min(std::ceil(v), double(UINT32_MAX))); };
  info.width = px(size->width);
  info.height = px(size->height);
  info.default_size = !size->given;
  return info;
}
} // namespace

ImageInfo probe_image(std::string_view b) {
  ImageInfo info;
  if (b.size() >= 3 && std::uint8_t(b[0]) == 0xFF && std::uint8_t(b[1]) == 0xD8 &&
      std::uint8_t(b[2]) == 0xFF)
    return probe_jpeg(b);
  if (b.size() >= 8 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8))
    return probe_png(b);
  if (b.substr(0, 6) == "GIF87a" || b.substr(0, 6) == "GIF89a")
    return probe_gif(b);
  if (b.size() >= 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP")
    return probe_webp(b);
  if (is_avif(b))
    return probe_avif(b);
  auto head = b.substr(0, 1024);
  if (head.find("<svg") != std::string_view::npos)
    return probe_svg(b);
  info.error = b.empty() ? "empty image file" : "not a JPEG, PNG, GIF, WebP, AVIF or SVG image";
  return info;
}

std::string_view media_type(ImageFormat f) {
  switch (f) {
  case ImageFormat::Jpeg: return "image/jpeg";
  case ImageFormat::Png: return "image/png";
  case ImageFormat::Gif: return "image/gif";
  case ImageFormat::Svg: return "image/svg+xml";
  case ImageFormat::Webp: return "image/webp";
  case ImageFormat::Avif: return "image/avif";
  case ImageFormat::Unknown: break;
  }
  return "";
}

std::string_view format_name(ImageFormat f) {
  switch (f) {
  case ImageFormat::Jpeg: return "JPEG";
  case ImageFormat::Png: return "PNG";
  case ImageFormat::Gif: return "GIF";
  case ImageFormat::Svg: return "SVG";
  case ImageFormat::Webp: return "WebP";
  case ImageFormat::Avif: return "AVIF";
  case ImageFormat::Unknown: break;
  }
  return "unknown";
}

} // namespace galley
