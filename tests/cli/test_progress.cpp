#include "cli/progress.hpp"
#include "cli/report.hpp"

#include <doctest/doctest.h>

#include <cstdlib>

using namespace galley::cli;

TEST_SUITE("cli/progress") {
  TEST_CASE("sizes and durations read like a build log") {
    CHECK(format_size(812) == "812 B");
    CHECK(format_size(34'512) == "34.5 kB");
    CHECK(format_size(1'204'000) == "1.20 MB");
    CHECK(format_size(3'000'000'000ull) == "3.00 GB");
    CHECK(format_duration(340) == "340 ms");
    CHECK(format_duration(2'440) == "2.4 s");
    CHECK(format_duration(65'000) == "1 min 05 s");
  }

  TEST_CASE("one line per finished output, coloured only when asked") {
    OutputLine ok{"out/a.pdf", "pdf", true, 12, 34'512, 812, 0, 1};
    CHECK(format_output_line(ok, false) == "wrote out/a.pdf: 12 pages, 34.5 kB, 812 ms, 1 warning");
    OutputLine epub{"out/a.epub", "epub", true, 1, 900, 20, 0, 0};
    CHECK(format_output_line(epub, false) == "wrote out/a.epub: 1 document, 900 B, 20 ms");
    OutputLine bad{"out/b.pdf", "pdf", false, 0, 0, 5, 2, 0};
    CHECK(format_output_line(bad, false) == "failed out/b.pdf: 2 errors");
    CHECK(format_output_line(bad, true) == "\033[1;31mfailed\033[0m out/b.pdf: 2 errors");
  }

  TEST_CASE("the bar shows done/total, elapsed time and the current item within the width") {
    std::string bar = format_bar(3, 10, 4'200, "microsoft-openai.pdf", 80, false);
    CHECK(bar == "[######..............] 3/10  0:04  microsoft-openai.pdf");
    std::string narrow = format_bar(10, 10, 61'000, "microsoft-openai.pdf", 40, false);
    CHECK(narrow == "[####################] 10/10  1:01  mic");
    CHECK(format_bar(2, 4, 0, "a.pdf", 80, true).find("\033[32m") != std::string::npos);
    CHECK(format_summary(4, 0, {31, 0, 1'204'000}, 2'400, false) ==
          "built 4 outputs (31 pages, 1.20 MB) in 2.4 s");
    CHECK(format_summary(3, 1, {30, 0, 1'000}, 100, false) ==
          "1 of 4 outputs failed; wrote 3 (30 pages, 1.0 kB) in 100 ms");
    // PDF pages and EPUB documents are counted apart, each only when the build made it.
    CHECK(format_summary(4, 0, {18, 7, 2'000'000}, 900, false) ==
          "built 4 outputs (18 pages, 7 documents, 2.00 MB) in 900 ms");
    CHECK(format_summary(1, 0, {0, 1, 9'000}, 50, false) ==
          "built 1 output (1 document, 9.0 kB) in 50 ms");
  }

  TEST_CASE("NO_COLOR and a non-terminal stderr turn colour off") {
    // Under ctest stderr is a pipe or a file: no bar, no colour.
    Terminal t = detect_terminal();
    CHECK_FALSE(t.colour);
    ::setenv("NO_COLOR", "1", 1);
    CHECK_FALSE(detect_terminal().colour);
    ::unsetenv("NO_COLOR");
  }
}

TEST_SUITE("cli/report") {
  TEST_CASE("the report lists every output with its diagnostics and the totals") {
    galley::Diagnostic warn{galley::Severity::Warning, {"a.md", 3, 8}, "say \"hi\"", "hint"};
    std::vector<ReportOutput> outputs = {
        {"out/a.pdf", "pdf", "a.md", -1, true, 2, 1000, std::string(64, 'f'), 12, {warn}},
        {"out/b.pdf", "pdf", "may.yaml", 1, false, 0, 0, "", 3, {}},
        {"out/a.epub", "epub", "a.md", -1, true, 5, 500, std::string(64, 'e'), 4, {}},
    };
    ReportRun run{"0.1.0", "1/1", true, false, 0, 1, 40};
    std::string json = report_json(run, outputs);
    CHECK(json.find("\"path\": \"out/a.pdf\"") != std::string::npos);
    CHECK(json.find("\"article\": 2") != std::string::npos);
    CHECK(json.find("\"sha256\": null") != std::string::npos);
    CHECK(json.find("\"message\": \"say \\\"hi\\\"\"") != std::string::npos);
    // The EPUB's content documents are not pages.
    CHECK(json.find("\"format\": \"epub\"") != std::string::npos);
    CHECK(json.find("\"documents\": 5,\n      \"bytes\": 500") != std::string::npos);
    CHECK(json.find(
              "\"outputs\": 3,\n    \"written\": 2,\n    \"failed\": 1,\n"
              "    \"pages\": 2,\n    \"documents\": 5,\n    \"bytes\": 1500,\n    \"errors\": 0,\n"
              "    \"warnings\": 1,\n    \"time_ms\": 40\n") != std::string::npos);
    CHECK(json.back() == '\n');
    // Same inputs, same bytes: only the time fields may change between runs.
    CHECK(report_json(run, outputs) == json);
  }
}
