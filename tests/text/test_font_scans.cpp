// The scan of font files handed from one process to the next (text/font_scans.hpp).
#include "test_support.hpp"
#include "text/font_scans.hpp"
#include "util/files.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <sys/stat.h>

using namespace galley;
namespace fs = std::filesystem;

namespace {

/// What stat says of `path`, as a scan keeps it, with `faces`.
text::ScannedFont as_scanned(const fs::path& path, std::vector<text::FaceInfo> faces) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return {path.string(),
          static_cast<std::uint64_t>(st.st_dev),
          static_cast<std::uint64_t>(st.st_ino),
          static_cast<std::uint64_t>(st.st_size),
          st.st_mtim.tv_sec * 1'000'000'000LL + st.st_mtim.tv_nsec,
          std::move(faces)};
}

const text::ScannedFont* find(const std::vector<text::ScannedFont>& fonts, const fs::path& path) {
  auto it = std::find_if(fonts.begin(), fonts.end(),
                         [&](const text::ScannedFont& f) { return f.path == path.string(); });
  return it == fonts.end() ? nullptr : &*it;
}

} // namespace

TEST_SUITE("text/font_scans") {
  TEST_CASE("a font file given as scanned is taken while stat says the same of it") {
    const fs::path dir = galley::test::fresh_folder("galley-test-font-scans");
    const fs::path font = fs::path(GALLEY_SOURCE_DIR) / "fonts/inter/Inter-Regular.otf";
    fs::copy_file(font, dir / "kept.otf");
    fs::copy_file(font, dir / "changed.otf");
    fs::copy_file(font, dir / "unasked.otf");
    text::FaceInfo given;
    given.path = dir / "kept.otf";
    given.family = "Given, not read";
    text::ScannedFont changed = as_scanned(dir / "changed.otf", {given});
    changed.size += 1;
    const text::ScannedFont unasked = as_scanned(dir / "unasked.otf", {given});
    text::seed_scanned_fonts({as_scanned(dir / "kept.otf", {given}), changed, unasked});
    fs::remove(dir / "unasked.otf");
    text::prefetch_fonts({dir});

    const std::vector<text::ScannedFont> fonts = text::scanned_fonts();
    CHECK(std::is_sorted(fonts.begin(), fonts.end(),
                         [](const auto& a, const auto& b) { return a.path < b.path; }));
    // Taken as given, without opening the file, which still counts as read.
    const text::ScannedFont* kept = find(fonts, dir / "kept.otf");
    REQUIRE(kept != nullptr);
    REQUIRE(kept->faces.size() == 1);
    CHECK(kept->faces[0].family == "Given, not read");
    CHECK(any_read({file_id(dir / "kept.otf").value()}));
    // A file stat says changed is read again, and what the scan read replaces what was given.
    const text::ScannedFont* read = find(fonts, dir / "changed.otf");
    REQUIRE(read != nullptr);
    REQUIRE(read->faces.size() == 1);
    CHECK(read->faces[0].family == "Inter");
    CHECK(read->faces[0].weight == 400);
    CHECK(read->size == fs::file_size(dir / "changed.otf"));
    // A font given and not asked for is handed on as it was.
    const text::ScannedFont* handed = find(fonts, dir / "unasked.otf");
    REQUIRE(handed != nullptr);
    CHECK(*handed == unasked);
    fs::remove_all(dir);
  }
}
