#include "text/linebreak.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace galley::text {
namespace {

constexpr double kInfBad = 10000; // TeX's inf_bad
constexpr double kAwful = std::numeric_limits<double>::infinity();

enum Fitness { VeryLoose = 0, Loose = 1, Decent = 2, Tight = 3 };

bool is_forced(const Item& it) {
  return it.kind == ItemKind::Penalty && it.penalty <= -kInfinitePenalty;
}

/// Whether a line may end at item `i` (TeX section 831: glue after a box, or a penalty < 10000).
bool is_legal_break(const std::vector<Item>& items, size_t i) {
  const Item& it = items[i];
  if (it.kind == ItemKind::Penalty)
    return it.penalty < kInfinitePenalty;
  if (it.kind == ItemKind::Glue)
    return i > 0 && items[i - 1].kind == ItemKind::Box;
  return false;
}

/// TeX's badness (section 108): about 100 r^3, capped at inf_bad.
double badness(double r) {
  double a = std::abs(r);
  if (a > 4.65)
    return kInfBad; // 100 * 4.65^3 > 10000
  return std::min(kInfBad, 100 * a * a * a);
}

struct Evaluation {
  double badness = 0; // of the real glue, for demerits and fitness
  int fitness = Decent;
  bool overfull = false; // shrinks beyond its shrinkability (r < -1)
  bool feasible = true;  // within the tolerance, emergency stretch counted
  bool graded = false;   // beyond inf_bad, as loose as it is (final pass)
};

/// Badness and fitness class of a line (Knuth-Plass section "fitness classes"; TeX 851-853).
/// Unlike TeX, emergency stretch only decides feasibility: demerits come from the real glue, so
/// the emergency pass spreads looseness evenly instead of preferring a few very loose lines.
/// In the final pass a line that even emergency stretch cannot make feasible is still accepted
/// rather than an overfull one. TeX charges every line beyond inf_bad alike (its badness stops
/// at inf_bad, TeX: The Program, section 108), so a line of one word set ragged costs no more
/// than a line just too loose, and the rest of the paragraph is packed tight around it. Here
/// the badness of such a line goes on growing as 100 r^3 of its real glue, and a line without
/// glue is charged as if it had one word space (`space_stretch`), since its empty end is as
/// wide a hole as that space would be: looseness is spread instead of dumped on one line.
Evaluation evaluate(const LineMeasure& m, double target, const LineBreakParams& p,
                    double space_stretch) {
  Evaluation e;
  if (m.width < target) {
    if (m.fil > 0)
      return e;
    double slack = target - m.width;
    double stretch = m.stretch + p.background_stretch;
    e.badness = stretch > 0 ? badness(slack / stretch) : kInfBad;
    double with_emergency = stretch + p.emergency_stretch;
    double b = with_emergency > 0 ? badness(slack / with_emergency) : kInfBad;
    e.feasible = b <= p.tolerance;
    e.fitness = e.badness > 99 ? VeryLoose : e.badness > 12 ? Loose : Decent;
    if (p.final_pass && (!e.feasible || e.badness >= kInfBad)) {
      e.feasible = true;
      e.badness = kInfBad;
      double glue = stretch > 0 ? stretch : space_stretch;
      if (glue > 0) {
        double r = slack / glue;
        e.badness = std::max(kInfBad, 100 * r * r * r);
      }
      e.graded = e.badness > kInfBad;
    }
  } else if (m.width > target) {
    double need = m.width - target;
    if (need > m.shrink) {
      e.overfull = true;
      e.feasible = false;
      e.badness = kInfBad + 1;
      e.fitness = Tight;
      return e;
    }
    e.badness = badness(need / m.shrink);
    e.feasible = e.badness <= p.tolerance;
    e.fitness = e.badness > 12 ? Tight : Decent;
  }
  return e;
}

/// TeX section 859; a graded line (see evaluate) is not capped at TeX's 10^8.
double line_demerits(const Evaluation& e, const Item& brk, bool prev_flagged, int prev_fitness,
                     bool final_break, const LineBreakParams& p) {
  double d = p.line_penalty + e.badness;
  d = e.graded || std::abs(d) < 10000 ? d * d : 1e8;
  if (brk.kind == ItemKind::Penalty) {
    if (brk.penalty > 0)
      d += brk.penalty * brk.penalty;
    else if (brk.penalty > -kInfinitePenalty)
      d -= brk.penalty * brk.penalty;
  }
  bool flagged = brk.kind == ItemKind::Penalty && brk.flagged;
  if (prev_flagged && (flagged || final_break))
    d += final_break ? p.final_hyphen_demerits : p.double_hyphen_demerits;
  if (std::abs(e.fitness - prev_fitness) > 1)
    d += p.adj_demerits;
  return d;
}

/// The stretch of the paragraph's most stretchable word space (fil glue aside).
double space_stretch(const std::vector<Item>& items) {
  double most = 0;
  for (const Item& it : items)
    if (it.kind == ItemKind::Glue && it.fil == 0)
      most = std::max(most, it.stretch);
  return most;
}

struct Node {
  int position = -1;
  int line = 0; // lines before this break
  int fitness = Decent;
  bool flagged = false;
  int hyphens = 0; // consecutive hyphenated lines ending here
  double demerits = 0;
  int prev = -1;
  double width = 0, stretch = 0, shrink = 0, fil = 0; // totals after the break
};

std::vector<double> line_ratios(const std::vector<Item>& items, const std::vector<int>& breaks,
                                const LineWidthFn& width, const LineBreakParams& params) {
  std::vector<double> ratios;
  int start = 0;
  for (size_t l = 0; l < breaks.size(); ++l) {
    LineMeasure m = measure_line(items, start, breaks[l]);
    ratios.push_back(adjustment_ratio(m, width(static_cast<int>(l)), params.background_stretch));
    start = line_start_after(items, breaks[l]);
  }
  return ratios;
}

} // namespace

