// Page breaking in the manner of TeX's page builder (The TeXbook, ch. 15): walk the vertical
// list from the top of the page, and at every legal break compute a cost (the penalty there plus
// the badness of the page's empty space plus the price of splitting a note); stop when the page
// overflows, and break where the cost was least. Notes are inserted as TeX inserts \footnote
// material: a note must start on the page of its marker; when room is short it is split and its
// remaining lines head the next page's notes, marked as continued (note_insertions.hpp). What
// each break costs is named in page_costs.hpp.
#include "layout/page_builder.hpp"

#include "layout/note_insertions.hpp"
#include "layout/page_costs.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace galley::layout::detail {

namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
/// Candidate::note_lines when no break fits and the page is forced: as many as fit, at least one.
constexpr std::size_t kAsManyAsFit = kNone;
/// Space between a figure floated to the top of a page and the text under it, in leadings.
constexpr double kFloatSpace = 0.75;

struct Candidate {
  double cost = std::numeric_limits<double>::infinity();
  std::size_t at = 0;         ///< break before items[at] (items.size() = end of list)
  std::size_t note_lines = 0; ///< lines of the page's note queue set at its foot
  std::size_t deferred = kNone; ///< a figure (item index) moved to the next page
  double squeeze = 0;         ///< share of the page's glue shrink used (0 to 1)
};

/// A legal break as found, before it is priced against the page's other breaks.
struct Found {
  Candidate c;
  double base = 0;  ///< penalty, split note, short last page, forbidden
  double empty = 0; ///< room left above the notes
  bool end = false;
  bool forbidden = false;
};

class Builder {
public:
  Builder(ArticleContext& ctx, VList& opening, VList& list, bool first_recto)
      : ctx_(ctx), opening_(opening), list_(list), first_recto_(first_recto) {}

  BuiltPages run() {
    const std::size_t n = list_.items.size();
    // Height of the boxes from each item to the end.
    tail_.assign(n + 1, 0);
    for (std::size_t i = n; i-- > 0;)
      tail_[i] = tail_[i + 1] + (list_.items[i].kind == VKind::Box
                                     ? list_.boxes[static_cast<std::size_t>(list_.items[i].box)].height
                                     : 0);
    std::size_t pos = 0;
    begin_page();
    while (true) {
      while (pos < n && list_.items[pos].kind != VKind::Box) ++pos;
      if (pos >= n && !notes_.carrying() && float_ < 0) break;
      if (!page_open_) begin_page();
      set_slot();
      pos = page(pos);
      if (++column_ == ctx_.geo.columns) finish_page();
      if (out_.pages.size() > ctx_.max_pages) {
        // Refused as soon as it is known (docs/limits.md): no more work on pages nobody gets.
        out_.past_limit = first_block_loc(out_.pages.size() - 1);
        return std::move(out_);
      }
    }
    if (page_open_) finish_page();
    return std::move(out_);
  }

private:
  /// Where the text of page `page` begins: its first top-level block, or the article's title.
  SourceLoc first_block_loc(std::size_t page) const {
    for (const auto& [block, on] : out_.blocks)
      if (on == static_cast<int>(page)) return ctx_.article.blocks[static_cast<std::size_t>(block)].loc;
    return ctx_.article.meta.loc;
  }

  /// A break that leaves only a line or two for the article's last page: the widow nobody
  /// can miss. Priced so that moving a short last paragraph whole beats splitting it.
  double tail_penalty(std::size_t at) const {
    if (at >= tail_.size() || tail_[at] <= 0) return 0; // the end: nothing is left behind
    double lines = tail_[at] / ctx_.style.text.leading;
    return lines < 1.5 ? cost::kLastPageOneLine : lines < 2.5 ? cost::kLastPageTwoLines : 0;
  }

