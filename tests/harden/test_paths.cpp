// Path confinement (docs/limits.md): images, portraits, covers, manifest styles and manifest
// articles stay inside the top input's folder unless --allow-path widens it; XML never reads
// external entities or DTDs; remote URLs are never fetched; EPUB entry names are galley's own.
#include "run.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace harden;
namespace fs = std::filesystem;

namespace {

bool says(const RunResult& r, const std::string& text) {
  return r.err.find(text) != std::string::npos;
}

/// An article in `dir`/site whose figure is `src`, and a PNG in `dir`/outside.
fs::path image_case(const fs::path& dir, const std::string& src) {
  write(dir / "outside/pic.png", png_grey(8, 8));
  write(dir / "site/a.md", "---\ntitle: Paths\n---\n\nText.\n\n![A picture](" + src + ")\n");
  return dir / "site/a.md";
}

} // namespace

TEST_SUITE("harden/paths") {
  TEST_CASE("an image path climbing out with ../ is refused unless allowed") {
    fs::path dir = scratch("climb");
    std::string a = image_case(dir, "../outside/pic.png").string();
    RunResult r = run_galley({"check", a});
    CHECK(r.code == 1);
    CHECK(
        says(r, "a.md:7:1: error: figure image '../outside/pic.png' leaves the article's folder"));
    CHECK(run_galley({"check", a, "--allow-path", (dir / "outside").string()}).code == 0);
  }

  TEST_CASE("an absolute image path is refused unless allowed") {
    fs::path dir = scratch("absolute");
    std::string a = image_case(dir, (dir / "outside/pic.png").string()).string();
    RunResult r = run_galley({"check", a});
    CHECK(r.code == 1);
    CHECK(says(r, "is an absolute path outside the article's folder"));
    CHECK(run_galley({"check", a, "--allow-path", (dir / "outside").string()}).code == 0);
  }

  TEST_CASE("a symbolic link pointing outside is refused unless allowed") {
    fs::path dir = scratch("symlink");
    std::string a = image_case(dir, "pic.png").string();
    fs::create_symlink(dir / "outside/pic.png", dir / "site/pic.png");
    RunResult r = run_galley({"check", a});
    CHECK(r.code == 1);
    CHECK(says(
        r, "a.md:7:1: error: figure image 'pic.png' links to a file outside the allowed folders"));
    CHECK(run_galley({"check", a, "--allow-path", (dir / "outside").string()}).code == 0);

    SUBCASE("a linked folder is no way out either") {
      fs::create_directory_symlink(dir / "outside", dir / "site/linked");
      write(dir / "site/b.md", "---\ntitle: Paths\n---\n\n![Pic](linked/pic.png)\n");
      RunResult rb = run_galley({"check", (dir / "site/b.md").string()});
      CHECK(rb.code == 1);
      CHECK(says(rb, "links to a file outside the allowed folders"));
    }
  }

  TEST_CASE("covers and portraits are confined like figures") {
    fs::path dir = scratch("cover-portrait");
    write(dir / "outside/pic.png", png_grey(8, 8));
    write(dir / "site/a.md",
          "---\ntitle: Paths\ncover:\n  image: ../outside/pic.png\n  alt: A\n"
          "authors:\n  - name: Ada\n    portrait: ../outside/pic.png\n---\n\nText.\n");
    std::string a = (dir / "site/a.md").string();
    RunResult r = run_galley({"check", a});
    CHECK(r.code == 1);
    CHECK(says(r, "cover image '../outside/pic.png' leaves the article's folder"));
    CHECK(says(r, "portrait '../outside/pic.png' leaves the article's folder"));
    CHECK(run_galley({"check", a, "--allow-path", (dir / "outside").string()}).code == 0);
  }

  TEST_CASE("articles named by a manifest: ../, absolute and symbolic link escapes") {
    fs::path dir = scratch("manifest");
    write(dir / "outside/story.md", "---\ntitle: Outside\n---\n\nText.\n");
    fs::create_directories(dir / "site");
    fs::create_symlink(dir / "outside/story.md", dir / "site/linked.md");
    const std::string head = "title: Issue\narticles:\n  - ";
    struct Case {
      std::string entry, message;
    };
    for (const Case& c : {Case{"../outside/story.md", "article '../outside/story.md' leaves the "
                                                      "manifest's folder"},
                          Case{(dir / "outside/story.md").string(),
                               "article '" + (dir / "outside/story.md").string() +
                                   "' is an absolute path outside the manifest's folder"},
                          Case{"linked.md", "article 'linked.md' links to a file outside the "
                                            "allowed folders"}}) {
      CAPTURE(c.entry);
      write(dir / "site/issue.yaml", head + c.entry + "\n");
      std::string m = (dir / "site/issue.yaml").string();
      RunResult r = run_galley({"check", m});
      CHECK(r.code == 1);
      CHECK(says(r, "issue.yaml:3:5: error: " + c.message));
      CHECK(run_galley({"check", m, "--allow-path", (dir / "outside").string()}).code == 0);
    }
  }

  TEST_CASE("a style named by a manifest stays inside its folder") {
    fs::path dir = scratch("manifest-style");
    write(dir / "site/a.md", "---\ntitle: A\n---\n\nText.\n");
    write(dir / "outside/house.yaml", "extends: pocket\n");
    write(dir / "site/issue.yaml",
          "title: Issue\nstyle: ../outside/house.yaml\narticles: [a.md]\n");
    std::string m = (dir / "site/issue.yaml").string();
    std::string out = (dir / "issue.epub").string();
    RunResult r = run_galley({"epub", m, "-o", out});
    CHECK(r.code == 1);
    CHECK(says(r, "style '../outside/house.yaml' leaves the manifest's folder"));
    CHECK_FALSE(fs::exists(out));
    CHECK(run_galley({"epub", m, "-o", out, "--allow-path", (dir / "outside").string()}).code == 0);
    CHECK(fs::exists(out));
  }

  TEST_CASE("an external entity is neither expanded nor read") {
    fs::path dir = scratch("xxe");
    write(dir / "secret.txt", "TOP-SECRET-VALUE");
    write(dir / "evil.dtd", "<!ENTITY leak SYSTEM \"" + (dir / "secret.txt").string() + "\">");
    write(dir / "a.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE article [<!ENTITY s SYSTEM \"" +
                             (dir / "secret.txt").string() +
                             "\">]>\n<article><meta><title>&s;</title></meta>"
                             "<body><p>Hello &s;</p></body></article>\n");
    RunResult r = run_galley({"epub", (dir / "a.xml").string(), "-o", (dir / "a.epub").string()});
    CHECK(r.code == 1);
    CHECK(says(r, "a.xml:2:"));
    CHECK(says(r, "DOCTYPE declares entities"));
    CHECK_FALSE(says(r, "TOP-SECRET"));
    CHECK_FALSE(fs::exists(dir / "a.epub"));

    SUBCASE("an external DTD is not read") {
      write(dir / "b.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE article SYSTEM \"" +
                               (dir / "evil.dtd").string() +
                               "\">\n<article><meta><title>B</title></meta>"
                               "<body><p>Hello</p></body></article>\n");
      fs::path epub = dir / "b.epub";
      RunResult rb = run_galley({"epub", (dir / "b.xml").string(), "-o", epub.string()});
      CHECK(rb.code == 0);
      CHECK(says(rb, "DOCTYPE is ignored"));
      REQUIRE(fs::exists(epub));
      std::string all = zip_contents(epub);
      CHECK(all.find("Hello") != std::string::npos);
      CHECK(all.find("TOP-SECRET") == std::string::npos);
    }
  }

  TEST_CASE("a remote image is never fetched") {
    fs::path dir = scratch("remote");
    // A port on the loopback that nothing listens on: a fetch would fail or hang, not warn.
    write(dir / "a.md", "---\ntitle: Remote\n---\n\n![Far](http://127.0.0.1:9/pic.png)\n");
    RunResult r = run_galley({"pdf", (dir / "a.md").string(), "-o", (dir / "a.pdf").string()});
    CHECK(r.code == 0);
    CHECK(says(r, "is a remote URL; galley never fetches it"));
  }

  TEST_CASE("EPUB entry names are galley's own, never the author's file names") {
    fs::path dir = scratch("entry-names");
    write(dir / "images/we ird'name;$(x).png", png_grey(8, 8));
    write(dir / "Ünïcode story.md",
          "---\ntitle: Names\ncover:\n  image: \"images/we ird'name;$(x).png\"\n"
          "  alt: Cover\n---\n\n![Fig](<images/we ird'name;$(x).png>)\n");
    fs::path epub = dir / "out.epub";
    RunResult r = run_galley({"epub", (dir / "Ünïcode story.md").string(), "-o", epub.string()});
    CAPTURE(r.err);
    REQUIRE(r.code == 0);
    std::vector<std::string> names = zip_names(epub);
    REQUIRE(names.size() > 5);
    CHECK(std::any_of(names.begin(), names.end(), [](const std::string& n) {
      return n.find("images/img-") != std::string::npos;
    }));
    for (const std::string& name : names) {
      CAPTURE(name);
      CHECK(name.find("..") == std::string::npos);
      CHECK(name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                                   "-_./") == std::string::npos);
    }
  }
}
