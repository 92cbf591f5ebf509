#pragma once
// Decodes every pixel of an image once, when the article is loaded, so that a picture a viewer
// would draw broken is refused by `check`, `pdf` and `epub` alike (docs/limits.md, "Images").
// The caller has already checked the header's size against the pixel limits (image_info.hpp):
// nothing here allocates for the pixels before that.
#include "util/image_info.hpp"

#include <string>
#include <string_view>

namespace galley {

/// Why the image cannot be shown ("corrupt PNG: ...", "truncated JPEG: ...", "corrupt WebP:
/// ..."), or "" when every pixel decodes: PNG and JPEG, and the first frame of a GIF, WebP or
/// AVIF (image_pixels.hpp). `info` is `probe_image(bytes)` without an error.
std::string validate_image(std::string_view bytes, const ImageInfo& info);

} // namespace galley
