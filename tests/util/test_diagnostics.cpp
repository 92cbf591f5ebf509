#include "galley/diagnostics.hpp"

#include <doctest/doctest.h>

using namespace galley;

TEST_SUITE("util/diagnostics") {
  TEST_CASE("text format has file, line, column, severity and hint") {
    Diagnostic d{Severity::Error, {"a.md", 3, 8}, "cover image 'x.jpg' not found", "did you mean 'y.jpg'?"};
    CHECK(format_text(d) == "a.md:3:8: error: cover image 'x.jpg' not found (did you mean 'y.jpg'?)");
    Diagnostic w{Severity::Warning, {"a.md", 0, 0}, "no date", ""};
    CHECK(format_text(w) == "a.md: warning: no date");
  }
  TEST_CASE("json format escapes and counts") {
    Diagnostic d{Severity::Warning, {"q\"a.md", 1, 2}, "tab\there", ""};
    CHECK(format_json(d) ==
          R"({"severity":"warning","file":"q\"a.md","line":1,"column":2,"message":"tab\there"})");
    Diagnostics sink;
    sink.error({}, "e");
    sink.warning({}, "w");
    sink.warning({}, "w2");
    CHECK(sink.error_count() == 1);
    CHECK(sink.warning_count() == 2);
    CHECK(sink.has_errors());
  }
  TEST_CASE("did you mean") {
    std::vector<std::string> keys{"title", "subtitle", "authors", "date", "cover"};
    CHECK(closest_match("titel", keys) == "title");
    CHECK(closest_match("autors", keys) == "authors");
    CHECK(closest_match("zzzzzz", keys).empty());
  }
}
