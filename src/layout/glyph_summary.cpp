#include "layout/glyph_summary.hpp"

#include "layout/frame.hpp"

#include <stdexcept>

namespace galley::layout {

namespace {

std::size_t slot_of(std::uint64_t key, std::size_t mask) {
  return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;
}

void put32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i)
    out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

std::uint32_t take32(const char* at) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i)
    v |= static_cast<std::uint32_t>(static_cast<unsigned char>(at[i])) << (8 * i);
  return v;
}

} // namespace

void GlyphSummary::start() {
  made_ = true;
  glyphs_.clear();
  texts_.clear();
  keys_.assign(256, 0);
  slots_.assign(256, 0);
}

void GlyphSummary::add(std::int32_t font, const GlyphList& glyphs) {
  for (const GlyphView& g : glyphs) {
    const std::uint64_t key = (std::uint64_t(std::uint32_t(font)) << 32 | g.id) + 1;
    std::size_t mask = keys_.size() - 1;
    std::size_t i = slot_of(key, mask);
    while (keys_[i] != 0 && keys_[i] != key)
      i = (i + 1) & mask;
    if (keys_[i] == key) {
      // Seen: its text stays the first non-empty one.
      Glyph& seen = glyphs_[slots_[i]];
      if (seen.text_size == 0 && !g.text.empty()) {
        seen.text_at = std::uint32_t(texts_.size());
        seen.text_size = std::uint32_t(g.text.size());
        texts_ += g.text;
      }
      continue;
    }
    keys_[i] = key;
    slots_[i] = std::uint32_t(glyphs_.size());
    glyphs_.push_back({font, g.id, std::uint32_t(texts_.size()), std::uint32_t(g.text.size())});
    texts_ += g.text;
    if (2 * glyphs_.size() > keys_.size()) {
      // Grown at half full: every glyph placed again.
      keys_.assign(keys_.size() * 2, 0);
      slots_.assign(keys_.size(), 0);
      mask = keys_.size() - 1;
      for (std::uint32_t k = 0; k < glyphs_.size(); ++k) {
        const Glyph& e = glyphs_[k];
        const std::uint64_t again = (std::uint64_t(std::uint32_t(e.font)) << 32 | e.id) + 1;
        std::size_t j = slot_of(again, mask);
        while (keys_[j] != 0)
          j = (j + 1) & mask;
        keys_[j] = again;
        slots_[j] = k;
      }
    }
  }
}

void GlyphSummary::finish() {
  std::vector<std::uint64_t>().swap(keys_);
  std::vector<std::uint32_t>().swap(slots_);
}

void GlyphSummary::rename_fonts(const std::vector<int>& to) {
  for (Glyph& g : glyphs_)
    g.font = to.at(std::size_t(g.font));
}

std::string GlyphSummary::glyph_bytes() const {
  std::string out;
  out.reserve(glyphs_.size() * 16);
  for (const Glyph& g : glyphs_) {
    put32(out, std::uint32_t(g.font));
    put32(out, g.id);
    put32(out, g.text_at);
    put32(out, g.text_size);
  }
  return out;
}

std::optional<GlyphSummary> GlyphSummary::from_bytes(std::string_view glyphs, std::string texts) {
  if (glyphs.size() % 16 != 0)
    return std::nullopt;
  GlyphSummary s;
  s.made_ = true;
  s.glyphs_.reserve(glyphs.size() / 16);
  for (std::size_t at = 0; at < glyphs.size(); at += 16) {
    const char* p = glyphs.data() + at;
    Glyph g{std::int32_t(take32(p)), take32(p + 4), take32(p + 8), take32(p + 12)};
    if (g.font < 0 || g.text_at > texts.size() || g.text_size > texts.size() - g.text_at)
      return std::nullopt;
    s.glyphs_.push_back(g);
  }
  s.texts_ = std::move(texts);
  return s;
}

void summarize_glyphs(Page& page) {
  GlyphSummary& summary = page.glyph_summary;
  summary.start();
  for (const Item& item : page.items)
    if (const auto* run = std::get_if<GlyphRun>(&item))
      summary.add(run->font, run->glyphs);
  summary.finish();
}

} // namespace galley::layout
