// Page breaking in the manner of TeX's page builder (The TeXbook, ch. 15): walk the vertical
// list from the top of the page, and at every legal break compute a cost (the penalty there plus
// the badness of the page's empty space plus the price of splitting a note); stop when the page
// overflows, and break where the cost was least. Notes are inserted as TeX inserts \footnote
// material: a note must start on the page of its marker; when room is short it is split and its
// remaining lines head the next page's notes, marked as continued.
#include "layout/page_builder.hpp"

#include "layout/notes.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace galley::layout::detail {

namespace {

constexpr double kNoteGapAbove = 8; ///< between the text and the separator rule
constexpr double kNoteGapBelow = 5; ///< between the rule and the first note line
constexpr int kSplitNotePenalty = 300;

/// A line of a note waiting to be placed.
struct NoteLine {
  int note = 0;
  int line = 0;
  int occurrence = 1; ///< the citation this copy of the note answers
  std::string anchor; ///< the name of this copy's anchor (a note cited on several pages repeats)
};

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

struct Candidate {
  double cost = std::numeric_limits<double>::infinity();
  std::size_t at = 0;         ///< break before items[at] (items.size() = end of list)
  std::size_t note_lines = 0; ///< lines of the queue placed on this page
  std::size_t deferred = kNone; ///< a figure (item index) moved to the next page
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
      if (pos >= n && carry_.empty() && float_ < 0) break;
      if (!page_open_) begin_page();
      set_slot();
      pos = page(pos);
      if (++column_ == ctx_.geo.columns) finish_page();
    }
    if (page_open_) finish_page();
    return std::move(out_);
  }

