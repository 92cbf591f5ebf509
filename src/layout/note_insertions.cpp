#include "layout/note_insertions.hpp"

#include "layout/notes.hpp"

#include <algorithm>
#include <map>

namespace galley::layout::detail {

namespace {
constexpr double kGapAbove = 8; ///< between the text and the separator rule
constexpr double kGapBelow = 5; ///< between the rule and the first note line
} // namespace

NoteInsertions::NoteInsertions(ArticleContext& ctx)
    : ctx_(ctx), copies_(ctx.article.notes.size(), 0) {}

const NoteLines& NoteInsertions::note(int index, bool brief) {
  auto& slot = (brief ? ctx_.brief_notes : ctx_.notes)[static_cast<std::size_t>(index)];
  if (!slot) slot = layout_note(ctx_, index, brief);
  return *slot;
}

bool NoteInsertions::brief(int index) const {
  return ctx_.style.notes.repeat != style::NoteRepeat::Full &&
         copies_[static_cast<std::size_t>(index)] > 0;
}

double NoteInsertions::line_height(const Line& l) {
  return note(l.note, l.brief).lines[static_cast<std::size_t>(l.line)].height;
}

void NoteInsertions::add_cites(std::vector<NoteCite>& fresh, const VBox& box) const {
  for (const NoteCite& c : box.notes) {
    auto same = [&](const auto& x) { return x.note == c.note; };
    if (std::none_of(fresh.begin(), fresh.end(), same) &&
        std::none_of(carry_.begin(), carry_.end(), same))
      fresh.push_back(c);
  }
}

double NoteInsertions::min_height(const std::vector<NoteCite>& fresh) {
  if (fresh.empty() && carry_.empty()) return 0;
  double h = kGapAbove + kGapBelow;
  if (fresh.empty()) return h + line_height(carry_.front());
  for (const Line& l : carry_) h += line_height(l);
  for (std::size_t k = 0; k < fresh.size(); ++k) {
    const std::vector<VBox>& lines = note(fresh[k].note, brief(fresh[k].note)).lines;
    std::size_t take = k + 1 == fresh.size() ? std::min<std::size_t>(2, lines.size()) : lines.size();
    for (std::size_t i = 0; i < take; ++i) h += lines[i].height;
  }
  return h;
}

std::size_t NoteInsertions::make_queue(const std::vector<NoteCite>& cited) {
  // In number order, as a reader scans them (a repeated citation brings back a lower number).
  std::vector<NoteCite> fresh = cited;
  std::sort(fresh.begin(), fresh.end(), [&](const NoteCite& x, const NoteCite& y) {
    return ctx_.article.notes[static_cast<std::size_t>(x.note)].number <
           ctx_.article.notes[static_cast<std::size_t>(y.note)].number;
  });
  queue_ = carry_;
  std::size_t required = 0;
  for (std::size_t k = 0; k < fresh.size(); ++k) {
    const bool short_form = brief(fresh[k].note);
    std::size_t len = note(fresh[k].note, short_form).lines.size();
    required = queue_.size() + (k + 1 == fresh.size() ? std::min<std::size_t>(2, len) : len);
    for (std::size_t i = 0; i < len; ++i)
      queue_.push_back({fresh[k].note, static_cast<int>(i), fresh[k].occurrence, short_form});
  }
  return required;
}

NoteFit NoteInsertions::fit(const std::vector<NoteCite>& fresh, double room) {
  const std::size_t required = make_queue(fresh);
  NoteFit f;
  if (queue_.empty()) return f;
  room -= kGapAbove + kGapBelow;
  while (f.lines < queue_.size() && f.height + line_height(queue_[f.lines]) <= room + 0.01)
    f.height += line_height(queue_[f.lines++]);
  if (f.lines > 0) f.height += kGapAbove + kGapBelow;
  f.feasible = f.lines >= required && (f.lines > 0 || !fresh.empty() || carry_.empty());
  f.split = f.lines < queue_.size();
  return f;
}

void NoteInsertions::place(Page& page, const std::vector<NoteCite>& fresh, std::size_t lines,
                           double left, double bottom) {
  make_queue(fresh);
  lines = std::min(lines, queue_.size());
  if (lines > 0) {
    double h = kGapAbove + kGapBelow;
    for (std::size_t k = 0; k < lines; ++k) h += line_height(queue_[k]);
    const double rule_y = bottom - h + kGapAbove;
    const style::NotesStyle& ns = ctx_.style.notes;
    if (ns.separator)
      page.items.emplace_back(
          RuleItem{left, rule_y, left + ns.separator_width, rule_y, 0.5, to_rgb(ctx_.style.colors.rule)});
    if (queue_.front().line > 0) continued_label(page, left + ns.separator_width + 6, rule_y);
    double y = rule_y + kGapBelow;
    std::map<std::string, std::string> renamed;
    for (std::size_t k = 0; k < lines; ++k) {
      const Line& l = queue_[k];
      const VBox& b = note(l.note, l.brief).lines[static_cast<std::size_t>(l.line)];
      const std::size_t first_item = page.items.size();
      for (const Item& item : b.items) {
        page.items.push_back(item);
        translate(page.items.back(), left, y);
      }
      y += b.height;
      if (l.line != 0) continue;
      // A note cited again on a later page is set again there, under its own anchor name, and
      // its number links back to this page's marker.
      const std::string plain = ctx_.note_anchor(l.note);
      const int copy = ++copies_[static_cast<std::size_t>(l.note)];
      const std::string anchor = copy == 1 ? plain : plain + "-" + std::to_string(copy);
      if (copy > 1) renamed[plain] = anchor;
      for (std::size_t i = first_item; i < page.items.size(); ++i) {
        if (auto* a = std::get_if<AnchorItem>(&page.items[i]); a && a->name == plain) a->name = anchor;
        // The number's back link (layout_note), not a link written in the note's text.
        if (auto* link = std::get_if<LinkItem>(&page.items[i]);
            link && link->dest == ctx_.ref_anchor(l.note))
          link->dest = ctx_.ref_anchor(l.note, l.occurrence);
      }
    }
    // Markers on this page link to this page's copy.
    for (Item& it : page.items)
      if (auto* link = std::get_if<LinkItem>(&it))
        if (auto r = renamed.find(link->dest); r != renamed.end()) link->dest = r->second;
  }
  carry_.assign(queue_.begin() + static_cast<std::ptrdiff_t>(lines), queue_.end());
}

/// "note continued" beside the separator rule of a column whose notes begin with the rest of a
/// note split at the foot of the previous column or page.
void NoteInsertions::continued_label(Page& page, double x, double rule_y) {
  const double size = ctx_.style.notes.size - 1;
  text::Span sp;
  sp.text = "note continued";
  sp.font = {ctx_.style.fonts.notes.family, 400, true};
  sp.size = size;
  sp.color = rgb(ctx_.style.colors.muted);
  sp.features = ctx_.style.fonts.notes.features;
  text::Line line = ctx_.engine.layout_line({sp}, ctx_.article.meta.language, ctx_.diags);
  for (const text::LineRun& r : line.runs) page.items.emplace_back(make_run(r, x, rule_y + size * 0.3));
}

} // namespace galley::layout::detail
