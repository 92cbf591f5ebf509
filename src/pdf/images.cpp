#include "pdf/images.hpp"

#include "util/image_info.hpp"
#include "util/image_pixels.hpp"

#include <png.h>

#include <algorithm>
#include <cstring>

namespace galley::pdf {

namespace {

std::optional<ImageData> load_jpeg(const std::string& bytes, const ImageInfo& info,
                                   std::string& error) {
  if (info.bits != 8) {
    error = "unsupported JPEG with " + std::to_string(info.bits) + "-bit samples";
    return std::nullopt;
  }
  // A truncated scan makes viewers draw a grey or broken picture; refuse it instead.
  if (!info.body_error.empty()) {
    error = info.body_error;
    return std::nullopt;
  }
  ImageData img;
  img.dct = true;
  img.width = info.width;
  img.height = info.height;
  img.components = info.components;
  // PDF undoes the inverted Adobe CMYK samples with a /Decode array (8.9.5.2).
  img.invert_cmyk = info.components == 4 && info.adobe;
  img.samples = bytes;
  return img;
}

/// PNG through libpng's simplified API: it expands palettes, tRNS and low bit depths, reduces
/// 16-bit samples to 8, and reports errors in `message` instead of printing them.
std::optional<ImageData> load_png(const std::string& bytes, std::string& error) {
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size())) {
    error = std::string("corrupt PNG: ") + image.message;
    return std::nullopt;
  }
  bool color = image.format & PNG_FORMAT_FLAG_COLOR;
  bool has_alpha = image.format & PNG_FORMAT_FLAG_ALPHA;
  image.format =
      (color ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY) | (has_alpha ? PNG_FORMAT_FLAG_ALPHA : 0);
  std::string pixels(PNG_IMAGE_SIZE(image), '\0');
  if (!png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr)) {
    error = std::string("truncated or corrupt PNG: ") + image.message;
    png_image_free(&image);
    return std::nullopt;
  }
  ImageData img;
  img.width = image.width;
  img.height = image.height;
  img.components = color ? 3 : 1;
  if (!has_alpha) {
    img.samples = std::move(pixels);
    return img;
  }
  // Split colour and alpha; an alpha channel that is opaque everywhere needs no soft mask.
  size_t n = size_t(img.width) * img.height;
  size_t c = size_t(img.components);
  img.samples.resize(n * c);
  img.alpha.resize(n);
  bool opaque = true;
  for (size_t p = 0; p < n; ++p) {
    const char* px = pixels.data() + p * (c + 1);
    std::memcpy(img.samples.data() + p * c, px, c);
    img.alpha[p] = px[c];
    opaque = opaque && std::uint8_t(px[c]) == 0xFF;
  }
  if (opaque)
    img.alpha.clear();
  return img;
}

/// GIF, WebP and AVIF have no PDF filter of their own: their first frame is decoded to RGB
/// samples for a /DeviceRGB image XObject (8.9.5), and its alpha becomes the /SMask image
/// (11.6.5.3) when some pixel is not opaque, as for a PNG with alpha.
std::optional<ImageData> load_pixels(const std::string& bytes, const ImageInfo& info,
                                     std::string& error) {
  std::optional<Pixels> pixels = decode_pixels(bytes, info, error);
  if (!pixels)
    return std::nullopt;
  ImageData img;
  img.width = pixels->width;
  img.height = pixels->height;
  img.components = 3;
  size_t n = size_t(img.width) * img.height;
  img.samples.resize(n * 3);
  if (pixels->alpha)
    img.alpha.resize(n);
  for (size_t p = 0; p < n; ++p) {
    std::memcpy(img.samples.data() + p * 3, pixels->rgba.data() + p * 4, 3);
    if (pixels->alpha)
      img.alpha[p] = pixels->rgba[p * 4 + 3];
  }
  return img;
}

} // namespace

std::optional<ImageData> load_image(const std::string& bytes, std::uint64_t max_pixels,
                                    std::uint32_t max_side, std::string& error) {
  ImageInfo info = probe_image(bytes);
  if (!info.error.empty()) {
    error = info.error;
    return std::nullopt;
  }
  std::uint64_t pixels = std::uint64_t(info.width) * info.height;
  if (info.width > max_side || info.height > max_side) {
    error = "too large: " + std::to_string(info.width) + " x " + std::to_string(info.height) +
            " pixels (the limit is " + std::to_string(max_side) + " pixels a side)";
    return std::nullopt;
  }
  if (pixels > max_pixels) {
    error = "too large: " + std::to_string(info.width) + " x " + std::to_string(info.height) +
            " pixels (the limit is " + std::to_string(max_pixels) + ")";
    return std::nullopt;
  }
  if (info.format == ImageFormat::Jpeg)
    return load_jpeg(bytes, info, error);
  if (info.format == ImageFormat::Png)
    return load_png(bytes, error);
  if (decodes_to_pixels(info.format))
    return load_pixels(bytes, info, error);
  error = "unsupported " + std::string(format_name(info.format)) + " image";
  return std::nullopt;
}

} // namespace galley::pdf
