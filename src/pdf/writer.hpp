#pragma once
// The PDF writer: serialises layout frames (layout/frame.hpp) to PDF 1.7 bytes (PDF 32000-1).
// It sees only frames and resources, never the article model.
#include "galley/diagnostics.hpp"
#include "galley/limits.hpp"
#include "galley/pdf_standard.hpp"
#include "layout/frame.hpp"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace galley::pdf {

struct PreparedImage;

/// Images prepared before write_pdf, by file path (see prepare_images).
using PreparedImages = std::map<std::string, std::shared_ptr<const PreparedImage>>;

/// Content streams kept from an earlier write (pdf/content_key.hpp).
struct StreamMemo;

/// Pictures and fonts kept from an earlier write (pdf/prepared.hpp).
struct KeptResources;

struct WriteOptions {
  bool compress = true; ///< Flate-compress content, font and image streams (7.4.4)
  /// Images past max_image_pixels or max_image_side (from the file header) are refused before
  /// any decoding, whatever the input stage checked.
  Limits limits;
  unsigned threads = 1; ///< fonts are subset and page streams packed on this many threads
  /// Images made ahead with the same options; the others are prepared by write_pdf itself.
  const PreparedImages* prepared = nullptr;
  PdfStandard standard; ///< what the file conforms to and claims in its XMP
  /// Streams an earlier write made, taken for pages with the same key; every page's stream of
  /// this write is left in it for the next. Null: every stream is made.
  StreamMemo* streams = nullptr;
  /// With `streams`: called on a free worker once the memo holds this write's streams, while
  /// the file is put together (the export layer keeps the memo in the cache then); write_pdf
  /// waits for it, and what it throws, write_pdf throws. May be empty.
  std::function<void(const StreamMemo&)> on_streams_kept;
  /// Pictures and fonts an earlier write prepared, taken instead of preparing them again, and
  /// handed what this write prepares. Null: each is prepared here.
  const KeptResources* kept = nullptr;
};

/// Reads, decodes and compresses the images at `paths` as write_pdf would, one after the other
/// (so only one image's pixels are in memory at a time): a spare thread can do it while the
/// document is laid out. A path that cannot be embedded keeps its error, which write_pdf
/// reports if a page draws the image.
PreparedImages prepare_images(const std::vector<std::string>& paths, const WriteOptions& options);

/// Serialises frames to PDF bytes in memory. Images that cannot be decoded (corrupt JPEG,
/// truncated PNG, too large: over the limits in WriteOptions) are reported as errors in diags (with the
/// image path) and skipped. Links and outline entries naming a destination that no AnchorItem
/// defines are reported as warnings and left without a target. Identical input gives identical
/// bytes. Throws galley::Error on internal failure (a font that cannot be read or subset, a
/// glyph run naming a font or glyph that does not exist).
std::string write_pdf(const layout::Document& doc, Diagnostics& diags, const WriteOptions& = {});

} // namespace galley::pdf
