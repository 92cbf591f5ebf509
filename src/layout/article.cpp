// One article: opening, body, sources -> vertical list -> pages.
#include "layout/layout.hpp"

#include "layout/blocks.hpp"
#include "layout/notes.hpp"
#include "layout/opening.hpp"
#include "layout/page_builder.hpp"
#include "util/text_utils.hpp"

#include <algorithm>
#include <set>

namespace galley::layout {

std::string article_key(const model::Issue& issue, std::size_t index) {
  auto slug = [&](std::size_t i) {
    const model::Meta& m = issue.articles[i].meta;
    return m.slug.empty() ? slugify(m.title) : slugify(m.slug);
  };
  std::string key = slug(index);
  for (std::size_t i = 0; i < index; ++i)
    if (slug(i) == key) return key + "-" + std::to_string(index + 1);
  return key;
}

namespace {

/// Nests headings under the article by level (a level-3 heading after a level-1 one becomes
/// its child; levels need not be consecutive).
std::vector<OutlineItem> nest(const std::vector<detail::OutlineMark>& marks) {
  std::vector<OutlineItem> roots;
  std::vector<std::pair<int, OutlineItem*>> stack;
  for (const detail::OutlineMark& m : marks) {
    while (!stack.empty() && stack.back().first >= m.level) stack.pop_back();
    std::vector<OutlineItem>& siblings = stack.empty() ? roots : stack.back().second->children;
    siblings.push_back(OutlineItem{m.title, m.dest, {}});
    stack.emplace_back(m.level, &siblings.back());
  }
  return roots;
}

/// One try at setting an article: opening, body and sources as vertical lists (collect), then
/// pages in columns with notes at their feet (break).
struct Attempt {
  Attempt(const model::Issue& issue, std::size_t index, const model::Article& article,
          const style::Style& style, text::Engine& engine, Diagnostics& diags, std::set<int> adjust,
          int adjust_by, std::size_t max_pages)
      : ctx{issue,
            article,
            style,
            engine,
            diags,
            detail::page_geometry(style),
            article_key(issue, index),
            style::resolve_looks(style)} {
    ctx.note_cites.assign(article.notes.size(), 0);
    ctx.notes.resize(article.notes.size());
    ctx.brief_notes.resize(article.notes.size());
    ctx.measure = ctx.geo.column_width();
    ctx.adjust = std::move(adjust);
    ctx.adjust_by = adjust_by;
    ctx.anchors = model::anchor_ids(article);
    ctx.max_pages = max_pages;
    if (style.notes.numbering == style::NoteNumbering::PerIssue)
      ctx.note_offset = model::notes_before(issue, index);
    cover = detail::full_page_cover(ctx);
    detail::VList opening, list;
    // On a baseline grid every line keeps its place: the space between blocks cannot give.
    if (!style.text.baseline_grid) list.shrink_share = style.pages.shrink / 100.0;
    detail::layout_opening(ctx, cover.has_value(), opening);
    detail::layout_blocks(ctx, article.blocks, {0, ctx.measure, 0, false}, list);
    detail::layout_sources(ctx, list);
    built = detail::build_pages(ctx, opening, list, !cover.has_value());
  }
  detail::ArticleContext ctx;
  std::optional<Page> cover;
  detail::BuiltPages built;
};

} // namespace

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

std::string author_names(const model::Meta& meta) {
  std::vector<std::string> names;
  for (const model::Author& a : meta.authors)
    names.push_back(a.name);
  return join_names(names);
}

ArticlePages layout_article(const model::Issue& issue, std::size_t index,
                            const style::Style& style, text::Engine& engine, Diagnostics& diags,
                            std::size_t max_pages) {
  return layout_article(issue, index, issue.articles[index], style, engine, diags, max_pages);
}

ArticlePages layout_article(const model::Issue& issue, std::size_t index,
                            const model::Article& article, const style::Style& style,
                            text::Engine& engine, Diagnostics& diags, std::size_t max_pages) {
  Attempt first(issue, index, article, style, engine, diags, {}, 0, max_pages);
  Attempt* chosen = &first;
  // A last page holding only a few lines is the widow everyone sees (pages.last-page-lines).
  // As a compositor would, set the paragraphs of the last pages one line shorter where they
  // can be (TeX's \looseness=-1) and keep that if it saves the page; failing that, one line
  // longer (\looseness=1), and keep that if the last page gets its lines without a new page.
  std::optional<Attempt> tight, loose;
  const std::size_t pages = first.built.pages.size();
  const int wanted = style.pages.last_page_lines;
  if (pages >= 2 && first.built.boxes.back() < wanted && !first.built.past_limit) {
    std::set<int> blocks;
    for (const auto& [block, page] : first.built.blocks)
      if (page + 3 >= static_cast<int>(pages)) blocks.insert(block);
    Diagnostics quiet; // the first attempt has reported everything
    tight.emplace(issue, index, article, style, engine, quiet, blocks, -1, max_pages);
    if (tight->built.pages.size() < pages) {
      chosen = &*tight;
    } else {
      // Loosen as few paragraphs as can do it: the last ones, two for each line the last page
      // lacks (not every paragraph can take a line more within the tolerance), then all.
      std::set<int> last_ones;
      const auto needed = static_cast<std::size_t>(2 * (wanted - first.built.boxes.back()));
      for (auto it = blocks.rbegin(); it != blocks.rend() && last_ones.size() < needed; ++it)
        last_ones.insert(*it);
      for (const std::set<int>* set : {&last_ones, &blocks}) {
        loose.emplace(issue, index, article, style, engine, quiet, *set, 1, max_pages);
        if (loose->built.pages.size() == pages && loose->built.boxes.back() >= wanted) {
          chosen = &*loose;
          break;
        }
        if (set->size() == blocks.size()) break;
      }
    }
  }
  detail::ArticleContext& ctx = chosen->ctx;
  std::optional<Page>& cover = chosen->cover;
  detail::BuiltPages& built = chosen->built;

  ArticlePages out;
  out.past_limit = built.past_limit;
  if (cover) {
    out.pages.push_back(std::move(*cover));
    out.roles.push_back(PageRole{true, true, ""});
  }
  std::vector<detail::OutlineMark> marks;
  for (std::size_t i = 0; i < built.pages.size(); ++i) {
    out.pages.push_back(std::move(built.pages[i]));
    out.roles.push_back(std::move(built.roles[i]));
    marks.insert(marks.end(), built.marks[i].begin(), built.marks[i].end());
  }
  out.outline = nest(marks);
  // The opening starts on the first page; blocks where the builder put them (a floated figure
  // records the page it moved to), in block order.
  const int shift = cover ? 1 : 0;
  const int article_index = static_cast<int>(index);
  out.page_map.push_back(NodePage{article_index, -1, 0});
  // A page without text (a full-page cover, a page of a picture) starts where the next text
  // does; the last pages without any, where the text before them ended.
  if (cover) out.page_starts.push_back(TextPoint{});
  std::vector<std::optional<TextPoint>>& starts = built.starts;
  std::optional<TextPoint> next;
  for (std::size_t i = starts.size(); i-- > 0;) {
    if (starts[i]) next = starts[i];
    else starts[i] = next;
  }
  for (std::size_t i = 1; i < starts.size(); ++i)
    if (!starts[i]) starts[i] = starts[i - 1];
  for (const std::optional<TextPoint>& s : starts) out.page_starts.push_back(s.value_or(TextPoint{}));
  std::sort(built.blocks.begin(), built.blocks.end());
  for (const auto& [block, page] : built.blocks)
    out.page_map.push_back(NodePage{article_index, block, page + shift});
  for (const text::FaceInfo& f : engine.faces())
    out.fonts.push_back(FontResource{f.path.string(), f.index});
  out.images = std::move(ctx.images);
  out.structure = std::move(ctx.structure);
  if (article.meta.language != issue.language)
    out.structure.front().lang = article.meta.language;
  for (Page& page : out.pages)
    summarize_glyphs(page);
  return out;
}

} // namespace galley::layout
