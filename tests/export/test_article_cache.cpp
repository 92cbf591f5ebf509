// What the build cache keeps of reading articles (export/article_cache.hpp) beside the articles
// themselves: which images' bytes decoded whole, so that reading an article again (it changed)
// does not decode its pictures' pixels again.
#include "export/article_cache.hpp"
#include "input/load.hpp"
#include "util/files.hpp"
#include "util/hash.hpp"

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <set>

using namespace galley;
namespace fs = std::filesystem;

namespace {

/// A memo that takes no article and says which images are sound from `sound`.
struct ImageMemo final : input::ArticleMemo {
  std::set<std::string> sound;
  mutable std::set<std::string> kept;
  std::optional<Kept> find(const Place&, bool) const override { return std::nullopt; }
  void keep(const Place&, const Kept&) const override {}
  bool sound_image(const std::string& sha256) const override { return sound.count(sha256) > 0; }
  void keep_sound_image(const std::string& sha256) const override { kept.insert(sha256); }
};

/// An article showing `picture` as a figure, read from memory in `dir`.
Diagnostics read_with_figure(const fs::path& dir, const std::string& picture,
                             const input::ArticleMemo* memo) {
  input::LoadOptions options;
  options.memo = memo;
  Diagnostics diags;
  const std::string text = "---\ntitle: Pictures\n---\n\nText.\n\n![A picture](" + picture + ")\n";
  input::load_article_bytes(text, "story.md", dir, options, diags);
  return diags;
}

/// The bytes of `png` with `tail` after its end, which no reader looks at: bytes new to the
/// process, whose verdicts are kept by digest too.
std::string png_with(const fs::path& png, const std::string& tail) {
  auto bytes = read_file(png);
  REQUIRE(bytes.has_value());
  return *bytes + tail;
}

/// A PNG whose image data fail their CRC.
const fs::path kBadPng = GALLEY_SOURCE_DIR "/tests/corpus/bad/images/bad-crc.png";

/// Writes `bytes` to `path`.
void put(const fs::path& path, const std::string& bytes) {
  write_file_atomic(path, bytes, Durability::Unsynced);
}

} // namespace

TEST_SUITE("export/article-cache") {
  TEST_CASE("an image whose bytes decoded whole is kept by their digest for the next build") {
    const fs::path dir = test::fresh_folder("galley-article-cache-sound");
    render::RenderOptions options;
    options.cache_dir = (dir / "cache").string();
    const std::string sha = sha256_hex("the bytes of a picture");
    CHECK_FALSE(render::ArticleCache(options).sound_image(sha));
    render::ArticleCache(options).keep_sound_image(sha);
    const render::ArticleCache later(options); // the next build's
    CHECK(later.sound_image(sha));
    CHECK_FALSE(later.sound_image(sha256_hex("other bytes")));
  }

  TEST_CASE("a read decodes only pixels the memo does not know as sound, and keeps the sound") {
    const fs::path dir = test::fresh_folder("galley-article-cache-read");
    const std::string unknown = png_with(kBadPng, "unknown"),
                      vouched = png_with(kBadPng, "vouched");
    put(dir / "unknown.png", unknown);
    put(dir / "vouched.png", vouched);
    ImageMemo memo;
    memo.sound.insert(sha256_hex(vouched));

    // Bytes the memo does not know are decoded: the broken data are an error, and not kept.
    Diagnostics checked = read_with_figure(dir, "unknown.png", &memo);
    CHECK(checked.has_errors());
    CHECK(memo.kept.empty());
    // Bytes it vouches for are not decoded again.
    CHECK_FALSE(read_with_figure(dir, "vouched.png", &memo).has_errors());

    // A picture that decodes is kept by the digest of its bytes.
    const std::string portrait =
        png_with(GALLEY_SOURCE_DIR "/examples/quantum-dispatch/images/nova-chen.png", "portrait");
    put(dir / "portrait.png", portrait);
    CHECK_FALSE(read_with_figure(dir, "portrait.png", &memo).has_errors());
    CHECK(memo.kept == std::set<std::string>{sha256_hex(portrait)});
  }
}