private:
  const NoteLines& note(int index) {
    auto& slot = ctx_.notes[static_cast<std::size_t>(index)];
    if (!slot) slot = layout_note(ctx_, index);
    return *slot;
  }

  double line_height(const NoteLine& l) {
    return note(l.note).lines[static_cast<std::size_t>(l.line)].height;
  }

  /// The notes that would go on a page: the carried lines, then every line of the notes first
  /// cited on it. Returns how many lines fit in `room` and whether that satisfies the rule that
  /// each new note starts here with at least two lines (or all of it when shorter).
  std::pair<std::size_t, bool> fit_notes(std::vector<NoteCite> fresh, double room, double& used) {
    // In number order, as a reader scans them (a repeated citation brings back a lower number).
    std::sort(fresh.begin(), fresh.end(), [&](const NoteCite& x, const NoteCite& y) {
      return ctx_.article.notes[static_cast<std::size_t>(x.note)].number <
             ctx_.article.notes[static_cast<std::size_t>(y.note)].number;
    });
    queue_ = carry_;
    std::size_t required = 0;
    for (std::size_t k = 0; k < fresh.size(); ++k) {
      std::size_t len = note(fresh[k].note).lines.size();
      required = queue_.size() + (k + 1 == fresh.size() ? std::min<std::size_t>(2, len) : len);
      for (std::size_t i = 0; i < len; ++i)
        queue_.push_back({fresh[k].note, static_cast<int>(i), fresh[k].occurrence, ""});
    }
    used = 0;
    if (queue_.empty()) return {0, true};
    room -= kNoteGapAbove + kNoteGapBelow;
    std::size_t taken = 0;
    while (taken < queue_.size() && used + line_height(queue_[taken]) <= room + 0.01)
      used += line_height(queue_[taken++]);
    if (taken > 0) used += kNoteGapAbove + kNoteGapBelow;
    return {taken, taken >= required && (taken > 0 || !fresh.empty() || carry_.empty())};
  }

  /// A break that leaves only a line or two for the article's last page: the widow nobody
  /// can miss. Priced so that moving a short last paragraph whole beats splitting it.
  double tail_penalty(std::size_t at) const {
    if (at >= tail_.size()) return 0;
    double lines = tail_[at] / ctx_.style.text.leading;
    return lines < 1.5 ? 400 : lines < 2.5 ? 150 : 0;
  }

  /// The least room the notes of a page need: all carried lines and every new note but the
  /// last, and two lines of the last (the split the builder may make).
  double min_notes_height(const std::vector<NoteCite>& fresh) {
    if (fresh.empty() && carry_.empty()) return 0;
    double h = kNoteGapAbove + kNoteGapBelow;
    if (fresh.empty()) return h + line_height(carry_.front());
    for (const NoteLine& l : carry_) h += line_height(l);
    for (std::size_t k = 0; k < fresh.size(); ++k) {
      const std::vector<VBox>& lines = note(fresh[k].note).lines;
      std::size_t take = k + 1 == fresh.size() ? std::min<std::size_t>(2, lines.size()) : lines.size();
      for (std::size_t i = 0; i < take; ++i) h += lines[i].height;
    }
    return h;
  }

  /// Adds the notes cited in `b` to a page's list: once per page, and not when the page already
  /// carries the rest of that note.
  void add_cites(std::vector<NoteCite>& fresh, const VBox& b) const {
    for (const NoteCite& c : b.notes) {
      bool dup = std::any_of(fresh.begin(), fresh.end(), [&](const NoteCite& f) { return f.note == c.note; }) ||
                 std::any_of(carry_.begin(), carry_.end(), [&](const NoteLine& l) { return l.note == c.note; });
      if (!dup) fresh.push_back(c);
    }
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
    if (!out_.pages.empty() || opening_.boxes.empty()) return;
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
      glue = leading * 0.75;
      add_cites(fresh, f);
      placed = true;
    }
    Candidate best, fallback;
    const VBox* last_box = nullptr;
    std::size_t deferred = kNone;
    auto consider = [&](std::size_t at, int penalty, bool end) {
      // Never a heading as the last line of a page, even where a floated figure took away
      // what was kept with it.
      if (!end && last_box != nullptr && last_box->heading) return;
      double used = 0;
      auto [taken, ok] = fit_notes(fresh, height - h, used);
      if (!ok) return;
      double fill = std::max(0.0, height - h - used);
      double ratio = fill / leading;
      double cost = (end ? 0 : 40 * ratio * ratio) + (taken < queue_.size() ? kSplitNotePenalty : 0);
      if (penalty >= kForbidden) {
        // Only when nothing else fits.
        cost += 100000;
        if (cost <= fallback.cost) fallback = {cost, at, taken, deferred};
        return;
      }
      cost += penalty + tail_penalty(at);
      if (cost <= best.cost) best = {cost, at, taken, deferred};
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
          add_cites(with, b);
        }
        const double notes_h = min_notes_height(cites ? with : fresh);
        // Where the box would start: after the glue, and on the grid for a body line.
        const double at = grid_top(slot_top_ + h + glue, b) - slot_top_;
        // Under a tall opening even the first line may not fit: the text starts in the next
        // column (or page).
        if (!placed && opening_height_ > 0 &&
            grid_top(slot_top_ + h, b) - slot_top_ + b.height + notes_h > height + 0.01)
          break;
        if (placed && at + b.height + notes_h > height + 0.01) {
          // A figure that does not fit floats to the top of the next page and the text after
          // it fills this one (one figure at a time, as TeX's top floats).
          if (b.floating && deferred == kNone && float_ < 0) {
            deferred = i;
            glue = 0;
            skip_glue = true;
            continue;
          }
          break;
        }
        h = at + b.height;
        glue = 0;
        if (cites) fresh = std::move(with);
        placed = true;
        last_box = &b;
      } else if (it.kind == VKind::Glue) {
        if (!skip_glue) glue += it.size;
      } else {
        consider(i, it.penalty, false);
      }
    }
    if (i >= n) consider(n, 0, true);
    if (!placed) return pos;
    if (!std::isfinite(best.cost)) best = fallback;
    if (!std::isfinite(best.cost)) {
      // Nothing fits (a box taller than the page, or notes that cannot start here): take the
      // first box alone and let it overflow rather than loop.
      std::size_t at = pos;
      while (at < n && items[at].kind != VKind::Box) ++at;
      if (at < n) ++at;
      while (at < n && items[at].kind != VKind::Penalty) ++at;
      best = {0, std::min(at, n), std::numeric_limits<std::size_t>::max(), kNone};
    }
    if (best.deferred != kNone && best.deferred >= best.at) best.deferred = kNone;
    emit(pos, best, header);
    return best.at;
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
      ++boxes_on_page_;
      // A table's header row is set again on continuation pages: copy it.
      if (b.table_header >= 0 && &b == &list_.boxes[static_cast<std::size_t>(b.table_header)]) place(b);
      else place_once(b);
      add_cites(fresh, b);
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
      glue = ctx_.style.text.leading * 0.75;
      float_ = -1;
    }
    bool skip_glue = false;
    int last_table = -1;
    for (std::size_t i = pos; i < c.at && i < items.size(); ++i) {
      const VItem& it = items[i];
      if (it.kind == VKind::Glue && !skip_glue) glue += it.size;
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
    // Notes at the foot, under a short rule.
    double used = 0;
    std::size_t taken = fit_notes(fresh, slot_height_ - (y - top), used).first;
    if (c.note_lines != std::numeric_limits<std::size_t>::max()) taken = std::min(taken, c.note_lines);
    else taken = std::max<std::size_t>(taken, queue_.empty() ? 0 : 1);
    if (taken > 0) {
      double h = kNoteGapAbove + kNoteGapBelow;
      for (std::size_t k = 0; k < taken; ++k) h += line_height(queue_[k]);
      double ny = top + slot_height_ - h + kNoteGapAbove;
      const style::NotesStyle& ns = ctx_.style.notes;
      Rgb rule{ctx_.style.colors.rule.r, ctx_.style.colors.rule.g, ctx_.style.colors.rule.b};
      if (ns.separator)
        page.items.emplace_back(RuleItem{left, ny, left + ns.separator_width, ny, 0.5, rule});
      if (queue_.front().line > 0) continued_label(page, left + ns.separator_width + 6, ny);
      y = ny + kNoteGapBelow;
      std::map<std::string, std::string> renamed;
      for (std::size_t k = 0; k < taken; ++k) {
        NoteLine& l = queue_[k];
        const VBox& b = note(l.note).lines[static_cast<std::size_t>(l.line)];
        std::size_t first_item = page.items.size();
        place(b);
        if (l.line != 0) continue;
        // A note cited again on a later page is set again there, under its own anchor name,
        // and its number links back to this page's marker.
        const std::string plain = ctx_.note_anchor(l.note);
        int copy = ++copies_[static_cast<std::size_t>(l.note)];
        l.anchor = copy == 1 ? plain : plain + "-" + std::to_string(copy);
        if (copy > 1) renamed[plain] = l.anchor;
        for (std::size_t i = first_item; i < page.items.size(); ++i) {
          if (auto* a = std::get_if<AnchorItem>(&page.items[i]); a && a->name == plain) a->name = l.anchor;
          if (auto* k2 = std::get_if<LinkItem>(&page.items[i]); k2 && !k2->dest.empty())
            k2->dest = ctx_.ref_anchor(l.note, l.occurrence);
        }
      }
      for (Item& it : page.items)
        if (auto* link = std::get_if<LinkItem>(&it))
          if (auto r = renamed.find(link->dest); r != renamed.end()) link->dest = r->second;
    }
    carry_.assign(queue_.begin() + static_cast<std::ptrdiff_t>(taken), queue_.end());
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

  /// "note continued" beside the separator rule of a column whose notes begin with the rest of
  /// a note split at the foot of the previous column or page.
  void continued_label(Page& page, double x, double rule_y) {
    const double size = ctx_.style.notes.size - 1;
    text::Span sp;
    sp.text = "note continued";
    sp.font = {ctx_.style.fonts.notes.family, 400, true};
    sp.size = size;
    sp.color = rgb(ctx_.style.colors.rule);
    sp.features = ctx_.style.fonts.notes.features;
    text::Line line = ctx_.engine.layout_line({sp}, ctx_.article.meta.language, ctx_.diags);
    for (const text::LineRun& r : line.runs) page.items.emplace_back(make_run(r, x, rule_y + size * 0.3));
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
  std::vector<NoteLine> carry_;
  std::vector<int> copies_ = std::vector<int>(ctx_.article.notes.size(), 0);
  std::vector<NoteLine> queue_;
  bool first_recto_ = true;
  std::vector<double> tail_;
  int float_ = -1; ///< box of a figure deferred to the top of the next page
  std::string section_;
  BuiltPages out_;
};

} // namespace

BuiltPages build_pages(ArticleContext& ctx, VList& opening, VList& list, bool first_recto) {
  return Builder(ctx, opening, list, first_recto).run();
}

} // namespace galley::layout::detail
