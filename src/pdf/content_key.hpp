#pragma once
// Content streams kept from one write for the next. A page's key digests everything its
// content stream (content.hpp) is made from, so that a rebuild of an issue in which one
// article changed makes and packs only the streams of the pages that differ; the export layer
// keeps the streams in its cache between builds (docs/pdf.md, "Streams kept between builds").
#include "layout/frame.hpp"
#include "pdf/content.hpp"
#include "pdf/fonts.hpp"
#include "pdf/pack.hpp"
#include "util/hash.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace galley::pdf {

/// What page_content reads of a subset font, digested: each glyph's CID and width, the text
/// ToUnicode gives each CID, and where its colour glyph pictures are drawn.
Digest128 font_key(const SubsetFont& font);

/// A page stream's key (its items' or its furniture's), and the structure elements its text
/// and images belong to, in the order they first appear in it. Elements enter the key by that order and their type, not by their index
/// in the document: an article with one paragraph more shifts the indices of every element
/// after it, and the pages of the other articles keep their keys.
struct PageKey {
  Digest128 digest;
  std::vector<int> elements;
};

/// The key of the stream drawing `items` on a page `page_height` high (a page's items or its
/// furniture), with fonts whose font_key is `fonts[i]`, `image_ok` and `structure` as
/// page_content takes them, packed or not as `compress` says. With `runs_digest`, the digest
/// of the runs' glyphs (layout::GlyphSummary::runs_digest), the glyphs themselves are not
/// read. Throws galley::Error for a run or an image that names a font or image that does not
/// exist, as page_content does.
PageKey stream_key(const std::vector<layout::Item>& items, double page_height,
                   const std::vector<const SubsetFont*>& fonts,
                   const std::vector<Digest128>& font_keys, const std::vector<bool>& image_ok,
                   const std::vector<layout::StructElement>& structure, bool compress,
                   const Digest128* runs_digest = nullptr);

/// A page's content stream as the writer made it: packed, with what it draws with (`uses`,
/// whose own stream is empty and whose `marked` holds indices into PageKey::elements).
struct MadeStream {
  StreamData packed;
  PageContent uses;
};

/// Content streams by page key (WriteOptions::streams): write_pdf takes a page's stream from
/// `earlier` when its key is there, and leaves every page's stream of this write in `made`.
/// The pages' furniture streams (running head, folio) are kept too, by their own key (with
/// the bleed they restore): each is a few runs, but making and packing one for each of an
/// issue's hundreds of pages in every rebuild was a tenth of writing it.
struct StreamMemo {
  std::map<Digest128, MadeStream> earlier;
  std::map<Digest128, MadeStream> made;
  std::map<Digest128, MadeStream> furniture_earlier;
  std::map<Digest128, MadeStream> furniture_made;
  std::size_t taken = 0; ///< how many pages of the last write took their stream from `earlier`
  std::size_t furniture_taken = 0; ///< how many took their furniture's from `furniture_earlier`
};

/// `memo.made` and `memo.furniture_made` as a record (util/record.hpp), for a later write's
/// `earlier`: the export layer keeps it in the cache between builds.
std::string memo_record(const StreamMemo& memo);

/// Fills `memo.earlier` and `memo.furniture_earlier` from a record memo_record wrote; false, with
/// `memo` left as it was, when `bytes` are not one whole record of this format.
bool read_memo_record(std::string_view bytes, StreamMemo& memo);

} // namespace galley::pdf
