#include "galley/style.hpp"
#include "galley/error.hpp"

#include "style/bundled.hpp"
#include "util/data_dir.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace galley::style {

Style default_style() {
  Style s;
  // Heading sizes step down from h1; each leading is 1.2 x size rounded to half a point, the
  // same rule that applies when a style file gives a size without a leading.
  struct Level {
    double size, leading, before, after;
    int weight;
    bool italic;
  };
  static constexpr Level kLevels[6] = {
      {18, 21.5, 20, 6, 700, false},   {14, 17, 16, 4, 700, false},
      {11.5, 14, 12, 3, 700, false},   {10.5, 12.5, 10, 2, 700, false},
      {10.5, 12.5, 10, 2, 400, true},  {10.5, 12.5, 8, 2, 400, false},
  };
  for (int i = 0; i < 6; ++i) {
    HeadingStyle& h = s.headings[i];
    h.size = kLevels[i].size;
    h.leading = kLevels[i].leading;
    h.space_before = kLevels[i].before;
    h.space_after = kLevels[i].after;
    h.weight = kLevels[i].weight;
    h.italic = kLevels[i].italic;
  }
  return s;
}

std::array<TokenLook, kTokenKinds> code_theme(CodeTheme theme) {
  // Indexed as TokenKind: plain, keyword, type, string, number, comment, preprocessor,
  // function, variable. Every colour keeps 4.5:1 contrast on its theme's code ground (#f3f1ec,
  // the grey theme's #f2f2f2; style/looks.cpp; WCAG 2.1, 1.4.3). The grey theme prints on any
  // press: greys (r = g = b) apart by at least a tenth of the scale, with weight for what a reader
  // scans for first.
  if (theme == CodeTheme::Grey)
    return {{{{0x1a, 0x1a, 0x1a}, false},
             {{0x00, 0x00, 0x00}, true},
             {{0x33, 0x33, 0x33}, false},
             {{0x55, 0x55, 0x55}, false},
             {{0x44, 0x44, 0x44}, false},
             {{0x68, 0x68, 0x68}, false},
             {{0x33, 0x33, 0x33}, true},
             {{0x1a, 0x1a, 0x1a}, false},
             {{0x3d, 0x3d, 0x3d}, false}}};
  return {{{{0x1a, 0x1a, 0x1a}, false},
           {{0x8b, 0x22, 0x52}, true},
           {{0x00, 0x64, 0x8a}, false},
           {{0x2e, 0x6b, 0x1f}, false},
           {{0x9a, 0x4f, 0x00}, false},
           {{0x6a, 0x6a, 0x5e}, false},
           {{0x7a, 0x3e, 0x9d}, false},
           {{0x2a, 0x55, 0xa5}, false},
           {{0xa3, 0x36, 0x1f}, false}}};
}

std::filesystem::path bundled_styles_dir() {
  return util::data_dir() / "styles";
}

std::vector<StyleSummary> list_bundled_styles() {
  std::vector<StyleSummary> out;
  std::error_code ec;
  const std::filesystem::path dir = bundled_styles_dir();
  std::filesystem::directory_iterator entries(dir, ec);
  // An install without its styles is broken, not empty.
  if (ec)
    throw Error("cannot list the bundled styles in " + dir.string() + ": " + ec.message());
  for (const auto& entry : entries) {
    const std::filesystem::path& file = entry.path();
    if (file.extension() != ".yaml" || !entry.is_regular_file(ec)) continue;
    StyleSummary summary{file.stem().string(), {}};
    // Only the description is wanted here; a broken file shows up when it is loaded.
    try {
      const YAML::Node root = YAML::LoadFile(file.string());
      if (root.IsMap()) {
        const YAML::Node description = root["description"];
        if (description.IsDefined() && description.IsScalar())
          summary.description = description.Scalar();
      }
    } catch (const YAML::Exception&) {
      summary.description.clear();
    }
    out.push_back(std::move(summary));
  }
  std::sort(out.begin(), out.end(),
            [](const StyleSummary& a, const StyleSummary& b) { return a.name < b.name; });
  return out;
}

} // namespace galley::style
