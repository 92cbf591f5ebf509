#include "util/image_decode.hpp"

#include "util/image_pixels.hpp"

#include <png.h>

#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <vector>

// jpeglib.h needs size_t and FILE declared before it.
#include <jpeglib.h>

namespace galley {

namespace {

/// libpng's simplified API: it checks every chunk's CRC, inflates IDAT to the last row and
/// reports what went wrong in `message` instead of printing it.
std::string validate_png(std::string_view bytes) {
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()))
    return std::string("corrupt PNG: ") + image.message;
  image.format = PNG_FORMAT_RGBA;
  std::vector<png_byte> pixels(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr)) {
    std::string why = std::string("truncated or corrupt PNG: ") + image.message;
    png_image_free(&image);
    return why;
  }
  return {};
}

struct JpegError {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
  std::string message;
};

[[noreturn]] void jpeg_fail(j_common_ptr cinfo) {
  auto* err = reinterpret_cast<JpegError*>(cinfo->err);
  char text[JMSG_LENGTH_MAX];
  err->mgr.format_message(cinfo, text);
  err->message = text;
  std::longjmp(err->jump, 1);
}

/// libjpeg's warnings (premature end of data, corrupt entropy data) leave grey or garbled rows
/// that it fills in silently; they are errors here. Trace messages (level > 0) are ignored.
void jpeg_warn(j_common_ptr cinfo, int level) {
  if (level >= 0)
    return;
  auto* err = reinterpret_cast<JpegError*>(cinfo->err);
  if (err->message.empty()) {
    char text[JMSG_LENGTH_MAX];
    err->mgr.format_message(cinfo, text);
    err->message = text;
  }
}

/// Decodes the whole scan with libjpeg. The frame kinds a PDF's DCTDecode filter and the
/// reading systems draw are baseline and progressive Huffman (PDF 32000-1:2008, 7.4.8; ITU T.81
/// SOF0, SOF1, SOF2): lossless (SOF3) and arithmetic-coded frames are refused before decoding.
std::string validate_jpeg(std::string_view bytes, const ImageInfo& info) {
  if (!info.body_error.empty())
    return info.body_error;
  if (info.frame == 0xC3 || info.frame == 0xC7 || info.frame == 0xCB || info.frame == 0xCF)
    return "unsupported lossless JPEG (save it as a baseline or progressive JPEG)";
  if (info.frame >= 0xC9)
    return "unsupported arithmetic-coded JPEG (save it as a baseline or progressive JPEG)";
  if (info.frame != 0xC0 && info.frame != 0xC1 && info.frame != 0xC2)
    return "unsupported hierarchical JPEG (save it as a baseline or progressive JPEG)";
  if (info.bits != 8)
    return "unsupported JPEG with " + std::to_string(info.bits) + "-bit samples";
  jpeg_decompress_struct cinfo;
  JpegError err;
  cinfo.err = jpeg_std_error(&err.mgr);
  err.mgr.error_exit = jpeg_fail;
  err.mgr.emit_message = jpeg_warn;
  // No C++ object with a destructor may live between setjmp and longjmp: the row buffer is
  // libjpeg's own pool memory.
  if (setjmp(err.jump)) {
    jpeg_destroy_decompress(&cinfo);
    return "corrupt JPEG: " + err.message;
  }
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()),
               static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&cinfo, TRUE);
  if (cinfo.image_width != info.width || cinfo.image_height != info.height) {
    jpeg_destroy_decompress(&cinfo);
    return "corrupt JPEG: its frame headers disagree about its size";
  }
  jpeg_start_decompress(&cinfo);
  JSAMPARRAY row = (*cinfo.mem->alloc_sarray)(reinterpret_cast<j_common_ptr>(&cinfo), JPOOL_IMAGE,
                                               cinfo.output_width * cinfo.output_components, 1);
  while (cinfo.output_scanline < cinfo.output_height)
    jpeg_read_scanlines(&cinfo, row, 1);
  jpeg_finish_decompress(&cinfo);
  jpeg_destroy_decompress(&cinfo);
  if (!err.message.empty())
    return "corrupt JPEG: " + err.message;
  return {};
}

} // namespace

std::string validate_image(std::string_view bytes, const ImageInfo& info) {
  switch (info.format) {
  case ImageFormat::Png:
    return validate_png(bytes);
  case ImageFormat::Jpeg:
    return validate_jpeg(bytes, info);
  case ImageFormat::Gif:
  case ImageFormat::Webp:
  case ImageFormat::Avif: {
    // Decoded in full, as the PDF writer will, and the pixels dropped.
    std::string why;
    decode_pixels(bytes, info, why);
    return why;
  }
  default:
    return {};
  }
}

} // namespace galley
