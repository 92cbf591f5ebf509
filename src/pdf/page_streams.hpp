#pragma once
// Every page's content streams (PDF 32000-1 7.8.2), made in parallel and packed while the
// writer makes the other objects. A page draws its items in one stream, taken from the memo of
// an earlier write when its key is there (content_key.hpp), and its furniture (running head,
// folio) in a second one, kept the same way by a key of its own. When the page has bleed or is
// shifted (layout::Page::shift), a third stream before them saves the graphics state and moves
// the origin, and the furniture's stream restores it: the items' stream is then the same
// wherever the page falls in the issue, and a rebuild in which one article changed keeps the
// streams of the pages after it.
#include "layout/frame.hpp"
#include "pdf/content.hpp"
#include "pdf/content_key.hpp"
#include "pdf/fonts.hpp"
#include "pdf/pack.hpp"
#include "util/thread_pool.hpp"

#include <atomic>
#include <string>
#include <vector>

namespace galley::pdf {

class PageStreams {
public:
  /// Makes the streams of every page of `doc` on `threads` threads, taking the items' streams
  /// from `memo` where it can (null: none), and starts packing them on the workers that are
  /// free. Throws galley::Error as page_content does.
  PageStreams(const layout::Document& doc, const std::vector<const SubsetFont*>& fonts,
              const std::vector<bool>& image_ok, bool compress, unsigned threads, StreamMemo* memo);
  PageStreams(const PageStreams&) = delete;
  PageStreams& operator=(const PageStreams&) = delete;
  ~PageStreams();

  /// What page p's streams draw with, together; `marked` holds the element of each MCID, the
  /// items' first.
  [[nodiscard]] const PageContent& uses(std::size_t p) const { return uses_[p]; }
  /// The stream that saves the graphics state and moves page p's origin by its bleed and
  /// shift; empty when the page needs none. Pages with the same one may share it.
  [[nodiscard]] const std::string& origin(std::size_t p) const { return origin_[p]; }
  /// Whether page p has a furniture stream (furniture, or the state its origin saved to
  /// restore).
  [[nodiscard]] bool has_furniture(std::size_t p) const { return has_furniture_[p] != 0; }

  /// Packs what is left on this thread and waits for the workers.
  void finish();
  /// Page p's packed streams, once finished (and until keep()).
  [[nodiscard]] const StreamData& items(std::size_t p) const { return packed(p); }
  [[nodiscard]] const StreamData& furniture(std::size_t p) const { return packed(count_ + p); }
  /// Leaves each page's items and furniture streams, once finished, in `memo.made` and
  /// `memo.furniture_made` for the next write, and empties what the memo held before. Returns
  /// where each stream is then, items then furniture (null for a page without furniture):
  /// pages that draw the same stream share one.
  std::vector<const StreamData*> keep(StreamMemo& memo);

private:
  void pack_some();
  /// Stream s, made here or taken from the memo.
  [[nodiscard]] const StreamData& packed(std::size_t s) const {
    return taken_[s] ? *taken_[s] : packed_[s];
  }

  std::size_t count_;
  bool compress_;
  std::vector<PageKey> keys_; ///< with a memo: items then furniture
  /// Items then furniture: what each stream draws with, its `stream` moved out.
  std::vector<PageContent> made_uses_;
  std::vector<PageContent> uses_;
  std::vector<std::string> origin_;
  std::vector<char> has_furniture_;
  std::vector<char> kept_;         ///< items then furniture: the stream came from the memo
  std::vector<std::string> plain_; ///< items then furniture, unpacked
  std::vector<StreamData> packed_; ///< items then furniture, made here
  /// Items then furniture: the stream taken from the memo, where it stays until keep() (an
  /// issue's are 4 MB, and copying them was a tenth of writing it in a rebuild).
  std::vector<const StreamData*> taken_;
  std::atomic<std::size_t> next_{0};
  Task packing_;
};

} // namespace galley::pdf
