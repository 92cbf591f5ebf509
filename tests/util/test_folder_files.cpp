// The files under a folder, listed once while the folder stays as it was
// (util/folder_files.hpp): what is listed, and when a listing is taken again.
#include "util/folder_files.hpp"

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

using namespace galley;
namespace fs = std::filesystem;

namespace {

void touch(const fs::path& file) {
  std::ofstream(file) << "x";
}

/// The modification time of `path`, and setting it.
timespec modified(const fs::path& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mtim;
}
void set_modified(const fs::path& path, timespec when) {
  const timespec times[2] = {when, when};
  REQUIRE(::utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
}

} // namespace

TEST_SUITE("util/folder-files") {
  TEST_CASE("the files of some extensions, in any case, under a folder and its folders, sorted") {
    const fs::path dir = test::fresh_folder("galley-folder-files-list");
    fs::create_directories(dir / "sub");
    touch(dir / "b.TTF");
    touch(dir / "a.otf");
    touch(dir / "sub" / "c.ttf");
    touch(dir / "notes.txt");
    fs::create_directory_symlink(dir / "sub", dir / "link"); // not followed: c.ttf once
    CHECK(files_under(dir, {".ttf", ".otf"}) ==
          std::vector<fs::path>{dir / "a.otf", dir / "b.TTF", dir / "sub" / "c.ttf"});
    CHECK(files_under(dir, {".txt"}) == std::vector<fs::path>{dir / "notes.txt"});
    CHECK(files_under(dir / "missing", {".ttf"}).empty());
  }

  TEST_CASE("a listing is kept while its folders stay as they were, and taken again after") {
    const fs::path dir = test::fresh_folder("galley-folder-files-kept");
    const fs::path sub = dir / "fonts";
    fs::create_directories(sub);
    touch(sub / "a.ttf");
    // Modified well before the listing: a listing of folders changed within the last second is
    // not kept, since a change in the same tick of the clock would not show.
    timespec past = modified(sub);
    past.tv_sec -= 10;
    set_modified(sub, past);
    set_modified(dir, past);
    CHECK(files_under(dir, {".ttf"}) == std::vector<fs::path>{sub / "a.ttf"});

    // A file added whose folder's time is set back is not seen: the listing was kept.
    touch(sub / "b.ttf");
    set_modified(sub, past);
    CHECK(files_under(dir, {".ttf"}) == std::vector<fs::path>{sub / "a.ttf"});

    // A file added changes its folder's time: listed again.
    touch(sub / "c.ttf");
    CHECK(files_under(dir, {".ttf"}) ==
          std::vector<fs::path>{sub / "a.ttf", sub / "b.ttf", sub / "c.ttf"});

    // So does a file removed, in a folder modified just now.
    fs::remove(sub / "a.ttf");
    CHECK(files_under(dir, {".ttf"}) == std::vector<fs::path>{sub / "b.ttf", sub / "c.ttf"});
  }
}
