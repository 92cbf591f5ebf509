// `galley watch`: started in the background on a copy of an article with a picture, edited the
// ways editors and tools save, broken, and stopped by its pid.
#include "galley_runner.hpp"
#include "test_support.hpp"

#include "util/files.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <set>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace galley;
using namespace galley::test;
namespace fs = std::filesystem;

namespace {

const std::string kPictures = GALLEY_TEST_DATA_DIR "/corpus/markdown";

const std::string kArticle = R"(---
title: Der Hafen bei Nacht
authors:
  - name: Ada Quill
date: 2026-06-01
lang: de
---
Die Kräne arbeiten auch nach Einbruch der Dunkelheit. Container schwingen in langsamen Bögen
über den Kai, während die Lotsen die letzten Schiffe des Tages durch die Fahrrinne bringen.

![Der Kai im Nebel](pic.png)
)";

/// The lines of the log, once it has `count` of them (or after a minute: what it has).
std::vector<std::string> lines_when(const fs::path& log, std::size_t count) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  std::vector<std::string> lines;
  while (std::chrono::steady_clock::now() < deadline) {
    lines.clear();
    std::ifstream in(log);
    for (std::string line; std::getline(in, line);)
      lines.push_back(line);
    if (lines.size() >= count)
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return lines;
}

std::string command_output(const std::string& command) {
  std::string out;
  if (FILE* p = ::popen(command.c_str(), "r")) {
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;)
      out.append(buf, n);
    ::pclose(p);
  }
  return out;
}

std::set<std::string> names_in(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir))
    names.insert(e.path().filename().string());
  return names;
}

/// The watch this test started, stopped when the test ends early so that it does not go on
/// building into the next test's folder.
struct Started {
  pid_t pid = -1;
  explicit Started(pid_t p) : pid(p) { REQUIRE(pid > 0); }
  ~Started() {
    if (pid > 0) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, nullptr, 0);
    }
  }
  Started(const Started&) = delete;
  Started& operator=(const Started&) = delete;

  /// Sends `sig` and returns the exit status; 128 + 9 when it had to be killed after a minute.
  int stop(int sig) {
    REQUIRE(::kill(pid, sig) == 0);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    int status = 0;
    while (::waitpid(pid, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() > deadline) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
};

struct Folder {
  fs::path dir = galley::test::scratch_root() / "galley-cli-watch";
  fs::path src = dir / "src", out = dir / "out", log = dir / "watch.log";
  Folder() {
    fs::remove_all(dir);
    fs::create_directories(src);
    write_file_atomic(src / "post.md", kArticle);
    fs::copy_file(kPictures + "/astro/hero.png", src / "pic.png");
  }
  ~Folder() { fs::remove_all(dir); }
  std::string bytes(const char* name) const { return read_file(out / name).value_or(""); }
};

} // namespace

