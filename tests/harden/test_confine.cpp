// Confinement that holds under races (docs/limits.md, "Path confinement"): what a style
// `extends:` stays within the roots; an image swapped for an outside link after it was checked
// is refused when the writer opens it, and so is an article a manifest names. The swap happens
// at a test hold point (GALLEY_TEST_HOLD_BEFORE_OPEN), so the race is reproduced exactly, with
// no sleeps.
#include "run.hpp"

#include "util/files.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

using namespace harden;
namespace fs = std::filesystem;

namespace {

bool says(const RunResult& r, const std::string& text) {
  return r.err.find(text) != std::string::npos;
}

/// An article with one figure, img/a.png, in `dir`/site, and a different PNG in `dir`/outside.
fs::path swap_case(const fs::path& dir) {
  write(dir / "outside/secret.png", png_grey(9, 9));
  write(dir / "site/img/a.png", png_grey(4, 4));
  write(dir / "site/a.md", "---\ntitle: Swap\n---\n\nText.\n\n![A picture](img/a.png)\n");
  return dir / "site/a.md";
}

/// Runs `galley <format> a.md -o out`, holding before the image is opened again; `swap` runs at
/// the hold point.
RunResult run_with_swap(const fs::path& dir, const std::string& format, const fs::path& out,
                        bool swap) {
  fs::path fifo = dir / "hold.fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  Started child = start_galley({format, (dir / "site/a.md").string(), "-o", out.string()},
                               {{"GALLEY_TEST_HOLD_BEFORE_OPEN", fifo.string()}});
  int fd = open_when_held(fifo, child.pid);
  CHECK(fd >= 0);
  if (swap) {
    fs::remove(dir / "site/img/a.png");
    fs::create_symlink(dir / "outside/secret.png", dir / "site/img/a.png");
  }
  if (fd >= 0) ::close(fd);
  RunResult r = finish_galley(child);
  fs::remove(fifo);
  return r;
}

} // namespace

TEST_SUITE("harden/confine") {
  TEST_CASE("a style may not extend a file outside the roots") {
    fs::path dir = scratch("extends-out");
    write(dir / "outside/secret.yaml", "text:\n  size: 13pt\n");
    write(dir / "site/a.md", "---\ntitle: Styled\n---\n\nText.\n");
    write(dir / "site/house.yaml", "# the house style\nextends: ../outside/secret.yaml\n");
    fs::path out = dir / "site/a.pdf";
    RunResult r = run_galley({"pdf", (dir / "site/a.md").string(), "--style",
                              (dir / "site/house.yaml").string(), "-o", out.string()});
    CHECK(r.code == 1);
    CHECK(says(r, "house.yaml:2:10: error: style file '"));
    CHECK(says(r, "secret.yaml' named by extends: is outside the allowed folders"));
    CHECK_FALSE(fs::exists(out));
    // --allow-path widens the roots for styles as for images.
    r = run_galley({"pdf", (dir / "site/a.md").string(), "--style",
                    (dir / "site/house.yaml").string(), "-o", out.string(), "--allow-path",
                    (dir / "outside").string()});
    CHECK(r.code == 0);
    CHECK(fs::exists(out));
  }

  TEST_CASE("a style extending through a link that leaves the roots is refused") {
    fs::path dir = scratch("extends-link");
    write(dir / "outside/secret.yaml", "text:\n  size: 13pt\n");
    write(dir / "site/a.md", "---\ntitle: Styled\n---\n\nText.\n");
    fs::create_symlink(dir / "outside/secret.yaml", dir / "site/parent.yaml");
    write(dir / "site/house.yaml", "extends: parent.yaml\n");
    fs::path out = dir / "site/a.epub";
    RunResult r = run_galley({"epub", (dir / "site/a.md").string(), "--style",
                              (dir / "site/house.yaml").string(), "-o", out.string()});
    CHECK(r.code == 1);
    CHECK(says(r, "house.yaml:1:10: error: style file '"));
    CHECK(says(r, "parent.yaml' named by extends: links to a file outside the allowed folders"));
    CHECK_FALSE(fs::exists(out));
  }

  TEST_CASE("a style in the article's folder extends a bundled style and a sibling") {
    fs::path dir = scratch("extends-in");
    write(dir / "site/a.md", "---\ntitle: Styled\n---\n\nText.\n");
    write(dir / "site/parts/parent.yaml", "extends: pocket\n");
    write(dir / "site/house.yaml", "extends: parts/parent.yaml\n");
    fs::path out = dir / "site/a.pdf";
    RunResult r = run_galley({"pdf", (dir / "site/a.md").string(), "--style",
                              (dir / "site/house.yaml").string(), "-o", out.string()});
    CHECK(r.err.find("error") == std::string::npos);
    CHECK(r.code == 0);
    CHECK(fs::exists(out));
  }

  TEST_CASE("an image swapped for an outside link after the check is not embedded") {
    for (const char* format : {"pdf", "epub"}) {
      CAPTURE(format);
      fs::path dir = scratch(std::string("swap-") + format);
      swap_case(dir);
      fs::path out = dir / "site" / (std::string("a.") + format);
      RunResult r = run_with_swap(dir, format, out, true);
      CHECK(r.code == 1);
      CHECK(says(r, "a.md:7:1: error: image 'img/a.png' cannot be read: links to a file "
                    "outside the allowed folders"));
      // No output, so the outside file's bytes cannot be in one.
      CHECK_FALSE(fs::exists(out));
    }
  }

  TEST_CASE("an article swapped for an outside link after the manifest's check is not read") {
    fs::path dir = scratch("swap-article");
    write(dir / "outside/secret.md", "---\ntitle: Secret\n---\n\nSecretword.\n");
    write(dir / "site/a.md", "---\ntitle: Public\n---\n\nPublic text.\n");
    write(dir / "site/issue.yaml", "title: The issue\narticles:\n  - a.md\n");
    fs::path fifo = dir / "hold.fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    fs::path out = dir / "site/issue.epub";
    Started child = start_galley({"epub", (dir / "site/issue.yaml").string(), "-o", out.string()},
                                 {{"GALLEY_TEST_HOLD_BEFORE_OPEN", fifo.string()}});
    int fd = open_when_held(fifo, child.pid);
    CHECK(fd >= 0);
    fs::remove(dir / "site/a.md");
    fs::create_symlink(dir / "outside/secret.md", dir / "site/a.md");
    if (fd >= 0) ::close(fd);
    RunResult r = finish_galley(child);
    CHECK(r.code == 1);
    CHECK(says(r, "a.md: error: cannot read file: links to a file outside the allowed folders"));
    CHECK_FALSE(fs::exists(out));
  }

  TEST_CASE("held and not swapped, the run embeds the image") {
    fs::path dir = scratch("swap-none");
    swap_case(dir);
    fs::path out = dir / "site/a.epub";
    RunResult r = run_with_swap(dir, "epub", out, false);
    CHECK(r.code == 0);
    CHECK(zip_contents(out).find(png_grey(4, 4)) != std::string::npos);
    CHECK(zip_contents(out).find(png_grey(9, 9)) == std::string::npos);
  }
}
