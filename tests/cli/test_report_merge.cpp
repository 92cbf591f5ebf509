// `galley report merge`: the shards' reports of one build joined into the report of the whole
// build, and refused, with one located error each, when they are not one build's shards.
#include "galley_runner.hpp"
#include "test_support.hpp"

#include "util/files.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace galley;
using namespace galley::test;
namespace fs = std::filesystem;

namespace {

const std::string kFixtures = GALLEY_TEST_DATA_DIR "/cli/fixtures";

/// A report without its lines of times, which are the only part that differs between runs.
std::string without_times(const std::string& report) {
  std::istringstream in(report);
  std::string line, out;
  while (std::getline(in, line))
    if (line.find("\"time_ms\"") == std::string::npos)
      out += line + "\n";
  return out;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

/// A folder with an issue whose second article has a front-matter warning, another article, and
/// the reports of a one-machine build and of the same build in three shards.
struct Built {
  fs::path dir;
  std::string whole;

  Built() : dir(galley::test::scratch_root() / "galley-cli-merge") {
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const char* name : {"harbour.md", "warn.md", "orchard.md", "lighthouse.md"})
      fs::copy_file(kFixtures + "/" + name, dir / name);
    write_file_atomic(dir / "mixed.yaml", "title: Mixed Cargo\npublication: The Build Test "
                                          "Gazette\ndate: 2026-06-01\nlang: en\narticles:\n"
                                          "  - harbour.md\n  - warn.md\n  - orchard.md\n");
    whole = build("all.json", "1/1");
    for (int i = 1; i <= 3; ++i)
      build(shard(i), std::to_string(i) + "/3");
  }
  ~Built() { fs::remove_all(dir); }

  std::string shard(int i) const {
    return (dir / ("shard-" + std::to_string(i) + ".json")).string();
  }

  std::string build(const std::string& report, const std::string& shard) const {
    auto r =
        run_galley({"build", (dir / "mixed.yaml").string(), (dir / "lighthouse.md").string(),
                    "--single", "--name", "{issue}-{slug}.{ext}", "-q", "-o",
                    (dir / "out").string(), "--shard", shard, "--report", (dir / report).string()});
    REQUIRE_MESSAGE(r.status == 0, r.output);
    return read_file(dir / report).value();
  }

  RunResult merge(std::vector<std::string> reports, const std::string& out = "merged.json") const {
    std::vector<std::string> args = {"report", "merge"};
    args.insert(args.end(), reports.begin(), reports.end());
    args.insert(args.end(), {"-o", (dir / out).string()});
    return run_galley(args);
  }

  /// Shard i's report with `from` replaced by `to`, saved as `name`.
  std::string edited(int i, const std::string& from, const std::string& to,
                     const std::string& name) const {
    auto text = replaced(read_file(shard(i)).value(), from, to);
    write_file_atomic(dir / name, text);
    return (dir / name).string();
  }
};

} // namespace

