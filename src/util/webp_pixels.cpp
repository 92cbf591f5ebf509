// WebP through libwebp. A still image (VP8, VP8L, or VP8X with alpha) is decoded straight into
// the buffer the header's size allowed; an animation through libwebpdemux's animation decoder,
// which composes its first frame onto the canvas, whose size the header gave too.
#include "util/pixel_decoders.hpp"

#include <webp/decode.h>
#include <webp/demux.h>

#include <memory>

namespace galley::detail {

namespace {

const char* status_text(VP8StatusCode status) {
  switch (status) {
  case VP8_STATUS_OUT_OF_MEMORY:
    return "out of memory";
  case VP8_STATUS_INVALID_PARAM:
    return "invalid parameter";
  case VP8_STATUS_BITSTREAM_ERROR:
    return "bitstream error";
  case VP8_STATUS_UNSUPPORTED_FEATURE:
    return "unsupported feature";
  case VP8_STATUS_SUSPENDED:
    return "suspended";
  case VP8_STATUS_USER_ABORT:
    return "aborted";
  case VP8_STATUS_NOT_ENOUGH_DATA:
    return "not enough data";
  case VP8_STATUS_OK:
    break;
  }
  return "unknown error";
}

struct AnimDecoderFree {
  void operator()(WebPAnimDecoder* d) const { WebPAnimDecoderDelete(d); }
};

std::string decode_animation(std::string_view bytes, const ImageInfo& info, Pixels& out) {
  WebPAnimDecoderOptions options;
  if (!WebPAnimDecoderOptionsInit(&options))
    return "WebP animation decoder unavailable";
  options.color_mode = MODE_RGBA;
  options.use_threads = 0;
  WebPData data{reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()};
  std::unique_ptr<WebPAnimDecoder, AnimDecoderFree> decoder(WebPAnimDecoderNew(&data, &options));
  WebPAnimInfo anim;
  if (!decoder || !WebPAnimDecoderGetInfo(decoder.get(), &anim))
    return "corrupt WebP animation";
  if (anim.canvas_width != info.width || anim.canvas_height != info.height)
    return "corrupt WebP: its canvas is not the size its header gave";
  if (anim.frame_count == 0)
    return "corrupt WebP animation: it has no frame";
  std::uint8_t* frame = nullptr;
  int timestamp = 0;
  if (!WebPAnimDecoderGetNext(decoder.get(), &frame, &timestamp))
    return "corrupt WebP animation: its first frame does not decode";
  out.rgba.assign(reinterpret_cast<const char*>(frame), out.rgba.size());
  return {};
}

} // namespace

std::string decode_webp(std::string_view bytes, const ImageInfo& info, Pixels& out) {
  const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
  WebPBitstreamFeatures features;
  VP8StatusCode status = WebPGetFeatures(data, bytes.size(), &features);
  if (status != VP8_STATUS_OK)
    return std::string("corrupt WebP: ") + status_text(status);
  if (features.has_animation)
    return decode_animation(bytes, info, out);
  WebPDecoderConfig config;
  if (!WebPInitDecoderConfig(&config))
    return "WebP decoder unavailable";
  // Into caller memory, of the size the header gave: libwebp refuses a bitstream that would
  // not fit it. One thread, so that no output depends on timing.
  config.options.use_threads = 0;
  config.output.colorspace = MODE_RGBA;
  config.output.is_external_memory = 1;
  config.output.u.RGBA.rgba = reinterpret_cast<std::uint8_t*>(out.rgba.data());
  config.output.u.RGBA.stride = int(out.width * 4);
  config.output.u.RGBA.size = out.rgba.size();
  status = WebPDecode(data, bytes.size(), &config);
  const bool same_size = std::uint32_t(config.output.width) == info.width &&
                         std::uint32_t(config.output.height) == info.height;
  WebPFreeDecBuffer(&config.output);
  if (status == VP8_STATUS_NOT_ENOUGH_DATA)
    return "truncated WebP";
  if (status != VP8_STATUS_OK)
    return std::string("corrupt WebP: ") + status_text(status);
  if (!same_size)
    return "corrupt WebP: its image is not the size its header gave";
  return {};
}

} // namespace galley::detail
