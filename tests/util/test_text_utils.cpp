// Characters an output may hold, and the output date as text: both writers rely on these.
#include "util/dates.hpp"
#include "util/text_utils.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace galley;

TEST_SUITE("util/text") {
  TEST_CASE("characters XML 1.0 forbids become U+FFFD; tab and line breaks stay") {
    std::string s = std::string("a\0b", 3) + "\x01\tc\n\r\xEF\xBF\xBE" + "d\xEF\xBF\xBF" + "e\xEF\xBF\xBD";
    std::size_t first = 99;
    CHECK(replace_non_xml_chars(s, &first) == 4);
    CHECK(first == 1);
    CHECK(s == "a\uFFFDb\uFFFD\tc\n\r\uFFFDd\uFFFDe\uFFFD");
    std::string clean = "Plain text, \u00E9t\u00E9, \u4E2D\u6587, emoji \U0001F600.";
    const std::string before = clean;
    CHECK(replace_non_xml_chars(clean) == 0);
    CHECK(clean == before);
  }

  TEST_CASE("dates are written with four-digit years from year 1 to 9999") {
    CHECK(iso_utc(0) == "1970-01-01T00:00:00Z");
    CHECK(iso_utc(kFirstRecordableEpoch) == "0001-01-01T00:00:00Z");
    CHECK(iso_utc(kLastRecordableEpoch) == "9999-12-31T23:59:59Z");
    CHECK(iso_utc(1777248000) == "2026-04-27T00:00:00Z");
    const CivilTime c = civil_utc(-1);
    CHECK(c.year == 1969);
    CHECK(c.second == 59);
  }
}