  /// Starts a page; the first gets the opening across all its columns.
  void begin_page() {
    page_ = Page{};
    page_.width = ctx_.geo.page_width;
    page_.height = ctx_.geo.page_height;
    page_.bleed = ctx_.geo.bleed;
    role_ = PageRole{};
    role_.opening = out_.pages.empty();
    role_.section = section_;
    marks_.clear();
    section_set_ = false;
    column_ = 0;
    page_open_ = true;
    opening_height_ = 0;
    start_.reset();
    if (!out_.pages.empty() || opening_.boxes.empty()) return;
    start_ = TextPoint{};
    const double left = ctx_.geo.left(first_recto_);
    double y = ctx_.geo.top, glue = 0;
    for (const VItem& it : opening_.items) {
      if (it.kind == VKind::Glue) glue += it.size;
      if (it.kind != VKind::Box) continue;
      VBox& b = opening_.boxes[static_cast<std::size_t>(it.box)];
      y += glue;
      glue = 0;
      for (Item& item : b.items) {
        translate(item, left, y);
        page_.items.push_back(std::move(item));
      }
      marks_.insert(marks_.end(), b.marks.begin(), b.marks.end());
      y += b.height;
    }
    opening_height_ = y + glue - ctx_.geo.top;
  }

  void finish_page() {
    out_.starts.push_back(start_);
    out_.boxes.push_back(boxes_on_page_);
    boxes_on_page_ = 0;
    out_.pages.push_back(std::move(page_));
    out_.roles.push_back(std::move(role_));
    out_.marks.push_back(std::move(marks_));
    marks_ = {};
    page_open_ = false;
  }

  /// With text.baseline_grid, where a body line's box starts so that its baseline falls on the
  /// grid: every body leading from the first baseline of the text area, so that lines line up
  /// across columns and facing pages. Everything else starts at `y`.
  double grid_top(double y, const VBox& b) const {
    if (!b.on_grid) return y;
    const double leading = ctx_.style.text.leading;
    const double origin = ctx_.geo.top + baseline_in(leading, ctx_.style.text.size);
    const double steps = std::ceil((y + b.baseline - origin) / leading - 1e-6);
    return origin + steps * leading - b.baseline;
  }

  /// The column being filled: below the opening on the first page.
  void set_slot() {
    const bool recto = (out_.pages.size() % 2 == 0) == first_recto_;
    slot_left_ = ctx_.geo.left(recto) + column_ * (ctx_.measure + ctx_.geo.gutter);
    slot_top_ = ctx_.geo.top + opening_height_;
    slot_height_ = ctx_.geo.height() - opening_height_;
  }

