#include "layout/table_columns.hpp"

namespace galley::layout::detail {

double min_width(const std::vector<ColumnRange>& columns) {
  double sum = 0;
  for (const ColumnRange& c : columns) sum += c.min;
  return sum;
}

std::vector<double> column_widths(const std::vector<ColumnRange>& columns, double avail) {
  const auto n = static_cast<double>(columns.size());
  double sum_max = 0;
  for (const ColumnRange& c : columns) sum_max += c.max;
  const double sum_min = min_width(columns);
  std::vector<double> width;
  width.reserve(columns.size());
  for (const ColumnRange& c : columns) {
    if (sum_max <= avail) {
      const bool spread = sum_max > avail * 0.5 && sum_max > 0;
      width.push_back(spread ? c.max * avail / sum_max : c.max);
    } else if (sum_min <= avail) {
      const double flex = sum_max - sum_min;
      width.push_back(c.min + (flex > 0 ? (avail - sum_min) * (c.max - c.min) / flex : 0));
    } else {
      width.push_back(sum_min > 0 ? c.min * avail / sum_min : avail / n);
    }
  }
  return width;
}

} // namespace galley::layout::detail
