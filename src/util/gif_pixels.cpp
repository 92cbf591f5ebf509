// GIF through giflib, record by record, up to the first image: only the first frame is shown
// (an animation's later frames have no place on a page), with the transparent colour of the
// Graphic Control Extension before it (GIF89a, 23). giflib's DGifSlurp would read every frame
// into memory; this stops at the first.
#include "util/pixel_decoders.hpp"

#include <gif_lib.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

namespace galley::detail {

namespace {

struct Source {
  std::string_view bytes;
  std::size_t at = 0;
};

int read_bytes(GifFileType* gif, GifByteType* to, int n) {
  auto* src = static_cast<Source*>(gif->UserData);
  std::size_t take = std::min<std::size_t>(std::size_t(n), src->bytes.size() - src->at);
  std::memcpy(to, src->bytes.data() + src->at, take);
  src->at += take;
  return int(take);
}

struct GifClose {
  void operator()(GifFileType* gif) const { DGifCloseFile(gif, nullptr); }
};

std::string gif_error(const char* what, int code) {
  const char* text = GifErrorString(code);
  return std::string(what) + (text ? text : "unknown error");
}

/// Reads the frame's rows into `out`, clipped to the logical screen. An interlaced frame stores
/// its rows in four passes (GIF89a, appendix E): every 8th row from 0, every 8th from 4, every
/// 4th from 2, every 2nd from 1.
std::string read_frame(GifFileType* gif, int transparent, Pixels& out) {
  const GifImageDesc& d = gif->Image;
  const ColorMapObject* map = d.ColorMap ? d.ColorMap : gif->SColorMap;
  if (!map)
    return "corrupt GIF: no colour table";
  // A frame is decoded row by row into the screen's buffer; one larger than the screen would
  // make the decoder work beyond the size the limits were checked on.
  if (d.Width <= 0 || d.Height <= 0 || std::uint32_t(d.Width) > out.width ||
      std::uint32_t(d.Height) > out.height)
    return "corrupt GIF: its first frame is larger than its logical screen";
  std::vector<GifPixelType> row(std::size_t(d.Width));
  static constexpr int start[] = {0, 4, 2, 1};
  static constexpr int step[] = {8, 8, 4, 2};
  const int passes = d.Interlace ? 4 : 1;
  for (int pass = 0; pass < passes; ++pass) {
    const int first = d.Interlace ? start[pass] : 0;
    const int by = d.Interlace ? step[pass] : 1;
    for (int y = first; y < d.Height; y += by) {
      if (DGifGetLine(gif, row.data(), d.Width) == GIF_ERROR)
        return gif_error("truncated or corrupt GIF: ", gif->Error);
      const std::uint32_t sy = std::uint32_t(d.Top) + std::uint32_t(y);
      if (sy >= out.height)
        continue;
      for (int x = 0; x < d.Width; ++x) {
        const std::uint32_t sx = std::uint32_t(d.Left) + std::uint32_t(x);
        const int index = row[std::size_t(x)];
        // A colour the table lacks is left transparent, as is the transparent colour.
        if (sx >= out.width || index == transparent || index >= map->ColorCount)
          continue;
        char* px = out.rgba.data() + (std::size_t(sy) * out.width + sx) * 4;
        px[0] = char(map->Colors[index].Red);
        px[1] = char(map->Colors[index].Green);
        px[2] = char(map->Colors[index].Blue);
        px[3] = char(0xFF);
      }
    }
  }
  return {};
}

} // namespace

std::string decode_gif(std::string_view bytes, const ImageInfo& info, Pixels& out) {
  Source src{bytes};
  int code = 0;
  std::unique_ptr<GifFileType, GifClose> gif(DGifOpen(&src, read_bytes, &code));
  if (!gif)
    return gif_error("corrupt GIF: ", code);
  if (std::uint32_t(gif->SWidth) != info.width || std::uint32_t(gif->SHeight) != info.height)
    return "corrupt GIF: its screen is not the size its header gave";
  // What lies outside the first frame is transparent: browsers draw no background colour.
  int transparent = NO_TRANSPARENT_COLOR;
  for (;;) {
    GifRecordType type;
    if (DGifGetRecordType(gif.get(), &type) == GIF_ERROR)
      return gif_error("truncated or corrupt GIF: ", gif->Error);
    if (type == TERMINATE_RECORD_TYPE)
      return "corrupt GIF: it has no image";
    if (type == IMAGE_DESC_RECORD_TYPE) {
      if (DGifGetImageDesc(gif.get()) == GIF_ERROR)
        return gif_error("truncated or corrupt GIF: ", gif->Error);
      return read_frame(gif.get(), transparent, out);
    }
    if (type != EXTENSION_RECORD_TYPE)
      return "corrupt GIF: unknown record";
    int function = 0;
    GifByteType* block = nullptr;
    if (DGifGetExtension(gif.get(), &function, &block) == GIF_ERROR)
      return gif_error("truncated or corrupt GIF: ", gif->Error);
    if (function == GRAPHICS_EXT_FUNC_CODE && block) {
      GraphicsControlBlock gcb;
      if (DGifExtensionToGCB(block[0], block + 1, &gcb) == GIF_ERROR)
        return "corrupt GIF: bad graphic control extension";
      transparent = gcb.TransparentColor;
    }
    while (block) {
      if (DGifGetExtensionNext(gif.get(), &block) == GIF_ERROR)
        return gif_error("truncated or corrupt GIF: ", gif->Error);
    }
  }
}

} // namespace galley::detail
