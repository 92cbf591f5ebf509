#include "run.hpp"

#include <doctest/doctest.h>

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
  TEST_CASE("--strict fails on warnings") {
    auto dir = scratch("check-strict");
    auto r = run("printf -- '---\\ntitle: T\\ntitel: x\\n---\\nHello.\\n' > " + q(dir / "a.md"));
    REQUIRE(r.code == 0);
    CHECK(run_galley("check " + q(dir / "a.md")).code == 0);
    CHECK(run_galley("check --strict " + q(dir / "a.md")).code == 1);
  }
}
