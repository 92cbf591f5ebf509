#include "galley/error.hpp"
#include "util/files.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace galley;
namespace fs = std::filesystem;

TEST_SUITE("util/files") {
  TEST_CASE("atomic write replaces the file and leaves no temporary behind") {
    fs::path dir = fs::temp_directory_path() / "galley-test-files";
    fs::remove_all(dir);
    fs::create_directories(dir);
    write_file_atomic(dir / "out.txt", "one");
    write_file_atomic(dir / "out.txt", "two");
    CHECK(read_file(dir / "out.txt").value() == "two");
    int n = 0;
    for ([[maybe_unused]] auto& e : fs::directory_iterator(dir)) ++n;
    CHECK(n == 1);
    CHECK_THROWS_AS(write_file_atomic(dir / "missing-dir" / "x.txt", "x"), Error);
    CHECK(read_file(dir / "out.txt").value() == "two");
    std::string why;
    CHECK_FALSE(read_file(dir / "nope.txt", &why).has_value());
    CHECK(why == "no such file");
    fs::remove_all(dir);
  }
}
