#include "pdf/images.hpp"

#include "util/image_info.hpp"
#include "util/image_pixels.hpp"
#include "util/jpeg_color.hpp"
#include "util/svg.hpp"

#include <png.h>

#include <algorithm>
#include <csetjmp>
#include <cstring>
#include <vector>

namespace galley::pdf {

namespace {

/// A JPEG keeps its colour: an embedded ICC profile whose colour space has the JPEG's number of
/// components becomes an ICCBased space (8.6.5.5); without one, the device space of that number.
/// PDF/A-2 reads device colours against the output intent (ISO 19005-2 6.2.4.3), sRGB here,
/// which cannot say what DeviceCMYK means: there a CMYK JPEG without a profile is decoded and
/// converted to RGB as viewers convert DeviceCMYK, since Debian packages no CMYK profile under
/// a free licence that galley could embed instead.
std::optional<ImageData> load_jpeg(const std::string& bytes, const ImageInfo& info, bool archive,
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
  img.width = info.width;
  img.height = info.height;
  JpegColor color = jpeg_color(bytes);
  if (!color.icc.empty() && color.icc_components == info.components) {
    img.icc = std::move(color.icc);
  } else if (info.components == 4 && archive) {
    std::optional<std::string> rgb =
        jpeg_cmyk_to_rgb(bytes, info.width, info.height, info.adobe, error);
    if (!rgb)
      return std::nullopt;
    img.samples = std::move(*rgb);
    return img;
  }
  img.dct = true;
  img.components = info.components;
  // PDF undoes the inverted Adobe CMYK samples with a /Decode array (8.9.5.2).
  img.invert_cmyk = info.components == 4 && info.adobe;
  img.samples = bytes;
  return img;
}

/// Splits interleaved samples of `channels` colour channels plus alpha, `size` bytes each, into
/// `img.samples` and `img.alpha`; an alpha channel that is opaque everywhere needs no soft mask.
void split_alpha(const std::string& pixels, int channels, int size, ImageData& img) {
  const size_t n = size_t(img.width) * img.height;
  const size_t c = size_t(channels) * size_t(size), a = size_t(size);
  img.samples.resize(n * c);
  img.alpha.resize(n * a);
  bool opaque = true;
  for (size_t p = 0; p < n; ++p) {
    const char* px = pixels.data() + p * (c + a);
    std::memcpy(img.samples.data() + p * c, px, c);
    std::memcpy(img.alpha.data() + p * a, px + c, a);
    for (size_t i = 0; i < a; ++i)
      opaque = opaque && std::uint8_t(px[c + i]) == 0xFF;
  }
  if (opaque)
    img.alpha.clear();
}

struct PngReader {
  std::string_view bytes;
  size_t at = 0;
  std::string message;
  std::jmp_buf jump;
};

[[noreturn]] void png_fail(png_structp png, png_const_charp message) {
  auto* r = static_cast<PngReader*>(png_get_error_ptr(png));
  r->message = message;
  std::longjmp(r->jump, 1);
}

void png_quiet(png_structp, png_const_charp) {}

void png_read_memory(png_structp png, png_bytep out, size_t length) {
  auto* r = static_cast<PngReader*>(png_get_io_ptr(png));
  if (length > r->bytes.size() - r->at)
    png_error(png, "unexpected end of data");
  std::memcpy(out, r->bytes.data() + r->at, length);
  r->at += length;
}

/// A 16-bit PNG through libpng's full API, whose transforms keep 16-bit samples (the simplified
/// API reduces them to 8 bits, or to linear light with premultiplied alpha). PNG and PDF both
/// store 16-bit samples big-endian (PNG 7.1, PDF 8.9.5.2), so rows are copied as they are.
/// `pixels` and `rows` belong to the caller so that no C++ object lives across the longjmp.
bool read_png16(PngReader& r, std::string& pixels, std::vector<png_bytep>& rows, ImageData& img,
                bool& has_alpha) {
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &r, png_fail, png_quiet);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!info) {
    png_destroy_read_struct(&png, nullptr, nullptr);
    r.message = "out of memory";
    return false;
  }
  if (setjmp(r.jump)) {
    png_destroy_read_struct(&png, &info, nullptr);
    return false;
  }
  png_set_read_fn(png, &r, png_read_memory);
  png_read_info(png, info);
  png_set_tRNS_to_alpha(png); // a tRNS colour becomes a 16-bit alpha channel
  png_set_interlace_handling(png);
  png_read_update_info(png, info);
  const int type = png_get_color_type(png, info);
  has_alpha = type & PNG_COLOR_MASK_ALPHA;
  img.width = png_get_image_width(png, info);
  img.height = png_get_image_height(png, info);
  img.components = (type & PNG_COLOR_MASK_COLOR) ? 3 : 1;
  img.bits = 16;
  const size_t row = png_get_rowbytes(png, info);
  pixels.resize(row * img.height);
  rows.resize(img.height);
  for (size_t y = 0; y < img.height; ++y)
    rows[y] = reinterpret_cast<png_bytep>(pixels.data() + y * row);
  png_read_image(png, rows.data());
  png_read_end(png, nullptr);
  png_destroy_read_struct(&png, &info, nullptr);
  return true;
}

std::optional<ImageData> load_png16(const std::string& bytes, std::string& error) {
  PngReader reader;
  reader.bytes = bytes;
  std::string pixels;
  std::vector<png_bytep> rows;
  ImageData img;
  bool has_alpha = false;
  if (!read_png16(reader, pixels, rows, img, has_alpha)) {
    error = "truncated or corrupt PNG: " + reader.message;
    return std::nullopt;
  }
  if (has_alpha)
    split_alpha(pixels, img.components, 2, img);
  else
    img.samples = std::move(pixels);
  return img;
}

/// PNG through libpng's simplified API: it expands palettes, tRNS and low bit depths, and
/// reports errors in `message` instead of printing them. 16-bit PNGs go to load_png16.
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
  if (has_alpha)
    split_alpha(pixels, img.components, 1, img);
  else
    img.samples = std::move(pixels);
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

/// SVG stays vectors: cleaned as for the EPUB, with links unwrapped (util/svg.hpp), and drawn by
/// librsvg at its own size, which the header gave as whole pixels and is read exactly here.
std::optional<ImageData> load_svg(const std::string& bytes, const ImageInfo& info,
                                  std::string& error) {
  std::string removed;
  std::optional<std::string> clean = clean_svg(bytes, removed, error, SvgLinks::Unwrap);
  if (!clean)
    return std::nullopt;
  std::optional<SvgSize> size = measure_svg(*clean, error);
  if (!size)
    return std::nullopt;
  std::optional<std::string> pdf = render_svg_pdf(*clean, *size, error);
  if (!pdf)
    return std::nullopt;
  ImageData img;
  img.form = true;
  img.width = info.width;
  img.height = info.height;
  img.samples = std::move(*pdf);
  return img;
}

} // namespace

std::optional<ImageData> load_image(const std::string& bytes, std::uint64_t max_pixels,
                                    std::uint32_t max_side, bool archive, std::string& error) {
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
    return load_jpeg(bytes, info, archive, error);
  if (info.format == ImageFormat::Png)
    return info.bits == 16 ? load_png16(bytes, error) : load_png(bytes, error);
  if (decodes_to_pixels(info.format))
    return load_pixels(bytes, info, error);
  if (info.format == ImageFormat::Svg)
    return load_svg(bytes, info, error);
  error = "unsupported " + std::string(format_name(info.format)) + " image";
  return std::nullopt;
}

} // namespace galley::pdf
