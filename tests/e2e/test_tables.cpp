// Tables as their authors write them (tests/e2e/data/tables/): a README's emoji cheat sheet of
// eight columns, a Hugo post's table of API identifiers, URLs and paths, a pandoc pipe table
// with a header "Code distance". Set through `galley pdf` and read back with pdftotext: no word
// box runs into another, none leaves the text area, every cell's text comes back whole, and
// headers are not hyphenated.
#include "overlap.hpp"
#include "pages.hpp"
#include "run.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

using namespace e2e;
namespace fs = std::filesystem;

namespace {

std::vector<TextLine> set(const std::string& name) {
  const fs::path pdf = scratch("tables-" + name) / (name + ".pdf");
  const fs::path source = source_dir() / "tests/e2e/data/tables" / (name + ".md");
  const RunResult r = run_galley("pdf " + q(source) + " -o " + q(pdf));
  CAPTURE(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.err.find("wider than the line") == std::string::npos);
  return text_lines(pdf);
}

/// The text of each left-aligned cell, its lines joined without spaces: a word continues the
/// cell above it when it starts at the same x on the next line, within a line and a half.
std::set<std::string> cells(const std::vector<TextLine>& lines) {
  struct Cell {
    int page;
    double x0, y0;
    std::string text;
  };
  std::vector<Cell> open;
  for (const TextLine& l : lines)
    for (const Box& w : l.words) {
      const double h = w.y1 - w.y0;
      auto it = std::find_if(open.begin(), open.end(), [&](const Cell& c) {
        return c.page == l.page && std::abs(c.x0 - w.x0) < 0.75 && w.y0 > c.y0 + 0.5 * h &&
               w.y0 < c.y0 + 1.5 * h;
      });
      if (it == open.end()) {
        open.push_back({l.page, w.x0, w.y0, w.text});
      } else {
        it->text += w.text;
        it->y0 = w.y0;
      }
    }
  std::set<std::string> out;
  for (const Cell& c : open) out.insert(c.text);
  return out;
}

/// The words on the lines from the first that has `first` to the first after it that has `last`.
std::vector<std::string> words_between(const std::vector<TextLine>& lines, const std::string& first,
                                       const std::string& last) {
  std::vector<std::string> out;
  bool in = false;
  for (const TextLine& l : lines) {
    for (const Box& w : l.words)
      if (w.text == first) in = true;
    if (!in) continue;
    bool end = false;
    for (const Box& w : l.words) {
      out.push_back(w.text);
      end = end || w.text == last;
    }
    if (end) break;
  }
  return out;
}

/// Sets table `name`: no word overprints another or leaves the text area, and each of `whole`
/// is one cell's text, unbroken across its lines.
void cells_whole(const std::string& name, std::initializer_list<const char*> whole) {
  const std::vector<TextLine> lines = set(name);
  CHECK(overlapping_words(lines) == 0);
  CHECK(words_outside(lines, default_text_area()) == 0);
  const std::set<std::string> found = cells(lines);
  for (const char* text : whole) {
    CAPTURE(text);
    CHECK(found.count(text) == 1);
  }
}

} // namespace

TEST_SUITE("e2e/tables") {
  TEST_CASE("an emoji cheat sheet of eight columns: no overprint, every shortcode whole") {
    cells_whole("shortcodes",
                {":white_check_mark:", ":hourglass_flowing_sand:", ":arrows_counterclockwise:",
                 ":closed_lock_with_key:", ":chart_with_upwards_trend:",
                 ":twisted_rightwards_arrows:", ":passport_control:", ":x:"});
  }

  TEST_CASE("a right-to-left article's table reads from the right") {
    const std::vector<TextLine> lines = set("rtl");
    CHECK(overlapping_words(lines) == 0);
    CHECK(words_outside(lines, default_text_area()) == 0);
    // pdftotext's boxes hold a right-to-left word's letters in visual order.
    auto box = [&](const std::string& word) {
      std::string visual;
      for (std::size_t at = 0; at < word.size();) {
        std::size_t n = 1;
        while (at + n < word.size() && (static_cast<unsigned char>(word[at + n]) & 0xC0) == 0x80)
          ++n;
        visual.insert(0, word, at, n);
        at += n;
      }
      for (const TextLine& l : lines)
        for (const Box& w : l.words)
          if (w.text == visual)
            return w;
      FAIL("no word " << word);
      return Box{};
    };
    // First column rightmost, in the header and in the body; the table against the right edge,
    // where the paragraphs' lines start.
    CHECK(box("الخط").x0 > box("أول").x0);
    CHECK(box("أول").x0 > box("المدة").x0);
    CHECK(box("الشمالي").x0 > box("ساعتان").x0);
    double right = 0;
    for (const TextLine& l : lines)
      right = std::max(right, l.box.x1);
    CHECK(box("الخط").x1 > right - 8);
  }

  TEST_CASE("identifiers, URLs and paths break at their separators, inside their cells") {
    cells_whole("kubernetes",
                {"ServiceAccountTokenVolumeProjection", "ClusterTrustBundleProjection",
                 "https://kubernetes.io/docs/concepts/storage/projected-volumes/#configmap",
                 "/var/lib/kubelet/pods/<uid>/volumes/kubernetes.io~projected/kube-api-access-xxxxx",
                 "/var/run/secrets/trust/ca-certificates.crt"});
  }

  TEST_CASE("headers take the room other columns leave and are not hyphenated") {
    const std::vector<TextLine> lines = set("codes");
    CHECK(overlapping_words(lines) == 0);
    CHECK(words_outside(lines, default_text_area()) == 0);
    const std::vector<std::string> table = words_between(lines, "Physical", "pairs");
    REQUIRE(!table.empty());
    for (const char* word : {"distance", "available", "qubits", "Decoder", "roadmap"}) {
      CAPTURE(word);
      CHECK(std::count(table.begin(), table.end(), word) >= 1);
    }
    for (const std::string& w : table) {
      CAPTURE(w);
      CHECK(w.back() != '-');
    }
  }
}
