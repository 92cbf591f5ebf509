// AVIF through libavif, which hands the AV1 data to the AV1 decoder it was built with (dav1d on
// Debian 12). libavif follows the major brand: a still image (`avif`) is its primary item, an
// image sequence (`avis`) shows its first frame. libavif converts YUV to 8-bit RGBA, filling
// alpha with opaque when the file has no alpha plane; colour profiles and HDR transfer curves
// are not applied (docs/input.md).
#include "util/pixel_decoders.hpp"

#include "util/lazy_libraries.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>

namespace galley::detail {

namespace {
std::string avif_error(const AvifCalls& lib, avifResult r, const avifDecoder& decoder) {
  std::string why =
      std::string(r == AVIF_RESULT_TRUNCATED_DATA ? "truncated AVIF: " : "corrupt AVIF: ") +
      lib.avifResultToString(r);
  if (decoder.diag.error[0] != '\0')
    why += std::string(" (") + decoder.diag.error + ")";
  return why;
}
} // namespace

std::string decode_avif(std::string_view bytes, const ImageInfo& info, Pixels& out) {
  std::string error;
  const AvifCalls* lib = avif_calls(error);
  if (!lib)
    return error;
  std::unique_ptr<avifDecoder, AvifDecoderFree> decoder(lib->avifDecoderCreate(),
                                                        AvifDecoderFree{lib});
  if (!decoder)
    return "AVIF decoder unavailable";
  // The AV1 decoder allocates frames of the size the bitstream declares: bound it by the size
  // the header gave, which the caller checked against the limits (libavif accepts no bound
  // above 16384 x 16384 pixels). One thread, so that no
  // output depends on timing.
  decoder->maxThreads = 1;
  decoder->imageSizeLimit = std::uint32_t(std::min<std::uint64_t>(
      std::uint64_t(info.width) * info.height, AVIF_DEFAULT_IMAGE_SIZE_LIMIT));
  decoder->imageDimensionLimit = std::max(info.width, info.height);
  decoder->ignoreExif = AVIF_TRUE;
  decoder->ignoreXMP = AVIF_TRUE;
  avifResult r = lib->avifDecoderSetIOMemory(
      decoder.get(), reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  if (r == AVIF_RESULT_OK)
    r = lib->avifDecoderParse(decoder.get());
  if (r != AVIF_RESULT_OK)
    return avif_error(*lib, r, *decoder);
  if (decoder->imageCount < 1)
    return "corrupt AVIF: the image sequence has no frame";
  r = lib->avifDecoderNextImage(decoder.get());
  if (r != AVIF_RESULT_OK)
    return avif_error(*lib, r, *decoder);
  const avifImage* image = decoder->image;
  if (image->width != info.width || image->height != info.height)
    return "corrupt AVIF: its image is not the size its header gave";
  avifRGBImage rgb;
  lib->avifRGBImageSetDefaults(&rgb, image);
  rgb.format = AVIF_RGB_FORMAT_RGBA;
  rgb.depth = 8;
  rgb.pixels = reinterpret_cast<std::uint8_t*>(out.rgba.data());
  rgb.rowBytes = out.width * 4;
  r = lib->avifImageYUVToRGB(image, &rgb);
  if (r != AVIF_RESULT_OK)
    return avif_error(*lib, r, *decoder);
  return {};
}

} // namespace galley::detail