TEST_SUITE("cli/watch") {
  TEST_CASE("rebuilds on every change of a file read, keeps the last good output, stops on TERM") {
    Folder f;
    Started watch(spawn_galley_logged(
        {"watch", (f.src / "post.md").string(), "-o", f.out.string(), "-f", "pdf,epub"},
        {{"SOURCE_DATE_EPOCH", "1777248000"}}, f.log));
    auto lines = lines_when(f.log, 1);
    REQUIRE(lines.size() == 1);
    std::string wrote =
        "wrote " + (f.out / "post.pdf").string() + ", " + (f.out / "post.epub").string() + " in ";
    CHECK(lines[0].starts_with(wrote));
    std::string pdf = f.bytes("post.pdf"), epub = f.bytes("post.epub");
    CHECK(pdf.starts_with("%PDF-"));
    CHECK(command_output("pdfimages -list " + (f.out / "post.pdf").string()).find(" 64    32 ") !=
          std::string::npos);

    // An editor's save: a new file renamed over the article.
    write_file_atomic(f.src / "post.md", kArticle + "\nAm Morgen kehrt der Leuchtturmwärter "
                                                    "zurück.\n");
    lines = lines_when(f.log, 2);
    REQUIRE(lines.size() == 2);
    CHECK(lines[1].starts_with("post.md changed: " + wrote));
    CHECK(f.bytes("post.pdf") != pdf);
    CHECK(f.bytes("post.epub") != epub);
    CHECK(command_output("pdftotext " + (f.out / "post.pdf").string() + " -")
              .find("Leuchtturmwärter") != std::string::npos);
    pdf = f.bytes("post.pdf");

    // A tool that rewrites the picture in place.
    {
      std::ofstream pic(f.src / "pic.png", std::ios::binary | std::ios::trunc);
      pic << read_file(kPictures + "/github/logo.png").value();
    }
    lines = lines_when(f.log, 3);
    REQUIRE(lines.size() == 3);
    CHECK(lines[2].starts_with("pic.png changed: " + wrote));
    CHECK(f.bytes("post.pdf") != pdf);
    CHECK(command_output("pdfimages -list " + (f.out / "post.pdf").string()).find(" 32    32 ") !=
          std::string::npos);
    pdf = f.bytes("post.pdf");
    epub = f.bytes("post.epub");

    // A broken front matter: the first error, and the outputs of the last good build stay.
    std::string broken = kArticle;
    broken.replace(broken.find("title: Der"), 10, "title: [Der");
    write_file_atomic(f.src / "post.md", broken);
    lines = lines_when(f.log, 4);
    REQUIRE(lines.size() == 4);
    CAPTURE(lines[3]);
    CHECK(lines[3].starts_with((f.src / "post.md").string() + ":"));
    CHECK(lines[3].find(": error: invalid YAML") != std::string::npos);
    CHECK(lines[3].ends_with("; kept the last good output"));
    CHECK(f.bytes("post.pdf") == pdf);
    CHECK(f.bytes("post.epub") == epub);

    // Fixed again.
    write_file_atomic(f.src / "post.md", kArticle);
    lines = lines_when(f.log, 5);
    REQUIRE(lines.size() == 5);
    CHECK(lines[4].starts_with("post.md changed: " + wrote));

    CHECK(watch.stop(SIGTERM) == 0);
    CHECK(names_in(f.out) == std::set<std::string>{"post.epub", "post.pdf"});
    CHECK(names_in(f.src) == std::set<std::string>{"pic.png", "post.md"});
    // Nothing more printed on the way out: a watch ends by being stopped.
    CHECK(lines_when(f.log, 0) == lines);
  }

  TEST_CASE("a file the last build did not read starts no build") {
    Folder f;
    fs::copy_file(kPictures + "/github/logo.png", f.src / "other.png");
    Started watch(spawn_galley_logged(
        {"watch", (f.src / "post.md").string(), "-o", f.out.string(), "-f", "pdf"},
        {{"SOURCE_DATE_EPOCH", "1777248000"}}, f.log));
    REQUIRE(lines_when(f.log, 1).size() == 1);
    std::string article = kArticle;
    article.replace(article.find("(pic.png)"), 9, "(other.png)");
    write_file_atomic(f.src / "post.md", article);
    REQUIRE(lines_when(f.log, 2).size() == 2);
    // The picture the article stopped showing changes, and then the one it shows now: one
    // build, for the second (a build for the first would log its line before, since it waits
    // out the debounce and builds in well under the pause).
    write_file_atomic(f.src / "pic.png", read_file(kPictures + "/github/logo.png").value());
    std::this_thread::sleep_for(std::chrono::milliseconds(800));
    write_file_atomic(f.src / "other.png", read_file(kPictures + "/astro/hero.png").value());
    auto lines = lines_when(f.log, 3);
    REQUIRE(lines.size() == 3);
    CHECK(lines[2].starts_with("other.png changed: "));
    CHECK(watch.stop(SIGTERM) == 0);
  }

  TEST_CASE("a stop during a build leaves the previous output and no temporary file") {
    for (int sig : {SIGTERM, SIGINT}) {
      CAPTURE(sig);
      Folder f;
      fs::create_directories(f.out);
      write_file_atomic(f.out / "post.pdf", "the previous good file");
      fs::path fifo = f.dir / "hold.fifo";
      REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
      Started watch(spawn_galley_logged(
          {"watch", (f.src / "post.md").string(), "-o", f.out.string(), "-f", "pdf"},
          {{"SOURCE_DATE_EPOCH", "1777248000"}, {"GALLEY_TEST_HOLD_BEFORE_RENAME", fifo.string()}},
          f.log));
      // The build (a child of the watch) waits with its new PDF complete in a temporary file,
      // not yet renamed.
      int fd = open_when_held(fifo, watch.pid);
      REQUIRE(fd >= 0);
      // The watch ends only once its build has: stopped, it removed its temporary file.
      CHECK(watch.stop(sig) == 0);
      ::close(fd);
      CHECK(f.bytes("post.pdf") == "the previous good file");
      CHECK(names_in(f.out) == std::set<std::string>{"post.pdf"});
    }
  }

  TEST_CASE("bad options are a usage error before anything is watched") {
    Folder f;
    auto r = run_galley({"watch", (f.src / "post.md").string()});
    CHECK(r.status == 2);
    CHECK(r.output.find("--output-dir") != std::string::npos);
    r = run_galley({"watch", (f.src / "post.md").string(), "-o", f.out.string(), "-f", "docx"});
    CHECK(r.status == 2);
    CHECK(r.output.find("unknown format 'docx'") != std::string::npos);
    CHECK_FALSE(fs::exists(f.out));
  }
}