int line_start_after(const std::vector<Item>& items, int brk) {
  int i = brk + 1;
  while (i < static_cast<int>(items.size()) &&
         items[static_cast<size_t>(i)].kind != ItemKind::Box &&
         !is_forced(items[static_cast<size_t>(i)]))
    ++i;
  return i;
}

LineMeasure measure_line(const std::vector<Item>& items, int from, int brk) {
  LineMeasure m;
  for (int i = from; i < brk; ++i) {
    const Item& it = items[static_cast<size_t>(i)];
    if (it.kind == ItemKind::Penalty)
      continue;
    m.width += it.width;
    m.stretch += it.stretch;
    m.shrink += it.shrink;
    m.fil += it.fil;
  }
  if (brk < static_cast<int>(items.size()) &&
      items[static_cast<size_t>(brk)].kind == ItemKind::Penalty)
    m.width += items[static_cast<size_t>(brk)].width;
  return m;
}

double adjustment_ratio(const LineMeasure& m, double target, double background_stretch) {
  if (m.width < target) {
    if (m.fil > 0)
      return 0;
    double stretch = m.stretch + background_stretch;
    return stretch > 0 ? (target - m.width) / stretch : std::numeric_limits<double>::infinity();
  }
  if (m.width > target) {
    return m.shrink > 0 ? (target - m.width) / m.shrink : -std::numeric_limits<double>::infinity();
  }
  return 0;
}

