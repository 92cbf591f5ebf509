// Pruning a cache folder (util/cache_store.hpp, CacheStore::prune): which entries go, in which
// order, and that nothing but entries is touched.
#include "galley/error.hpp"
#include "util/cache_store.hpp"
#include "util/files.hpp"

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <filesystem>
#include <string>
#include <sys/stat.h>

using namespace galley;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kNow = 1'800'000'000;

/// The key of entry number `n`: 64 hex digits, the first two naming its folder.
std::string key_of(int n) {
  std::string hex = std::to_string(n);
  return std::string(64 - hex.size(), 'a') + hex;
}

/// Stores `bytes` as the entry `key` of `store`, last used `days_ago` days before kNow.
void put(const CacheStore& store, const std::string& key, std::size_t bytes, int days_ago) {
  store.store(key, std::string(bytes, 'x'));
  const fs::path path = store.dir() / key.substr(0, 2) / (key.substr(2) + ".entry");
  const struct timespec when[2] = {{kNow - days_ago * kDay, 0}, {kNow - days_ago * kDay, 0}};
  REQUIRE(::utimensat(AT_FDCWD, path.c_str(), when, 0) == 0);
}

bool has(const CacheStore& store, const std::string& key) {
  return store.load(key).has_value();
}

} // namespace

TEST_SUITE("util/cache-prune") {
  TEST_CASE("entries unused since the date go; the others stay") {
    const CacheStore store(test::fresh_folder("galley-prune-age"));
    put(store, key_of(1), 10, 40);
    put(store, key_of(2), 10, 20);
    put(store, key_of(3), 10, 0);
    PruneRule rule;
    rule.unused_since = kNow - 30 * kDay;
    rule.dry_run = true;
    PruneCount dry = store.prune(rule);
    CHECK(dry.removed == 1);
    CHECK(dry.kept == 2);
    CHECK(has(store, key_of(1))); // a dry run removes nothing
    rule.dry_run = false;
    PruneCount count = store.prune(rule);
    CHECK(count.removed == 1);
    CHECK(count.kept == 2);
    CHECK(count.removed_bytes == dry.removed_bytes);
    CHECK(count.removed_bytes > 0); // blocks on the disk, not the 10 bytes
    CHECK_FALSE(has(store, key_of(1)));
    CHECK(has(store, key_of(2)));
    CHECK(has(store, key_of(3)));
    // Again: nothing left to remove.
    CHECK(store.prune(rule).removed == 0);
  }

  TEST_CASE("past a size, the least recently used go first, until the rest fit") {
    const CacheStore store(test::fresh_folder("galley-prune-size"));
    // Of a size that takes whole blocks, so that each takes the same on any file system.
    const std::size_t size = 64 * 1024;
    put(store, key_of(1), size, 5);
    put(store, key_of(2), size, 1);
    put(store, key_of(3), size, 9);
    put(store, key_of(4), size, 3);
    PruneRule all;
    all.dry_run = true;
    all.max_bytes = std::uint64_t(-1);
    const PruneCount whole = store.prune(all);
    REQUIRE(whole.kept == 4);
    const std::uint64_t each = whole.kept_bytes / 4;
    PruneRule rule;
    rule.max_bytes = 2 * each;
    const PruneCount count = store.prune(rule);
    CHECK(count.removed == 2);
    CHECK(count.kept_bytes == 2 * each);
    CHECK_FALSE(has(store, key_of(3))); // 9 days
    CHECK_FALSE(has(store, key_of(1))); // 5 days
    CHECK(has(store, key_of(4)));
    CHECK(has(store, key_of(2)));
    rule.max_bytes = 0;
    CHECK(store.prune(rule).removed == 2);
    CHECK(store.prune(rule).kept == 0);
  }

  TEST_CASE("only files named as entries are looked at") {
    const fs::path dir = test::fresh_folder("galley-prune-others");
    const CacheStore store(dir);
    put(store, key_of(1), 10, 100);
    const std::string folder = key_of(1).substr(0, 2);
    // What a user may keep there, or a link to an entry, or a folder named like an entry.
    write_file_atomic(dir / "notes.txt", "mine", Durability::Unsynced);
    write_file_atomic(dir / folder / "notes.entry", "mine", Durability::Unsynced);
    fs::create_directories(dir / "zz");
    write_file_atomic(dir / "zz" / (key_of(2).substr(2) + ".entry"), "mine", Durability::Unsynced);
    fs::create_symlink(dir / "notes.txt", dir / folder / (key_of(3).substr(2) + ".entry"));
    fs::create_directories(dir / folder / (key_of(4).substr(2) + ".entry"));
    PruneRule rule;
    rule.max_bytes = 0;
    const PruneCount count = store.prune(rule);
    CHECK(count.removed == 1);
    CHECK(count.kept == 0);
    CHECK(fs::exists(dir / "notes.txt"));
    CHECK(fs::exists(dir / folder / "notes.entry"));
    CHECK(fs::exists(dir / "zz" / (key_of(2).substr(2) + ".entry")));
    CHECK(fs::is_symlink(dir / folder / (key_of(3).substr(2) + ".entry")));
    CHECK(fs::is_directory(dir / folder / (key_of(4).substr(2) + ".entry")));
    CHECK(fs::is_directory(dir / folder)); // folders stay: a build may be storing into them
  }

  TEST_CASE("a folder that cannot be read is an error") {
    PruneRule rule;
    rule.max_bytes = 0;
    CHECK_THROWS_AS(CacheStore(test::fresh_folder("galley-prune-none") / "missing").prune(rule),
                    Error);
  }
}
