// Times write_epub on an issue of N articles made by repeating the example articles:
//   bench_epub [articles=100] [runs=5] [out.epub]
// Prints the fastest and the median run and the book's size; writes the book when asked, which
// is also how tools/screenshot gets a book to render. Fonts are embedded when GALLEY_EMBED=1;
// GALLEY_STYLE names the style (default: the one the manifest names).
#include "epub/writer.hpp"
#include "input/load.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace galley;

int main(int argc, char** argv) {
  int articles = argc > 1 ? std::atoi(argv[1]) : 100;
  int runs = argc > 2 ? std::atoi(argv[2]) : 5;
  auto root = std::filesystem::path(GALLEY_SOURCE_DIR) / "examples" / "quantum-dispatch";
  Diagnostics diags;
  auto issue = input::load_inputs({root / "issue.yaml"}, {}, diags);
  if (!issue || diags.has_errors() || issue->articles.empty()) {
    for (const auto& d : diags.all()) std::fprintf(stderr, "%s\n", format_text(d).c_str());
    return 1;
  }
  auto originals = issue->articles;
  issue->articles.clear();
  for (int i = 0; i < articles; ++i) issue->articles.push_back(originals[i % originals.size()]);

  const char* style_name = std::getenv("GALLEY_STYLE");
  auto style = style::load_style(style_name ? style_name : issue->style, diags);
  if (diags.has_errors()) return 1;
  epub::EpubOptions options;
  options.date_epoch = 1777248000;
  const char* embed = std::getenv("GALLEY_EMBED");
  options.embed_fonts = embed && std::string(embed) == "1";
  options.fonts.font_dirs = {std::filesystem::path(GALLEY_SOURCE_DIR) / "fonts"};
  std::vector<double> ms;
  std::string bytes;
  for (int r = 0; r < std::max(1, runs); ++r) {
    Diagnostics d;
    auto start = std::chrono::steady_clock::now();
    bytes = epub::write_epub(*issue, style, options, d);
    auto end = std::chrono::steady_clock::now();
    ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    if (d.has_errors()) return 1;
  }
  std::sort(ms.begin(), ms.end());
  std::printf("articles=%d runs=%zu fastest=%.1f ms median=%.1f ms size=%zu bytes\n", articles,
              ms.size(), ms.front(), ms[ms.size() / 2], bytes.size());
  if (argc > 3) write_file_atomic(argv[3], bytes);
  return 0;
}
