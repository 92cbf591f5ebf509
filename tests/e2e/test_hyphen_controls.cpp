// Hyphenation in a narrow measure, counted the way a reader sees it: the example issue and a
// blog post set in broadsheet's two columns of 9pt type (253.8pt, 28 em: narrower than the
// 30 em where the three-letter minimums start), read back with pdftotext.
#include "pages.hpp"
#include "run.hpp"
#include "util/files.hpp"

#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace e2e;
namespace fs = std::filesystem;

namespace {

struct Counts {
  int lines = 0;
  int hyphenated = 0;      ///< lines ending with a hyphen, explicit ones included
  int runs_of_two = 0;     ///< exactly two hyphenated lines in a row
  int runs_of_three = 0;   ///< three or more
  int capitalised = 0;     ///< split words with a capital, sentence starts aside
  int last_words = 0;      ///< a paragraph's last word split
  int short_fragments = 0; ///< in body lines: fewer than three letters before or after a hyphen
  double p95_gap = 0;      ///< justified lines' word gaps, points
};

/// Letters of a UTF-8 word: ASCII letters and one per non-ASCII character (enough for the
/// English text measured here).
int letters(const std::string& s) {
  int n = 0;
  for (unsigned char c : s)
    n += std::isalpha(c) || (c >= 0xC0); // a lead byte counts one letter, continuations none
  return n;
}

std::string strip(std::string s, const std::string& lead, const std::string& trail) {
  while (!s.empty() && lead.find(s.front()) != std::string::npos)
    s.erase(0, 1);
  while (!s.empty() && trail.find(s.back()) != std::string::npos)
    s.pop_back();
  // Curly quotes and the like are three bytes: drop any non-ASCII tail or head that is not a
  // letter's (punctuation from U+2000 on starts with 0xE2).
  while (s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xE2)
    s.erase(0, 3);
  while (s.size() >= 3 && static_cast<unsigned char>(s[s.size() - 3]) == 0xE2)
    s.erase(s.size() - 3);
  return s;
}

const std::string kLeading = "\"'([";
const std::string kTrailing = ".,;:!?)]\"'";

/// Whether a line ends with a hyphen after a letter.
bool ends_hyphenated(const std::string& line) {
  return line.size() > 1 && line.back() == '-' &&
         std::isalpha(static_cast<unsigned char>(line[line.size() - 2]));
}

/// A word split at a line end: the part before the hyphen and the part the next line starts
/// with, or nothing when the hyphen is the source's own ("revenue-share").
struct Split {
  std::string head, tail;
};
std::optional<Split> dictionary_split(const std::string& line, const std::string& next,
                                      const std::string& source) {
  std::string head =
      line.substr(line.find_last_of(' ') == std::string::npos ? 0 : line.find_last_of(' ') + 1);
  head.pop_back();
  head = strip(head, kLeading, "");
  std::string tail = strip(next.substr(0, next.find(' ')), "", kTrailing);
  if (source.find(head + "-" + tail) != std::string::npos)
    return std::nullopt;
  return Split{head, tail};
}

/// Lines of `pdftotext -raw`, without blank ones and list numbers (which it reads after the
/// first line of their item).
std::vector<std::string> raw_lines(const fs::path& pdf) {
  const RunResult r = run("pdftotext -raw -enc UTF-8 " + q(pdf) + " -");
  REQUIRE(r.code == 0);
  std::vector<std::string> out;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    line.erase(std::remove(line.begin(), line.end(), '\f'), line.end());
    // A word the line break split ends in a soft hyphen (PDF 32000-1 14.8.2.2.3): read it as
    // the hyphen it is drawn as.
    if (line.ends_with("\u00AD")) line.replace(line.size() - 2, 2, "-");
    while (!line.empty() && line.back() == ' ')
      line.pop_back();
    bool number = !line.empty() && line.back() == '.' &&
                  std::all_of(line.begin(), line.end() - 1,
                              [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (!line.empty() && !number)
      out.push_back(line);
  }
  return out;
}

/// Fragments shorter than three letters on body lines: lines whose words are as tall as most
/// words of the document (the body size), read in pdftotext's layout order.
int short_body_fragments(const fs::path& pdf, const std::string& source) {
  const RunResult r = run("pdftotext -bbox-layout -enc UTF-8 " + q(pdf) + " -");
  REQUIRE(r.code == 0);
  pugi::xml_document doc;
  REQUIRE(doc.load_string(r.out.c_str()));
  struct Line {
    std::string text;
    long height = 0; ///< hundredths of a point
    bool block_start = false;
  };
  std::vector<Line> lines;
  std::map<long, int> heights;
  for (const pugi::xpath_node& block : doc.select_nodes("//*[local-name()='block']")) {
    bool first = true;
    for (const pugi::xpath_node& line : block.node().select_nodes("*[local-name()='line']")) {
      Line l;
      l.block_start = first;
      first = false;
      for (const pugi::xpath_node& word : line.node().select_nodes("*[local-name()='word']")) {
        const pugi::xml_node w = word.node();
        l.text += (l.text.empty() ? "" : " ") + std::string(w.child_value());
        l.height =
            std::lround(100 * (w.attribute("yMax").as_double() - w.attribute("yMin").as_double()));
        ++heights[l.height];
      }
      lines.push_back(l);
    }
  }
  const long body =
      std::max_element(heights.begin(), heights.end(), [](const auto& a, const auto& b) {
        return a.second < b.second;
      })->first;
  int count = 0;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    if (lines[i].height != body || !ends_hyphenated(lines[i].text))
      continue;
    // The tail is on the next line of the same block; a split across columns is left out.
    const std::string next = lines[i + 1].block_start ? std::string() : lines[i + 1].text;
    // Without the tail the split cannot be told from the source's own hyphen: only the head
    // is checked, and a head of one or two letters is never a hyphenated compound's.
    auto split = dictionary_split(lines[i].text, next, source);
    if (!split)
      continue;
    bool short_head = letters(split->head) < 3;
    bool short_tail = !next.empty() && letters(split->tail) < 3;
    if (short_head || short_tail) {
      MESSAGE("short fragment: " << split->head << "-" << split->tail);
      ++count;
    }
  }
  return count;
}

/// Whether the last word of `lines[i]` begins a sentence: the word before it, on its line or
/// the one above, ends with a period, question or exclamation mark (a closing quote aside).
bool starts_sentence(const std::vector<std::string>& lines, std::size_t i) {
  std::string before = lines[i].substr(
      0, lines[i].find_last_of(' ') == std::string::npos ? 0 : lines[i].find_last_of(' '));
  if (before.empty() && i > 0)
    before = lines[i - 1];
  before = strip(before, "", "\"')]");
  return before.empty() || std::string(".?!").find(before.back()) != std::string::npos;
}

Counts count(const fs::path& pdf, const std::string& source) {
  Counts c;
  const std::vector<std::string> lines = raw_lines(pdf);
  c.lines = static_cast<int>(lines.size());
  int run_length = 0;
  for (std::size_t i = 0; i <= lines.size(); ++i) {
    const bool hyphenated = i < lines.size() && ends_hyphenated(lines[i]);
    if (hyphenated) {
      ++c.hyphenated;
      ++run_length;
      continue;
    }
    c.runs_of_two += run_length == 2;
    c.runs_of_three += run_length >= 3;
    run_length = 0;
  }
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    if (!ends_hyphenated(lines[i]))
      continue;
    auto split = dictionary_split(lines[i], lines[i + 1], source);
    if (!split)
      continue;
    if (std::isupper(static_cast<unsigned char>(split->head.front())) &&
        !starts_sentence(lines, i)) {
      MESSAGE("capitalised: " << split->head << "-" << split->tail);
      ++c.capitalised;
    }
    // A next line of one word that ends a sentence is the paragraph's last line, and that
    // word is the one split.
    const std::string& next = lines[i + 1];
    if (next.find(' ') == std::string::npos && kTrailing.find(next.back()) != std::string::npos) {
      MESSAGE("last word: " << split->head << "-" << next);
      ++c.last_words;
    }
  }
  c.short_fragments = short_body_fragments(pdf, source);
  c.p95_gap = percentile(justified_gaps(text_lines(pdf)), 0.95);
  return c;
}

