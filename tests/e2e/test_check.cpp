#include "run.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <regex>

using namespace e2e;

TEST_SUITE("e2e/check") {
  TEST_CASE("the example issue and article check clean") {
    auto ex = source_dir() / "examples/quantum-dispatch";
    auto r = run_galley("check " + q(ex / "issue.yaml"));
    CAPTURE(r.err);
    CHECK(r.code == 0);
    CHECK(r.err.find("error:") == std::string::npos);
    CHECK(r.err.find("4 articles checked") != std::string::npos);
    r = run_galley("check " + q(ex / "microsoft-openai.md"));
    CHECK(r.code == 0);
  }
  TEST_CASE("exit codes: input error 1, usage error 2, help and version 0") {
    auto dir = scratch("check-codes");
    auto r = run_galley("check " + q(dir / "missing.md"));
    CHECK(r.code == 1);
    CHECK(r.err.find("missing.md") != std::string::npos);
    r = run_galley("check");
    CHECK(r.code == 2);
    r = run_galley("frobnicate");
    CHECK(r.code == 2);
    r = run_galley("--help");
    CHECK(r.code == 0);
    CHECK(r.out.find("check") != std::string::npos);
    r = run_galley("--version");
    CHECK(r.code == 0);
    CHECK(r.out.find("galley ") == 0);
  }
  TEST_CASE("--version lists the libraries galley runs with, at their installed versions") {
    const RunResult r = run_galley("--version");
    REQUIRE(r.code == 0);
    CAPTURE(r.out);
    CHECK(r.out.find("\nbuilt with:\n") != std::string::npos);
    // Each as pkg-config knows the installed package.
    const std::pair<const char*, const char*> libraries[] = {
        {"HarfBuzz", "harfbuzz"},      {"libzip", "libzip"},   {"ICU", "icu-uc"},
        {"cmark-gfm", "libcmark-gfm"}, {"libavif", "libavif"}, {"pugixml", "pugixml"},
        {"libpng", "libpng"},          {"gumbo", "gumbo"}};
    for (const auto& [name, package] : libraries) {
      RunResult v = run("pkg-config --modversion " + std::string(package));
      REQUIRE(v.code == 0);
      std::string version = v.out.substr(0, v.out.find('\n'));
      CAPTURE(name);
      CHECK(r.out.find("\n  " + std::string(name) + " " + version + "\n") != std::string::npos);
    }
    // PoDoFo's pkg-config file carries no version; 0.9.8 is the one galley is written for.
    CHECK(r.out.find("\n  PoDoFo 0.9.8\n") != std::string::npos);
  }
#ifdef GALLEY_JEMALLOC
  TEST_CASE("the program allocates with jemalloc, advising its memory for huge pages") {
    const RunResult r = run_galley("--version");
    REQUIRE(r.code == 0);
    RunResult v = run("pkg-config --modversion jemalloc");
    REQUIRE(v.code == 0);
    // pkg-config's "5.3.0_0" is the library's "5.3.0-0-g<commit>".
    const std::string version = v.out.substr(0, v.out.find_first_of("_\n"));
    CAPTURE(r.out);
    CHECK(r.out.find("\n  jemalloc " + version + "-") != std::string::npos);
    // The kernel is asked for huge pages (docs/architecture.md, "Memory") unless it has them
    // turned off, when jemalloc does not ask.
    RunResult thp = run("cat /sys/kernel/mm/transparent_hugepage/enabled");
    if (thp.code != 0 || thp.out.find("[never]") != std::string::npos)
      return;
    const auto dir = scratch("allocator");
    const std::string article = q(source_dir() / "examples/quantum-dispatch/microsoft-openai.md");
    RunResult traced =
        run("strace -f -qq -e trace=madvise -o " + q(dir / "trace") + " " +
            q(std::getenv("GALLEY_BIN")) + " pdf " + article + " -o " + q(dir / "a.pdf") + " -q");
    REQUIRE(traced.code == 0);
    RunResult advised = run("grep -c MADV_HUGEPAGE " + q(dir / "trace"));
    CAPTURE(advised.out);
    CHECK(std::atoi(advised.out.c_str()) > 0);
  }
#endif
#ifdef GALLEY_PROGRAM_ARCHIVES
  TEST_CASE("the program loads no shared library of those it links from their archives") {
    const RunResult r = run("readelf -d " + q(std::getenv("GALLEY_BIN")));
    REQUIRE(r.code == 0);
    CAPTURE(r.out);
    // Loaded and relocated at every start were they shared (docs/architecture.md, "Start-up").
    for (const char* name :
         {"libicuuc", "libicui18n", "libicudata", "libcmark-gfm", "libgumbo", "libyaml-cpp",
          "libsource-highlight", "libboost_regex", "libpugixml", "libxxhash"}) {
      CAPTURE(name);
      CHECK(r.out.find(std::string("[") + name + ".so") == std::string::npos);
    }
    // Those others need stay shared.
    CHECK(r.out.find("[libpodofo.so") != std::string::npos);
    CHECK(r.out.find("[libharfbuzz.so") != std::string::npos);
  }
#endif
  TEST_CASE("usage mistakes name what was meant and where the help is") {
    const std::string article = q(source_dir() / "examples/quantum-dispatch/microsoft-openai.md");
    auto r = run_galley("pdf " + article + " --ouput " + q(scratch("usage") / "x.pdf"));
    CHECK(r.code == 2);
    CHECK(r.err.find("unknown option '--ouput' for 'galley pdf'; did you mean '--output'?") !=
          std::string::npos);
    CHECK(r.err.find("run 'galley pdf --help'") != std::string::npos);
    r = run_galley("pdf " + article + " --embed-fonts");
    CHECK(r.code == 2);
    CHECK(r.err.find("'--embed-fonts' is an option of 'galley epub'") != std::string::npos);
    r = run_galley("pfd " + article);
    CHECK(r.code == 2);
    CHECK(r.err.find("no command 'pfd'; did you mean 'pdf'?") != std::string::npos);
    r = run_galley("help build");
    CHECK(r.code == 0);
    CHECK(r.out.find("--no-page-list") != std::string::npos);
    r = run_galley("help");
    CHECK(r.code == 0);
    CHECK(r.out.find("styles") != std::string::npos);
    r = run_galley("help bulid");
    CHECK(r.code == 2);
    CHECK(r.err.find("did you mean 'build'?") != std::string::npos);
  }

  TEST_CASE("json diagnostics: one object per line with file and line") {
    auto dir = scratch("check-json");
    std::string md = "---\ntitle: T\ntitel: x\n---\nText with a missing note.[^nope]\n";
    auto r = run("printf '%s' " + q(md) + " > " + q(dir / "a.md"));
    REQUIRE(r.code == 0);
    r = run_galley("check --diagnostics json " + q(dir / "a.md"));
    CAPTURE(r.err);
    CHECK(r.code == 1);
    CHECK(r.err.find("{\"severity\":\"warning\"") != std::string::npos);
    CHECK(r.err.find("\"line\":3") != std::string::npos);
    CHECK(r.err.find("{\"severity\":\"error\"") != std::string::npos);
    CHECK(r.err.find("did you mean 'title'") != std::string::npos);
  }
  TEST_CASE(
      "on a terminal a diagnostic shows its source line with a caret, coloured unless NO_COLOR") {
    auto dir = scratch("check-terminal");
    REQUIRE(
        run("printf -- '---\\ntitle: T\\ntitel: x\\n---\\nHello.\\n' > " + q(dir / "a.md")).code ==
        0);
    // script(1) gives galley a terminal; its output is what the terminal got.
    const std::string command =
        std::string(std::getenv("GALLEY_BIN")) + " check " + q(dir / "a.md");
    RunResult r = run("NO_COLOR=1 script -qec " + q(command) + " /dev/null");
    const std::string plain = replace_all(r.out, "\r\n", "\n");
    CAPTURE(plain);
    CHECK(plain.find("warning: unknown front-matter key 'titel'") != std::string::npos);
    CHECK(plain.find(" --> " + (dir / "a.md").string() + ":3:1\n") != std::string::npos);
    CHECK(plain.find("3 | titel: x\n  | ^^^^^^ did you mean 'title'?\n") != std::string::npos);
    CHECK(plain.find('\033') == std::string::npos);
    r = run("script -qec " + q(command) + " /dev/null");
    CHECK(r.out.find("\033[1;33mwarning\033[0m") != std::string::npos);
    // Not a terminal: the one-line form tools parse.
    r = run_galley("check " + q(dir / "a.md"));
    CHECK(r.err.find((dir / "a.md").string() + ":3:1: warning: unknown front-matter key") == 0);
  }
  TEST_CASE("under --diagnostics json every line is JSON: usage and I/O errors and progress too") {
    const auto dir = scratch("check-json-all");
    const std::string article = q(source_dir() / "examples/quantum-dispatch/microsoft-openai.md");
    RunResult r = run_galley("pdf " + article + " --diagnostics json --ouput " + q(dir / "x.pdf"));
    CHECK(r.code == 2);
    CHECK(r.err.find("{\"severity\":\"error\",\"file\":\"\",\"line\":0,\"column\":0,"
                     "\"message\":\"unknown option '--ouput' for 'galley pdf'\","
                     "\"hint\":\"did you mean '--output'?\"}\n") == 0);
    CHECK(r.err.find("{\"severity\":\"note\"") != std::string::npos);
    r = run("GALLEY_DATA_DIR=" + q(dir / "nowhere") + " " + std::getenv("GALLEY_BIN") + " pdf " +
            article + " --diagnostics=json -o " + q(dir / "y.pdf"));
    CHECK(r.code == 3);
    CHECK(r.err.find("{\"severity\":\"error\"") == 0);
    CHECK(r.err.find("has no fonts/ folder") != std::string::npos);
    r = run_galley("pdf " + article + " --diagnostics json -o " + q(dir / "z.pdf"));
    REQUIRE(r.code == 0);
    CHECK(r.err.find("{\"severity\":\"note\"") == 0);
    CHECK(r.err.find("\"message\":\"wrote " + (dir / "z.pdf").string() + ": ") !=
          std::string::npos);
    for (std::size_t at = 0; at < r.err.size(); at = r.err.find('\n', at) + 1)
      CHECK(r.err.compare(at, 13, "{\"severity\":\"") == 0);
  }
  TEST_CASE("the written line gives pages or documents and a size, as galley build does") {
    const auto dir = scratch("check-wrote");
    const std::string article = q(source_dir() / "examples/quantum-dispatch/microsoft-openai.md");
    RunResult r = run_galley("pdf " + article + " -o " + q(dir / "a.pdf"));
    REQUIRE(r.code == 0);
    CHECK(std::regex_search(
        r.err, std::regex("^wrote .*a\\.pdf: [0-9]+ pages, [0-9.]+ kB, [0-9.]+ m?s\n$")));
    r = run_galley("epub " + article + " -o " + q(dir / "a.epub"));
    REQUIRE(r.code == 0);
    CHECK(std::regex_search(
        r.err, std::regex("^wrote .*a\\.epub: [0-9]+ documents?, [0-9.]+ kB, [0-9.]+ m?s\n$")));
  }
  TEST_CASE("an output folder that does not exist is said to be missing, before any work") {
    const auto dir = scratch("check-no-folder");
    const std::string article = q(source_dir() / "examples/quantum-dispatch/microsoft-openai.md");
    const RunResult r = run_galley("pdf " + article + " -o " + q(dir / "missing/a.pdf"));
    CHECK(r.code == 3);
    CHECK(r.err.find("cannot write the output: the folder '" + (dir / "missing").string() +
                     "' does not exist") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "missing"));
  }
  TEST_CASE("--strict fails on warnings") {
    auto dir = scratch("check-strict");
    auto r = run("printf -- '---\\ntitle: T\\ntitel: x\\n---\\nHello.\\n' > " + q(dir / "a.md"));
    REQUIRE(r.code == 0);
    CHECK(run_galley("check " + q(dir / "a.md")).code == 0);
    CHECK(run_galley("check --strict " + q(dir / "a.md")).code == 1);
  }
}