  /// Fills the current column starting at items[pos]; returns where the next column starts.
  std::size_t page(std::size_t pos) {
    const auto& items = list_.items;
    const std::size_t n = items.size();
    const double height = slot_height_;
    const double leading = ctx_.style.text.leading;
    if (pos >= n && float_ < 0) {
      // The text has ended but a note split at the foot of the last page has not: its rest fills
      // the notes area of as many pages as it needs.
      emit(pos, {0, n, kAsManyAsFit, kNone}, -1);
      return n;
    }
    int header = -1;
    if (pos < n) {
      const VBox& b = list_.boxes[static_cast<std::size_t>(items[pos].box)];
      if (b.table_header >= 0 && b.table_header != items[pos].box) header = b.table_header;
    }
    double h = header >= 0 ? list_.boxes[static_cast<std::size_t>(header)].height : 0;
    double glue = 0;
    std::vector<NoteCite> fresh;
    bool placed = false;
    if (float_ >= 0) {
      // A figure deferred from the previous page goes first.
      const VBox& f = list_.boxes[static_cast<std::size_t>(float_)];
      h += f.height;
      glue = leading * kFloatSpace;
      notes_.add_cites(fresh, f);
      placed = true;
    }
    std::vector<Found> found;
    const VBox* last_box = nullptr;
    std::size_t deferred = kNone;
    double shrink = 0, glue_shrink = 0; // of the glue between the boxes placed, and pending
    const style::PageMakeup& costs = ctx_.style.pages;
    auto consider = [&](std::size_t at, int penalty, bool end) {
      // Never a heading as the last line of a page, even where a floated figure took away
      // what was kept with it.
      if (!end && last_box != nullptr && last_box->heading) return;
      const NoteFit notes = notes_.fit(fresh, height - h + shrink);
      if (!notes.feasible) return;
      const double over = h + notes.height - height;
      Found f;
      const double squeeze = over > 0 && shrink > 0 ? std::min(1.0, over / shrink) : 0;
      f.c = {0, at, notes.lines, deferred, squeeze};
      f.empty = std::max(0.0, -over);
      f.end = end;
      f.forbidden = penalty >= kForbidden;
      f.base = (notes.split ? costs.split_note : 0) +
               (f.forbidden ? cost::kForbiddenBreak : penalty + tail_penalty(at));
      found.push_back(f);
    };
    std::size_t i = pos;
    bool skip_glue = false;
    for (; i < n; ++i) {
      const VItem& it = items[i];
      if (it.kind == VKind::Box) {
        const VBox& b = list_.boxes[static_cast<std::size_t>(it.box)];
        skip_glue = false;
        // The notes this box would bring along count against the room left.
        const bool cites = !b.notes.empty();
        std::vector<NoteCite> with;
        if (cites) {
          with = fresh;
          notes_.add_cites(with, b);
        }
        const double notes_h = notes_.min_height(cites ? with : fresh);
        // Where the box would start: after the glue, and on the grid for a body line.
        const double at = grid_top(slot_top_ + h + glue, b) - slot_top_;
        // Under a tall opening even the first line may not fit: the text starts in the next
        // column (or page).
        if (!placed && opening_height_ > 0 &&
            grid_top(slot_top_ + h, b) - slot_top_ + b.height + notes_h > height + 0.01)
          break;
        if (placed && at + b.height + notes_h > height + shrink + glue_shrink + 0.01) {
          // A figure that does not fit floats to the top of the next page and the text after
          // it fills this one (one figure at a time, as TeX's top floats).
          if (b.floating && deferred == kNone && float_ < 0) {
            deferred = i;
            glue = 0;
            glue_shrink = 0;
            skip_glue = true;
            continue;
          }
          break;
        }
        h = at + b.height;
        glue = 0;
        shrink += glue_shrink;
        glue_shrink = 0;
        if (cites) fresh = std::move(with);
        placed = true;
        last_box = &b;
      } else if (it.kind == VKind::Glue) {
        if (!skip_glue) {
          glue += it.size;
          glue_shrink += it.shrink;
        }
      } else {
        consider(i, it.penalty, false);
      }
    }
    if (i >= n) consider(n, 0, true);
    if (!placed) return pos;
    Candidate best = choose(found);
    if (!std::isfinite(best.cost)) {
      // Nothing fits (a box taller than the page, or notes that cannot start here): take the
      // first box alone and let it overflow rather than loop.
      std::size_t at = pos;
      while (at < n && items[at].kind != VKind::Box) ++at;
      if (at < n) ++at;
      while (at < n && items[at].kind != VKind::Penalty) ++at;
      best = {0, std::min(at, n), kAsManyAsFit, kNone};
    }
    if (best.deferred != kNone && best.deferred >= best.at) best.deferred = kNone;
    emit(pos, best, header);
    return best.at;
  }

  /// The cheapest break. A page's empty space is priced against its fullest break, not the
  /// page's height, in whole lines: when notes or a tall block leave room anyway, ending one
  /// line earlier to avoid a widow costs one line's price (pages.underfull), as in TeX's
  /// \raggedbottom, where the space at the foot does not count against the page. Squeezing the
  /// space between blocks costs a line's price when all of it is used. An allowed break beats
  /// any forbidden one.
  Candidate choose(const std::vector<Found>& found) const {
    const double leading = ctx_.style.text.leading;
    double fullest = std::numeric_limits<double>::infinity();
    for (const Found& f : found)
      if (!f.forbidden) fullest = std::min(fullest, f.empty);
    if (!std::isfinite(fullest))
      for (const Found& f : found) fullest = std::min(fullest, f.empty);
    Candidate best, fallback;
    const double underfull = ctx_.style.pages.underfull;
    for (const Found& f : found) {
      // In whole lines: a page is a line short, not 1.15 lines (the rest is glue and notes).
      const double short_by = std::round((f.empty - fullest) / leading);
      double price = f.base + underfull * f.c.squeeze * f.c.squeeze;
      if (!f.end) price += underfull * short_by * short_by;
      Candidate& slot = f.forbidden ? fallback : best;
      if (price <= slot.cost) {
        slot = f.c;
        slot.cost = price;
      }
    }
    return std::isfinite(best.cost) ? best : fallback;
  }

