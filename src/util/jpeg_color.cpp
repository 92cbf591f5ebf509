#include "util/jpeg_color.hpp"

#include <csetjmp>
#include <cstdint>
#include <cstdio>
#include <map>

// jpeglib.h needs size_t and FILE declared before it.
#include <jpeglib.h>

namespace galley {

namespace {

std::uint32_t be16(std::string_view b, size_t i) {
  return (std::uint32_t(std::uint8_t(b[i])) << 8) | std::uint8_t(b[i + 1]);
}

constexpr std::string_view kIccTag("ICC_PROFILE\0", 12);

/// Joins the chunks, numbered 1..count, in order; sets `out.icc_problem` when they do not fit.
void join_profile(const std::map<int, std::string_view>& chunks, int count, bool consistent,
                  JpegColor& out) {
  if (!consistent || count == 0 || int(chunks.size()) != count || chunks.begin()->first != 1 ||
      chunks.rbegin()->first != count) {
    out.icc_problem = "its ICC profile's segments are incomplete or inconsistent";
    return;
  }
  std::string icc;
  for (const auto& [number, data] : chunks)
    icc.append(data);
  // ICC.1:2010 7.2: the header is 128 bytes, with the size at 0, the data colour space at 16
  // and the signature 'acsp' at 36.
  if (icc.size() < 128 || icc.substr(36, 4) != "acsp") {
    out.icc_problem = "its ICC profile is not an ICC profile";
    return;
  }
  std::uint32_t size = (be16(icc, 0) << 16) | be16(icc, 2);
  if (size < 128 || size > icc.size()) {
    out.icc_problem = "its ICC profile is cut short";
    return;
  }
  icc.resize(size);
  const std::string_view space = std::string_view(icc).substr(16, 4);
  out.icc_components = space == "GRAY" ? 1 : space == "RGB " ? 3 : space == "CMYK" ? 4 : 0;
  out.icc = std::move(icc);
}

struct JpegError {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

[[noreturn]] void jpeg_fail(j_common_ptr cinfo) {
  auto* err = reinterpret_cast<JpegError*>(cinfo->err);
  err->mgr.format_message(cinfo, err->message);
  std::longjmp(err->jump, 1);
}

/// Decodes into `rgb` (sized by the caller from the header, so that no C++ object is created
/// between setjmp and longjmp).
bool decode_cmyk(std::string_view jpeg, bool inverted, std::string& rgb, JpegError& err) {
  jpeg_decompress_struct cinfo;
  cinfo.err = jpeg_std_error(&err.mgr);
  err.mgr.error_exit = jpeg_fail;
  if (setjmp(err.jump)) {
    jpeg_destroy_decompress(&cinfo);
    return false;
  }
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(jpeg.data()),
               static_cast<unsigned long>(jpeg.size()));
  jpeg_read_header(&cinfo, TRUE);
  cinfo.out_color_space = JCS_CMYK;
  jpeg_start_decompress(&cinfo);
  const size_t w = cinfo.output_width;
  if (cinfo.output_components != 4 || rgb.size() != w * cinfo.output_height * 3) {
    jpeg_destroy_decompress(&cinfo);
    std::snprintf(err.message, sizeof err.message, "not a CMYK JPEG of the header's size");
    return false;
  }
  JSAMPARRAY row = (*cinfo.mem->alloc_sarray)(reinterpret_cast<j_common_ptr>(&cinfo), JPOOL_IMAGE,
                                              JDIMENSION(w * 4), 1);
  while (cinfo.output_scanline < cinfo.output_height) {
    char* out = rgb.data() + size_t(cinfo.output_scanline) * w * 3;
    jpeg_read_scanlines(&cinfo, row, 1);
    for (size_t x = 0; x < w; ++x) {
      // What is left of each colour after its ink and the black: 255 - ink, or the stored value
      // itself when the samples are inverted.
      unsigned left[4];
      for (int c = 0; c < 4; ++c)
        left[c] = inverted ? row[0][x * 4 + c] : 255u - row[0][x * 4 + c];
      for (int c = 0; c < 3; ++c)
        out[x * 3 + c] = char((left[c] * left[3] + 127) / 255);
    }
  }
  jpeg_finish_decompress(&cinfo);
  jpeg_destroy_decompress(&cinfo);
  return true;
}

} // namespace

JpegColor jpeg_color(std::string_view b) {
  JpegColor out;
  std::map<int, std::string_view> chunks;
  int count = 0;
  bool consistent = true, any_icc = false;
  size_t i = 2;
  while (i + 4 <= b.size() && std::uint8_t(b[i]) == 0xFF) {
    const std::uint8_t m = std::uint8_t(b[i + 1]);
    if (m == 0xFF) { // fill byte (T.81 B.1.1.2)
      ++i;
      continue;
    }
    if (m == 0xD8 || (m >= 0xD0 && m <= 0xD7) || m == 0x01) { // no length
      i += 2;
      continue;
    }
    if (m == 0xDA || m == 0xD9)
      break; // the scan, or the end
    const std::uint32_t len = be16(b, i + 2);
    if (len < 2 || i + 2 + len > b.size())
      break;
    const std::string_view data = b.substr(i + 4, len - 2);
    if (m == 0xEE && data.size() >= 12 && data.substr(0, 5) == "Adobe") {
      out.adobe = true;
      out.adobe_transform = std::uint8_t(data[11]);
    } else if (m == 0xE2 && data.size() >= 14 && data.substr(0, 12) == kIccTag) {
      any_icc = true;
      const int number = std::uint8_t(data[12]), total = std::uint8_t(data[13]);
      if (count != 0 && total != count)
        consistent = false;
      count = total;
      if (number < 1 || number > total || !chunks.emplace(number, data.substr(14)).second)
        consistent = false;
    }
    i += 2 + len;
  }
  if (any_icc)
    join_profile(chunks, count, consistent, out);
  return out;
}

std::optional<std::string> jpeg_cmyk_to_rgb(std::string_view jpeg, std::uint32_t width,
                                            std::uint32_t height, bool inverted,
                                            std::string& error) {
  std::string rgb(size_t(width) * height * 3, '\0');
  JpegError err{};
  if (!decode_cmyk(jpeg, inverted, rgb, err)) {
    error = std::string("corrupt JPEG: ") + err.message;
    return std::nullopt;
  }
  return rgb;
}

} // namespace galley
