#include "text/finalize.hpp"

#include <algorithm>
#include <cmath>

namespace galley::text {
namespace {

struct Slot {
  int piece = 0;
  double stretch = 0; ///< of the glue this slot draws (space glyphs)
  double shrink = 0;
  double tail_stretch = 0; ///< of glyphless glue after it (between ideographs)
  double tail_shrink = 0;
  double extra_each = 0; ///< added to every glyph's advance (justified spaces)
  double extra_last = 0; ///< added to the last glyph (glyphless glue)
  /// The hyphen a break inserted: its text is a soft hyphen, U+00AD, the character Tagged PDF
  /// gives an incidental word division (PDF 32000-1 14.8.2.2.3), so that search and read-aloud
  /// join the word again; a hyphen written in the text stays U+002D.
  bool inserted_hyphen = false;
};

/// How far a character may hang into the margin, as a fraction of its advance (in the spirit
/// of microtype's defaults: small marks hang most, dashes a little).
double protrusion(std::string_view text, bool at_right) {
  if (at_right) {
    if (text == "." || text == "," || text == "-" || text == "\u2010" || text == "\u2019" ||
        text == "\u201d" || text == "'" || text == "\"")
      return 0.7;
    if (text == ":" || text == ";")
      return 0.5;
    if (text == "!" || text == "?" || text == "\u2013")
      return 0.3;
    if (text == "\u2014")
      return 0.2;
    return 0;
  }
  if (text == "\u2018" || text == "\u201c" || text == "'" || text == "\"" || text == "\u00ab")
    return 0.7;
  return 0;
}

bool same_run(const LineRun& run, const RunStyle& s) {
  return run.face == s.face && run.size == s.size && run.color == s.color && run.tag == s.tag &&
         run.baseline_shift == s.baseline_shift && run.rtl == ((s.level & 1) != 0);
}

/// UAX #9 rule L2: from the highest level down to the lowest odd level, reverse every maximal
/// sequence at that level or higher.
void reorder(std::vector<Slot>& slots, const Prepared& p) {
  std::uint8_t highest = 0, lowest_odd = 255;
  for (const Slot& s : slots) {
    std::uint8_t level = p.pieces[static_cast<size_t>(s.piece)].style.level;
    highest = std::max(highest, level);
    if (level & 1)
      lowest_odd = std::min(lowest_odd, level);
  }
  for (int level = highest; level >= lowest_odd && level > 0; --level) {
    size_t i = 0;
    while (i < slots.size()) {
      if (p.pieces[static_cast<size_t>(slots[i].piece)].style.level < level) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < slots.size() && p.pieces[static_cast<size_t>(slots[j].piece)].style.level >= level)
        ++j;
      std::reverse(slots.begin() + static_cast<std::ptrdiff_t>(i),
                   slots.begin() + static_cast<std::ptrdiff_t>(j));
      i = j;
    }
  }
}

} // namespace

