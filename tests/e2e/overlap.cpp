#include "overlap.hpp"

#include <algorithm>
#include <cstddef>
#include <map>

namespace e2e {

int overlapping_words(const std::vector<TextLine>& lines, double sliver) {
  // Page by page, the words in order of their left edge: only those starting before a word's
  // right edge can overlap it.
  std::map<int, std::vector<Box>> pages;
  for (const TextLine& l : lines)
    for (const Box& w : l.words) pages[l.page].push_back(w);
  int count = 0;
  for (auto& [page, words] : pages) {
    std::sort(words.begin(), words.end(), [](const Box& a, const Box& b) { return a.x0 < b.x0; });
    for (std::size_t i = 0; i < words.size(); ++i)
      for (std::size_t j = i + 1; j < words.size() && words[j].x0 < words[i].x1 - sliver; ++j) {
        const Box& a = words[i];
        const Box& b = words[j];
        const double across = std::min(a.x1, b.x1) - b.x0;
        const double down = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
        const double shorter = std::min(a.y1 - a.y0, b.y1 - b.y0);
        if (across > sliver && down > shorter / 2) ++count;
      }
  }
  return count;
}

int words_outside(const std::vector<TextLine>& lines, const Box& area, double tolerance) {
  int count = 0;
  for (const TextLine& l : lines)
    for (const Box& w : l.words)
      if (w.x0 < area.x0 - tolerance || w.x1 > area.x1 + tolerance ||
          w.y0 < area.y0 - tolerance || w.y1 > area.y1 + tolerance)
        ++count;
  return count;
}

Box default_text_area() {
  constexpr double bleed = 3 * 72 / 25.4, margin = 36 * 72 / 25.4;
  constexpr double a4_width = 595.276, a4_height = 841.89;
  return {bleed + margin, 0, bleed + a4_width - margin, a4_height + 2 * bleed, {}};
}

} // namespace e2e
