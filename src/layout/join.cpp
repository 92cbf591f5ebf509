// Joining articles into a document: resources merged, pages numbered continuously, running
// heads and folios added, contents filled in, outline and document info built.
#include "layout/layout.hpp"

#include "layout/context.hpp"
#include "layout/issue_pages.hpp"

#include <map>
#include <set>

namespace galley::layout {

namespace {

using detail::Geometry;

/// Merges per-article resources into the document's, keeping first-use order.
class Resources {
public:
  explicit Resources(Document& doc) : doc_(doc) {}

  /// Rewrites font and image indices of `page` from `fonts`/`images` to the document's.
  void remap(Page& page, const std::vector<FontResource>& fonts,
             const std::vector<ImageResource>& images) {
    // Each of the page's fonts is looked up once, not once for each of its hundreds of runs.
    std::vector<int> font_of(fonts.size(), -1);
    auto rename = [&](int font) {
      int& to = font_of.at(static_cast<std::size_t>(font));
      if (to < 0) {
        const FontResource& f = fonts[static_cast<std::size_t>(font)];
        auto [it, added] = font_index_.emplace(std::make_pair(f.path, f.face_index),
                                               static_cast<int>(doc_.fonts.size()));
        if (added)
          doc_.fonts.push_back(f);
        to = it->second;
      }
      return to;
    };
    for (Item& item : page.items) {
      if (auto* run = std::get_if<GlyphRun>(&item)) {
        run->font = rename(run->font);
      } else if (auto* img = std::get_if<ImageItem>(&item)) {
        const ImageResource& r = images.at(static_cast<std::size_t>(img->image));
        auto [it, added] = image_index_.emplace(r.path, static_cast<int>(doc_.images.size()));
        if (added) doc_.images.push_back(r);
        img->image = it->second;
      }
    }
    page.glyph_summary.rename_fonts(rename);
  }

private:
  Document& doc_;
  std::map<std::pair<std::string, int>, int> font_index_;
  std::map<std::string, int> image_index_;
};

/// Running heads and folios, shaped once per distinct text.
class Furniture {
public:
  Furniture(const model::Issue& issue, const style::Style& style, text::Engine& engine,
            Diagnostics& diags)
      : issue_(issue), style_(style), engine_(engine), diags_(diags),
        geo_(detail::page_geometry(style)), looks_(style::resolve_looks(style)) {}

  void add(Page& page, int folio, const PageRole& role, const model::Article* article) {
    if (role.bare) return;
    const bool recto = folio % 2 == 1;
    const double left = geo_.left(recto), right = left + geo_.width();
    const style::RunningHeads& rh = style_.running_heads;
    const double head_y = geo_.top - 22;
    const double foot_y = geo_.page_height - geo_.bottom + 30;
    const bool folio_top = rh.folio == style::FolioPosition::TopOutside;
    if (!role.opening && article != nullptr) {
      std::string text = expand(recto ? rh.recto : rh.verso, *article, role);
      if (!text.empty()) {
        const text::Line& line = shaped(text, looks_.running_head, geo_.width() * 0.7);
        // Outside edge, or inside when the folio takes the outside.
        bool at_right = recto != folio_top;
        double x = at_right ? right - line.natural_width : left;
        for (const text::LineRun& r : line.runs)
          page.items.emplace_back(detail::make_run(r, x, head_y));
        Rgb rule{style_.colors.rule.r, style_.colors.rule.g, style_.colors.rule.b};
        page.items.emplace_back(RuleItem{left, head_y + 6, right, head_y + 6, 0.3, rule});
      }
    }
    if (rh.folio == style::FolioPosition::None) return;
    if (folio_top && role.opening) return;
    const text::Line& num = shaped(std::to_string(folio), looks_.folio, geo_.width());
    double x = left + (geo_.width() - num.natural_width) / 2;
    if (rh.folio != style::FolioPosition::BottomCenter)
      x = recto ? right - num.natural_width : left;
    for (const text::LineRun& r : num.runs)
      page.items.emplace_back(detail::make_run(r, x, folio_top ? head_y : foot_y));
  }

private:
  std::string expand(const std::string& tpl, const model::Article& a, const PageRole& role) const {
    std::string out;
    for (std::size_t i = 0; i < tpl.size();) {
      if (tpl[i] == '{') {
        std::size_t end = tpl.find('}', i);
        if (end != std::string::npos) {
          std::string key = tpl.substr(i + 1, end - i - 1);
          if (key == "publication")
            out += a.meta.publication.empty() ? issue_.publication : a.meta.publication;
          else if (key == "issue") out += issue_.single_article ? a.meta.publication : issue_.title;
          else if (key == "title") out += a.meta.title;
          else if (key == "section") out += role.section.empty() ? a.meta.title : role.section;
          else if (key == "author")
            out += author_names(a.meta);
          i = end + 1;
          continue;
        }
      }
      out += tpl[i++];
    }
    return out;
  }

