// The build cache's entries (cli/build_cache.hpp) and depfiles (cli/outputs.hpp): an output,
// its pages and warnings read back, a damaged entry is told from a missing one, and depfile
// names are escaped.
#include "cli/build_cache.hpp"
#include "cli/outputs.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace galley;
using namespace galley::cli;
namespace fs = std::filesystem;

TEST_SUITE("cli/cache_entry") {
  TEST_CASE("an output reads back with its print pages and diagnostics") {
    CachedOutput e;
    e.bytes = std::string("%PDF-1.7\0binary", 15);
    e.pages = 12;
    e.print_pages = {{"i", 0, -1, 0}, {"7", 2, 14, 230}};
    e.diagnostics = {{Severity::Warning, {"a.md", 4, 2}, "no glyph for U+1F600", "install a font"}};
    std::optional<CachedOutput> back = decode_output(encode_output(e));
    REQUIRE(back);
    CHECK(back->bytes == e.bytes);
    CHECK(back->pages == 12);
    CHECK(back->print_pages == e.print_pages);
    REQUIRE(back->diagnostics.size() == 1);
    CHECK(back->diagnostics[0].severity == Severity::Warning);
    CHECK(back->diagnostics[0].loc.line == 4);
    CHECK(back->diagnostics[0].message == e.diagnostics[0].message);
  }

  TEST_CASE("the store finds, misses and tells a damaged entry") {
    fs::path dir = fs::temp_directory_path() / "galley-cache-entry";
    fs::remove_all(dir);
    BuildCache cache(dir);
    const std::string key(64, 'a');
    CachedOutput out;
    CHECK(cache.find(key, out) == BuildCache::Found::Miss);
    cache.store(key, {"bytes", 1, {}, {}});
    REQUIRE(cache.find(key, out) == BuildCache::Found::Hit);
    CHECK(out.bytes == "bytes");
    fs::path entry = dir / "aa" / (std::string(62, 'a') + ".entry");
    REQUIRE(fs::exists(entry));
    fs::resize_file(entry, fs::file_size(entry) - 1);
    CHECK(cache.find(key, out) == BuildCache::Found::Damaged);
    std::ofstream(entry, std::ios::trunc) << "not an entry";
    CHECK(cache.find(key, out) == BuildCache::Found::Damaged);
    fs::remove_all(dir);
  }
}

TEST_SUITE("cli/depfile_text") {
  TEST_CASE("targets, then one dependency a line, names escaped as Make and Ninja read them") {
    std::string d = depfile_text({"out/a b.pdf", "out/a b.epub"},
                                 {"/src/my issue/x#1.md", "/src/$HOME.png", "/src/plain.yaml"});
    CHECK(d == "out/a\\ b.pdf out/a\\ b.epub: \\\n  /src/my\\ issue/x\\#1.md \\\n  /src/$$HOME.png \\\n"
               "  /src/plain.yaml\n");
  }
}
