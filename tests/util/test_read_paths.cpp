#include "test_support.hpp"
#include "util/files.hpp"
#include "util/read_log.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <vector>

using namespace galley;
namespace fs = std::filesystem;

TEST_SUITE("util/read_paths") {
  TEST_CASE("every file read is named once, absolute, and a link also by its target") {
    fs::path dir = galley::test::fresh_folder("galley-test-read-paths");
    fs::create_directories(dir / "real");
    write_file_atomic(dir / "real" / "pic.png", "not really a picture");
    write_file_atomic(dir / "post.md", "# Hafen\n");
    fs::create_symlink(dir / "real" / "pic.png", dir / "pic.png");
    auto has = [](const fs::path& p) {
      auto paths = read_paths();
      return std::count(paths.begin(), paths.end(), p);
    };
    CHECK(has(dir / "post.md") == 0);
    // Relative and with "..": recorded as the absolute, normal path.
    fs::path cwd = fs::current_path();
    fs::current_path(dir / "real");
    REQUIRE(read_file("../post.md"));
    fs::current_path(cwd);
    REQUIRE(read_file(dir / "pic.png"));
    REQUIRE(read_file(dir / "post.md"));
    CHECK(has(dir / "post.md") == 1);
    CHECK(has(dir / "pic.png") == 1);
    CHECK(has(dir / "real" / "pic.png") == 1);
    // A file that could not be read is not one read.
    CHECK_FALSE(read_file(dir / "missing.md"));
    CHECK(has(dir / "missing.md") == 0);
    // Through a linked folder: by the path read and by the file itself.
    fs::create_directory_symlink(dir / "real", dir / "linked");
    REQUIRE(read_file(dir / "linked" / "pic.png"));
    CHECK(has(dir / "linked" / "pic.png") == 1);
    // A file read again is resolved once for the process, but every log that sees the read
    // holds it.
    {
      ReadLog log;
      REQUIRE(read_file(dir / "pic.png"));
      CHECK(log.paths() == std::vector<fs::path>{dir / "pic.png"});
    }
    CHECK(has(dir / "pic.png") == 1);
    CHECK(has(dir / "real" / "pic.png") == 1);
    auto paths = read_paths();
    CHECK(std::is_sorted(paths.begin(), paths.end()));
    fs::remove_all(dir);
  }
}
