#include "layout/article_record.hpp"

#include "util/record.hpp"

#include <algorithm>
#include <cstdint>

namespace galley::layout {

namespace {

/// A change of any struct written here changes the name, so old entries read as damaged.
constexpr std::string_view kMagic = "galley article pages 6";

// A run's glyphs are one text, its GlyphList's bytes (layout/glyph_list.hpp): an issue's kept
// articles hold over a million glyphs, and reading them a field at a time was most of what
// joining kept articles cost. The smallest glyph takes 14 bytes.
constexpr std::size_t kLeastGlyphBytes = 4 + 8 + 1 + 1;

class Out {
public:
  explicit Out(RecordWriter& w) : w_(w) {}
  void n(std::int64_t v) { w_.signed_number(v); }
  void c(std::size_t v) { w_.number(v); }
  void d(double v) { w_.real(v); }
  void s(std::string_view v) { w_.text(v); }
  void rgb(const Rgb& c) { n((c.r << 16) | (c.g << 8) | c.b); }
  void loc(const SourceLoc& l) {
    s(l.file);
    n(l.line);
    n(l.column);
  }

  void item(const Item& item) {
    n(static_cast<std::int64_t>(item.index()));
    std::visit([this](const auto& v) { write(v); }, item);
  }
  void write(const GlyphRun& r) {
    n(r.font);
    d(r.size);
    rgb(r.color);
    d(r.x);
    d(r.y);
    n(r.element);
    c(r.glyphs.size());
    s(r.glyphs.bytes());
  }
  void write(const ImageItem& i) {
    n(i.image);
    d(i.x);
    d(i.y);
    d(i.width);
    d(i.height);
    n(i.circle_clip);
    n(i.element);
  }
  void write(const RuleItem& r) {
    d(r.x1);
    d(r.y1);
    d(r.x2);
    d(r.y2);
    d(r.thickness);
    rgb(r.color);
  }
  void write(const RectItem& r) {
    d(r.x);
    d(r.y);
    d(r.width);
    d(r.height);
    rgb(r.fill);
  }
  void write(const LinkItem& l) {
    d(l.x);
    d(l.y);
    d(l.width);
    d(l.height);
    s(l.uri);
    s(l.dest);
    n(l.element);
  }
  void write(const AnchorItem& a) {
    s(a.name);
    d(a.x);
    d(a.y);
  }
  void outline(const std::vector<OutlineItem>& items) {
    c(items.size());
    for (const OutlineItem& o : items) {
      s(o.title);
      s(o.dest);
      outline(o.children);
    }
  }

private:
  RecordWriter& w_;
};

class In {
public:
  In(RecordReader& r, std::shared_ptr<const void> owner) : r_(r), owner_(std::move(owner)) {}
  [[nodiscard]] bool ok() const { return r_.ok(); }
  std::int64_t n() { return r_.signed_number(); }
  int i() { return static_cast<int>(r_.signed_number()); }
  double d() { return r_.real(); }
  std::string s() { return r_.text(); }
  std::size_t count() { return r_.count(1); }
  Rgb rgb() {
    auto v = static_cast<std::uint32_t>(n());
    return {static_cast<std::uint8_t>(v >> 16), static_cast<std::uint8_t>(v >> 8),
            static_cast<std::uint8_t>(v)};
  }
  SourceLoc loc() {
    SourceLoc l;
    l.file = s();
    l.line = i();
    l.column = i();
    return l;
  }

  std::optional<Item> item() {
    switch (n()) {
    case 0: {
      GlyphRun r;
      r.font = i();
      r.size = d();
      r.color = rgb();
      r.x = d();
      r.y = d();
      r.element = i();
      std::size_t k = r_.count(kLeastGlyphBytes);
      if (!ok())
        return std::nullopt;
      std::optional<GlyphList> glyphs = GlyphList::from_bytes(r_.text_view(), k, owner_);
      if (!glyphs)
        return std::nullopt;
      r.glyphs = std::move(*glyphs);
      return r;
    }
    case 1: {
      ImageItem im;
      im.image = i();
      im.x = d();
      im.y = d();
      im.width = d();
      im.height = d();
      im.circle_clip = n() != 0;
      im.element = i();
      return im;
    }
    case 2: {
      RuleItem r;
      r.x1 = d();
      r.y1 = d();
      r.x2 = d();
      r.y2 = d();
      r.thickness = d();
      r.color = rgb();
      return r;
    }
    case 3: {
      RectItem r;
      r.x = d();
      r.y = d();
      r.width = d();
      r.height = d();
      r.fill = rgb();
      return r;
    }
    case 4: {
      LinkItem l;
      l.x = d();
      l.y = d();
      l.width = d();
      l.height = d();
      l.uri = s();
      l.dest = s();
      l.element = i();
      return l;
    }
    case 5: {
      AnchorItem a;
      a.name = s();
      a.x = d();
      a.y = d();
      return a;
    }
    default:
      return std::nullopt;
    }
  }

