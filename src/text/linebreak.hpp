#pragma once
// Knuth-Plass total-fit line breaking as a pure function (D. E. Knuth and M. F. Plass,
// "Breaking Paragraphs into Lines", Software: Practice and Experience 11, 1981; TeX: The
// Program, sections 813-890). Items and parameters go in, breaks come out; nothing is read from
// anywhere else.
#include <functional>
#include <vector>

namespace galley::text {

enum class ItemKind { Box, Glue, Penalty };

/// TeX's convention: a penalty of at least +10000 forbids a break, at most -10000 forces one.
constexpr double kInfinitePenalty = 10000;

struct Item {
  ItemKind kind = ItemKind::Box;
  double width = 0;     ///< points (a penalty's width is paid only when the line breaks there)
  double stretch = 0;   ///< glue only
  double shrink = 0;    ///< glue only
  double fil = 0;       ///< glue only: infinitely stretchable component (\hfil)
  double penalty = 0;   ///< penalty only
  bool flagged = false; ///< penalty only: a hyphen break

  static Item box(double w) { return Item{ItemKind::Box, w}; }
  static Item glue(double w, double stretch, double shrink, double fil = 0) {
    return Item{ItemKind::Glue, w, stretch, shrink, fil};
  }
  static Item penalty_item(double w, double p, bool flagged) {
    return Item{ItemKind::Penalty, w, 0, 0, 0, p, flagged};
  }
};

/// Width of line `i` (0-based), in points.
using LineWidthFn = std::function<double(int)>;

struct LineBreakParams {
  double tolerance = 200; ///< largest badness of a feasible line
  double line_penalty = 10;
  double adj_demerits = 10000;
  double double_hyphen_demerits = 10000;
  double final_hyphen_demerits = 5000;
  /// Most consecutive lines that may end with a hyphen; a break that would make one more is not
  /// taken (InDesign's hyphen limit, CSS Text 4's hyphenate-limit-lines). 0: no limit.
  int hyphen_limit = 0;
  /// Stretch every line has besides its glue (ragged-right's \rightskip), points.
  double background_stretch = 0;
  /// Extra stretch that widens what counts as feasible (TeX's \emergencystretch), points.
  /// Demerits still come from the real glue.
  double emergency_stretch = 0;
  int looseness = 0;
  /// The last pass: loose lines beyond the tolerance are accepted (at badness 10000) rather
  /// than an overfull one; an overfull line only when nothing else is possible (TeX 854).
  bool final_pass = false;
  /// Whether lines must be told apart by number (a line-width function or looseness); when
  /// false every line has width(0) and the active list stays smaller.
  bool distinct_lines = false;
};

struct BreakResult {
  bool ok = false;            ///< false: no feasible breaks (only when not the final pass)
  std::vector<int> breaks;    ///< for each line, the item index it breaks at
  std::vector<double> ratios; ///< each line's adjustment ratio (real glue, no emergency stretch)
  double total_demerits = 0;
};

/// Knuth-Plass total fit. `items` must end with a forced break (penalty -10000).
BreakResult break_lines(const std::vector<Item>& items, const LineWidthFn& width,
                        const LineBreakParams& params);

/// Greedy first fit: each line takes as much as fits (shrinking if needed). Used to check that
/// total fit is never worse, and reported by the benchmark.
BreakResult break_first_fit(const std::vector<Item>& items, const LineWidthFn& width,
                            const LineBreakParams& params);

/// Demerits of a given break sequence, scored exactly as break_lines scores its own.
double score_breaks(const std::vector<Item>& items, const std::vector<int>& breaks,
                    const LineWidthFn& width, const LineBreakParams& params);

/// Index of the first item of the line that starts after a break at `brk` (glue and non-forced
/// penalties after a break are discarded, TeX section 879).
int line_start_after(const std::vector<Item>& items, int brk);

/// Natural width, stretch, shrink and fil of items [from, to) plus the break item's width when
/// it is a penalty.
struct LineMeasure {
  double width = 0;
  double stretch = 0;
  double shrink = 0;
  double fil = 0;
};
LineMeasure measure_line(const std::vector<Item>& items, int from, int brk);

/// Adjustment ratio of a line of `m` set to `target` (0 when fil glue absorbs the slack; -1 at
/// most when shrinking; +inf when it cannot stretch).
double adjustment_ratio(const LineMeasure& m, double target, double background_stretch);

} // namespace galley::text
