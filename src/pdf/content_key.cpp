#include "pdf/content_key.hpp"

#include "galley/error.hpp"
#include "util/record.hpp"

#include <algorithm>
#include <type_traits>

namespace galley::pdf {

namespace {

/// Bumped whenever page_content writes a stream differently for the same input, so that no
/// stream kept by an older galley is taken (the cache's toolchain key says the same, more
/// coarsely).
constexpr std::uint32_t kStreamFormat = 2;

/// The format of memo records; a change of layout changes the name, so that an old record reads
/// as damaged.
constexpr std::string_view kMemoMagic = "galley page streams 3";

/// Appends the bytes of `v`, a type without padding (whose bytes would not be set).
template <class T> void put(std::string& b, const T& v) {
  static_assert(std::has_unique_object_representations_v<T> || std::is_floating_point_v<T>);
  b.append(reinterpret_cast<const char*>(&v), sizeof v);
}

void put_text(std::string& b, std::string_view s) {
  put(b, std::uint32_t(s.size()));
  b += s;
}

template <class T> void put_all(std::string& b, const std::vector<T>& v) {
  put(b, std::uint64_t(v.size()));
  b.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

} // namespace

Digest128 font_key(const SubsetFont& font) {
  std::string b;
  put(b, kStreamFormat);
  put_all(b, font.cid_of);
  put_all(b, font.widths);
  put(b, std::uint64_t(font.text.size()));
  for (const std::string& t : font.text)
    put_text(b, t);
  put(b, std::uint64_t(font.color_glyphs.size()));
  for (const auto& [gid, picture] : font.color_glyphs) {
    put(b, gid);
    put(b, picture.left);
    put(b, picture.top);
    put(b, picture.width);
    put(b, picture.height);
  }
  return fast_digest(b);
}

PageKey stream_key(const std::vector<layout::Item>& items, double page_height,
                   const std::vector<const SubsetFont*>& fonts,
                   const std::vector<Digest128>& font_keys, const std::vector<bool>& image_ok,
                   const std::vector<layout::StructElement>& structure, bool compress,
                   const Digest128* runs_digest) {
  // The fields are gathered in a buffer kept per thread between pages, and digested with the
  // glyphs, which are digested where they lie: an issue page holds some 50 KB of them.
  thread_local std::string b;
  thread_local FastDigest digest;
  b.clear();
  digest.reset(); // a page that threw may have left its part
  PageKey key;
  put(b, kStreamFormat);
  put(b, compress);
  put(b, page_height);
  put(b, !structure.empty());
  put(b, runs_digest != nullptr);
  // The element by its place among the page's elements; its type where it first appears.
  auto element = [&](int e) {
    if (structure.empty())
      return;
    if (e < 0 || std::size_t(e) >= structure.size()) {
      put(b, -1);
      return;
    }
    auto& seen = key.elements;
    auto at =
        !seen.empty() && seen.back() == e ? seen.end() - 1 : std::find(seen.begin(), seen.end(), e);
    put(b, int(at - seen.begin()));
    if (at == seen.end()) {
      seen.push_back(e);
      put_text(b, structure[std::size_t(e)].type);
    }
  };
  for (const layout::Item& item : items) {
    if (const auto* run = std::get_if<layout::GlyphRun>(&item)) {
      put(b, std::uint8_t(0));
      element(run->element);
      put(b, std::uint64_t(run->glyphs.size()));
      if (run->glyphs.empty())
        continue;
      if (run->font < 0 || std::size_t(run->font) >= fonts.size() || !fonts[std::size_t(run->font)])
        throw Error("glyph run uses font " + std::to_string(run->font) + " that has no subset");
      put(b, run->font);
      put(b, font_keys[std::size_t(run->font)]);
      put(b, run->size);
      put(b, run->color);
      put(b, run->x);
      put(b, run->y);
      // Each glyph's id, advance, offsets and text.
      const std::string_view glyphs = run->glyphs.bytes();
      put(b, std::uint32_t(glyphs.size()));
      if (runs_digest)
        continue;
      digest.update(b);
      b.clear();
      digest.update(glyphs);
    } else if (const auto* img = std::get_if<layout::ImageItem>(&item)) {
      put(b, std::uint8_t(1));
      element(img->element);
      if (img->image < 0 || std::size_t(img->image) >= image_ok.size())
        throw Error("image item uses image " + std::to_string(img->image) + " that does not exist");
      put(b, img->image);
      put(b, bool(image_ok[std::size_t(img->image)]));
      put(b, img->x);
      put(b, img->y);
      put(b, img->width);
      put(b, img->height);
      put(b, img->circle_clip);
    } else if (const auto* rule = std::get_if<layout::RuleItem>(&item)) {
      put(b, std::uint8_t(2));
      for (double v : {rule->x1, rule->y1, rule->x2, rule->y2, rule->thickness})
        put(b, v);
      put(b, rule->color);
    } else if (const auto* rect = std::get_if<layout::RectItem>(&item)) {
      put(b, std::uint8_t(3));
      for (double v : {rect->x, rect->y, rect->width, rect->height})
        put(b, v);
      put(b, rect->fill);
    }
  }
  if (runs_digest)
    put(b, *runs_digest);
  digest.update(b);
  key.digest = digest.finish();
  return key;
}

namespace {

void write_numbers(RecordWriter& w, const std::vector<int>& v) {
  w.number(v.size());
  for (int n : v)
    w.signed_number(n);
}

std::vector<int> read_numbers(RecordReader& r) {
  std::vector<int> v(r.count());
  for (int& n : v)
    n = int(r.signed_number());
  return v;
}

} // namespace

std::string memo_record(const StreamMemo& memo) {
  RecordWriter w(kMemoMagic);
  for (const auto* streams : {&memo.made, &memo.furniture_made}) {
    w.number(streams->size());
    for (const auto& [key, made] : *streams) {
      w.digest(key);
      write_stream(w, made.packed);
      write_numbers(w, made.uses.fonts);
      write_numbers(w, made.uses.images);
      w.number(made.uses.glyph_pictures.size());
      for (const auto& [font, glyph] : made.uses.glyph_pictures) {
        w.signed_number(font);
        w.number(glyph);
      }
      write_numbers(w, made.uses.marked);
    }
  }
  return w.seal();
}

bool read_memo_record(std::string_view bytes, StreamMemo& memo) {
  RecordReader r(bytes, kMemoMagic);
  std::map<Digest128, MadeStream> items, furniture;
  for (auto* streams : {&items, &furniture}) {
    // The smallest stream takes 8 bytes: a damaged count fails here.
    for (std::size_t n = r.count(8); n > 0 && r.ok(); --n) {
      const Digest128 key = r.digest();
      MadeStream made;
      made.packed = read_stream(r);
      made.uses.fonts = read_numbers(r);
      made.uses.images = read_numbers(r);
      made.uses.glyph_pictures.resize(r.count(2));
      for (auto& [font, glyph] : made.uses.glyph_pictures) {
        font = int(r.signed_number());
        glyph = std::uint32_t(r.number());
      }
      made.uses.marked = read_numbers(r);
      streams->emplace(key, std::move(made));
    }
  }
  if (!r.at_end())
    return false;
  memo.earlier = std::move(items);
  memo.furniture_earlier = std::move(furniture);
  return true;
}

} // namespace galley::pdf