TEST_SUITE("cli/report_merge") {
  TEST_CASE("three shards' reports merge into the one-machine report") {
    Built b;
    // The shards are given in any order.
    auto r = b.merge({b.shard(3), b.shard(1), b.shard(2)});
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK(r.output.find("merged 3 reports into ") != std::string::npos);
    std::string merged = read_file(b.dir / "merged.json").value();
    JsonCounts counts;
    REQUIRE(check_json(merged, counts));
    // Everything but the times is what one machine wrote: the outputs in the work list's order
    // with their sha256s, "shard": "1/1", and the totals, where the warning of warn.md, which
    // every shard loading the issue counted, is counted once.
    CHECK(without_times(merged) == without_times(b.whole));
    CHECK(merged.find("\"shard\": \"1/1\"") != std::string::npos);
    CHECK(merged.find("\"outputs\": 7,\n    \"written\": 7,\n    \"failed\": 0,") !=
          std::string::npos);
    CHECK(merged.find("\"warnings\": 1,") != std::string::npos);
    for (int i = 1; i <= 3; ++i)
      CHECK(read_file(b.shard(i)).value().find("\"warnings\": 1,") != std::string::npos);
    for (const char* name :
         {"mixed-mixed.pdf", "mixed-mixed.epub", "mixed-warn.pdf", "lighthouse-last-keeper.epub"}) {
      CAPTURE(name);
      CHECK(count_of(merged, sha256_of(read_file(b.dir / "out" / name).value())) == 1);
    }
    // The slowest shard's time.
    CHECK(merged.find("\"time_ms\": ") != std::string::npos);
  }

  TEST_CASE("reports that are not one build's shards: one located error each, nothing written") {
    Built b;
    auto refused = [&](std::vector<std::string> reports, const std::string& expected) {
      auto r = b.merge(reports);
      CAPTURE(r.output);
      CHECK(r.status == 1);
      CHECK(r.output.find(expected) != std::string::npos);
      CHECK_FALSE(fs::exists(b.dir / "merged.json"));
      return r.output;
    };
    std::string article = (b.dir / "harbour.md").string();
    refused({b.shard(1), article, b.shard(2), b.shard(3)},
            article + ":1:1: error: not a galley report (from galley build --report): it is not "
                      "JSON");
    write_file_atomic(b.dir / "other.json", "{\"galley\": {\"version\": \"0.1.0\"}}\n");
    refused({b.shard(1), (b.dir / "other.json").string()},
            "other.json:1:1: error: not a galley report (from galley build --report): expected "
            "\"outputs\" to be an array");
    write_file_atomic(b.dir / "torn.json", read_file(b.shard(2)).value().substr(0, 200));
    refused({b.shard(1), (b.dir / "torn.json").string(), b.shard(3)},
            "torn.json:" /* a line and column of its end */);
    auto version = b.edited(2, "\"version\": \"", "\"version\": \"9.", "v.json");
    refused({b.shard(1), version, b.shard(3)}, "v.json:3:16: error: made by galley 9.");
    auto four = b.edited(3, "\"shard\": \"3/3\"", "\"shard\": \"3/4\"", "four.json");
    refused({b.shard(1), b.shard(2), four},
            "four.json:4:14: error: shard 3/4 of a build in 4 shards, but");
    auto strict = b.edited(3, "\"strict\": false", "\"strict\": true", "strict.json");
    refused({b.shard(1), b.shard(2), strict}, "strict.json:2:13: error: made with other options");
    auto out = refused({b.shard(1), b.shard(2), b.shard(2), b.shard(3)},
                       "shard-2.json:4:14: error: shard 2/3 is given twice");
    CHECK(count_of(out, "error:") == 1);
    refused({b.shard(1), b.shard(3)}, "error: missing the report of shard 2/3");
    // An output of shard 1 claimed by shard 3 too.
    std::string first = read_file(b.shard(1)).value();
    auto at = first.find("\"path\": \"") + 9;
    std::string path = first.substr(at, first.find('"', at) - at);
    std::string third = read_file(b.shard(3)).value();
    auto at3 = third.find("\"path\": \"") + 9;
    auto twice = b.edited(3, third.substr(at3, third.find('"', at3) - at3), path, "twice.json");
    out = refused({b.shard(1), b.shard(2), twice},
                  ": error: the output '" + path + "' is also in '" + b.shard(1) + "'");
    CHECK(out.starts_with(twice + ":"));
  }

  TEST_CASE("the merged report may not replace a report it reads") {
    Built b;
    auto r = b.merge({b.shard(1), b.shard(2), b.shard(3)}, "shard-2.json");
    CHECK(r.status == 2);
    CHECK(r.output.find("output would overwrite the input") != std::string::npos);
    auto usage = run_galley({"report", "merge", b.shard(1)});
    CHECK(usage.status == 2);
    CHECK(usage.output.find("--output") != std::string::npos);
  }
}
