// Column widths by CSS 2.1's automatic table layout (17.5.2.2), apart from any text.
#include "layout/table_columns.hpp"

#include <doctest/doctest.h>

using namespace galley::layout::detail;

TEST_SUITE("layout/table columns") {
  TEST_CASE("a narrow table keeps its maxima; a wide one spreads them over the measure") {
    std::vector<double> w = column_widths({{10, 40}, {20, 30}}, 200);
    CHECK(w == std::vector<double>{40, 30});
    w = column_widths({{10, 60}, {20, 90}}, 200);
    CHECK(w[0] == doctest::Approx(80));
    CHECK(w[1] == doctest::Approx(120));
  }

  TEST_CASE("when the maxima do not fit, the room above the minima goes by max - min") {
    // Minima 20 + 30 + 50 = 100; 100 more to share in the ratio 10 : 0 : 90.
    const std::vector<double> w = column_widths({{20, 30}, {30, 30}, {50, 140}}, 200);
    CHECK(w[0] == doctest::Approx(30));
    CHECK(w[1] == doctest::Approx(30));
    CHECK(w[2] == doctest::Approx(140));
    const std::vector<double> v = column_widths({{20, 100}, {30, 60}, {50, 150}}, 200);
    CHECK(v[0] == doctest::Approx(20 + 100.0 * 80 / 210));
    CHECK(v[1] == doctest::Approx(30 + 100.0 * 30 / 210));
    CHECK(v[0] + v[1] + v[2] == doctest::Approx(200));
  }

  TEST_CASE("no column gets less than its minimum while the minima fit") {
    // A header word ("distance") beside a long column of prose.
    const std::vector<double> w = column_widths({{38, 62}, {20, 900}}, 300);
    CHECK(w[0] >= 38);
    CHECK(w[1] >= 20);
    CHECK(min_width({{38, 62}, {20, 900}}) == doctest::Approx(58));
  }

  TEST_CASE("minima wider than the measure are scaled down to it") {
    const std::vector<double> w = column_widths({{100, 200}, {300, 300}}, 200);
    CHECK(w[0] == doctest::Approx(50));
    CHECK(w[1] == doctest::Approx(150));
  }
}
