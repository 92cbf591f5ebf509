#include "run.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace e2e;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

} // namespace

TEST_SUITE("e2e/init") {
  TEST_CASE("galley init makes a publication that builds clean, cover and all") {
    const fs::path dir = scratch("init");
    const fs::path pub = dir / "harbour-gazette";
    RunResult r = run_galley("init " + q(pub) + " --style broadsheet");
    REQUIRE(r.code == 0);
    CHECK(r.out.find("next: galley build") != std::string::npos);
    for (const char* file : {"style.yaml", "issue.yaml", "welcome.md", "README.md",
                             "images/cover.png", ".github/workflows/issue.yml"})
      CHECK_MESSAGE(fs::is_regular_file(pub / file), file);
    // The name comes from the folder, the date from SOURCE_DATE_EPOCH (2026-04-27).
    const std::string issue = slurp(pub / "issue.yaml");
    CHECK(issue.find("title: Harbour Gazette — April 2026\n") != std::string::npos);
    CHECK(issue.find("date: 2026-04-27\n") != std::string::npos);
    CHECK(slurp(pub / "style.yaml").find("extends: broadsheet\n") != std::string::npos);
    // The style is one galley reads, with its own accent over the house style's.
    r = run_galley("styles show " + q(pub / "style.yaml"));
    REQUIRE(r.code == 0);
    CHECK(r.out.find("#8a2b0b") != std::string::npos);
    CHECK(r.out.find("columns: 2") != std::string::npos);

    // Ready to build, with no warning.
    r = run_galley("build " + q(pub / "issue.yaml") + " -o " + q(dir / "out") + " --strict");
    CAPTURE(r.err);
    REQUIRE(r.code == 0);
    const RunResult text = run("pdftotext -layout " + q(dir / "out/issue.pdf") + " -");
    CHECK(text.out.find("Welcome to Harbour Gazette") != std::string::npos);
    CHECK(text.out.find("A paginated, tagged PDF") != std::string::npos);
    const RunResult images = run("pdfimages -list " + q(dir / "out/issue.pdf"));
    CHECK(images.out.find(" 1200   800 ") != std::string::npos);
    CHECK(run("qpdf --check " + q(dir / "out/issue.pdf")).code == 0);
    CHECK(fs::file_size(dir / "out/issue.epub") > 1000);
  }

  TEST_CASE("init refuses a folder in use or a style it does not have, and writes nothing") {
    const fs::path dir = scratch("init-refused");
    fs::create_directories(dir / "taken");
    std::ofstream(dir / "taken/notes.txt") << "mine\n";
    RunResult r = run_galley("init " + q(dir / "taken"));
    CHECK(r.code == 2);
    CHECK(r.err.find("already exists and is not an empty folder") != std::string::npos);
    CHECK(slurp(dir / "taken/notes.txt") == "mine\n");
    CHECK_FALSE(fs::exists(dir / "taken/issue.yaml"));
    r = run_galley("init " + q(dir / "new") + " --style brodsheet");
    CHECK(r.code == 2);
    CHECK(r.err.find("did you mean 'broadsheet'?") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "new"));
    // An empty folder is fine.
    fs::create_directories(dir / "empty");
    CHECK(run_galley("init " + q(dir / "empty") + " --title 'The Empty Quarterly'").code == 0);
    CHECK(slurp(dir / "empty/issue.yaml").find("publication: The Empty Quarterly") !=
          std::string::npos);
    // Nothing of the staging folder is left beside it.
    for (const auto& entry : fs::directory_iterator(dir))
      CHECK(entry.path().filename().string().find("galley-init") == std::string::npos);
  }
}