  /// Outlines nest as deep as headings do (six levels); deeper is damage.
  bool outline(std::vector<OutlineItem>& items, int depth = 0) {
    if (depth > 16)
      return false;
    std::size_t k = count();
    for (std::size_t j = 0; j < k && ok(); ++j) {
      OutlineItem o;
      o.title = s();
      o.dest = s();
      if (!outline(o.children, depth + 1))
        return false;
      items.push_back(std::move(o));
    }
    return ok();
  }

private:
  RecordReader& r_;
  std::shared_ptr<const void> owner_; ///< holds the record, when the runs may view it
};

} // namespace

std::string encode_article(const LaidOutArticle& article) {
  RecordWriter w(kMagic);
  Out out(w);
  const ArticlePages& a = article.pages;
  out.c(a.pages.size());
  for (const Page& p : a.pages) {
    out.d(p.width);
    out.d(p.height);
    out.d(p.bleed);
    out.s(p.label);
    out.c(p.items.size());
    for (const Item& item : p.items)
      out.item(item);
    out.n(p.glyph_summary.made());
    if (p.glyph_summary.made()) {
      out.s(p.glyph_summary.glyph_bytes());
      out.s(p.glyph_summary.texts());
      out.n(static_cast<std::int64_t>(p.glyph_summary.runs_digest().low));
      out.n(static_cast<std::int64_t>(p.glyph_summary.runs_digest().high));
    }
  }
  out.c(a.roles.size());
  for (const PageRole& r : a.roles) {
    out.n(r.opening);
    out.n(r.bare);
    out.s(r.section);
  }
  out.c(a.fonts.size());
  for (const FontResource& f : a.fonts) {
    out.s(f.path);
    out.n(f.face_index);
  }
  out.c(a.images.size());
  for (const ImageResource& im : a.images)
    out.s(im.path);
  out.outline(a.outline);
  out.c(a.page_map.size());
  for (const NodePage& m : a.page_map) {
    out.n(m.article);
    out.n(m.block);
    out.n(m.page);
  }
  out.c(a.page_starts.size());
  for (const TextPoint& t : a.page_starts) {
    out.n(t.block);
    out.n(t.word);
  }
  out.c(a.structure.size());
  for (const StructElement& e : a.structure) {
    out.s(e.type);
    out.n(e.parent);
    out.s(e.alt);
    out.s(e.lang);
    out.n(e.column_header);
  }
  out.n(a.past_limit.has_value());
  if (a.past_limit)
    out.loc(*a.past_limit);
  write_diagnostics(w, article.diagnostics);
  w.number(article.font_digests.size());
  for (const std::string& d : article.font_digests)
    w.text(d);
  return w.seal();
}

std::optional<LaidOutArticle> decode_article(std::string_view record,
                                             std::shared_ptr<const void> owner) {
  RecordReader r(record, kMagic);
  In in(r, std::move(owner));
  LaidOutArticle article;
  ArticlePages& a = article.pages;
  // Vectors are sized by the counts written before their items (a page holds hundreds), up to a
  // bound a damaged count cannot push into a large allocation.
  auto reserve = [](auto& v, std::size_t n) { v.reserve(std::min<std::size_t>(n, 1 << 14)); };
  std::size_t pages = in.count();
  reserve(a.pages, pages);
  for (; pages > 0 && in.ok(); --pages) {
    Page p;
    p.width = in.d();
    p.height = in.d();
    p.bleed = in.d();
    p.label = in.s();
    std::size_t items = in.count();
    reserve(p.items, items);
    for (; items > 0 && in.ok(); --items) {
      std::optional<Item> item = in.item();
      if (!item)
        return std::nullopt;
      p.items.push_back(std::move(*item));
    }
    if (in.n() != 0) {
      const std::string glyphs = in.s();
      std::string texts = in.s();
      Digest128 runs;
      runs.low = static_cast<std::uint64_t>(in.n());
      runs.high = static_cast<std::uint64_t>(in.n());
      std::optional<GlyphSummary> summary =
          GlyphSummary::from_bytes(glyphs, std::move(texts), runs);
      if (!summary)
        return std::nullopt;
      p.glyph_summary = std::move(*summary);
    }
    a.pages.push_back(std::move(p));
  }
  for (std::size_t k = in.count(); k > 0 && in.ok(); --k) {
    PageRole role;
    role.opening = in.n() != 0;
    role.bare = in.n() != 0;
    role.section = in.s();
    a.roles.push_back(std::move(role));
  }
  for (std::size_t k = in.count(); k > 0 && in.ok(); --k) {
    FontResource f;
    f.path = in.s();
    f.face_index = in.i();
    a.fonts.push_back(std::move(f));
  }
  for (std::size_t k = in.count(); k > 0 && in.ok(); --k)
    a.images.push_back({in.s()});
  if (!in.outline(a.outline))
    return std::nullopt;
  for (std::size_t k = in.count(); k > 0 && in.ok(); --k) {
    NodePage m;
    m.article = in.i();
    m.block = in.i();
    m.page = in.i();
    a.page_map.push_back(m);
  }
  for (std::size_t k = in.count(); k > 0 && in.ok(); --k) {
    TextPoint t;
    t.block = in.i();
    t.word = in.i();
    a.page_starts.push_back(t);
  }
  std::size_t elements = in.count();
  reserve(a.structure, elements);
  for (; elements > 0 && in.ok(); --elements) {
    StructElement e;
    e.type = in.s();
    e.parent = in.i();
    e.alt = in.s();
    e.lang = in.s();
    e.column_header = in.n() != 0;
    a.structure.push_back(std::move(e));
  }
  if (in.n() != 0)
    a.past_limit = in.loc();
  if (!read_diagnostics(r, article.diagnostics))
    return std::nullopt;
  for (std::size_t k = r.count(1); k > 0 && r.ok(); --k)
    article.font_digests.push_back(r.text());
  if (!r.at_end())
    return std::nullopt;
  return article;
}

} // namespace galley::layout
