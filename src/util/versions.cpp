#include "util/library_versions.hpp"

#include <avif/avif.h>
#include <cairo.h>
#include <gif_lib.h>
#include <jpeglib.h>
#include <libdeflate.h>
#include <librsvg/rsvg.h>
#include <openssl/crypto.h>
#include <png.h>
#include <webp/decode.h>
#include <xxhash.h>

namespace galley::util {

std::string dotted_version(long major, long minor, long patch) {
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

void add_library_versions(std::vector<LibraryVersion>& out) {
  out.push_back({"giflib", dotted_version(GIFLIB_MAJOR, GIFLIB_MINOR, GIFLIB_RELEASE)});
  // Of the headers, as librsvg's: the libraries galley opens when a picture needs them
  // (util/lazy_libraries.hpp) are not opened to say what they are.
  out.push_back({"cairo", CAIRO_VERSION_STRING});
  out.push_back(
      {"libavif", dotted_version(AVIF_VERSION_MAJOR, AVIF_VERSION_MINOR, AVIF_VERSION_PATCH)});
  constexpr long jpeg = LIBJPEG_TURBO_VERSION_NUMBER; // MMMmmmppp
  out.push_back({"libjpeg-turbo", dotted_version(jpeg / 1000000, jpeg / 1000 % 1000, jpeg % 1000)});
  out.push_back({"libdeflate", LIBDEFLATE_VERSION_STRING});
  out.push_back({"libpng", png_get_libpng_ver(nullptr)});
  out.push_back({"librsvg", LIBRSVG_VERSION});
  const int webp = WebPGetDecoderVersion(); // 0xMMmmpp
  out.push_back({"libwebp", dotted_version(webp >> 16 & 0xff, webp >> 8 & 0xff, webp & 0xff)});
  out.push_back(
      {"xxHash", dotted_version(XXH_VERSION_MAJOR, XXH_VERSION_MINOR, XXH_VERSION_RELEASE)});
  out.push_back({"OpenSSL", OpenSSL_version(OPENSSL_VERSION_STRING)});
}

} // namespace galley::util
