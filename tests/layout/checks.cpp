#include "checks.hpp"

#include "layout/layout.hpp"

#include <set>

namespace galley::test {

using namespace galley::layout;

text::EngineOptions engine_options(const style::Style& style) {
  text::EngineOptions o;
  o.font_dirs = {text::bundled_fonts_dir()};
  o.fallback = style.fonts.fallback;
  o.use_fontconfig = false;
  return o;
}

layout::Document lay(const model::Issue& issue, const style::Style& st, Diagnostics& diags) {
  text::Engine engine(engine_options(st));
  return layout::layout_issue(issue, st, engine, layout::LayoutOptions{}, diags);
}

std::string run_text(const GlyphRun& run) {
  std::string s;
  for (const GlyphView& g : run.glyphs)
    s += g.text;
  return s;
}

double run_width(const GlyphRun& run) {
  double w = 0;
  for (const GlyphView& g : run.glyphs)
    w += g.advance;
  return w;
}

std::map<std::string, int> anchor_pages(const Document& doc) {
  std::map<std::string, int> out;
  for (std::size_t p = 0; p < doc.pages.size(); ++p)
    for (const Item& it : doc.pages[p].items)
      if (const auto* a = std::get_if<AnchorItem>(&it)) out.emplace(a->name, static_cast<int>(p));
  return out;
}

std::string page_text(const Page& page) {
  std::string s;
  for_each_drawn(page, [&](const Item& it, double) {
    if (const auto* r = std::get_if<GlyphRun>(&it))
      s += run_text(*r) + " ";
  });
  return s;
}

std::vector<std::string> glyphs_outside_text_area(const Document& doc, const style::Style& st) {
  std::vector<std::string> bad;
  const auto& m = st.page.margins;
  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    const Page& page = doc.pages[p];
    bool recto = p % 2 == 0;
    double left = (recto || !st.page.facing) ? m.inner : m.outer;
    double right = page.width - ((recto || !st.page.facing) ? m.outer : m.inner);
    double top = m.top, bottom = page.height - m.bottom;
    // Where each run is drawn: the furniture (running heads, folios) sits in the margins.
    for (const Item& it : page.items) {
      const auto* r = std::get_if<GlyphRun>(&it);
      if (r == nullptr || r->glyphs.empty()) continue;
      const double x = r->x + page.shift;
      if (x < left - 0.5 || x + run_width(*r) > right + 1.0 || r->y - r->size * 0.7 < top - 1 ||
          r->y > bottom + 0.5)
        bad.push_back("page " + std::to_string(p + 1) + ": '" + run_text(*r) + "' at " +
                      std::to_string(x) + "," + std::to_string(r->y));
    }
  }
  return bad;
}

std::vector<std::string> dangling_links(const Document& doc) {
  std::vector<std::string> bad;
  auto anchors = anchor_pages(doc);
  for (const Page& page : doc.pages)
    for (const Item& it : page.items)
      if (const auto* l = std::get_if<LinkItem>(&it))
        if (l->uri.empty() && !anchors.count(l->dest)) bad.push_back(l->dest);
  std::vector<const OutlineItem*> stack;
  for (const OutlineItem& o : doc.outline) stack.push_back(&o);
  while (!stack.empty()) {
    const OutlineItem* o = stack.back();
    stack.pop_back();
    if (!anchors.count(o->dest)) bad.push_back("outline " + o->title + " -> " + o->dest);
    for (const OutlineItem& c : o->children) stack.push_back(&c);
  }
  return bad;
}

std::vector<std::string> notes_off_page(const Document& doc) {
  std::vector<std::string> bad;
  auto anchors = anchor_pages(doc);
  for (std::size_t p = 0; p < doc.pages.size(); ++p)
    for (const Item& it : doc.pages[p].items)
      if (const auto* l = std::get_if<LinkItem>(&it))
        if (l->dest.find("-note-") != std::string::npos) {
          auto a = anchors.find(l->dest);
          if (a == anchors.end() || a->second != static_cast<int>(p))
            bad.push_back("page " + std::to_string(p + 1) + ": marker for " + l->dest);
        }
  return bad;
}

std::vector<std::string> lonely_headings(const Document& doc, const style::Style& st) {
  std::vector<std::string> bad;
  std::map<std::string, std::pair<int, double>> where;
  for (std::size_t p = 0; p < doc.pages.size(); ++p)
    for (const Item& it : doc.pages[p].items)
      if (const auto* a = std::get_if<AnchorItem>(&it))
        where.emplace(a->name, std::make_pair(static_cast<int>(p), a->y));
  std::vector<const OutlineItem*> stack;
  for (const OutlineItem& o : doc.outline)
    for (const OutlineItem& c : o.children) stack.push_back(&c);
  const double bottom = st.page.height - st.page.margins.bottom;
  while (!stack.empty()) {
    const OutlineItem* o = stack.back();
    stack.pop_back();
    for (const OutlineItem& c : o->children) stack.push_back(&c);
    auto w = where.find(o->dest);
    if (w == where.end()) continue;
    const Page& page = doc.pages[static_cast<std::size_t>(w->second.first)];
    // Lines below the heading's own lines (its leading), in the text area, at text sizes.
    std::set<long> baselines;
    double heading_bottom = w->second.second + 20;
    for (const Item& it : page.items)
      if (const auto* r = std::get_if<GlyphRun>(&it))
        if (r->y > heading_bottom && r->y < bottom && r->size > st.notes.size + 0.01 &&
            r->size < 12)
          baselines.insert(static_cast<long>(r->y * 10));
    if (baselines.size() < 2)
      bad.push_back("page " + std::to_string(w->second.first + 1) + ": heading '" + o->title + "'");
  }
  return bad;
}

std::vector<std::string> single_line_pages(const Document& doc, const style::Style& st) {
  std::vector<std::string> bad;
  // Articles only: issue covers and contents pages are not body text.
  auto anchors = anchor_pages(doc);
  std::size_t first = 0;
  if (!doc.outline.empty() && !doc.outline[0].children.empty() && anchors.count(doc.outline[0].children[0].dest))
    first = static_cast<std::size_t>(anchors[doc.outline[0].children[0].dest]);
  for (std::size_t p = first; p < doc.pages.size(); ++p) {
    std::set<long> baselines;
    for (const Item& it : doc.pages[p].items)
      if (const auto* r = std::get_if<GlyphRun>(&it))
        if (std::abs(r->size - st.text.size) < 0.01) baselines.insert(static_cast<long>(r->y * 10));
    if (baselines.size() == 1) bad.push_back("page " + std::to_string(p + 1));
  }
  return bad;
}

} // namespace galley::test
