// Outputs never destroy sources (docs/limits.md): every file a run reads (articles a manifest
// lists, images, styles) and every output of the same run is protected by identity, and an
// output path that is not a file is refused, except a FIFO and standard output. Pipes and FIFOs
// read as inputs are streams: no hang, no "read failed".
#include "run.hpp"

#include "util/files.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <thread>
#include <unistd.h>

using namespace harden;
namespace fs = std::filesystem;

namespace {

const std::string kArticle = "---\ntitle: Keep me\n---\n\nPrecious text.\n\n![A picture](pic.png)\n";

bool says(const RunResult& r, const std::string& text) {
  return r.err.find(text) != std::string::npos;
}

std::string galley_bin() { return std::getenv("GALLEY_BIN"); }

/// Runs a shell command line and returns what it printed on standard output.
std::string shell_output(const std::string& command) {
  std::string out;
  FILE* p = ::popen(command.c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  ::pclose(p);
  return out;
}

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

/// A folder with an article that draws pic.png, a manifest listing it and a style of its own.
fs::path sources_dir(const std::string& name) {
  fs::path dir = scratch(name);
  write(dir / "a.md", kArticle);
  write(dir / "pic.png", png_grey(16, 16));
  write(dir / "issue.yaml", "title: The issue\narticles:\n  - a.md\n");
  write(dir / "house.yaml", "page:\n  size: a5\n");
  return dir;
}

} // namespace

TEST_SUITE("harden/sources") {
  TEST_CASE("an output never replaces a file the run read: listed article, image or style") {
    fs::path dir = sources_dir("read-files");
    const std::string png = galley::read_file(dir / "pic.png").value();
    struct Case {
      std::vector<std::string> args;
      fs::path victim;
      std::string content;
    };
    const std::vector<Case> cases = {
        {{"pdf", (dir / "issue.yaml").string(), "-o", (dir / "a.md").string()}, dir / "a.md", kArticle},
        {{"epub", (dir / "a.md").string(), "-o", (dir / "pic.png").string()}, dir / "pic.png", png},
        {{"pdf", (dir / "a.md").string(), "--style", (dir / "house.yaml").string(), "-o",
          (dir / "house.yaml").string()},
         dir / "house.yaml", "page:\n  size: a5\n"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.victim);
      RunResult r = run_galley(c.args);
      CHECK(r.code == 2);
      CHECK(says(r, "output would overwrite a file this run reads"));
      CHECK(galley::read_file(c.victim).value_or("") == c.content);
    }
  }

  TEST_CASE("an output never replaces a font file the style names") {
    fs::path dir = sources_dir("font-file");
    const std::string font =
        galley::read_file(source_dir() / "fonts/inter/Inter-Regular.otf").value();
    write(dir / "Brand.otf", font);
    write(dir / "brand.yaml", "fonts:\n  faces:\n    - {family: Brand, path: Brand.otf}\n"
                              "  body: {family: Brand}\n");
    RunResult r = run_galley({"pdf", (dir / "a.md").string(), "--style",
                              (dir / "brand.yaml").string(), "-o", (dir / "Brand.otf").string()});
    CHECK(r.code == 2);
    CHECK(says(r, "output would overwrite a file this run reads"));
    CHECK(galley::read_file(dir / "Brand.otf").value_or("") == font);
  }

  TEST_CASE("--report naming an output of the same run is refused before anything is written") {
    fs::path dir = sources_dir("report-output");
    fs::path out = dir / "out";
    RunResult r = run_galley({"build", (dir / "a.md").string(), "--format", "pdf", "-o",
                              out.string(), "--report", (out / "./a.pdf").string()});
    CHECK(r.code == 2);
    CHECK(says(r, "two outputs of this run would be written to the same file"));
    CHECK_FALSE(fs::exists(out / "a.pdf"));
  }

  TEST_CASE("a device as output is refused and stays a device") {
    fs::path dir = sources_dir("device-output");
    fs::path node = dir / "null";
    if (::mknod(node.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
      MESSAGE("cannot make a device node here (not root); skipped");
      return;
    }
    RunResult r = run_galley({"pdf", (dir / "a.md").string(), "-o", node.string()});
    CHECK(r.code == 2);
    CHECK(says(r, "it is a device"));
    struct stat st {};
    REQUIRE(::lstat(node.c_str(), &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
    RunResult folder = run_galley({"pdf", (dir / "a.md").string(), "-o", dir.string()});
    CHECK(folder.code == 2);
    CHECK(says(folder, "it is a folder"));
  }

  TEST_CASE("-o - writes to standard output; a FIFO output is filled, not replaced") {
    fs::path dir = sources_dir("stream-output");
    std::string pdf = shell_output(galley_bin() + " pdf " + quoted(dir / "a.md") + " -o - 2>/dev/null");
    CHECK(pdf.substr(0, 5) == "%PDF-");
    CHECK(pdf.find("%%EOF") != std::string::npos);

    fs::path fifo = dir / "out.fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
    std::string got;
    std::thread reader([&] {
      // A blocking open: it waits for galley to open the other end, then reads to the end.
      int fd = ::open(fifo.c_str(), O_RDONLY);
      char buf[4096];
      for (ssize_t n; fd >= 0 && (n = ::read(fd, buf, sizeof buf)) > 0;)
        got.append(buf, static_cast<std::size_t>(n));
      if (fd >= 0) ::close(fd);
    });
    RunResult r = run_galley({"epub", (dir / "a.md").string(), "-o", fifo.string()});
    reader.join();
    CHECK(r.code == 0);
    CHECK(got.substr(0, 2) == "PK");
    struct stat st {};
    REQUIRE(::lstat(fifo.c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
  }

  TEST_CASE("a pipe is read as a stream; a FIFO nobody writes to is empty, not a hang") {
    fs::path dir = sources_dir("stream-input");
    std::string text = shell_output("bash -c \"" + galley_bin() + " check <(cat " +
                                    quoted(dir / "a.md") + ") 2>&1; echo exit=\\$?\"");
    CHECK(text.find("read failed") == std::string::npos);
    CHECK(text.find("pic.png") != std::string::npos); // read and parsed: the image is looked for
    fs::path fifo = dir / "in.md";
    REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
    RunResult r = run_galley({"check", fifo.string()});
    CHECK(r.code == 1);
    CHECK(says(r, "file is empty"));
  }

  TEST_CASE("an output name near NAME_MAX still gets a temporary file beside it") {
    fs::path dir = sources_dir("long-name");
    const std::string name = std::string(250, 'n') + ".pdf";
    RunResult r = run_galley({"pdf", (dir / "a.md").string(), "-o", (dir / name).string()});
    CHECK(r.code == 0);
    CHECK(galley::read_file(dir / name).value_or("").substr(0, 5) == "%PDF-");
    int entries = 0;
    for (const auto& e : fs::directory_iterator(dir)) entries += e.path().filename().string()[0] == '.';
    CHECK(entries == 0); // no temporary file left
  }
}
