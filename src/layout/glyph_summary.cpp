#include "layout/glyph_summary.hpp"

#include "layout/frame.hpp"
#include "layout/le_bytes.hpp"

namespace galley::layout {

void GlyphSummary::start() {
  made_ = true;
  glyphs_.clear();
  texts_.clear();
  runs_digest_ = {};
}

std::uint32_t GlyphSummary::add(std::int32_t font, std::uint32_t id, std::string_view text) {
  glyphs_.push_back({font, id, std::uint32_t(texts_.size()), std::uint32_t(text.size())});
  texts_ += text;
  return std::uint32_t(glyphs_.size() - 1);
}

void GlyphSummary::fill(std::uint32_t index, std::string_view text) {
  Glyph& g = glyphs_[index];
  if (g.text_size != 0 || text.empty())
    return;
  g.text_at = std::uint32_t(texts_.size());
  g.text_size = std::uint32_t(text.size());
  texts_ += text;
}

std::string GlyphSummary::glyph_bytes() const {
  std::string out;
  out.reserve(glyphs_.size() * 16);
  for (const Glyph& g : glyphs_) {
    detail::put_le(out, std::uint32_t(g.font));
    detail::put_le(out, g.id);
    detail::put_le(out, g.text_at);
    detail::put_le(out, g.text_size);
  }
  return out;
}

std::optional<GlyphSummary> GlyphSummary::from_bytes(std::string_view glyphs, std::string texts,
                                                     const Digest128& runs_digest) {
  if (glyphs.size() % 16 != 0)
    return std::nullopt;
  GlyphSummary s;
  s.made_ = true;
  s.runs_digest_ = runs_digest;
  s.glyphs_.reserve(glyphs.size() / 16);
  for (std::size_t at = 0; at < glyphs.size(); at += 16) {
    const char* p = glyphs.data() + at;
    Glyph g;
    g.font = std::int32_t(detail::take_le<std::uint32_t>(p));
    g.id = detail::take_le<std::uint32_t>(p);
    g.text_at = detail::take_le<std::uint32_t>(p);
    g.text_size = detail::take_le<std::uint32_t>(p);
    if (g.font < 0 || g.text_at > texts.size() || g.text_size > texts.size() - g.text_at)
      return std::nullopt;
    s.glyphs_.push_back(g);
  }
  s.texts_ = std::move(texts);
  return s;
}

void summarize_glyphs(Page& page) {
  // Where each font's glyph is in the summary, plus one, by font and glyph id: a table this
  // thread keeps and clears after each page (a page draws some three thousand glyphs, each
  // looked up; an issue's pages are summarized twice in a full build, for the issue and for
  // each article's own PDF). A glyph of a font or id outside it is added each time it is drawn,
  // which the writer's merge takes as it takes the runs.
  thread_local std::vector<std::vector<std::uint32_t>> where;
  thread_local std::vector<std::pair<std::uint32_t, std::uint32_t>> used;
  constexpr std::int32_t kFonts = 1024;
  constexpr std::uint32_t kIds = 0x10000;
  thread_local FastDigest runs;
  GlyphSummary& summary = page.glyph_summary;
  summary.start();
  runs.reset();
  for (const Item& item : page.items) {
    const auto* run = std::get_if<GlyphRun>(&item);
    if (!run)
      continue;
    runs.update(run->glyphs.bytes());
    const std::int32_t font = run->font;
    if (font < 0 || font >= kFonts) {
      for (const GlyphView& g : run->glyphs)
        summary.add(font, g.id, g.text);
      continue;
    }
    if (where.size() <= std::size_t(font))
      where.resize(std::size_t(font) + 1);
    std::vector<std::uint32_t>& slots = where[std::size_t(font)];
    for (const GlyphView& g : run->glyphs) {
      if (g.id >= kIds) {
        summary.add(font, g.id, g.text);
        continue;
      }
      if (slots.size() <= g.id)
        slots.resize(std::size_t(g.id) + 1, 0);
      std::uint32_t& at = slots[g.id];
      if (at == 0) {
        at = summary.add(font, g.id, g.text) + 1;
        used.emplace_back(std::uint32_t(font), g.id);
      } else {
        summary.fill(at - 1, g.text);
      }
    }
  }
  for (const auto& [font, id] : used)
    where[font][id] = 0;
  used.clear();
  summary.set_runs_digest(runs.finish());
}

} // namespace galley::layout