BreakResult break_lines(const std::vector<Item>& items, const LineWidthFn& width,
                        const LineBreakParams& params) {
  BreakResult result;
  std::vector<Node> nodes;
  nodes.reserve(items.size() / 4 + 8);
  nodes.push_back(Node{});
  std::vector<int> active{0};
  std::vector<int> still_active;
  double tw = 0, ts = 0, tz = 0, tf = 0; // running totals before the current item
  const double spaces = space_stretch(items);

  struct Candidate {
    double demerits = kAwful;
    int prev = -1;
    int line = 0;
    int hyphens = 0;
  };
  // With a hyphen limit, breaks at one hyphen reached through runs of different lengths are
  // different nodes: the shorter run may still be followed by a hyphen, the longer may not.
  const int runs = params.hyphen_limit > 0 ? params.hyphen_limit : 1;
  const size_t per_group = 4 * static_cast<size_t>(runs);
  std::vector<Candidate> candidates; // indexed by (line group * 4 + fitness) * runs + run - 1
  std::vector<double> group_min;     // least demerits per line group (TeX 835-836)

  auto try_break = [&](int i) {
    const Item& brk = items[static_cast<size_t>(i)];
    bool forced = is_forced(brk);
    bool final_break = forced && i == static_cast<int>(items.size()) - 1;
    double pen_width = brk.kind == ItemKind::Penalty ? brk.width : 0;
    bool flagged = brk.kind == ItemKind::Penalty && brk.flagged;
    candidates.clear();
    group_min.clear();
    double min_demerits = kAwful;
    still_active.clear();
    for (size_t k = 0; k < active.size(); ++k) {
      const Node& a = nodes[static_cast<size_t>(active[k])];
      LineMeasure m{tw - a.width + pen_width, ts - a.stretch, tz - a.shrink, tf - a.fil};
      double target = width(params.distinct_lines ? a.line : 0);
      Evaluation e = evaluate(m, target, params, spaces);
      bool artificial = false;
      if (e.overfull || forced) {
        // Deactivate a, but in the final pass keep the paragraph alive through the last active
        // node when nothing feasible was found (TeX section 854).
        bool last = k + 1 == active.size() && still_active.empty();
        if (params.final_pass && min_demerits == kAwful && last)
          artificial = true;
        else if (!e.feasible)
          continue;
      } else {
        still_active.push_back(active[k]);
        if (!e.feasible)
          continue;
      }
      // The hyphen limit refuses the break, unless it is the one kept to end the paragraph at
      // all: the limit gives way before the paragraph fails.
      if (flagged && params.hyphen_limit > 0 && a.hyphens >= params.hyphen_limit && !artificial)
        continue;
      double d = artificial ? 0
                            : line_demerits(e, brk, a.flagged, a.fitness, final_break, params) +
                                  a.demerits;
      int group = params.distinct_lines ? a.line : 0;
      int hyphens = flagged ? a.hyphens + 1 : 0;
      size_t run = static_cast<size_t>(std::clamp(hyphens, 1, runs) - 1);
      size_t slot = (static_cast<size_t>(group) * 4 + static_cast<size_t>(e.fitness)) *
                        static_cast<size_t>(runs) +
                    run;
      if (candidates.size() <= slot)
        candidates.resize(slot + 1);
      if (d < candidates[slot].demerits)
        candidates[slot] = {d, active[k], a.line + 1, hyphens};
      if (group_min.size() <= static_cast<size_t>(group))
        group_min.resize(static_cast<size_t>(group) + 1, kAwful);
      group_min[static_cast<size_t>(group)] = std::min(group_min[static_cast<size_t>(group)], d);
      min_demerits = std::min(min_demerits, d);
    }
    active.swap(still_active);
    if (min_demerits == kAwful)
      return;
    // Totals after the break: discardable items that follow it belong to no line (TeX 837).
    double bw = tw, bs = ts, bz = tz, bf = tf;
    for (int j = i; j < static_cast<int>(items.size()); ++j) {
      const Item& it = items[static_cast<size_t>(j)];
      if (it.kind == ItemKind::Box)
        break;
      if (j > i && is_forced(it))
        break;
      if (it.kind == ItemKind::Glue) {
        bw += it.width;
        bs += it.stretch;
        bz += it.shrink;
        bf += it.fil;
      }
    }
    for (size_t slot = 0; slot < candidates.size(); ++slot) {
      const Candidate& c = candidates[slot];
      if (c.prev < 0 || c.demerits > group_min[slot / per_group] + params.adj_demerits)
        continue;
      Node n;
      n.position = i;
      n.line = c.line;
      n.fitness = static_cast<int>(slot / static_cast<size_t>(runs) % 4);
      n.flagged = flagged;
      n.hyphens = c.hyphens;
      n.demerits = c.demerits;
      n.prev = c.prev;
      n.width = bw;
      n.stretch = bs;
      n.shrink = bz;
      n.fil = bf;
      active.push_back(static_cast<int>(nodes.size()));
      nodes.push_back(n);
    }
  };

  for (size_t i = 0; i < items.size(); ++i) {
    const Item& it = items[i];
    if (it.kind == ItemKind::Box) {
      tw += it.width;
    } else if (it.kind == ItemKind::Glue) {
      if (is_legal_break(items, i))
        try_break(static_cast<int>(i));
      tw += it.width;
      ts += it.stretch;
      tz += it.shrink;
      tf += it.fil;
    } else if (it.penalty < kInfinitePenalty) {
      try_break(static_cast<int>(i));
    }
    if (active.empty())
      return result;
  }

  // Choose the best final node (TeX sections 874-875, with looseness).
  int best = -1;
  for (int id : active) {
    const Node& n = nodes[static_cast<size_t>(id)];
    if (n.position != static_cast<int>(items.size()) - 1)
      continue;
    if (best < 0 || n.demerits < nodes[static_cast<size_t>(best)].demerits)
      best = id;
  }
  if (best < 0)
    return result;
  if (params.looseness != 0) {
    int goal = nodes[static_cast<size_t>(best)].line + params.looseness;
    for (int id : active) {
      const Node& n = nodes[static_cast<size_t>(id)];
      if (n.position != static_cast<int>(items.size()) - 1)
        continue;
      const Node& b = nodes[static_cast<size_t>(best)];
      int dn = std::abs(n.line - goal), db = std::abs(b.line - goal);
      if (dn < db || (dn == db && n.demerits < b.demerits))
        best = id;
    }
    // TeX section 873: a pass that misses the goal gives way to the next one, which may reach
    // it with hyphenation; the final pass takes the nearest it found. (The engine does not let
    // emergency stretch meet a looseness: it sets the paragraph without one instead.)
    if (nodes[static_cast<size_t>(best)].line != goal && !params.final_pass)
      return result;
  }
  result.ok = true;
  result.total_demerits = nodes[static_cast<size_t>(best)].demerits;
  for (int id = best; id > 0; id = nodes[static_cast<size_t>(id)].prev)
    result.breaks.push_back(nodes[static_cast<size_t>(id)].position);
  std::reverse(result.breaks.begin(), result.breaks.end());
  result.ratios = line_ratios(items, result.breaks, width, params);
  return result;
}

