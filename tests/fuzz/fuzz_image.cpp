// The image header reader, then the PDF writer embedding the image on a one-page document
// (JPEG pass-through checks, PNG decoding through libpng).
#include "fuzz_common.hpp"

#include "galley/error.hpp"
#include "layout/frame.hpp"
#include "pdf/writer.hpp"
#include "util/image_info.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto bytes = galley::fuzz::as_view(data, size);
  galley::ImageInfo info = galley::probe_image(bytes);
  if (info.format != galley::ImageFormat::Jpeg && info.format != galley::ImageFormat::Png)
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
