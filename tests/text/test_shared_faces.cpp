// A font file's HarfBuzz face is made once per process and shared by every engine
// (text/fonts.cpp, shared_face): a file replaced since is read again by the engines made after.
#include "support.hpp"
#include "test_support.hpp"
#include "text/engine.hpp"
#include "text/fonts.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <vector>

using namespace galley;
using namespace galley::text;
namespace fs = std::filesystem;

namespace {

/// The glyph ids `engine` sets "Hamburgefonts" with in the face named "Probe".
std::vector<std::uint32_t> probe_glyphs(Engine& engine) {
  Span span;
  span.text = "Hamburgefonts";
  span.font = {"Probe", 400, false};
  Diagnostics diags;
  Line line = engine.layout_line({span}, "en", diags);
  CHECK(diags.empty());
  std::vector<std::uint32_t> ids;
  for (const LineRun& run : line.runs)
    for (const auto& g : run.glyphs)
      ids.push_back(g.glyph);
  return ids;
}

EngineOptions probe_options(const fs::path& font) {
  EngineOptions options = testing::bundled_options();
  options.extra_faces.push_back({"Probe", 400, false, font.string()});
  return options;
}

} // namespace

TEST_SUITE("text") {
  TEST_CASE("engines share a font file's face; one replaced since is read again") {
    const fs::path dir = test::fresh_folder("shared-faces");
    const fs::path font = dir / "probe.ttf";
    const fs::path fonts = bundled_fonts_dir();
    fs::copy_file(fonts / "ebgaramond/EBGaramond12-Regular.ttf", font);

    Engine first(probe_options(font));
    const std::vector<std::uint32_t> garamond = probe_glyphs(first);
    REQUIRE(garamond.size() == 13);
    // A second engine over the same file sets the same glyphs.
    Engine second(probe_options(font));
    CHECK(probe_glyphs(second) == garamond);

    // Replaced as an installer replaces a file: a new file renamed over the old name.
    fs::copy_file(fonts / "inter/Inter-Regular.otf", dir / "next.otf");
    fs::rename(dir / "next.otf", font);
    Engine third(probe_options(font));
    const std::vector<std::uint32_t> inter = probe_glyphs(third);
    REQUIRE(inter.size() == 13);
    CHECK(inter != garamond);
    // The engines made before keep the face they loaded.
    CHECK(probe_glyphs(first) == garamond);
  }
}
