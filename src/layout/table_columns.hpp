#pragma once
// Column widths of a table by the automatic table layout of CSS 2.1 (section 17.5.2.2): each
// column between its minimum content width (its widest unbreakable piece) and its maximum
// content width (its widest cell on one line).
#include <vector>

namespace galley::layout::detail {

struct ColumnRange {
  double min = 0; ///< the widest piece that cannot be broken
  double max = 0; ///< the widest cell set on one line
};

/// The sum of the columns' minimum widths: the table fits a measure at least this wide.
double min_width(const std::vector<ColumnRange>& columns);

/// The content width of each column in `avail` (cell padding excluded). When the maxima fit,
/// each column gets its maximum; a table wider than half the measure is then spread to fill it
/// in proportion to the maxima. Otherwise each column gets its minimum and the rest of the
/// measure goes to the columns in proportion to (max - min), so the columns with the most to
/// say wrap the least. When even the minima do not fit, they are scaled down to the measure.
std::vector<double> column_widths(const std::vector<ColumnRange>& columns, double avail);

} // namespace galley::layout::detail
