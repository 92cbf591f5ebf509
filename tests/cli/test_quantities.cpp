// Sizes and ages as written on the command line (cli/quantities.hpp).
#include "cli/quantities.hpp"

#include <doctest/doctest.h>

using namespace galley::cli;

TEST_SUITE("cli/quantities") {
  TEST_CASE("sizes: a number and a unit of powers of 1000, in either case, B or not") {
    std::string error;
    CHECK(parse_size("4096", error) == 4096u);
    CHECK(parse_size("800k", error) == 800'000u);
    CHECK(parse_size("500M", error) == 500'000'000u);
    CHECK(parse_size("500MB", error) == 500'000'000u);
    CHECK(parse_size("2g", error) == 2'000'000'000u);
    CHECK(parse_size("1.5G", error) == 1'500'000'000u);
    CHECK(parse_size("3T", error) == 3'000'000'000'000u);
    CHECK(parse_size("12B", error) == 12u);
    CHECK(parse_size("0", error) == 0u);
    CHECK(error.empty());
    for (const char* wrong :
         {"", "G", "2Q", "2GBB", "-1G", "2.G", ".5G", "1e3", " 2G", "2 G", "99999999999T"}) {
      CAPTURE(wrong);
      error.clear();
      CHECK_FALSE(parse_size(wrong, error).has_value());
      CHECK(error.find("is not a size") != std::string::npos);
    }
  }

  TEST_CASE("ages: whole days, or hours") {
    std::string error;
    CHECK(parse_age("30", error) == 30 * 86400);
    CHECK(parse_age("30d", error) == 30 * 86400);
    CHECK(parse_age("12h", error) == 12 * 3600);
    CHECK(parse_age("0", error) == 0);
    CHECK(error.empty());
    for (const char* wrong : {"", "d", "-3", "3w", "1.5d", "3 d", "+3", "99999999999999"}) {
      CAPTURE(wrong);
      error.clear();
      CHECK_FALSE(parse_age(wrong, error).has_value());
      CHECK(error.find("is not an age") != std::string::npos);
    }
  }
}
