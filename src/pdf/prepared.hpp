#pragma once
// Pictures and fonts made ready for embedding before any PDF object is made, and their bytes as
// a record (util/record.hpp), so that a cache can keep them between writes
// (export/resource_cache.hpp): decoding and deflating an issue's pictures and subsetting its
// fonts cost a rebuild more than laying out the one article that changed.
#include "layout/frame.hpp"
#include "pdf/font_embed.hpp"
#include "pdf/fonts.hpp"
#include "pdf/images.hpp"
#include "pdf/pack.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace galley::pdf {

/// An image read, decoded and packed for the writer, or why it could not be.
struct PreparedImage {
  ImageData info; ///< size and colour; its sample buffers are emptied once packed
  StreamData samples;
  std::optional<StreamData> alpha;
  std::optional<StreamData> icc;
  std::string error;
};

/// A font subset to the glyphs a document uses, with its packed streams.
struct PreparedFont {
  SubsetFont font;
  FontStreams streams;
};

/// The record of a prepared image without an error, and back; nullopt when `bytes` are not
/// one whole record of this format.
std::string image_record(const PreparedImage& image);
std::optional<PreparedImage> read_image_record(std::string_view bytes);

/// The record of a prepared font, and back. A font with colour glyph pictures has none (empty):
/// they are made again with it.
std::string font_record(const PreparedFont& font);
std::optional<PreparedFont> read_font_record(std::string_view bytes);

/// What an earlier write prepared (WriteOptions::kept), by what it was made from: the caller
/// keys a picture by its file's bytes and the write's options, a font by its file's bytes, its
/// face and the glyphs used. Either function may be empty.
struct KeptResources {
  /// The picture prepared from the file at `path` as it is now, or null.
  std::function<std::shared_ptr<const PreparedImage>(const std::string& path)> find_image;
  /// Handed each picture prepared here without an error.
  std::function<void(const std::string& path, const PreparedImage& image)> keep_image;
  /// The font `res` subset to `usage`, or nullopt.
  std::function<std::optional<PreparedFont>(const layout::FontResource& res,
                                            const FontUsage& usage)>
      find_font;
  /// Handed each font subset here.
  std::function<void(const layout::FontResource& res, const FontUsage& usage,
                     const PreparedFont& font)>
      keep_font;
};

} // namespace galley::pdf
