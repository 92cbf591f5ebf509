// `galley build` end to end: the galley binary (GALLEY_BIN) on the example issue and on the
// small fixtures in tests/cli/fixtures.
#include "galley_runner.hpp"
#include "test_support.hpp"

#include "util/files.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <csignal>
#include <fcntl.h>
#include <functional>
#include <map>
#include <set>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace galley;
using namespace galley::test;
namespace fs = std::filesystem;

namespace {

const std::string kFixtures = GALLEY_TEST_DATA_DIR "/cli/fixtures";
const std::string kExampleIssue = GALLEY_SOURCE_DIR "/examples/quantum-dispatch/issue.yaml";

/// name -> bytes of every file below `dir`.
std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file())
      files[fs::relative(e.path(), dir).generic_string()] = read_file(e.path()).value();
  return files;
}

fs::path fresh_dir(const std::string& name) {
  fs::path dir = galley::test::fresh_folder("galley-cli-" + name);
  return dir;
}

std::string fixture(const char* name) {
  return kFixtures + "/" + name;
}

} // namespace

TEST_SUITE("cli/galley_build") {
  TEST_CASE("parallel and serial builds are byte-identical") {
    fs::path one = fresh_dir("j1"), two = fresh_dir("j2");
    auto serial = run_galley(
        {"build", kExampleIssue, "--single", "-f", "pdf,epub", "-j", "1", "-o", one.string()});
    REQUIRE_MESSAGE(serial.status == 0, serial.output);
    auto parallel = run_galley(
        {"build", kExampleIssue, "--single", "-f", "pdf,epub", "-j", "2", "-o", two.string()});
    REQUIRE_MESSAGE(parallel.status == 0, parallel.output);
    auto a = tree(one), b = tree(two);
    // The issue in both formats, and one PDF per article of the issue.
    CHECK(a.size() == 2 + 4);
    CHECK(a.count("issue.pdf") == 1);
    CHECK(a.count("issue.epub") == 1);
    CHECK(a.count("microsoft-openai.pdf") == 1);
    CHECK(a == b);
    for (const auto& [name, bytes] : a) {
      CAPTURE(name);
      CHECK(bytes.rfind(name.ends_with(".pdf") ? "%PDF-" : "PK", 0) == 0);
    }
    // Not a terminal: one line per output, in work-list order, whatever -j.
    auto lines = [](const std::string& log, const fs::path& dir) {
      std::vector<std::string> names;
      for (std::size_t at = 0; (at = log.find("wrote " + dir.string(), at)) != std::string::npos;
           ++at)
        names.push_back(log.substr(at + 6 + dir.string().size(),
                                   log.find(':', at) - at - 6 - dir.string().size()));
      return names;
    };
    CHECK(lines(serial.output, one) ==
          std::vector<std::string>{"/issue.pdf", "/issue.epub", "/microsoft-openai.pdf",
                                   "/post-quantum-tls.pdf", "/open-silicon-europe.pdf",
                                   "/logical-qubits.pdf"});
    CHECK(lines(parallel.output, two) == lines(serial.output, one));
    fs::remove_all(one);
    fs::remove_all(two);
  }

  TEST_CASE("the articles' own PDFs wait for the issue's layout, and are made when the issue "
            "fails") {
    // They are held back while the issue lays its articles out, and started then or when the
    // issue's job ends first: here the issue is longer than --max-pages allows, each article
    // is not. On one thread or two, nothing waits forever and every article is written.
    for (const char* jobs : {"1", "2"}) {
      CAPTURE(jobs);
      fs::path dir = fresh_dir(std::string("held-") + jobs);
      auto r = run_galley({"build", kExampleIssue, "--single", "-f", "pdf,epub", "--max-pages", "8",
                           "-j", jobs, "-o", dir.string()});
      CHECK(r.status == 1);
      CHECK(r.output.find("more pages than the limit of 8") != std::string::npos);
      auto files = tree(dir);
      CHECK(files.count("issue.pdf") == 0);
      CHECK(files.count("issue.epub") == 1);
      for (const char* name : {"microsoft-openai.pdf", "post-quantum-tls.pdf",
                               "open-silicon-europe.pdf", "logical-qubits.pdf"}) {
        CAPTURE(name);
        REQUIRE(files.count(name) == 1);
        CHECK(files[name].rfind("%PDF-", 0) == 0);
      }
      fs::remove_all(dir);
    }
  }

  TEST_CASE("the report parses and counts every output") {
    fs::path dir = fresh_dir("report");
    auto r = run_galley({"build", fixture("issue.yaml"), fixture("warn.md"), "--single", "-o",
                         dir.string(), "--report", (dir / "report.json").string(), "--verify"});
    REQUIRE_MESSAGE(r.status == 0, r.output);
    std::string json = read_file(dir / "report.json").value();
    JsonCounts counts;
    REQUIRE_MESSAGE(check_json(json, counts), json);
    // issue.pdf, issue.epub, warn.pdf, warn.epub and three --single PDFs.
    CHECK(count_of(json, "\"path\": ") == 7);
    CHECK(count_of(json, "\"status\": \"written\"") == 7);
    CHECK(count_of(json, "\"sha256\": \"") == 7);
    CHECK(json.find("\"outputs\": 7,\n    \"written\": 7,\n    \"failed\": 0,") !=
          std::string::npos);
    CHECK(json.find("\"warnings\": 1,") != std::string::npos);
    CHECK(json.find("\"verify\": true") != std::string::npos);
    // One object per output; the warning of warn.md under each of its two outputs; the root,
    // "galley" and "totals".
    CHECK(counts.objects == 7 + 2 + 3);
    auto pdf = read_file(dir / "harbour.pdf").value();
    CHECK(json.find(sha256_of(pdf)) != std::string::npos);
    fs::remove_all(dir);
  }

  TEST_CASE("--strict turns a warning into exit 1 and writes nothing") {
    fs::path dir = fresh_dir("strict");
    auto lenient = run_galley({"build", fixture("warn.md"), "-f", "pdf", "-o", dir.string()});
    CHECK_MESSAGE(lenient.status == 0, lenient.output);
    CHECK(lenient.output.find("warning: unknown") != std::string::npos);
    CHECK(fs::exists(dir / "warn.pdf"));
    fs::remove(dir / "warn.pdf");
    auto strict =
        run_galley({"build", fixture("warn.md"), "-f", "pdf", "-o", dir.string(), "--strict"});
    CHECK_MESSAGE(strict.status == 1, strict.output);
    CHECK(strict.output.find("failed " + (dir / "warn.pdf").string()) != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "warn.pdf"));
    fs::remove_all(dir);
  }

  TEST_CASE("shards split the build: each output in exactly one, their union the whole") {
    fs::path whole = fresh_dir("shard-all");
    std::vector<std::string> args = {"build",
                                     fixture("issue.yaml"),
                                     fixture("harbour.md"),
                                     fixture("orchard.md"),
                                     fixture("lighthouse.md"),
                                     "--single",
                                     "--name",
                                     "{issue}-{slug}.{ext}"};
    auto with = [&](std::vector<std::string> extra) {
      auto a = args;
      a.insert(a.end(), extra.begin(), extra.end());
      return a;
    };
    auto all = run_galley(with({"-o", whole.string()}));
    REQUIRE_MESSAGE(all.status == 0, all.output);
    auto expected = tree(whole);
    // 4 inputs x 2 formats + 3 articles of the issue.
    CHECK(expected.size() == 11);
    CHECK(expected.count("issue-harbour-night.pdf") == 1);
    CHECK(expected.count("harbour-harbour-night.pdf") == 1);
    std::map<std::string, std::string> united;
    for (int i = 1; i <= 3; ++i) {
      fs::path dir = fresh_dir("shard-" + std::to_string(i));
      auto r = run_galley(with({"-o", dir.string(), "--shard", std::to_string(i) + "/3"}));
      REQUIRE_MESSAGE(r.status == 0, r.output);
      auto part = tree(dir);
      CHECK(!part.empty());
      for (auto& [name, bytes] : part) {
        CAPTURE(name);
        CHECK(united.count(name) == 0);
        united[name] = bytes;
      }
      fs::remove_all(dir);
    }
    CHECK(united == expected);
    fs::remove_all(whole);
  }

  TEST_CASE("--shard auto takes the shard from the CI engine; the shards' union is the whole") {
    std::vector<std::string> args = {"build",
                                     fixture("issue.yaml"),
                                     fixture("harbour.md"),
                                     fixture("orchard.md"),
                                     "--single",
                                     "--name",
                                     "{issue}-{slug}.{ext}",
                                     "-q"};
    // Whatever CI runs these tests, only the variables a case sets are seen.
    const std::vector<std::pair<std::string, std::string>> none = {
        {"CI_NODE_INDEX", ""},          {"CI_NODE_TOTAL", ""},
        {"BUILDKITE_PARALLEL_JOB", ""}, {"BUILDKITE_PARALLEL_JOB_COUNT", ""},
        {"CIRCLE_NODE_INDEX", ""},      {"CIRCLE_NODE_TOTAL", ""},
        {"JOB_COMPLETION_INDEX", ""}};
    auto build = [&](const fs::path& dir, const std::string& shard,
                     std::vector<std::pair<std::string, std::string>> env) {
      auto a = args;
      a.insert(a.end(), {"-o", dir.string(), "--shard", shard, "--report", dir.string() + ".json"});
      auto all = none;
      all.insert(all.end(), env.begin(), env.end());
      return run_galley(a, all);
    };
    fs::path whole = fresh_dir("auto-all");
    auto full = build(whole, "1/1", {});
    REQUIRE_MESSAGE(full.status == 0, full.output);
    auto expected = tree(whole);
    // 3 inputs x 2 formats + the issue's 3 articles.
    CHECK(expected.size() == 9);
    // Buildkite counts jobs from 0, a Kubernetes Indexed Job too, GitLab from 1.
    using Env = std::vector<std::pair<std::string, std::string>>;
    std::vector<std::pair<std::string, std::function<Env(int)>>> engines = {
        {"auto",
         [](int k) {
           return Env{{"BUILDKITE_PARALLEL_JOB", std::to_string(k)},
                      {"BUILDKITE_PARALLEL_JOB_COUNT", "3"}};
         }},
        {"auto/3",
         [](int k) {
           return Env{{"JOB_COMPLETION_INDEX", std::to_string(k)}};
         }},
        {"auto/3",
         [](int k) {
           return Env{{"CI_NODE_INDEX", std::to_string(k + 1)}, {"CI_NODE_TOTAL", "3"}};
         }},
    };
    for (const auto& [option, env] : engines) {
      std::map<std::string, std::string> united;
      for (int k = 0; k < 3; ++k) {
        fs::path dir = fresh_dir("auto-" + std::to_string(k));
        auto r = build(dir, option, env(k));
        CAPTURE(option);
        REQUIRE_MESSAGE(r.status == 0, r.output);
        auto report = read_file(dir.string() + ".json").value();
        CHECK(report.find("\"shard\": \"" + std::to_string(k + 1) + "/3\"") != std::string::npos);
        for (auto& [name, bytes] : tree(dir)) {
          CAPTURE(name);
          CHECK(united.count(name) == 0);
          united[name] = bytes;
        }
        fs::remove_all(dir);
        fs::remove(dir.string() + ".json");
      }
      CHECK(united == expected);
    }
    // Usage errors name the variables, exit 2, write nothing.
    fs::path dir = fresh_dir("auto-bad");
    auto nothing = build(dir, "auto", {});
    CHECK(nothing.status == 2);
    CHECK(nothing.output.find("no CI engine's shard variables are set (looked at CI_NODE_INDEX/"
                              "CI_NODE_TOTAL, BUILDKITE_PARALLEL_JOB/") != std::string::npos);
    auto disagree = build(dir, "auto/4", {{"CIRCLE_NODE_INDEX", "0"}, {"CIRCLE_NODE_TOTAL", "3"}});
    CHECK(disagree.status == 2);
    CHECK(count_of(disagree.output, "\n") == 1);
    CHECK(
        disagree.output.find("--shard: error: CIRCLE_NODE_TOTAL='3' (CircleCI): the engine runs 3 "
                             "jobs but --shard says auto/4") != std::string::npos);
    CHECK(fs::is_empty(dir));
    CHECK_FALSE(fs::exists(dir.string() + ".json"));
    fs::remove_all(dir);
    fs::remove_all(whole);
    fs::remove(whole.string() + ".json");
  }

  TEST_CASE("usage errors exit 2 before anything is written") {
    fs::path dir = fresh_dir("usage");
    auto bad_key =
        run_galley({"build", fixture("harbour.md"), "-o", dir.string(), "--name", "{slg}.{ext}"});
    CHECK(bad_key.status == 2);
    CHECK(bad_key.output.find("did you mean '{slug}'") != std::string::npos);
    auto clash = run_galley({"build", fixture("harbour.md"), fixture("orchard.md"), "-o",
                             dir.string(), "--name", "same.{ext}"});
    CHECK(clash.status == 2);
    CHECK(clash.output.find("two outputs would be written to") != std::string::npos);
    CHECK(
        run_galley({"build", fixture("harbour.md"), "-o", dir.string(), "--shard", "4/3"}).status ==
        2);
    CHECK(run_galley({"build", fixture("harbour.md"), "-o", dir.string(), "-f", "docx"}).status ==
          2);
    CHECK(fs::is_empty(dir));
    fs::remove_all(dir);
  }

  TEST_CASE("two builds of the same issue at once both finish with whole files") {
    fs::path solo = fresh_dir("twice-solo"), shared = fresh_dir("twice-shared");
    std::vector<std::string> args = {"build", fixture("issue.yaml"), "--single", "-q", "-o"};
    auto alone = args;
    alone.push_back(solo.string());
    REQUIRE(run_galley(alone).status == 0);
    args.push_back(shared.string());
    pid_t first = spawn_galley(args, {}), second = spawn_galley(args, {});
    for (pid_t child : {first, second}) {
      int status = 0;
      REQUIRE(::waitpid(child, &status, 0) == child);
      CHECK(WIFEXITED(status));
      CHECK(WEXITSTATUS(status) == 0);
    }
    // Same files as a build on its own: nothing torn, no temporary file left.
    CHECK(tree(shared) == tree(solo));
    fs::remove_all(solo);
    fs::remove_all(shared);
  }

  TEST_CASE("a kill during the build leaves the old file intact and no temporary file") {
    for (int sig : {SIGTERM, SIGINT}) {
      CAPTURE(sig);
      fs::path dir = fresh_dir("kill");
      fs::path out = dir / "harbour.pdf";
      write_file_atomic(out, "the previous good file");
      fs::path fifo = dir.string() + ".fifo";
      fs::remove(fifo);
      REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
      pid_t child =
          spawn_galley({"build", fixture("harbour.md"), "-f", "pdf", "-j", "1", "-o", dir.string()},
                       {{"GALLEY_TEST_HOLD_BEFORE_RENAME", fifo.string()}});
      // Opening the fifo succeeds once galley waits at the hold point: the new PDF is complete
      // in its temporary file, not yet renamed (unnamed where the file system has O_TMPFILE).
      int fd = open_when_held(fifo, child);
      REQUIRE(fd >= 0);
      std::size_t files = 0;
      for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir))
        ++files;
      CHECK(files <= 2);
      REQUIRE(::kill(child, sig) == 0);
      int status = 0;
      REQUIRE(::waitpid(child, &status, 0) == child);
      ::close(fd);
      fs::remove(fifo);
      REQUIRE(WIFEXITED(status));
      CHECK(WEXITSTATUS(status) == 128 + sig);
      CHECK(read_file(out).value() == "the previous good file");
      CHECK(tree(dir).size() == 1);
      fs::remove_all(dir);
    }
  }

  TEST_CASE("the man page documents every option that --help lists") {
    std::string man = read_file(GALLEY_SOURCE_DIR "/docs/galley.1").value();
    std::string plain = roff_to_plain(man);
    for (const char* cmd : {"", "check", "pdf", "epub", "build", "report merge", "cache prune",
                            "watch", "shape", "styles", "init"}) {
      std::vector<std::string> args;
      for (std::string_view rest = cmd; !rest.empty();) {
        auto space = rest.find(' ');
        args.emplace_back(rest.substr(0, space));
        rest = space == std::string_view::npos ? "" : rest.substr(space + 1);
      }
      args.push_back("--help");
      auto help = run_galley(args);
      std::string command = *cmd ? cmd : "galley";
      CAPTURE(command);
      REQUIRE(help.status == 0);
      auto options = options_in_help(help.output);
      CHECK(!options.empty());
      for (const auto& option : options) {
        CAPTURE(option);
        CHECK(plain.find(option) != std::string::npos);
      }
      if (*cmd)
        CHECK(plain.find(".B " + std::string(cmd)) != std::string::npos);
    }
  }
}
