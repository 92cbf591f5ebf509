#include "cli/diagnostic_view.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace galley;
using namespace galley::cli;

namespace {

std::string source_file(const std::string& name, const std::string& text) {
  const auto path = galley::test::scratch_root() / ("galley-view-" + name);
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

} // namespace

TEST_SUITE("cli/diagnostic-view") {
  TEST_CASE("the source line with a caret under the word, the hint beside it") {
    const std::string file = source_file("a.md", "---\ntitel: Harbour\n---\n");
    SourceLines sources;
    const Diagnostic d{Severity::Warning,
                       {file, 2, 1},
                       "unknown front matter key 'titel'",
                       "did you mean 'title'?"};
    CHECK(format_for_terminal(d, sources, false) == "warning: unknown front matter key 'titel'\n"
                                                    "  --> " +
                                                        file +
                                                        ":2:1\n"
                                                        "  |\n"
                                                        "2 | titel: Harbour\n"
                                                        "  | ^^^^^^ did you mean 'title'?\n");
  }

  TEST_CASE("wide characters and tabs move the caret as a terminal shows them") {
    const std::string file =
        source_file("b.md", "line\n\tx = 1\n鴨川の散歩 [^9]\n" + std::string(7, '\n') + "ten $\n");
    SourceLines sources;
    // Column 2 is the byte after the tab, shown at screen column 4.
    const std::string tab =
        format_for_terminal({Severity::Error, {file, 2, 2}, "m", ""}, sources, false);
    CHECK(tab.find("2 |     x = 1\n  |     ^\n") != std::string::npos);
    // Five ideographs (15 bytes, 10 cells) and a space come before "[^9]", at byte 17.
    const std::string wide =
        format_for_terminal({Severity::Error, {file, 3, 17}, "m", ""}, sources, false);
    CHECK(wide.find("3 | 鴨川の散歩 [^9]\n  |            ^^^^\n") != std::string::npos);
    // A two-digit line number widens the gutter; a caret past the end stands after the text.
    const std::string end =
        format_for_terminal({Severity::Error, {file, 11, 6}, "m", ""}, sources, false);
    CHECK(end.find("   --> ") != std::string::npos);
    CHECK(end.find("11 | ten $\n   |      ^\n") != std::string::npos);
  }

  TEST_CASE("colour marks the severity, the message, the gutter and the caret") {
    const std::string file = source_file("c.md", "# Title\n");
    SourceLines sources;
    const std::string s =
        format_for_terminal({Severity::Error, {file, 1, 3}, "m", ""}, sources, true);
    CHECK(s.find("\033[1;31merror\033[0m: \033[1mm\033[0m\n") == 0);
    CHECK(s.find("\033[1;31m^^^^^\033[0m") != std::string::npos);
    CHECK(s.find("\033[1;34m|\033[0m") != std::string::npos);
  }

  TEST_CASE("what cannot be shown is left out") {
    SourceLines sources;
    // No file: the message and its hint.
    CHECK(format_for_terminal({Severity::Error, {}, "no input files", "give one"}, sources,
                              false) == "error: no input files\n  = give one\n");
    // A file that is not there, or a line past its end: the place, without source.
    CHECK(format_for_terminal({Severity::Error, {"/nonexistent/x.md", 4, 2}, "m", ""}, sources,
                              false) == "error: m\n --> /nonexistent/x.md:4:2\n");
    const std::string file = source_file("d.md", "one line\n");
    CHECK(format_for_terminal({Severity::Note, {file, 9, 1}, "m", "h"}, sources, false) ==
          "note: m\n --> " + file + ":9:1\n  = h\n");
  }
}
