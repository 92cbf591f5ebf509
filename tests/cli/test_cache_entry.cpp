// The build cache's entries (cli/build_cache.hpp) and depfiles (cli/outputs.hpp): an output,
// its pages and warnings read back, a damaged entry or bytes are told from missing ones, an
// output file is known as placed only while stat says the same, the file digests, long dates,
// font scans and hyphenation automata kept for the next build read back, and depfile names are
// escaped.
#include "cli/build_cache.hpp"
#include "cli/outputs.hpp"
#include "test_support.hpp"
#include "util/hash.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <fstream>

using namespace galley;
using namespace galley::cli;
namespace fs = std::filesystem;

namespace {

/// Cuts three bytes off every entry in `dir`: each then reads as damaged.
void damage_entries(const fs::path& dir) {
  for (const auto& f : fs::recursive_directory_iterator(dir))
    if (f.is_regular_file())
      fs::resize_file(f.path(), fs::file_size(f.path()) - 3);
}

} // namespace

TEST_SUITE("cli/cache_entry") {
  TEST_CASE("an output reads back with its print pages and diagnostics") {
    CachedOutput e;
    e.sha256 = std::string(64, 'f');
    e.size = 15;
    e.pages = 12;
    e.print_pages = {{"i", 0, -1, 0}, {"7", 2, 14, 230}};
    e.diagnostics = {{Severity::Warning, {"a.md", 4, 2}, "no glyph for U+1F600", "install a font"}};
    e.fonts = {{"/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf", std::string(64, '1')}};
    std::optional<CachedOutput> back = decode_output(encode_output(e));
    REQUIRE(back);
    CHECK(back->sha256 == e.sha256);
    CHECK(back->size == 15);
    CHECK(back->pages == 12);
    CHECK(back->print_pages == e.print_pages);
    REQUIRE(back->diagnostics.size() == 1);
    CHECK(back->diagnostics[0].severity == Severity::Warning);
    CHECK(back->diagnostics[0].loc.line == 4);
    CHECK(back->diagnostics[0].message == e.diagnostics[0].message);
    CHECK(back->fonts == e.fonts);
  }

  TEST_CASE("an input's record reads back with its files, the common ones once") {
    CachedInput e;
    e.sources = {{"/p/issue.yaml", std::string(64, 'a')}, {"/p/a.md", std::string(64, 'b')}};
    e.info.path = "issue.yaml";
    e.info.manifest = true;
    e.info.slug = "issue";
    e.info.articles = {{"a", "a-slug"}, {"b", "b-slug"}};
    e.files = {"/p/issue.yaml", "/p/a.md", "/p/b.md", "/fonts/Inter.ttf"};
    e.common_files = {"/fonts/Inter.ttf", "/p/house.yaml"};
    e.article_files = {{"/p/a.md", "/p/a.jpg"}, {"/p/b.md"}};
    e.style_text = "style";
    e.issue_text = "issue";
    const std::string record = encode_input(e);
    std::optional<CachedInput> back = decode_input(record);
    REQUIRE(back);
    CHECK(back->sources == e.sources);
    CHECK(back->info.articles.size() == 2);
    CHECK(back->files == e.files);
    CHECK(back->common_files == e.common_files);
    CHECK(back->article_files == e.article_files);
    CHECK(back->style_text == "style");
    CHECK(back->issue_text == "issue");
    CHECK_FALSE(decode_input(record.substr(0, record.size() - 1)));
  }

  TEST_CASE("the store finds, misses and tells a damaged entry") {
    fs::path dir = galley::test::fresh_folder("galley-cache-entry");
    BuildCache cache(dir);
    const std::string key(64, 'a');
    CachedOutput out;
    CHECK(cache.find(key, out) == BuildCache::Found::Miss);
    const std::string bytes("%PDF-1.7\0binary", 15);
    cache.store(key, {{}, 0, 1, {}, {}}, bytes, sha256_hex(bytes));
    REQUIRE(cache.find(key, out) == BuildCache::Found::Hit);
    CHECK(out.size == 15);
    CHECK(cache.bytes(out) == bytes);
    fs::path entry = dir / "aa" / (std::string(62, 'a') + ".entry");
    REQUIRE(fs::exists(entry));
    fs::resize_file(entry, fs::file_size(entry) - 1);
    CHECK(cache.find(key, out) == BuildCache::Found::Damaged);
    std::ofstream(entry, std::ios::trunc) << "not an entry";
    CHECK(cache.find(key, out) == BuildCache::Found::Damaged);
    fs::remove_all(dir);
  }

  TEST_CASE("bytes that are not what their entry says are none") {
    fs::path dir = galley::test::fresh_folder("galley-cache-bytes");
    BuildCache cache(dir);
    const std::string key(64, 'b');
    cache.store(key, {}, "the output", sha256_hex("the output"));
    CachedOutput out;
    REQUIRE(cache.find(key, out) == BuildCache::Found::Hit);
    REQUIRE(cache.bytes(out));
    // Every entry but the output's own is its bytes (the key is not their name).
    for (const auto& f : fs::recursive_directory_iterator(dir))
      if (f.is_regular_file() && f.path().filename().string() != std::string(62, 'b') + ".entry")
        std::ofstream(f.path(), std::ios::trunc) << "the 0utput";
    CHECK(!cache.bytes(out));
    fs::remove_all(dir);
  }

  TEST_CASE("an output file is placed while stat says what it said when it was marked") {
    fs::path dir = galley::test::fresh_folder("galley-cache-placed");
    BuildCache cache(dir / "cache");
    const fs::path file = dir / "out.pdf";
    const std::string sha(64, 'c');
    CHECK(!cache.placed(file, sha));
    std::ofstream(file) << "first";
    CHECK(!cache.placed(file, sha));
    cache.mark_placed(file, sha);
    CHECK(cache.placed(file, sha));
    CHECK(!cache.placed(file, std::string(64, 'd')));
    // Rewritten in place, a later modification time; replaced by a new file, a new inode.
    fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(1));
    CHECK(!cache.placed(file, sha));
    cache.mark_placed(file, sha);
    fs::remove(file);
    CHECK(!cache.placed(file, sha));
    std::ofstream(file) << "first";
    cache.mark_placed(file, sha);
    CHECK(cache.placed(file, sha));
    fs::path other = dir / "other.pdf";
    std::ofstream(other) << "first";
    fs::rename(other, file);
    CHECK(!cache.placed(file, sha));
    fs::remove_all(dir);
  }

  TEST_CASE("the file digests kept for the next build read back, and damaged ones are none") {
    fs::path dir = galley::test::fresh_folder("galley-cache-digests");
    BuildCache cache(dir);
    CHECK(cache.known_digests().empty());
    std::vector<KnownDigest> known{
        {"/a/b.md", 2049, 77, 1234, 1'700'000'000'123'456'789LL, std::string(64, 'e')},
        {"/a/c d.png", 2049, 78, 0, 5, "missing"}};
    cache.keep_digests(known);
    CHECK(cache.known_digests() == known);
    damage_entries(dir);
    CHECK(cache.known_digests().empty());
    fs::remove_all(dir);
  }

  TEST_CASE("the long dates kept for the next build read back for their toolchain only") {
    fs::path dir = galley::test::fresh_folder("galley-cache-dates");
    BuildCache cache(dir);
    CHECK(cache.known_dates("galley 1 / icu 72.1").empty());
    const std::vector<model::LongDate> dates{{"de", {2026, 4, 27}, "27. April 2026"},
                                             {"en", {2026, 5, 0}, "May 2026"}};
    cache.keep_dates("galley 1 / icu 72.1", dates);
    CHECK(cache.known_dates("galley 1 / icu 72.1") == dates);
    // Another ICU may write its dates otherwise: none are taken.
    CHECK(cache.known_dates("galley 1 / icu 74.2").empty());
    damage_entries(dir);
    CHECK(cache.known_dates("galley 1 / icu 72.1").empty());
    fs::remove_all(dir);
  }

  TEST_CASE("hyphenation automata kept in the cache are found by key and toolchain") {
    fs::path dir = galley::test::fresh_folder("galley-cache-patterns");
    const CachedPatterns kept(dir, "icu 72.1");
    CHECK_FALSE(kept.find("le 0123456789abcdef"));
    kept.keep("le 0123456789abcdef", "automata");
    std::optional<SharedBytes> found = kept.find("le 0123456789abcdef");
    REQUIRE(found);
    CHECK(found->bytes == "automata");
    CHECK_FALSE(kept.find("le 0123456789abcdee"));
    CHECK_FALSE(CachedPatterns(dir, "icu 74.2").find("le 0123456789abcdef"));
    fs::remove_all(dir);
  }

  TEST_CASE("the font scans kept for the next build read back for their toolchain only") {
    fs::path dir = galley::test::fresh_folder("galley-cache-fonts");
    BuildCache cache(dir);
    CHECK(cache.known_fonts("freetype 2.12.1").empty());
    text::FaceInfo face;
    face.path = "/fonts/Serif.ttc";
    face.index = 1;
    face.family = "Serif Text";
    face.weight = 600;
    face.italic = true;
    face.units_per_em = 2048;
    face.ascender = 0.9521484375;
    face.descender = 0.2099609375;
    face.generic = "serif";
    const std::vector<text::ScannedFont> fonts{
        {"/fonts/Serif.ttc", 2049, 77, 123456, 1'700'000'000'123'456'789LL, {face, face}},
        {"/fonts/missing.otf", 0, 0, 0, 0, {}}};
    cache.keep_fonts("freetype 2.12.1", fonts);
    CHECK(cache.known_fonts("freetype 2.12.1") == fonts);
    CHECK(cache.known_fonts("freetype 2.13.2").empty());
    damage_entries(dir);
    CHECK(cache.known_fonts("freetype 2.12.1").empty());
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
