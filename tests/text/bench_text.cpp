// Shapes and breaks paragraphs repeatedly and reports the time per pass and the word cache's hit
// rate. Usage: bench_text [article.md|paragraphs.txt] [passes]. Paragraphs are separated by blank
// lines; YAML front matter, headings and code fences are skipped. Without a file, the test
// paragraphs are used. Example:
//   build/dev/tests/text/bench_text examples/quantum-dispatch/microsoft-openai.md 50
#include "support.hpp"

#include "util/files.hpp"
#include "util/text_utils.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace galley;
using namespace galley::text;

namespace {

std::vector<testing::Sample> load(const char* path) {
  std::vector<testing::Sample> out;
  std::string error;
  auto text = read_file(path, &error);
  if (!text) {
    std::fprintf(stderr, "bench_text: %s: %s\n", path, error.c_str());
    std::exit(3);
  }
  std::string para;
  size_t pos = 0;
  bool front_matter = text->rfind("---\n", 0) == 0;
  if (front_matter)
    pos = 4;
  bool fence = false;
  while (pos <= text->size()) {
    size_t end = text->find('\n', pos);
    if (end == std::string::npos)
      end = text->size();
    std::string line = text->substr(pos, end - pos);
    if (front_matter) {
      front_matter = line != "---";
      pos = end + 1;
      continue;
    }
    if (line.rfind("```", 0) == 0)
      fence = !fence;
    if (fence || line.rfind("```", 0) == 0 || line.rfind("#", 0) == 0)
      line.clear();
    if (line.empty()) {
      if (!para.empty())
        out.push_back({"en", para});
      para.clear();
    } else {
      para += (para.empty() ? "" : " ") + line;
    }
    pos = end + 1;
  }
  if (!para.empty())
    out.push_back({"en", para});
  return out;
}

} // namespace

int main(int argc, char** argv) {
  std::vector<testing::Sample> samples = argc > 1 ? load(argv[1]) : testing::sample_paragraphs();
  int passes = argc > 2 ? std::atoi(argv[2]) : 20;
  if (passes < 1)
    passes = 1;

  auto t0 = std::chrono::steady_clock::now();
  Engine engine(testing::bundled_options());
  auto t1 = std::chrono::steady_clock::now();
  Diagnostics diags;
  size_t lines = 0;
  double first_ms = 0;
  std::chrono::steady_clock::time_point warm;
  for (int pass = 0; pass <= passes; ++pass) {
    auto start = std::chrono::steady_clock::now();
    if (pass == 1)
      warm = start;
    for (const auto& s : samples)
      lines += engine.layout_paragraph(testing::paragraph(s.text, s.language, 312, 10.5), diags)
                   .lines.size();
    if (pass == 0)
      first_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count();
  }
  auto t2 = std::chrono::steady_clock::now();
  double total_ms = std::chrono::duration<double, std::milli>(t2 - warm).count();
  CacheStats stats = engine.cache_stats();
  double rate = stats.lookups
                    ? 100.0 * static_cast<double>(stats.hits) / static_cast<double>(stats.lookups)
                    : 0;
  std::printf("paragraphs %zu, passes %d, lines per pass %zu\n", samples.size(), passes,
              lines / static_cast<size_t>(passes + 1));
  std::printf("engine start %s ms\n",
              format_number(std::chrono::duration<double, std::milli>(t1 - t0).count(), 2).c_str());
  std::printf("first pass %s ms (cold cache, dictionaries loaded)\n",
              format_number(first_ms, 2).c_str());
  std::printf("mean warm pass %s ms\n", format_number(total_ms / passes, 3).c_str());
  std::printf("word cache %llu lookups, %llu hits (%s%%)\n",
              static_cast<unsigned long long>(stats.lookups),
              static_cast<unsigned long long>(stats.hits), format_number(rate, 1).c_str());
  std::printf("warnings %d\n", diags.warning_count());

  // Quality next to speed: total fit against first fit on the same items.
  testing::ItemsProbe probe;
  double total_fit = 0, first_fit = 0;
  LineBreakParams p;
  p.final_pass = true;
  auto width = [](int) { return 312.0; };
  for (const auto& s : samples) {
    std::vector<Item> items = probe.items(testing::paragraph(s.text, s.language, 312, 10.5), diags);
    total_fit += break_lines(items, width, p).total_demerits;
    first_fit += break_first_fit(items, width, p).total_demerits;
  }
  std::printf("demerits: total fit %s, first fit %s\n", format_number(total_fit, 0).c_str(),
              format_number(first_fit, 0).c_str());
  return 0;
}
