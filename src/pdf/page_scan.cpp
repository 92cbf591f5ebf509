#include "pdf/page_scan.hpp"

#include "galley/error.hpp"
#include "util/parallel.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

namespace galley::pdf {

namespace {

/// The text of each glyph id of each font by slot, grown as ids come: a map lookup for each of
/// the million glyphs an issue draws was most of the time before the first page was made.
using GlyphTexts = std::vector<std::vector<std::optional<std::string_view>>>;

/// Takes `text` as the text of glyph `id` of font `font` when it has none yet, or an empty
/// one and `text` is not: the first non-empty text in document order.
void take_glyph(const layout::Document& doc, GlyphTexts& texts, int font, std::uint32_t id,
                std::string_view text) {
  if (id > 0xFFFF)
    throw Error("glyph " + std::to_string(id) + " is not in font '" + doc.fonts[size_t(font)].path +
                "' (glyph ids are 16-bit)");
  auto& slots = texts[size_t(font)];
  if (id >= slots.size())
    slots.resize(std::size_t(id) + 1);
  std::optional<std::string_view>& t = slots[id];
  if (!t || (t->empty() && !text.empty()))
    t = text;
}

void check_font(const layout::Document& doc, int font) {
  if (font < 0 || size_t(font) >= doc.fonts.size())
    throw Error("glyph run uses font " + std::to_string(font) + " but the document has " +
                std::to_string(doc.fonts.size()) + " fonts");
}

/// Pages [from, to) of `doc` walked into `scan`'s by-page and by-image parts, and the glyphs
/// they draw, each with the text of the cluster it starts: the first non-empty text seen, in
/// document order. A page's items' glyphs are taken from its summary when it has one (its
/// furniture's are walked): the summary holds each glyph's first non-empty text on the page, so
/// taking the pages' summaries in order gives each glyph the text a walk of every run would.
GlyphTexts scan_part(const layout::Document& doc, std::size_t from, std::size_t to, PageScan& scan,
                     std::vector<bool>& drawn) {
  GlyphTexts texts(doc.fonts.size());
  for (std::size_t p = from; p < to; ++p) {
    const layout::Page& page = doc.pages[p];
    const layout::GlyphSummary& summary = page.glyph_summary;
    auto visit = [&](const layout::Item& item, double dx, bool glyphs) {
      if (const auto* a = std::get_if<layout::AnchorItem>(&item)) {
        scan.anchors[p].push_back({a, dx});
        return;
      }
      if (const auto* link = std::get_if<layout::LinkItem>(&item)) {
        scan.links[p].push_back({link, dx});
        return;
      }
      if (const auto* img = std::get_if<layout::ImageItem>(&item)) {
        if (img->image < 0 || size_t(img->image) >= doc.images.size())
          throw Error("image item uses image " + std::to_string(img->image) +
                      " but the document has " + std::to_string(doc.images.size()) + " images");
        drawn[size_t(img->image)] = true;
        return;
      }
      const auto* run = std::get_if<layout::GlyphRun>(&item);
      if (!glyphs || !run || run->glyphs.empty())
        return;
      check_font(doc, run->font);
      for (const auto& g : run->glyphs)
        take_glyph(doc, texts, run->font, g.id, g.text);
    };
    for (const layout::Item& item : page.items)
      visit(item, page.shift, !summary.made());
    for (const layout::GlyphSummary::Glyph& g : summary.glyphs()) {
      check_font(doc, g.font);
      take_glyph(doc, texts, g.font, g.id, summary.text(g));
    }
    for (const layout::Item& item : page.furniture)
      visit(item, 0.0, true);
  }
  return texts;
}

} // namespace

PageScan scan_pages(const layout::Document& doc, unsigned threads) {
  const std::size_t pages = doc.pages.size();
  const std::size_t parts = worker_count(pages, threads);
  PageScan scan;
  scan.anchors.resize(pages);
  scan.links.resize(pages);
  std::vector<GlyphTexts> part_texts(parts);
  std::vector<std::vector<bool>> part_drawn(parts, std::vector<bool>(doc.images.size(), false));
  parallel_for(parts, threads, [&](std::size_t k, unsigned) {
    part_texts[k] = scan_part(doc, pages * k / parts, pages * (k + 1) / parts, scan, part_drawn[k]);
  });
  scan.drawn.assign(doc.images.size(), false);
  for (const std::vector<bool>& part : part_drawn)
    for (std::size_t i = 0; i < part.size(); ++i)
      if (part[i])
        scan.drawn[i] = true;
  std::vector<FontUsage>& usage = scan.glyphs;
  usage.resize(doc.fonts.size());
  for (std::size_t f = 0; f < doc.fonts.size(); ++f) {
    std::size_t ids = 0;
    for (const GlyphTexts& part : part_texts)
      ids = std::max(ids, part[f].size());
    for (std::uint32_t id = 0; id < ids; ++id) {
      std::optional<std::string_view> text;
      for (const GlyphTexts& part : part_texts) {
        if (id >= part[f].size() || !part[f][id])
          continue;
        if (!text || (text->empty() && !part[f][id]->empty()))
          text = part[f][id];
      }
      if (text)
        usage[f].glyphs.emplace_hint(usage[f].glyphs.end(), id, *text);
    }
  }
  return scan;
}

} // namespace galley::pdf