  /// Shapes `s` in `look`, shortened at a word with an ellipsis when wider than `max_width`.
  const text::Line& shaped(const std::string& s, const style::Look& look, double max_width) {
    const double size = look.size;
    const std::uint32_t color = detail::rgb(look.color);
    auto key = std::make_pair(s, size);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    const text::FontRequest font = detail::font_of(look);
    text::Line line = detail::plain_line(engine_, diags_, issue_.language, s, font, size, color,
                                         look.font.features);
    std::string cut = s;
    while (line.natural_width > max_width) {
      std::size_t sp = cut.rfind(' ');
      if (sp == std::string::npos || sp == 0) break;
      cut.resize(sp);
      line = detail::plain_line(engine_, diags_, issue_.language, cut + "\u2026", font, size, color,
                                look.font.features);
    }
    return cache_.emplace(key, std::move(line)).first->second;
  }

  const model::Issue& issue_;
  const style::Style& style_;
  text::Engine& engine_;
  Diagnostics& diags_;
  Geometry geo_;
  style::Looks looks_;
  std::map<std::pair<std::string, double>, text::Line> cache_;
};

DocumentInfo document_info(const model::Issue& issue, const LayoutOptions& options) {
  DocumentInfo info;
  info.date_epoch = options.date_epoch;
  if (issue.single_article && !issue.articles.empty()) {
    const model::Meta& m = issue.articles.front().meta;
    info.title = m.title;
    info.author = author_names(m);
    info.subject = m.dek.empty() ? m.subtitle : m.dek;
    for (const std::string& t : m.tags) info.keywords += (info.keywords.empty() ? "" : ", ") + t;
    info.language = m.language;
    info.identifier = model::publication_identifier(issue);
    return info;
  }
  info.title = issue.title;
  info.author = join_names(issue.editors);
  info.subject = issue.description;
  std::set<std::string> seen;
  for (const model::Article& a : issue.articles)
    for (const std::string& t : a.meta.tags)
      if (seen.insert(t).second) info.keywords += (info.keywords.empty() ? "" : ", ") + t;
  info.language = issue.language;
  info.identifier = model::publication_identifier(issue);
  return info;
}

/// Moves a part's structure elements under the Document (parents of -1 become it), and renames
/// the elements its pages' items name to their new index.
void adopt(Document& doc, std::vector<StructElement>& elements, std::vector<Page>& pages) {
  const int offset = static_cast<int>(doc.structure.size());
  for (StructElement& e : elements) {
    e.parent = e.parent < 0 ? 0 : e.parent + offset;
    doc.structure.push_back(std::move(e));
  }
  elements.clear();
  for (Page& page : pages)
    for (Item& it : page.items) {
      if (auto* run = std::get_if<GlyphRun>(&it); run != nullptr && run->element >= 0)
        run->element += offset;
      else if (auto* img = std::get_if<ImageItem>(&it); img != nullptr && img->element >= 0)
        img->element += offset;
      else if (auto* link = std::get_if<LinkItem>(&it); link != nullptr && link->element >= 0)
        link->element += offset;
    }
}

} // namespace

FrontMatter set_front_matter(const model::Issue& issue, const style::Style& style,
                             text::Engine& engine, Diagnostics& diags) {
  std::vector<detail::ContentsEntry> entries;
  for (std::size_t i = 0; i < issue.articles.size(); ++i) {
    const model::Meta& m = issue.articles[i].meta;
    entries.push_back({m.title, author_names(m), article_key(issue, i)});
  }
  return detail::front_matter(issue, entries, style, engine, diags);
}

Document join_articles(const model::Issue& issue, std::vector<ArticlePages> articles,
                       const style::Style& style, text::Engine& engine,
                       const LayoutOptions& options, Diagnostics& diags,
                       std::optional<FrontMatter> front) {
  Document doc;
  doc.structure.push_back(StructElement{"Document", -1, {}, {}, false});
  doc.info = document_info(issue, options);
  Resources resources(doc);
  Furniture furniture(issue, style, engine, diags);
  const Geometry geo = detail::page_geometry(style);
  const bool single = issue.single_article;

  FrontMatter fm;
  if (front)
    fm = std::move(*front);
  else if (!single)
    fm = set_front_matter(issue, style, engine, diags);
  std::size_t page_count = fm.pages.size();
  std::vector<int> starts;
  for (const ArticlePages& a : articles) {
    if (style.issue.recto_openings && page_count % 2 == 1) ++page_count;
    starts.push_back(static_cast<int>(page_count) + 1);
    page_count += a.pages.size();
  }
  if (page_count > options.limits.max_pages) {
    // Where the text ran past the limit when an article was cut there (layout_article).
    SourceLoc at = issue.loc;
    for (const ArticlePages& a : articles)
      if (a.past_limit) {
        at = *a.past_limit;
        break;
      }
    diags.error(at, "the document would have more pages than the limit of " +
                        std::to_string(options.limits.max_pages) + " (at least " +
                        std::to_string(page_count) + "); this is where it goes past",
                "raise the limit with --max-pages");
    return doc;
  }
  detail::fill_numbers(fm, starts, issue, style, engine, diags);
  // Sized once: an issue has hundreds of pages and some ten thousand structure elements, and
  // each growth would move them all.
  doc.pages.reserve(page_count);
  std::size_t elements = doc.structure.size() + fm.structure.size();
  for (const ArticlePages& a : articles)
    elements += a.structure.size();
  doc.structure.reserve(elements);
  auto push = [&](Page page) {
    page.label = std::to_string(doc.pages.size() + 1);
    doc.pages.push_back(std::move(page));
  };
  // Faces of the joining engine (issue pages, running heads), brought up to date after each use
  // since shaping may resolve new ones. Only those are read: copying every face's record for
  // each of an issue's hundreds of pages was most of the joining.
  std::vector<FontResource> joined_fonts;
  auto engine_fonts = [&]() -> const std::vector<FontResource>& {
    for (std::size_t id = joined_fonts.size(); id < engine.face_count(); ++id) {
      const text::FaceInfo& face = engine.face(static_cast<text::FaceId>(id));
      joined_fonts.push_back({face.path.string(), face.index});
    }
    return joined_fonts;
  };
  adopt(doc, fm.structure, fm.pages);
  for (Page& p : fm.pages) {
    resources.remap(p, engine_fonts(), fm.images);
    push(std::move(p));
  }

  std::vector<OutlineItem> article_outline;
  for (std::size_t k = 0; k < articles.size(); ++k) {
    ArticlePages& a = articles[k];
    while (doc.pages.size() + 1 < static_cast<std::size_t>(starts[k])) {
      Page blank;
      blank.width = geo.page_width;
      blank.height = geo.page_height;
      blank.bleed = geo.bleed;
      push(std::move(blank));
    }
    const model::Article* article = k < issue.articles.size() ? &issue.articles[k] : nullptr;
    adopt(doc, a.structure, a.pages);
    for (std::size_t i = 0; i < a.pages.size(); ++i) {
      Page& page = a.pages[i];
      int folio = static_cast<int>(doc.pages.size()) + 1;
      // Articles are set as if they began on a recto; facing pages that did not are drawn
      // moved, their items left as they were set (Page::shift).
      page.shift = geo.left(folio % 2 == 1) - geo.left(i % 2 == 0);
      resources.remap(page, a.fonts, a.images);
      Page furnished;
      furniture.add(furnished, folio, a.roles[i], article);
      resources.remap(furnished, engine_fonts(), {});
      page.furniture = std::move(furnished.items);
      push(std::move(page));
    }
    for (OutlineItem& o : a.outline) article_outline.push_back(std::move(o));
    for (NodePage np : a.page_map) {
      np.page += starts[k] - 1;
      doc.page_map.push_back(np);
    }
    for (std::size_t i = 0; i < a.page_starts.size(); ++i)
      doc.page_starts.push_back(
          PageStart{starts[k] - 1 + static_cast<int>(i), static_cast<int>(k), a.page_starts[i]});
    // Free the article's pages as soon as they are joined.
    a = ArticlePages{};
  }
  if (single) {
    doc.outline = std::move(article_outline);
  } else {
    std::string dest = fm.pages.empty() ? std::string() : fm.anchor;
    if (dest.empty() && !article_outline.empty()) dest = article_outline.front().dest;
    doc.outline.push_back(OutlineItem{issue.title, dest, std::move(article_outline)});
  }
  return doc;
}

Document layout_issue(const model::Issue& issue, const style::Style& style, text::Engine& engine,
                      const LayoutOptions& options, Diagnostics& diags) {
  std::vector<ArticlePages> articles;
  articles.reserve(issue.articles.size());
  std::size_t pages = 0;
  for (std::size_t i = 0; i < issue.articles.size(); ++i) {
    articles.push_back(layout_article(issue, i, style, engine, diags, options.limits.max_pages));
    pages += articles.back().pages.size();
    if (pages > options.limits.max_pages) break;
  }
  return join_articles(issue, std::move(articles), style, engine, options, diags);
}

} // namespace galley::layout
