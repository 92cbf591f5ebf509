// The numbers of ordered lists' items in the PDF: letters past z, roman numerals, and decimal
// where a system has no numeral, as CSS counts.
#include "layout/list_numbers.hpp"

#include <doctest/doctest.h>

using galley::layout::detail::list_number;
using N = galley::model::ListNumbering;

TEST_SUITE("layout/list-numbers") {
  TEST_CASE("letters count on past z as aa, ab, and roman numerals subtract") {
    CHECK(list_number(N::Decimal, 12) == "12");
    CHECK(list_number(N::LowerAlpha, 1) == "a");
    CHECK(list_number(N::LowerAlpha, 26) == "z");
    CHECK(list_number(N::LowerAlpha, 27) == "aa");
    CHECK(list_number(N::LowerAlpha, 52) == "az");
    CHECK(list_number(N::UpperAlpha, 703) == "AAA");
    CHECK(list_number(N::LowerRoman, 4) == "iv");
    CHECK(list_number(N::LowerRoman, 9) == "ix");
    CHECK(list_number(N::UpperRoman, 1994) == "MCMXCIV");
    CHECK(list_number(N::UpperRoman, 3999) == "MMMCMXCIX");
  }

  TEST_CASE("a number a system cannot write is decimal") {
    CHECK(list_number(N::LowerAlpha, 0) == "0");
    CHECK(list_number(N::LowerRoman, 0) == "0");
    CHECK(list_number(N::UpperRoman, 4000) == "4000");
  }
}
