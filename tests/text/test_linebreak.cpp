#include "text/linebreak.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

using namespace galley::text;

namespace {

/// Words of the given widths separated by TeX-like spaces (3 plus 1.5 minus 1), ending as a
/// paragraph does (\penalty10000 \parfillskip \penalty-10000).
std::vector<Item> words(const std::vector<double>& widths) {
  std::vector<Item> items;
  for (size_t i = 0; i < widths.size(); ++i) {
    if (i > 0)
      items.push_back(Item::glue(3, 1.5, 1));
    items.push_back(Item::box(widths[i]));
  }
  items.push_back(Item::penalty_item(0, kInfinitePenalty, false));
  items.push_back(Item::glue(0, 0, 0, 1));
  items.push_back(Item::penalty_item(0, -kInfinitePenalty, false));
  return items;
}

LineWidthFn fixed(double w) {
  return [w](int) { return w; };
}

} // namespace

TEST_SUITE("text/linebreak") {
  TEST_CASE("a paragraph that fits is one line with its fil glue taking the slack") {
    auto items = words({10, 20, 30});
    BreakResult r = break_lines(items, fixed(100), {});
    REQUIRE(r.ok);
    CHECK(r.breaks == std::vector<int>{static_cast<int>(items.size()) - 1});
    CHECK(r.ratios[0] == 0);
  }

  TEST_CASE("total fit prefers evenly spaced lines to a tight-then-loose pair") {
    // First fit puts three words on line 1 (tight) and leaves line 2 very loose; total fit
    // moves a word down.
    auto items = words({30, 30, 30, 30, 30, 1});
    LineBreakParams p;
    p.tolerance = 10000;
    BreakResult best = break_lines(items, fixed(97), p);
    BreakResult greedy = break_first_fit(items, fixed(97), p);
    REQUIRE(best.ok);
    CHECK(best.total_demerits <= greedy.total_demerits);
    CHECK(best.total_demerits == doctest::Approx(score_breaks(items, best.breaks, fixed(97), p)));
    for (double r : best.ratios)
      CHECK(r >= -1);
  }

  TEST_CASE("fitness classes and the adjacency demerits follow TeX") {
    // One line loose by ratio 0.8 (badness 51, class loose) then one decent: no adjacency
    // demerits; scoring is (l + b)^2 per line.
    auto items = words({40, 40, 20});
    LineBreakParams p;
    p.tolerance = 10000;
    // Break after the second word: line 1 = 40 + 3 + 40 = 83 with stretch 1.5.
    std::vector<int> breaks{3, static_cast<int>(items.size()) - 1};
    double target = 83 + 0.8 * 1.5;
    CHECK(score_breaks(items, breaks, fixed(target), p) ==
          doctest::Approx((10 + 51.2) * (10 + 51.2) + 100));
    // Very loose (ratio 1.2, badness 172.8) between the decent start and a decent last line:
    // classes 0 and 2 are not adjacent, so both transitions pay the adjacency demerits.
    target = 83 + 1.2 * 1.5;
    CHECK(score_breaks(items, breaks, fixed(target), p) ==
          doctest::Approx((10 + 172.8) * (10 + 172.8) + 100 + 2 * p.adj_demerits));
  }

  TEST_CASE("hyphen breaks pay the penalty and consecutive ones the double-hyphen demerits") {
    std::vector<Item> items{
        Item::box(50),          Item::penalty_item(5, 50, true),
        Item::box(50),          Item::penalty_item(5, 50, true),
        Item::box(50),          Item::penalty_item(0, kInfinitePenalty, false),
        Item::glue(0, 0, 0, 1), Item::penalty_item(0, -kInfinitePenalty, false)};
    LineBreakParams p;
    p.tolerance = 10000;
    std::vector<int> both{1, 3, 7};
    double d = score_breaks(items, both, fixed(55), p);
    // Lines 1 and 2 are exactly full (b = 0); line 3 is the last line. Line 2 follows a hyphen
    // and ends with one; the last line follows a hyphen (final hyphen demerits).
    double expected =
        (100 + 2500) + (100 + 2500 + p.double_hyphen_demerits) + (100 + p.final_hyphen_demerits);
    CHECK(d == doctest::Approx(expected));
    BreakResult r = break_lines(items, fixed(55), p);
    REQUIRE(r.ok);
    CHECK(r.breaks == both);
  }

  TEST_CASE("no feasible break fails except in the final pass, which overflows") {
    auto items = words({20, 150, 20});
    LineBreakParams p;
    BreakResult r = break_lines(items, fixed(100), p);
    CHECK_FALSE(r.ok);
    p.final_pass = true;
    r = break_lines(items, fixed(100), p);
    REQUIRE(r.ok);
    REQUIRE(r.breaks.size() == 3);
    CHECK(std::isinf(r.ratios[1])); // the 150pt word alone, no glue to shrink
    CHECK(r.ratios[1] < 0);
  }

  TEST_CASE("emergency stretch admits loose lines instead of failing") {
    auto items = words({40, 40, 40, 40});
    LineBreakParams p;
    p.tolerance = 200;
    CHECK_FALSE(break_lines(items, fixed(100), p).ok);
    p.emergency_stretch = 30;
    p.final_pass = true;
    BreakResult r = break_lines(items, fixed(100), p);
    REQUIRE(r.ok);
    REQUIRE(r.breaks.size() == 2);
    // The ratio is reported against the real glue only.
    CHECK(r.ratios[0] == doctest::Approx((100 - 83) / 1.5));
  }

  TEST_CASE("the line width function shapes the paragraph") {
    auto items = words(std::vector<double>(12, 20));
    LineBreakParams p;
    p.distinct_lines = true;
    p.tolerance = 10000;
    // Two short lines beside a drop cap, then full width.
    auto width = [](int line) { return line < 2 ? 60.0 : 120.0; };
    BreakResult r = break_lines(items, width, p);
    REQUIRE(r.ok);
    REQUIRE(r.breaks.size() >= 3);
    int start = 0;
    for (size_t l = 0; l < r.breaks.size(); ++l) {
      LineMeasure m = measure_line(items, start, r.breaks[l]);
      CAPTURE(l);
      CHECK(m.width - m.shrink <= width(static_cast<int>(l)) + 1e-9);
      start = line_start_after(items, r.breaks[l]);
    }
    CHECK(measure_line(items, 0, r.breaks[0]).width < 70);
    CHECK(measure_line(items, line_start_after(items, r.breaks[1]), r.breaks[2]).width > 90);
  }

  TEST_CASE("forced breaks end lines") {
    std::vector<Item> items{Item::box(10),
                            Item::glue(0, 0, 0, 1),
                            Item::penalty_item(0, -kInfinitePenalty, false),
                            Item::box(10),
                            Item::penalty_item(0, kInfinitePenalty, false),
                            Item::glue(0, 0, 0, 1),
                            Item::penalty_item(0, -kInfinitePenalty, false)};
    BreakResult r = break_lines(items, fixed(100), {});
    REQUIRE(r.ok);
    CHECK(r.breaks == std::vector<int>{2, 6});
  }

  TEST_CASE("looseness asks for one more line when one is possible") {
    auto items = words(std::vector<double>(9, 20));
    LineBreakParams p;
    p.tolerance = 10000;
    p.distinct_lines = true;
    size_t normal = break_lines(items, fixed(100), p).breaks.size();
    p.looseness = 1;
    CHECK(break_lines(items, fixed(100), p).breaks.size() == normal + 1);
  }
}
