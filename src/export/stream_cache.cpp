#include "export/stream_cache.hpp"

namespace galley::render {

namespace {

/// The entry format; a change of layout changes the name, so that an old entry reads as damaged.
constexpr std::string_view kMagic = "galley page streams 1";

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

StreamCache::StreamCache(const model::Issue& issue, const RenderOptions& options)
    : entry_("page streams", issue, options, Format::Pdf) {}

void StreamCache::load(pdf::StreamMemo& memo, Diagnostics& diags) const {
  std::optional<std::string_view> bytes = entry_.read();
  if (!bytes)
    return;
  RecordReader r(*bytes, kMagic);
  std::map<Digest128, pdf::MadeStream> streams;
  // The smallest stream takes 8 bytes: a damaged count fails here.
  for (std::size_t n = r.count(8); n > 0 && r.ok(); --n) {
    Digest128 key{r.number(), r.number()};
    pdf::MadeStream made;
    made.packed.deflated = r.number() != 0;
    made.packed.bytes = r.text();
    made.uses.fonts = read_numbers(r);
    made.uses.images = read_numbers(r);
    made.uses.glyph_pictures.resize(r.count(2));
    for (auto& [font, glyph] : made.uses.glyph_pictures) {
      font = int(r.signed_number());
      glyph = std::uint32_t(r.number());
    }
    made.uses.marked = read_numbers(r);
    streams.emplace(key, std::move(made));
  }
  if (!r.at_end()) {
    entry_.damaged(diags, "making them again");
    return;
  }
  memo.earlier = std::move(streams);
}

void StreamCache::store(const pdf::StreamMemo& memo) const {
  RecordWriter w(kMagic);
  w.number(memo.made.size());
  for (const auto& [key, made] : memo.made) {
    w.number(key.low);
    w.number(key.high);
    w.number(made.packed.deflated ? 1 : 0);
    w.text(made.packed.bytes);
    write_numbers(w, made.uses.fonts);
    write_numbers(w, made.uses.images);
    w.number(made.uses.glyph_pictures.size());
    for (const auto& [font, glyph] : made.uses.glyph_pictures) {
      w.signed_number(font);
      w.number(glyph);
    }
    write_numbers(w, made.uses.marked);
  }
  entry_.write(w.seal());
}

} // namespace galley::render
