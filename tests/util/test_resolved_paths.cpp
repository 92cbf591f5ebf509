#include "test_support.hpp"
#include "util/resolved_paths.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace galley;
namespace fs = std::filesystem;

namespace {

/// Both resolvers give what std::filesystem gives for `p`, errors alike.
void same_as_std(const fs::path& p) {
  CAPTURE(p);
  std::error_code mine_ec, std_ec;
  fs::path mine = canonical_path(p, mine_ec);
  fs::path theirs = fs::canonical(p, std_ec);
  CHECK(bool(mine_ec) == bool(std_ec));
  if (!std_ec)
    CHECK(mine == theirs);
  fs::path weak = weakly_canonical_path(p, mine_ec);
  fs::path weak_theirs = fs::weakly_canonical(p, std_ec);
  CHECK(bool(mine_ec) == bool(std_ec));
  CHECK(weak == weak_theirs);
}

} // namespace

TEST_SUITE("util/resolved_paths") {
  TEST_CASE("links in folders and files resolve as std::filesystem resolves them") {
    fs::path dir = galley::test::fresh_folder("galley-test-resolved");
    fs::create_directories(dir / "real" / "deep");
    std::ofstream(dir / "real" / "a.md") << "a";
    std::ofstream(dir / "real" / "deep" / "b.png") << "b";
    fs::create_directory_symlink(dir / "real", dir / "linked");
    fs::create_symlink(dir / "real" / "a.md", dir / "real" / "alias.md");
    fs::create_symlink("deep/b.png", dir / "real" / "relative.png");
    fs::create_directory_symlink("real/deep", dir / "deep-link");

    // Asked twice: the second answer comes from the folders resolved the first time.
    for (int round = 0; round < 2; ++round) {
      same_as_std(dir / "real" / "a.md");
      same_as_std(dir / "linked" / "a.md");
      same_as_std(dir / "linked" / "deep" / "b.png");
      same_as_std(dir / "deep-link" / "b.png");
      same_as_std(dir / "linked" / "alias.md");
      same_as_std(dir / "linked" / "relative.png");
      same_as_std(dir / "deep-link" / ".." / "a.md"); // the link is followed before ".."
      same_as_std(dir / "linked" / "missing.md");
      same_as_std(dir / "missing-folder" / "x.md");
      same_as_std(dir / "linked");
      same_as_std(dir / "linked" / "deep" / "");
    }
    std::error_code ec;
    CHECK(canonical_path(dir / "linked" / "deep" / "b.png", ec) ==
          fs::canonical(dir / "real" / "deep" / "b.png"));
    CHECK_FALSE(ec);

    // A relative path is taken from the working folder, through its links.
    const fs::path before = fs::current_path();
    fs::current_path(dir / "linked");
    same_as_std("a.md");
    same_as_std("deep/b.png");
    same_as_std("alias.md");
    fs::current_path(before);
    fs::remove_all(dir);
  }
}
