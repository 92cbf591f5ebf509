#pragma once
// The colour a JPEG's marker segments describe beyond its frame header, which the PDF writer
// needs to keep a picture's colours: Adobe's APP14 segment, which says CMYK samples are stored
// inverted, and an ICC profile, carried in APP2 segments.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace galley {

struct JpegColor {
  bool adobe = false;       ///< an Adobe APP14 segment (Adobe Technical Note 5116, 18)
  int adobe_transform = -1; ///< its transform: 0 none (RGB or CMYK), 1 YCbCr, 2 YCCK; -1 if none
  std::string icc;          ///< the ICC profile, its APP2 chunks joined in order; "" if none
  int icc_components = 0;   ///< of the profile's data colour space: 1 GRAY, 3 RGB, 4 CMYK, else 0
  std::string icc_problem;  ///< why profile chunks present gave no `icc` ("" when they did)
};

/// Reads the marker segments from SOI to the first scan (ITU T.81 B.1.1.4). The profile's
/// chunks (ICC.1:2010 annex B.4: "ICC_PROFILE\0", the chunk's number from 1, the count) may come
/// in any order; a missing, repeated or miscounted chunk, or joined bytes that are not an ICC
/// profile (no `acsp` at byte 36), leave `icc` empty and say why in `icc_problem`.
JpegColor jpeg_color(std::string_view jpeg);

/// Decodes a 4-component JPEG (CMYK, or YCCK, which libjpeg turns into CMYK) to 8-bit RGB samples
/// by the device conversion viewers apply to DeviceCMYK without a profile (PDF 32000-1 10.3.4,
/// with no undercolour removal): R = (1 - C)(1 - K), and likewise G from M and B from Y.
/// `width` and `height` are the frame header's (the caller checked them against the limits);
/// `inverted`: the samples are stored inverted (an Adobe APP14 segment). On failure returns
/// nullopt and sets `error`.
std::optional<std::string> jpeg_cmyk_to_rgb(std::string_view jpeg, std::uint32_t width,
                                            std::uint32_t height, bool inverted,
                                            std::string& error);

} // namespace galley
