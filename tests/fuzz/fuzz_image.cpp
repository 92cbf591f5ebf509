// The image header reader, the loading stage's full decode (libpng, libjpeg, giflib, libwebp,
// libavif), then the PDF writer embedding the image on a one-page document (JPEG pass-through,
// the other raster formats decoded).
#include "fuzz_common.hpp"

#include "galley/error.hpp"
#include "layout/frame.hpp"
#include "pdf/writer.hpp"
#include "util/image_decode.hpp"
#include "util/image_info.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto bytes = galley::fuzz::as_view(data, size);
  galley::ImageInfo info = galley::probe_image(bytes);
  // The loader's order: the header's size against the pixel limit, then the decode. A small
  // limit keeps each run fast.
  if (info.error.empty() && std::uint64_t(info.width) * info.height <= 4'000'000)
    galley::validate_image(bytes, info);
  if (info.format == galley::ImageFormat::Unknown || info.format == galley::ImageFormat::Svg)
    return 0;
  auto path = galley::fuzz::write_input("image", bytes);
  galley::layout::Document doc;
  doc.images.push_back({path.string()});
  galley::layout::Page page;
  page.items.push_back(galley::layout::ImageItem{0, 72, 72, 200, 150, false});
  doc.pages.push_back(std::move(page));
  galley::Diagnostics diags;
  // A small pixel limit keeps each run fast; the header check before decoding is what matters.
  galley::pdf::WriteOptions options;
  options.limits.max_image_pixels = 4'000'000;
  galley::pdf::write_pdf(doc, diags, options);
  return 0;
}
