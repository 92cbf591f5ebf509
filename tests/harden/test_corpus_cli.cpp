// The bad-input corpus through the command line: `galley check` on each case must end normally
// (no signal, no sanitizer report), fail for errors, and print the expected diagnostic.
#include "run.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace harden;
namespace fs = std::filesystem;

TEST_SUITE("harden/corpus") {
  TEST_CASE("galley check on every bad input prints its diagnostic and never crashes") {
    const fs::path dir = fs::path(GALLEY_TEST_DATA_DIR) / "corpus/bad";
    std::ifstream in(dir / "expected.tsv");
    std::string row;
    int cases = 0;
    while (std::getline(in, row)) {
      if (row.empty() || row[0] == '#')
        continue;
      size_t t1 = row.find('\t'), t2 = row.find('\t', t1 + 1), t3 = row.find('\t', t2 + 1);
      REQUIRE(t3 != std::string::npos);
      std::string file = row.substr(0, t1), severity = row.substr(t1 + 1, t2 - t1 - 1);
      std::string line = row.substr(t2 + 1, t3 - t2 - 1), text = row.substr(t3 + 1);
      CAPTURE(file);
      RunResult r = run_galley({"check", (dir / file).string()});
      CAPTURE(r.err);
      CHECK(r.signal == 0);
      CHECK(r.code != 3);
      if (severity == "error")
        CHECK(r.code == 1);
      // The printed line that carries the message: `file:line:col: severity: ...text...`.
      size_t at = r.err.find(text);
      REQUIRE(at != std::string::npos);
      size_t begin = r.err.rfind('\n', at);
      begin = begin == std::string::npos ? 0 : begin + 1;
      std::string printed = r.err.substr(begin, r.err.find('\n', at) - begin);
      CAPTURE(printed);
      CHECK(printed.find(" " + severity + ": ") != std::string::npos);
      if (line != "0")
        CHECK(printed.find(file + ":" + line + ":") != std::string::npos);
      ++cases;
    }
    CHECK(cases >= 60);
  }

  TEST_CASE("check, pdf and epub refuse each broken image with the same located error") {
    const fs::path dir = fs::path(GALLEY_TEST_DATA_DIR) / "corpus/bad";
    const fs::path out = scratch("broken-images");
    for (const char* name :
         {"image-bad-crc", "image-garbage-idat", "image-bit-depth-3", "image-no-plte",
          "image-truncated-jpeg", "image-lossless", "image-arithmetic", "image-lying-size",
          "image-truncated-gif", "image-corrupt-webp", "image-truncated-avif"}) {
      CAPTURE(name);
      std::string check = run_galley({"check", (dir / (std::string(name) + ".md")).string()}).err;
      size_t at = check.find(": error: ");
      REQUIRE(at != std::string::npos);
      std::string line = check.substr(0, check.find('\n', at));
      CHECK(line.find(std::string(name) + ".md:6:1: error: figure image 'images/") !=
            std::string::npos);
      CHECK(line.find(" is unreadable: ") != std::string::npos);
      for (const char* command : {"pdf", "epub"}) {
        CAPTURE(command);
        fs::path target = out / (std::string(name) + "." + command);
        RunResult r = run_galley(
            {command, (dir / (std::string(name) + ".md")).string(), "-o", target.string()});
        CAPTURE(r.err);
        CHECK(r.code == 1);
        CHECK(r.err.find(line) != std::string::npos);
        CHECK_FALSE(fs::exists(target));
      }
    }
  }
}
