#include "galley/error.hpp"
#include "test_support.hpp"
#include "util/cache_store.hpp"
#include "util/files.hpp"
#include "util/open_beneath.hpp"
#include "util/read_log.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

using namespace galley;
namespace fs = std::filesystem;

TEST_SUITE("util/files") {
  TEST_CASE("a digest an earlier process took counts its file, and the link to it, as read") {
    const fs::path dir = galley::test::fresh_folder("galley-test-seeded-digest");
    fs::create_directories(dir / "real");
    write_file_atomic(dir / "real" / "story.md", "# Kept\n");
    fs::create_symlink(dir / "real" / "story.md", dir / "story.md");
    struct stat st {};
    REQUIRE(::stat((dir / "real" / "story.md").c_str(), &st) == 0);
    std::vector<KnownDigest> known;
    for (const fs::path& p : {dir / "real" / "story.md", dir / "story.md"})
      known.push_back(
          {p.string(), static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino),
           static_cast<std::uint64_t>(st.st_size),
           st.st_mtim.tv_sec * 1'000'000'000LL + st.st_mtim.tv_nsec, "given, not the file's"});
    seed_file_digests(known);
    const FileId file = file_id(dir / "real" / "story.md").value();
    const FileId link = file_id(dir / "story.md", false).value();
    CHECK_FALSE(any_read({file}));
    CHECK_FALSE(any_read({link}));
    // Through the link: its digest is trusted (the file is not read), and both the file and the
    // link count as read, by identity and by name.
    CHECK(file_digest(dir / "story.md") == "given, not the file's");
    CHECK(any_read({file}));
    CHECK(any_read({link}));
    const std::vector<fs::path> paths = read_paths();
    CHECK(std::count(paths.begin(), paths.end(), dir / "story.md") == 1);
    CHECK(std::count(paths.begin(), paths.end(), dir / "real" / "story.md") == 1);
    CHECK(file_digest(dir / "real" / "story.md") == "given, not the file's");
    fs::remove_all(dir);
  }

  TEST_CASE("absolute_normal is the absolute path, lexically normal, however it is spelt") {
    for (const char* p : {"/",        "/a",
                          "/a/b.md",  "/tmp/issue/a001-microsoft-openai.md",
                          "/a/",      "/a//b",
                          "//a/b",    "/a/./b",
                          "/a/../b",  "/a/b/..",
                          "/a/b/.",   "/..",
                          "/.",       "/a/.b/..c/b..",
                          "/a/.../b", "a",
                          "a/b",      "./a",
                          "../a/b",   "a/../../b",
                          ".",        "a/",
                          "a//b/./c/"}) {
      CAPTURE(p);
      CHECK(absolute_normal(p).native() == fs::absolute(p).lexically_normal().native());
    }
    CHECK(absolute_normal("").empty()); // which std::filesystem::absolute refuses
  }

  TEST_CASE("atomic write replaces the file and leaves no temporary behind") {
    fs::path dir = galley::test::fresh_folder("galley-test-files");
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

  TEST_CASE("bytes of several mebibytes are written whole, 32 KiB at a time") {
    fs::path dir = galley::test::fresh_folder("galley-test-large-write");
    // Bytes 32 KiB apart differ, so a piece written twice or at the wrong place shows.
    std::string bytes((std::size_t(5) << 19) + 3, '\0');
    for (std::size_t i = 0; i < bytes.size(); ++i)
      bytes[i] = static_cast<char>((i * 7 + i / 4099) & 0xff);
    write_file_atomic(dir / "large.bin", bytes);
    CHECK(read_file(dir / "large.bin").value() == bytes);
    int fd = ::open((dir / "plain.bin").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    REQUIRE(fd >= 0);
    CHECK(write_all(fd, bytes));
    ::close(fd);
    CHECK(read_file(dir / "plain.bin").value() == bytes);
    fs::remove_all(dir);
  }

  TEST_CASE("a second name replaces what it named, gives the file through a link, and leaves "
            "no temporary behind") {
    fs::path dir = galley::test::fresh_folder("galley-test-link");
    fs::create_directories(dir / "cache");
    write_file_atomic(dir / "out.pdf", "first");
    write_file_atomic(dir / "cache/entry", "old entry");
    REQUIRE(link_atomic(dir / "out.pdf", dir / "cache/entry"));
    CHECK(read_file(dir / "cache/entry").value() == "first");
    CHECK(fs::hard_link_count(dir / "out.pdf") == 2);
    // The output replaced by the next write: the second name keeps the first bytes.
    write_file_atomic(dir / "out.pdf", "second");
    CHECK(read_file(dir / "cache/entry").value() == "first");
    // Through a symbolic link, the name goes to the file, not to the link.
    fs::create_symlink(dir / "out.pdf", dir / "alias.pdf");
    REQUIRE(link_atomic(dir / "alias.pdf", dir / "cache/other"));
    CHECK_FALSE(fs::is_symlink(dir / "cache/other"));
    CHECK(read_file(dir / "cache/other").value() == "second");
    CHECK_FALSE(link_atomic(dir / "missing.pdf", dir / "cache/none"));
    CHECK_FALSE(fs::exists(dir / "cache/none"));
    int n = 0;
    for ([[maybe_unused]] auto& e : fs::directory_iterator(dir / "cache"))
      ++n;
    CHECK(n == 2);
    // A cache takes only a file's bytes, not a FIFO an output was written into.
    REQUIRE(::mkfifo((dir / "pipe").c_str(), 0600) == 0);
    CHECK_FALSE(CacheStore(dir / "store").link("0123", dir / "pipe"));
    CHECK(CacheStore(dir / "store").link("0123", dir / "out.pdf"));
    CHECK(CacheStore(dir / "store").read("0123").value() == "second");
    // Shared: the file mapped, which outlives the store and the name (an entry written again
    // is a new file).
    std::optional<SharedBytes> shared = CacheStore(dir / "store").share("0123");
    REQUIRE(shared);
    write_file_atomic(dir / "out.pdf", "third");
    fs::remove_all(dir / "store");
    CHECK(shared->bytes == "second");
    CHECK(shared->bytes.data() == shared->owner.get());
    CHECK_FALSE(CacheStore(dir / "store").share("0123"));
    CHECK_FALSE(read_shared(dir / "pipe"));
    CHECK(read_shared(dir / "out.pdf").value().bytes == "third");
    // An empty file cannot be mapped: it is read, and its bytes are none.
    write_file_atomic(dir / "empty", "");
    std::optional<SharedBytes> empty = read_shared(dir / "empty");
    REQUIRE(empty);
    CHECK(empty->bytes.empty());
    fs::remove_all(dir);
  }

  TEST_CASE("open beneath a folder: links inside are followed, ways out are refused") {
    fs::path dir = galley::test::fresh_folder("galley-test-beneath");
    fs::create_directories(dir / "root/sub");
    write_file_atomic(dir / "root/sub/in.txt", "inside");
    write_file_atomic(dir / "out.txt", "outside");
    fs::create_symlink("sub/in.txt", dir / "root/near");
    fs::create_symlink("sub", dir / "root/folder");
    fs::create_symlink("../out.txt", dir / "root/climb");
    fs::create_symlink(dir / "root/sub/in.txt", dir / "root/absolute");
    fs::create_symlink("loop", dir / "root/loop");
    int root = ::open((dir / "root").c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    REQUIRE(root >= 0);
    auto read = [&](auto open, const char* rel) -> std::string {
      int fd = open(root, rel, O_RDONLY | O_CLOEXEC);
      if (fd < 0) return errno == EXDEV ? "EXDEV" : errno == ELOOP ? "ELOOP" : "errno";
      char buf[16];
      ssize_t n = ::read(fd, buf, sizeof buf);
      ::close(fd);
      return std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
    };
    // The kernel's openat2 where there is one, and the component walk everywhere.
    for (auto open : {&open_beneath, &open_beneath_by_walk}) {
      CAPTURE(open == &open_beneath);
      CHECK(read(open, "sub/in.txt") == "inside");
      CHECK(read(open, "near") == "inside");
      CHECK(read(open, "folder/in.txt") == "inside");
      CHECK(read(open, "sub/../sub/in.txt") == "inside");
      CHECK(read(open, "../out.txt") == "EXDEV");
      CHECK(read(open, "climb") == "EXDEV");
      CHECK(read(open, "absolute") == "EXDEV");
      CHECK(read(open, "sub/../../out.txt") == "EXDEV");
    }
    CHECK(read(&open_beneath_by_walk, "loop") == "ELOOP");
    ::close(root);

    std::string why;
    std::vector<fs::path> roots{dir / "root"};
    CHECK(read_file_beneath(roots, dir / "root/near", &why).value() == "inside");
    CHECK_FALSE(read_file_beneath(roots, dir / "root/climb", &why).has_value());
    CHECK(why == "links to a file outside the allowed folders");
    CHECK_FALSE(read_file_beneath(roots, dir / "out.txt", &why).has_value());
    CHECK(why == "is outside the allowed folders");
    // A link from one root into another is followed.
    roots.push_back(dir);
    CHECK(read_file_beneath(roots, dir / "root/climb", &why).value() == "outside");
    fs::remove_all(dir);
  }

  TEST_CASE("a confined file read again by name is opened confined") {
    fs::path dir = galley::test::fresh_folder("galley-test-confined");
    fs::create_directories(dir / "root");
    write_file_atomic(dir / "root/pic.png", "picture");
    write_file_atomic(dir / "secret.png", "secret");
    confine_reads(dir / "root/pic.png", {dir / "root"});
    CHECK(read_file(dir / "root/pic.png").value() == "picture");
    fs::remove(dir / "root/pic.png");
    fs::create_symlink(dir / "secret.png", dir / "root/pic.png");
    std::string why;
    CHECK_FALSE(read_file(dir / "root/pic.png", &why).has_value());
    CHECK(why == "links to a file outside the allowed folders");
    fs::remove_all(dir);
  }

  TEST_CASE("an atomic write shows no temporary name while it is written") {
    fs::path dir = galley::test::fresh_folder("galley-test-files-unnamed");
    write_file_atomic(dir / "a-rather-long-output-name.pdf", std::string(1 << 20, 'x'));
    std::vector<std::string> names;
    for (auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    CHECK(names == std::vector<std::string>{"a-rather-long-output-name.pdf"});
    CHECK(fs::file_size(dir / "a-rather-long-output-name.pdf") == 1u << 20);
    CHECK((fs::status(dir / "a-rather-long-output-name.pdf").permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
           fs::perms::others_read));
    fs::remove_all(dir);
  }
}