  void emit(std::size_t pos, const Candidate& c, int header) {
    const auto& items = list_.items;
    const double left = slot_left_;
    const double top = slot_top_;
    Page& page = page_;
    double y = top;
    std::vector<NoteCite> fresh;
    auto place = [&](const VBox& b) {
      for (const Item& item : b.items) {
        page.items.push_back(item);
        translate(page.items.back(), left, y);
      }
      y += b.height;
    };
    // Body boxes are set once: their items move to the page instead of being copied.
    auto place_once = [&](VBox& b) {
      for (Item& item : b.items) {
        translate(item, left, y);
        page.items.push_back(std::move(item));
      }
      b.items.clear();
      y += b.height;
    };
    auto place_body = [&](VBox& b) {
      if (b.block >= 0) out_.blocks.emplace_back(b.block, static_cast<int>(out_.pages.size()));
      if (!start_ && b.source.block >= 0) start_ = b.source;
      ++boxes_on_page_;
      // A table's header row is set again on continuation pages: copy it.
      if (b.table_header >= 0 && &b == &list_.boxes[static_cast<std::size_t>(b.table_header)]) place(b);
      else place_once(b);
      notes_.add_cites(fresh, b);
      marks_.insert(marks_.end(), b.marks.begin(), b.marks.end());
      if (!b.section.empty()) {
        if (!section_set_) role_.section = b.section;
        section_set_ = true;
        section_ = b.section;
      }
    };
    if (header >= 0) place(list_.boxes[static_cast<std::size_t>(header)]);
    double glue = 0;
    if (float_ >= 0) {
      place_body(list_.boxes[static_cast<std::size_t>(float_)]);
      glue = ctx_.style.text.leading * kFloatSpace;
      float_ = -1;
    }
    bool skip_glue = false;
    int last_table = -1;
    for (std::size_t i = pos; i < c.at && i < items.size(); ++i) {
      const VItem& it = items[i];
      if (it.kind == VKind::Glue && !skip_glue) glue += it.size - it.shrink * c.squeeze;
      if (it.kind != VKind::Box) continue;
      skip_glue = false;
      if (i == c.deferred) {
        float_ = it.box;
        glue = 0;
        skip_glue = true;
        continue;
      }
      y = grid_top(y + glue, list_.boxes[static_cast<std::size_t>(it.box)]);
      glue = 0;
      place_body(list_.boxes[static_cast<std::size_t>(it.box)]);
      last_table = list_.boxes[static_cast<std::size_t>(it.box)].table_header;
    }
    close_table(last_table, c.at, left, y);
    // Notes at the foot, under a short rule: the lines the break was chosen with.
    std::size_t lines = c.note_lines;
    if (lines == kAsManyAsFit)
      lines = std::max<std::size_t>(notes_.fit(fresh, slot_height_ - (y - top)).lines, 1);
    notes_.place(page, fresh, lines, left, top + slot_height_);
  }

  /// A table broken by the page gets its closing rule at the foot of the part on this page
  /// (the header box's top rule gives the table's width).
  void close_table(int table, std::size_t at, double left, double y) {
    if (table < 0) return;
    std::size_t j = at;
    while (j < list_.items.size() && list_.items[j].kind != VKind::Box) ++j;
    if (j >= list_.items.size() ||
        list_.boxes[static_cast<std::size_t>(list_.items[j].box)].table_header != table)
      return;
    for (const Item& it : list_.boxes[static_cast<std::size_t>(table)].items)
      if (const auto* rule = std::get_if<RuleItem>(&it)) {
        page_.items.emplace_back(
            RuleItem{left + rule->x1, y - 0.4, left + rule->x2, y - 0.4, rule->thickness, rule->color});
        return;
      }
  }

  ArticleContext& ctx_;
  VList& opening_;
  VList& list_;
  Page page_;
  PageRole role_;
  std::vector<OutlineMark> marks_;
  bool page_open_ = false;
  bool section_set_ = false;
  int column_ = 0;
  int boxes_on_page_ = 0;
  double opening_height_ = 0;
  double slot_left_ = 0, slot_top_ = 0, slot_height_ = 0;
  NoteInsertions notes_{ctx_};
  bool first_recto_ = true;
  std::vector<double> tail_;
  int float_ = -1; ///< box of a figure deferred to the top of the next page
  std::optional<TextPoint> start_; ///< where the text of the open page begins
  std::string section_;
  BuiltPages out_;
};

} // namespace

BuiltPages build_pages(ArticleContext& ctx, VList& opening, VList& list, bool first_recto) {
  return Builder(ctx, opening, list, first_recto).run();
}

} // namespace galley::layout::detail