BreakResult break_first_fit(const std::vector<Item>& items, const LineWidthFn& width,
                            const LineBreakParams& params) {
  BreakResult result;
  int start = 0;
  int last_fit = -1;
  for (int i = 0; i < static_cast<int>(items.size()); ++i) {
    if (!is_legal_break(items, static_cast<size_t>(i)))
      continue;
    int line = static_cast<int>(result.breaks.size());
    LineMeasure m = measure_line(items, start, i);
    double target = width(line);
    bool fits = m.width - m.shrink <= target;
    if (!fits && last_fit >= 0) {
      result.breaks.push_back(last_fit);
      start = line_start_after(items, last_fit);
      last_fit = -1;
      i = start - 1; // re-examine from the new line's start
      continue;
    }
    if (is_forced(items[static_cast<size_t>(i)]) || !fits) {
      result.breaks.push_back(i);
      start = line_start_after(items, i);
      last_fit = -1;
      continue;
    }
    last_fit = i;
  }
  result.ok = true;
  result.total_demerits = score_breaks(items, result.breaks, width, params);
  result.ratios = line_ratios(items, result.breaks, width, params);
  return result;
}

double score_breaks(const std::vector<Item>& items, const std::vector<int>& breaks,
                    const LineWidthFn& width, const LineBreakParams& params) {
  double total = 0;
  int start = 0;
  int prev_fitness = Decent;
  bool prev_flagged = false;
  const double spaces = space_stretch(items);
  for (size_t l = 0; l < breaks.size(); ++l) {
    int b = breaks[l];
    LineMeasure m = measure_line(items, start, b);
    Evaluation e = evaluate(m, width(static_cast<int>(l)), params, spaces);
    const Item& brk = items[static_cast<size_t>(b)];
    bool final_break = b == static_cast<int>(items.size()) - 1;
    total += line_demerits(e, brk, prev_flagged, prev_fitness, final_break, params);
    prev_fitness = e.fitness;
    prev_flagged = brk.kind == ItemKind::Penalty && brk.flagged;
    start = line_start_after(items, b);
  }
  return total;
}

} // namespace galley::text
