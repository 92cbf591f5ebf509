// No data loss: an output never replaces one of the run's inputs, however it is named, and a
// refused or failed run leaves the inputs as they were.
#include "run.hpp"

#include "util/files.hpp"

#include <doctest/doctest.h>

using namespace harden;
namespace fs = std::filesystem;

namespace {

const std::string kArticle = "---\ntitle: Keep me\n---\n\nPrecious text.\n";

bool says(const RunResult& r, const std::string& text) {
  return r.err.find(text) != std::string::npos;
}

} // namespace

TEST_SUITE("harden/outputs") {
  TEST_CASE("-o naming the input is refused") {
    fs::path dir = scratch("o-input");
    write(dir / "a.md", kArticle);
    std::string a = (dir / "a.md").string();
    for (const char* command : {"pdf", "epub"}) {
      CAPTURE(command);
      RunResult r = run_galley({command, a, "-o", a});
      CHECK(r.code == 2);
      CHECK(says(r, "output would overwrite the input"));
      CHECK(galley::read_file(a).value_or("") == kArticle);
    }
    SUBCASE("spelled differently") {
      RunResult r = run_galley({"pdf", a, "-o", (dir / "sub/../a.md").string()});
      CHECK(r.code == 2);
      CHECK(galley::read_file(a).value_or("") == kArticle);
    }
  }

  TEST_CASE("-o naming a symbolic link to the input, or a hard link, is refused") {
    fs::path dir = scratch("o-links");
    write(dir / "a.md", kArticle);
    fs::create_symlink(dir / "a.md", dir / "soft.pdf");
    fs::create_hard_link(dir / "a.md", dir / "hard.pdf");
    for (const char* out : {"soft.pdf", "hard.pdf"}) {
      CAPTURE(out);
      RunResult r = run_galley({"pdf", (dir / "a.md").string(), "-o", (dir / out).string()});
      CHECK(r.code == 2);
      CHECK(says(r, "output would overwrite the input"));
      CHECK(galley::read_file(dir / "a.md").value_or("") == kArticle);
    }
  }

  TEST_CASE("galley build never writes over an input") {
    fs::path dir = scratch("build-input");
    // An article whose name ends like an output: build would write story.pdf beside it.
    write(dir / "story.pdf", kArticle);
    RunResult r =
        run_galley({"build", (dir / "story.pdf").string(), "--format", "pdf", "-o", dir.string()});
    CHECK(r.code == 2);
    CHECK(says(r, "output would overwrite the input"));
    CHECK(galley::read_file(dir / "story.pdf").value_or("") == kArticle);

    SUBCASE("nor through a symbolic link waiting in the output folder") {
      write(dir / "src/a.md", kArticle);
      fs::create_directories(dir / "out");
      fs::create_symlink(dir / "src/a.md", dir / "out/a.pdf");
      RunResult rl = run_galley(
          {"build", (dir / "src/a.md").string(), "--format", "pdf", "-o", (dir / "out").string()});
      CHECK(rl.code == 2);
      CHECK(says(rl, "output would overwrite the input"));
      CHECK(galley::read_file(dir / "src/a.md").value_or("") == kArticle);
    }
  }

  TEST_CASE("a failed run leaves the inputs and the previous output untouched") {
    fs::path dir = scratch("failed-run");
    write(dir / "a.md", kArticle + "\n![Missing](nope.png)\n");
    write(dir / "a.pdf", "previous good output");
    auto before = fs::last_write_time(dir / "a.md");
    // A missing image is a warning, which --strict makes fail the run.
    RunResult r = run_galley(
        {"pdf", "--strict", (dir / "a.md").string(), "-o", (dir / "a.pdf").string()});
    CHECK(r.code == 1);
    CHECK(galley::read_file(dir / "a.pdf").value_or("") == "previous good output");
    CHECK(fs::last_write_time(dir / "a.md") == before);
    size_t files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir))
      ++files;
    CHECK(files == 2); // no temporary file left behind
  }
}
