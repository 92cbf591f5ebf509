#include "util/image_pixels.hpp"

#include "galley/error.hpp"
#include "util/pixel_decoders.hpp"

#include <png.h>

#include <cstring>

namespace galley {

bool decodes_to_pixels(ImageFormat format) {
  return format == ImageFormat::Gif || format == ImageFormat::Webp || format == ImageFormat::Avif;
}

std::optional<Pixels> decode_pixels(std::string_view bytes, const ImageInfo& info,
                                    std::string& error) {
  Pixels out;
  out.width = info.width;
  out.height = info.height;
  out.rgba.assign(std::size_t(info.width) * info.height * 4, '\0');
  switch (info.format) {
  case ImageFormat::Gif:
    error = detail::decode_gif(bytes, info, out);
    break;
  case ImageFormat::Webp:
    error = detail::decode_webp(bytes, info, out);
    break;
  case ImageFormat::Avif:
    error = detail::decode_avif(bytes, info, out);
    break;
  default:
    error = "unsupported " + std::string(format_name(info.format)) + " image";
    break;
  }
  if (!error.empty())
    return std::nullopt;
  out.alpha = false;
  for (std::size_t i = 3; i < out.rgba.size(); i += 4)
    if (std::uint8_t(out.rgba[i]) != 0xFF) {
      out.alpha = true;
      break;
    }
  return out;
}

std::string encode_png(const Pixels& pixels) {
  // libpng's simplified writer: fixed settings (zlib's default level, no time or text chunks),
  // so the file depends on the pixels alone.
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  image.width = pixels.width;
  image.height = pixels.height;
  image.format = PNG_FORMAT_RGBA;
  std::string rgb;
  const void* samples = pixels.rgba.data();
  if (!pixels.alpha) {
    image.format = PNG_FORMAT_RGB;
    std::size_t n = std::size_t(pixels.width) * pixels.height;
    rgb.resize(n * 3);
    for (std::size_t p = 0; p < n; ++p)
      std::memcpy(rgb.data() + p * 3, pixels.rgba.data() + p * 4, 3);
    samples = rgb.data();
  }
  png_alloc_size_t size = 0;
  std::string png;
  if (png_image_write_to_memory(&image, nullptr, &size, 0, samples, 0, nullptr)) {
    png.resize(size);
    if (png_image_write_to_memory(&image, png.data(), &size, 0, samples, 0, nullptr)) {
      png.resize(size);
      return png;
    }
  }
  // Sound pixels of a checked size always encode: a failure is libpng's or the machine's.
  throw Error(std::string("cannot encode PNG: ") + image.message);
}

} // namespace galley
