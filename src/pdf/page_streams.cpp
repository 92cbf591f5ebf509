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
    : count_(doc.pages.size()), compress_(compress), keys_(memo ? count_ : 0), item_uses_(count_),
      uses_(count_), origin_(count_), has_furniture_(count_, 0), kept_(2 * count_, 0),
      furniture_keys_(memo ? count_ : 0), plain_(2 * count_), packed_(2 * count_) {
  std::vector<Digest128> font_keys(memo ? fonts.size() : 0);
  for (std::size_t i = 0; i < font_keys.size(); ++i)
    if (fonts[i])
      font_keys[i] = font_key(*fonts[i]);
  parallel_for(count_, threads, [&](std::size_t p, unsigned) {
    const layout::Page& page = doc.pages[p];
    PageContent& items = item_uses_[p];
    bool found = false;
    if (memo) {
      keys_[p] = page_key(page, fonts, font_keys, image_ok, doc.structure, compress);
      auto kept = memo->earlier.find(keys_[p].digest);
      if (kept != memo->earlier.end()) {
        items = kept->second.uses;
        for (int& e : items.marked)
          e = keys_[p].elements.at(std::size_t(e));
        packed_[p] = kept->second.packed;
        kept_[p] = 1;
        found = true;
      }
    }
    if (!found) {
      items = page_content(page.items, page.height, fonts, image_ok, doc.structure);
      plain_[p] = std::move(items.stream);
      items.stream.clear();
    }
    PageContent furniture = page_content(page.furniture, page.height, fonts, image_ok,
                                         doc.structure, int(items.marked.size()));
    // The media box is the trim box grown by the bleed (14.11.2), so the origin moves to the
    // trim box's corner; the items move by the page's shift too. q and Q may be in different
    // streams of one page (8.4.2): the origin's stream saves the state, the furniture's
    // restores it.
    const double b = page.bleed;
    if (b != 0 || page.shift != 0) {
      origin_[p] = "q\n";
      move_origin(origin_[p], b + page.shift, b);
    }
    std::string& text = plain_[count_ + p];
    if (!origin_[p].empty())
      text = "Q\n";
    if (!furniture.stream.empty()) {
      if (b != 0)
        move_origin(text, b, b);
      text += furniture.stream;
    }
    has_furniture_[p] = text.empty() ? 0 : 1;
    if (memo && !text.empty()) {
      thread_local FastDigest digest;
      digest.reset();
      digest.update(compress ? "packed" : "plain");
      digest.update(text);
      furniture_keys_[p] = digest.finish();
      auto kept = memo->furniture_earlier.find(furniture_keys_[p]);
      if (kept != memo->furniture_earlier.end()) {
        packed_[count_ + p] = kept->second;
        kept_[count_ + p] = 1;
        std::string().swap(text);
      }
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

void PageStreams::keep(StreamMemo& memo) {
  memo.earlier.clear();
  memo.made.clear();
  memo.furniture_earlier.clear();
  memo.furniture_made.clear();
  const auto furniture = kept_.begin() + std::ptrdiff_t(count_);
  memo.taken = std::size_t(std::count(kept_.begin(), furniture, 1));
  memo.furniture_taken = std::size_t(std::count(furniture, kept_.end(), 1));
  for (std::size_t p = 0; p < count_; ++p) {
    MadeStream made{std::move(packed_[p]), std::move(item_uses_[p])};
    const std::vector<int>& elements = keys_[p].elements;
    for (int& e : made.uses.marked)
      e = int(std::find(elements.begin(), elements.end(), e) - elements.begin());
    memo.made.emplace(keys_[p].digest, std::move(made));
    if (has_furniture_[p] != 0)
      memo.furniture_made.emplace(furniture_keys_[p], std::move(packed_[count_ + p]));
  }
}

} // namespace galley::pdf
