#pragma once
// One decoder per library, behind decode_pixels (image_pixels.hpp). Each fills `out` with
// info.width x info.height RGBA pixels, or returns why it cannot.
#include "util/image_pixels.hpp"

namespace galley::detail {

std::string decode_gif(std::string_view bytes, const ImageInfo& info, Pixels& out);
std::string decode_webp(std::string_view bytes, const ImageInfo& info, Pixels& out);
std::string decode_avif(std::string_view bytes, const ImageInfo& info, Pixels& out);

} // namespace galley::detail
