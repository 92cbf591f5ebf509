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

/// Pages [from, to) of `doc` walked into `scan`'s by-page and by-image parts, and the glyphs
/// they draw, each with the text of the cluster it starts: the first non-empty text seen, in
/// document order.
GlyphTexts scan_part(const layout::Document& doc, std::size_t from, std::size_t to, PageScan& scan,
                     std::vector<bool>& drawn) {
  GlyphTexts text(doc.fonts.size());
  for (std::size_t p = from; p < to; ++p) {
    layout::for_each_drawn(doc.pages[p], [&](const layout::Item& item, double dx) {
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
      if (!run || run->glyphs.empty())
        return;
      if (run->font < 0 || size_t(run->font) >= doc.fonts.size())
        throw Error("glyph run uses font " + std::to_string(run->font) + " but the document has " +
                    std::to_string(doc.fonts.size()) + " fonts");
      auto& slots = text[size_t(run->font)];
      for (const auto& g : run->glyphs) {
        if (g.id > 0xFFFF)
          throw Error("glyph " + std::to_string(g.id) + " is not in font '" +
                      doc.fonts[size_t(run->font)].path + "' (glyph ids are 16-bit)");
        if (g.id >= slots.size())
          slots.resize(std::size_t(g.id) + 1);
        std::optional<std::string_view>& t = slots[g.id];
        if (!t || (t->empty() && !g.text.empty()))
          t = g.text;
      }
    });
  }
  return text;
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