Line build_line(const Prepared& p, const FontRegistry& fonts, int from, int brk,
                const LineSetting& setting) {
  Line line;
  line.width = setting.width;
  line.ratio = setting.ratio;
  std::vector<Slot> slots;
  LineMeasure m;
  for (int i = from; i < brk; ++i) {
    const Item& item = p.items[static_cast<size_t>(i)];
    if (item.kind == ItemKind::Penalty)
      continue;
    int piece = p.item_piece[static_cast<size_t>(i)];
    m.width += item.width;
    m.stretch += item.stretch;
    m.shrink += item.shrink;
    m.fil += item.fil;
    if (piece >= 0) {
      slots.push_back(Slot{piece, item.stretch, item.shrink});
    } else if (!slots.empty()) {
      slots.back().tail_stretch += item.stretch;
      slots.back().tail_shrink += item.shrink;
    }
  }
  if (brk < static_cast<int>(p.items.size())) {
    const Item& item = p.items[static_cast<size_t>(brk)];
    int piece = p.item_piece[static_cast<size_t>(brk)];
    if (item.kind == ItemKind::Penalty && piece >= 0) {
      slots.push_back(Slot{piece});
      slots.back().inserted_hyphen = true;
      m.width += item.width;
      line.hyphenated = item.flagged; // a hyphen glyph was inserted
    }
  }
  line.natural_width = m.width;
  bool rtl = (p.base_level & 1) != 0;

  // Hanging punctuation: the protrusions widen the measure the line is justified to.
  double hang_left = 0, hang_right = 0;
  if (setting.hang && !rtl && !slots.empty()) {
    auto glyph_text = [&](const Slot& s, bool last) -> std::pair<std::string, double> {
      const Piece& pc = p.pieces[static_cast<size_t>(s.piece)];
      if (!pc.word || pc.first == pc.last)
        return {"", 0};
      const ShapedGlyph& g = pc.word->glyphs[last ? pc.last - 1 : pc.first];
      double scale = pc.style.size / fonts.info(pc.style.face).units_per_em;
      return {pc.word->text.substr(g.text_start, g.text_length), g.x_advance * scale};
    };
    auto [first_text, first_adv] = glyph_text(slots.front(), false);
    auto [last_text, last_adv] = glyph_text(slots.back(), true);
    hang_left = protrusion(first_text, false) * first_adv;
    hang_right = protrusion(last_text, true) * last_adv;
    if (setting.justify && m.fil == 0)
      line.ratio = adjustment_ratio(m, setting.width + hang_left + hang_right, 0);
  }

  double ratio = std::isfinite(line.ratio) ? std::max(line.ratio, -1.0) : 0;
  double adjusted = 0;
  if (setting.justify) {
    for (Slot& s : slots) {
      const Piece& pc = p.pieces[static_cast<size_t>(s.piece)];
      std::uint32_t glyphs = pc.word ? pc.last - pc.first : 0;
      double adj = ratio >= 0 ? ratio * s.stretch : ratio * s.shrink;
      s.extra_each = glyphs ? adj / glyphs : 0;
      s.extra_last = ratio >= 0 ? ratio * s.tail_stretch : ratio * s.tail_shrink;
      adjusted += (glyphs ? adj : 0) + s.extra_last;
    }
  }
  line.overfull = line.natural_width - m.shrink > setting.width + 1e-6;

  double slack = setting.width + hang_right - (line.natural_width + adjusted - hang_left);
  double offset = 0;
  switch (setting.align) {
  case Alignment::Justify:
  case Alignment::Left:
    offset = rtl ? slack : 0;
    break;
  case Alignment::Right:
    offset = rtl ? 0 : slack;
    break;
  case Alignment::Center:
    offset = slack / 2;
    break;
  }
  offset = std::max(offset, 0.0) - hang_left;

  reorder(slots, p);
  double x = offset;
  bool open = false; // whether the last run may be continued
  for (const Slot& slot : slots) {
    const Piece& pc = p.pieces[static_cast<size_t>(slot.piece)];
    if (pc.object >= 0) {
      LineRun run;
      run.face = pc.style.face;
      run.size = pc.style.size;
      run.color = pc.style.color;
      run.tag = pc.style.tag;
      run.x = x;
      run.width = pc.width;
      run.object = pc.object;
      line.runs.push_back(std::move(run));
      line.ascent = std::max(line.ascent, pc.ascent);
      line.descent = std::max(line.descent, pc.descent);
    }
    if (!pc.word) {
      x += pc.width;
      open = false;
      continue;
    }
    if (!open || !same_run(line.runs.back(), pc.style)) {
      LineRun run;
      run.face = pc.style.face;
      run.size = pc.style.size;
      run.color = pc.style.color;
      run.tag = pc.style.tag;
      run.baseline_shift = pc.style.baseline_shift;
      run.rtl = (pc.style.level & 1) != 0;
      run.x = x;
      line.runs.push_back(std::move(run));
      open = true;
    }
    LineRun& run = line.runs.back();
    const FaceInfo& face = fonts.info(pc.style.face);
    double scale = pc.style.size / face.units_per_em;
    for (std::uint32_t g = pc.first; g < pc.last; ++g) {
      const ShapedGlyph& sg = pc.word->glyphs[g];
      PositionedGlyph pg;
      pg.glyph = sg.glyph;
      pg.x = run.width;
      pg.x_offset = sg.x_offset * scale;
      pg.y_offset = sg.y_offset * scale;
      pg.advance = sg.x_advance * scale + (sg.x_advance != 0 ? pc.style.tracking : 0) +
                   slot.extra_each + (g + 1 == pc.last ? slot.extra_last : 0);
      if (sg.text_length > 0)
        pg.text = slot.inserted_hyphen ? std::string("\u00AD")
                                       : pc.word->text.substr(sg.text_start, sg.text_length);
      run.width += pg.advance;
      run.glyphs.push_back(std::move(pg));
    }
    x = run.x + run.width;
  }
  auto measure = [&](FaceId face, double size, double shift) {
    const FaceInfo& info = fonts.info(face);
    line.ascent = std::max(line.ascent, info.ascender * size + shift);
    line.descent = std::max(line.descent, info.descender * size - shift);
  };
  for (const LineRun& run : line.runs)
    measure(run.face, run.size, run.baseline_shift);
  if (line.runs.empty())
    measure(p.first_face, p.em, 0);
  return line;
}

} // namespace galley::text