std::string sources(const std::vector<fs::path>& files) {
  std::string all;
  for (const fs::path& f : files) {
    auto text = galley::read_file(f);
    REQUIRE(text.has_value());
    all += *text;
  }
  return all;
}

void report(const std::string& what, const Counts& c) {
  MESSAGE(what << ": " << c.hyphenated << " of " << c.lines << " lines hyphenated ("
               << std::round(1000.0 * c.hyphenated / std::max(1, c.lines)) / 10
               << "%), runs of two " << c.runs_of_two << ", of three or more " << c.runs_of_three
               << ", capitalised " << c.capitalised << ", short fragments " << c.short_fragments
               << ", last words " << c.last_words << ", p95 justified gap " << c.p95_gap << "pt");
}

void check_controls(const Counts& c) {
  CHECK(c.hyphenated > 0); // the measure is narrow enough to need hyphens at all
  CHECK(c.runs_of_three == 0);
  CHECK(c.capitalised == 0);
  CHECK(c.short_fragments == 0);
  CHECK(c.last_words == 0);
}

} // namespace

TEST_SUITE("e2e/hyphen-controls") {
  TEST_CASE("the example issue in broadsheet: no three hyphens in a row, names whole, no short "
            "fragments") {
    const fs::path dir = scratch("hyphen-controls");
    const fs::path issue = source_dir() / "examples/quantum-dispatch/issue.yaml";
    const fs::path pdf = dir / "broadsheet.pdf";
    RunResult r = run_galley("pdf -q --style broadsheet " + q(issue) + " -o " + q(pdf));
    CAPTURE(r.err);
    REQUIRE(r.code == 0);
    std::vector<fs::path> articles;
    for (const auto& entry : fs::directory_iterator(issue.parent_path()))
      if (entry.path().extension() == ".md")
        articles.push_back(entry.path());
    std::sort(articles.begin(), articles.end());
    const Counts c = count(pdf, sources(articles));
    report("example issue, broadsheet", c);
    check_controls(c);
  }

  TEST_CASE("a blog post with long words and names in broadsheet") {
    const fs::path dir = scratch("hyphen-controls-post");
    const fs::path post =
        source_dir() / "tests/e2e/data/2025-11-03-migrating-our-observability-stack.md";
    const fs::path pdf = dir / "post.pdf";
    RunResult r = run_galley("pdf -q --style broadsheet " + q(post) + " -o " + q(pdf));
    CAPTURE(r.err);
    REQUIRE(r.code == 0);
    const Counts c = count(pdf, sources({post}));
    report("blog post, broadsheet", c);
    check_controls(c);
  }
}
