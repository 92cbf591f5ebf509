// The long dates a process formats, handed to the next (model/long_dates.hpp).
#include "galley/model.hpp"
#include "model/long_dates.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <tuple>

using namespace galley::model;

TEST_SUITE("model/long_dates") {
  TEST_CASE("a date formatted is listed, and a date given is taken as given") {
    // Dates of their own: the memo is the process's.
    const std::string made = format_date_long({1901, 3, 5}, "en");
    CHECK(made == "March 5, 1901");
    CHECK(format_date_long({1901, 3, 5}, "de") == "5. März 1901");
    const std::vector<LongDate> listed = long_dates();
    CHECK(std::find(listed.begin(), listed.end(), LongDate{"en", {1901, 3, 5}, made}) !=
          listed.end());
    CHECK(std::is_sorted(listed.begin(), listed.end(), [](const LongDate& a, const LongDate& b) {
      return std::tie(a.language, a.date.year, a.date.month, a.date.day) <
             std::tie(b.language, b.date.year, b.date.month, b.date.day);
    }));

    // Given by an earlier process, a date is not formatted again (this text is not ICU's); one
    // the process has already keeps its text.
    seed_long_dates({{"fr", {1902, 7, 14}, "given: 14 July 1902"}, {"en", {1901, 3, 5}, "other"}});
    CHECK(format_date_long({1902, 7, 14}, "fr") == "given: 14 July 1902");
    CHECK(format_date_long({1901, 3, 5}, "en") == "March 5, 1901");
    CHECK(long_dates().size() == listed.size() + 1);
  }
}
