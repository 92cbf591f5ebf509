#include "pdf/page_streams.hpp"

#include "util/hash.hpp"
#include "util/parallel.hpp"

#include <algorithm>

namespace galley::pdf {

namespace {

/// `1 0 0 1 x y cm`: moves the origin (8.3.4).
void move_origin(std::string& out, double x, double y) {
  out += "1 0 0 1 ";
  append_number(out, x);
  out += ' ';
  append_number(out, y);
  out += " cm\n";
}

} // namespace

PageStreams::PageStreams(const layout::Document& doc, const std::vector<const SubsetFont*>& fonts,
                         const std::vector<bool>& image_ok, bool compress, unsigned threads,
                         StreamMemo* memo)
    : count_(doc.pages.size()), compress_(compress), keys_(memo ? 2 * count_ : 0),
      made_uses_(2 * count_), uses_(count_), origin_(count_), has_furniture_(count_, 0),
      kept_(2 * count_, 0), plain_(2 * count_), packed_(2 * count_), taken_(2 * count_, nullptr) {
  std::vector<Digest128> font_keys(memo ? fonts.size() : 0);
  for (std::size_t i = 0; i < font_keys.size(); ++i)
    if (fonts[i])
      font_keys[i] = font_key(*fonts[i]);
  // Takes stream s (a page's items, or a page's furniture at count_ + p) from `kept`, when the
  // memo has its key, with its marked content mapped back to this write's elements.
  auto take = [&](std::size_t s, const std::map<Digest128, MadeStream>& kept) {
    auto found = kept.find(keys_[s].digest);
    if (found == kept.end())
      return false;
    made_uses_[s] = found->second.uses;
    for (int& e : made_uses_[s].marked)
      e = keys_[s].elements.at(std::size_t(e));
    taken_[s] = &found->second.packed;
    kept_[s] = 1;
    return true;
  };
  parallel_for(count_, threads, [&](std::size_t p, unsigned) {
    const layout::Page& page = doc.pages[p];
    PageContent& items = made_uses_[p];
    if (memo)
      keys_[p] =
          stream_key(page.items, page.height, fonts, font_keys, image_ok, doc.structure, compress,
                     page.glyph_summary.made() ? &page.glyph_summary.runs_digest() : nullptr);
    if (!memo || !take(p, memo->earlier)) {
      items = page_content(page.items, page.height, fonts, image_ok, doc.structure);
      plain_[p] = std::move(items.stream);
      items.stream.clear();
    }
    // The media box is the trim box grown by the bleed (14.11.2), so the origin moves to the
    // trim box's corner; the items move by the page's shift too. q and Q may be in different
    // streams of one page (8.4.2): the origin's stream saves the state, the furniture's
    // restores it.
    const double b = page.bleed;
    const bool moved = b != 0 || page.shift != 0;
    if (moved) {
      origin_[p] = "q\n";
      move_origin(origin_[p], b + page.shift, b);
    }
    // The furniture's MCIDs follow the items'.
    const int first_mcid = int(items.marked.size());
    const std::size_t f = count_ + p;
    PageContent& furniture = made_uses_[f];
    if (memo) {
      // Its items' key, with what the stream draws around them: the state the origin saved
      // restored, the bleed, and where its MCIDs start when it has marked content.
      keys_[f] = stream_key(page.furniture, page.height, fonts, font_keys, image_ok, doc.structure,
                            compress);
      thread_local std::string around;
      around.clear();
      for (const auto* part : {&keys_[f].digest.high, &keys_[f].digest.low})
        around.append(reinterpret_cast<const char*>(part), sizeof *part);
      around += moved ? 'm' : '-';
      around.append(reinterpret_cast<const char*>(&b), sizeof b);
      if (!keys_[f].elements.empty())
        around.append(reinterpret_cast<const char*>(&first_mcid), sizeof first_mcid);
      keys_[f].digest = fast_digest(around);
    }
    if (memo && take(f, memo->furniture_earlier)) {
      has_furniture_[p] = 1;
    } else {
      furniture =
          page_content(page.furniture, page.height, fonts, image_ok, doc.structure, first_mcid);
      std::string& text = plain_[f];
      if (moved)
        text = "Q\n";
      if (!furniture.stream.empty()) {
        if (b != 0)
          move_origin(text, b, b);
        text += furniture.stream;
      }
      furniture.stream.clear();
      has_furniture_[p] = text.empty() ? 0 : 1;
    }
    uses_[p] = items;
    add_uses(uses_[p], furniture);
  });
  // Streams are claimed one at a time by whoever packs: the workers that are free now, and the
  // writing thread once it has made the other objects (finish).
  packing_ = Task::ahead([this, threads] {
    parallel_for(worker_count(plain_.size(), threads), threads,
                 [this](std::size_t, unsigned) { pack_some(); });
  });
}

PageStreams::~PageStreams() {
  // Packing refers to this object: it must end before the members go.
  next_ = plain_.size();
  packing_.wait();
}

void PageStreams::pack_some() {
  for (std::size_t i; (i = next_.fetch_add(1)) < plain_.size();) {
    if (kept_[i] != 0 || (i >= count_ && has_furniture_[i - count_] == 0))
      continue;
    packed_[i] = pack_stream(plain_[i], compress_);
    std::string().swap(plain_[i]);
  }
}

void PageStreams::finish() {
  pack_some();
  packing_.wait();
}

std::vector<const StreamData*> PageStreams::keep(StreamMemo& memo) {
  // The streams taken from the memo move from what it held before into what it holds now.
  std::map<Digest128, MadeStream> earlier = std::move(memo.earlier);
  std::map<Digest128, MadeStream> furniture_earlier = std::move(memo.furniture_earlier);
  memo.earlier.clear();
  memo.made.clear();
  memo.furniture_earlier.clear();
  memo.furniture_made.clear();
  const auto furniture = kept_.begin() + std::ptrdiff_t(count_);
  memo.taken = std::size_t(std::count(kept_.begin(), furniture, 1));
  memo.furniture_taken = std::size_t(std::count(furniture, kept_.end(), 1));
  std::vector<const StreamData*> kept(2 * count_, nullptr);
  for (std::size_t s = 0; s < 2 * count_; ++s) {
    if (s >= count_ && has_furniture_[s - count_] == 0)
      continue;
    auto& streams = s < count_ ? memo.made : memo.furniture_made;
    auto found = streams.find(keys_[s].digest);
    if (found == streams.end() && kept_[s] != 0) {
      // As it was kept: its marked content by the element's place in the key.
      auto& before = s < count_ ? earlier : furniture_earlier;
      found = streams.emplace(keys_[s].digest, std::move(before.at(keys_[s].digest))).first;
    } else if (found == streams.end()) {
      MadeStream made{std::move(packed_[s]), std::move(made_uses_[s])};
      const std::vector<int>& elements = keys_[s].elements;
      for (int& e : made.uses.marked)
        e = int(std::find(elements.begin(), elements.end(), e) - elements.begin());
      found = streams.emplace(keys_[s].digest, std::move(made)).first;
    }
    taken_[s] = nullptr;
    kept[s] = &found->second.packed;
  }
  return kept;
}

} // namespace galley::pdf
