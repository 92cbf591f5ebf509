#include "makeup.hpp"

#include "overlap.hpp"

#include "util/files.hpp"

#include <algorithm>
#include <cmath>
#include <cctype>
#include <map>
#include <sstream>

namespace e2e {
namespace fs = std::filesystem;

namespace {

enum class Kind { Body, Small, Heading, Title };

struct Line {
  const TextLine* text = nullptr;
  Kind kind = Kind::Body;
  bool full = false;       ///< reaches the right edge of its column: the paragraph goes on
  bool starts = false;     ///< first line of a paragraph
};

struct Column {
  double left = 0, right = 0;
};

/// One column of one page, top to bottom, without running heads and folios; its notes apart.
struct Unit {
  int page = 0;
  std::vector<Line> lines;
  std::vector<Line> notes;
};

double height(const TextLine& l) { return l.box.y1 - l.box.y0; }

/// The most common value of `values` rounded to `step`.
double mode(const std::vector<double>& values, double step) {
  std::map<long, int> counts;
  for (double v : values) ++counts[std::lround(v / step)];
  long best = 0;
  int n = 0;
  for (auto [k, c] : counts)
    if (c > n) best = k, n = c;
  return static_cast<double>(best) * step;
}

bool is_number_label(const std::string& w) {
  std::size_t digits = 0;
  while (digits < w.size() && std::isdigit(static_cast<unsigned char>(w[digits]))) ++digits;
  return digits > 0 && (digits == w.size() || w.substr(digits) == ".");
}

bool word_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalnum(u) || c == '-' || c == '\'';
}

/// The word at the end of `s` ("handshake" of ".../2026/handshake"), and at its start.
std::string word_end(const std::string& s) {
  std::size_t at = s.size();
  while (at > 0 && word_char(s[at - 1])) --at;
  return s.substr(at);
}
std::string word_start(const std::string& s) {
  std::size_t at = 0;
  while (at < s.size() && word_char(s[at])) ++at;
  while (at > 0 && (s[at - 1] == '-' || s[at - 1] == '\'')) --at;
  return s.substr(0, at);
}

/// Whether a word ends a sentence: ".", "?" or "!", before closing quotes or brackets.
bool ends_sentence(std::string w) {
  while (!w.empty() && (w.back() == ')' || w.back() == '"' || w.back() == '\'' ||
                        static_cast<unsigned char>(w.back()) >= 0x80))
    w.pop_back(); // closing punctuation, and the bytes of a closing quote such as U+201D
  return !w.empty() && (w.back() == '.' || w.back() == '?' || w.back() == '!');
}

/// The bytes of the hyphen `w` ends with after a letter: a hyphen of the text, or the soft
/// hyphen (U+00AD) a line break inserted (PDF 32000-1 14.8.2.2.3); 0 when it ends otherwise.
std::size_t hyphen_at_end(const std::string& w) {
  if (w.size() > 2 && w.ends_with("\u00AD")) return 2;
  return w.size() > 1 && w.back() == '-' && w[w.size() - 2] != '-' ? 1 : 0;
}

/// "5.", "12)", "•", "–": the start of a list item.
bool is_list_marker(const std::string& w) {
  if (w == "\u2022" || w == "\u2013" || w == "-" || w == "*") return true;
  std::size_t digits = 0;
  while (digits < w.size() && std::isdigit(static_cast<unsigned char>(w[digits]))) ++digits;
  return digits > 0 && digits + 1 == w.size() && (w.back() == '.' || w.back() == ')');
}

std::string describe(int page, const char* what, const TextLine& l) {
  std::string words;
  for (std::size_t i = 0; i < l.words.size() && i < 6; ++i) words += (i ? " " : "") + l.words[i].text;
  return "p" + std::to_string(page) + " " + what + ": " + words;
}

} // namespace

std::set<std::string> words_of(const std::vector<fs::path>& files) {
  std::set<std::string> out;
  for (const fs::path& f : files) {
    auto text = galley::read_file(f);
    if (!text) continue;
    std::string word;
    auto flush = [&] {
      while (!word.empty() && (word.back() == '-' || word.back() == '\'')) word.pop_back();
      if (!word.empty()) out.insert(word);
      word.clear();
    };
    for (char c : *text) {
      auto u = static_cast<unsigned char>(c);
      if (u >= 0x80 || std::isalnum(u) || ((c == '-' || c == '\'') && !word.empty())) word += c;
      else flush();
    }
    flush();
  }
  return out;
}

std::string MakeupCounts::summary() const {
  std::ostringstream s;
  s << "pages " << pages << ", articles " << articles << ": stub pages " << stub_pages
    << ", stub last pages " << stub_last_pages << ", holes " << holes << ", widows " << widows
    << ", clubs " << clubs << ", hyphen runs " << hyphen_runs << ", capital hyphens "
    << capital_hyphens << ", last-word hyphens " << last_word_hyphens << ", overlaps " << overlaps
    << ", beyond page " << beyond_page;
  return s.str();
}

MakeupCounts check_makeup(const fs::path& pdf, const std::set<std::string>& source_words) {
  const std::vector<TextLine> all = text_lines(pdf);
  MakeupCounts out;
  for (const TextLine& l : all) out.pages = std::max(out.pages, l.page);

  // The body size and the text area, from lines of four words or more (not folios or heads).
  std::vector<double> heights;
  for (const TextLine& l : all)
    if (l.words.size() >= 4) heights.push_back(height(l));
  const double body = mode(heights, 0.25);
  auto kind_of = [&](const TextLine& l) {
    const double h = height(l);
    if (h >= 2 * body) return Kind::Title;
    if (h > 1.15 * body) return Kind::Heading;
    if (h < 0.95 * body) return Kind::Small;
    return Kind::Body;
  };
  double top = 1e9, bottom = 0;
  std::vector<double> steps;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const TextLine& l = all[i];
    if (l.words.size() < 4 || kind_of(l) != Kind::Body) continue;
    top = std::min(top, l.box.y0);
    bottom = std::max(bottom, l.box.y1);
    if (i > 0 && all[i - 1].page == l.page && kind_of(all[i - 1]) == Kind::Body &&
        std::abs(all[i - 1].box.x0 - l.box.x0) < 20)
      steps.push_back(l.box.y0 - all[i - 1].box.y0);
  }
  const double leading = mode(steps, 0.25);

  // Columns, per side of a spread: where body lines start, clustered; the right edge is where
  // most of them end (justified lines).
  std::map<int, std::vector<Column>> columns;
  for (int side = 0; side < 2; ++side) {
    std::vector<const TextLine*> body_lines;
    for (const TextLine& l : all)
      if (l.page % 2 == side && l.words.size() >= 4 && kind_of(l) == Kind::Body)
        body_lines.push_back(&l);
    std::sort(body_lines.begin(), body_lines.end(),
              [](const TextLine* a, const TextLine* b) { return a->box.x0 < b->box.x0; });
    std::vector<std::vector<const TextLine*>> clusters;
    for (const TextLine* l : body_lines) {
      if (clusters.empty() || l->box.x0 - clusters.back().back()->box.x0 > 40) clusters.emplace_back();
      clusters.back().push_back(l);
    }
    for (const auto& c : clusters) {
      if (c.size() < 3) continue;
      std::vector<double> rights;
      for (const TextLine* l : c) rights.push_back(l->box.x1);
      columns[side].push_back({c.front()->box.x0, mode(rights, 0.5)});
    }
  }

  // Units: each page's lines in the text area, by column.
  std::vector<Unit> units;
  std::map<int, bool> opening; // pages with an article's title
  for (int page = 1; page <= out.pages; ++page) {
    const std::vector<Column>& cols = columns[page % 2];
    std::vector<Unit> page_units(std::max<std::size_t>(cols.size(), 1));
    for (const TextLine& l : all) {
      if (l.page != page) continue;
      if (l.box.y0 < top - 1 || l.box.y1 > bottom + 1) continue; // heads and folios
      Line line{&l, kind_of(l)};
      if (line.kind == Kind::Title) opening[page] = true;
      std::size_t c = 0;
      for (std::size_t k = 0; k < cols.size(); ++k)
        if (l.box.x0 >= cols[k].left - 15) c = k;
      const Column col = cols.empty() ? Column{l.box.x0, l.box.x1} : cols[c];
      line.full = line.kind == Kind::Body && l.box.x1 >= col.right - 1.0;
      line.starts = l.box.x0 >= col.left + 3 || (!l.words.empty() && is_list_marker(l.words.front().text));
      page_units[c].lines.push_back(line);
    }
    for (Unit& u : page_units) {
      u.page = page;
      // The notes: the run of small lines at the foot that starts with a note number.
      std::size_t first = u.lines.size();
      while (first > 0 && u.lines[first - 1].kind == Kind::Small) --first;
      bool numbered = false;
      for (std::size_t i = first; i < u.lines.size(); ++i)
        numbered = numbered || (!u.lines[i].text->words.empty() &&
                                is_number_label(u.lines[i].text->words.front().text));
      if (numbered) {
        u.notes.assign(u.lines.begin() + static_cast<std::ptrdiff_t>(first), u.lines.end());
        u.lines.resize(first);
      }
      // Paragraph starts within the column: after anything not body, after a line that stops
      // short, after a gap wider than the leading.
      for (std::size_t i = 1; i < u.lines.size(); ++i) {
        const Line& prev = u.lines[i - 1];
        Line& cur = u.lines[i];
        cur.starts = cur.starts || prev.kind != Kind::Body || !prev.full ||
                     cur.text->box.y0 - prev.text->box.y0 > leading * 1.3;
      }
      units.push_back(std::move(u));
    }
  }
  for (auto [page, yes] : opening) out.articles += yes;

  // An article's last page: the next page with text opens an article, or there is none.
  auto last_of_article = [&](int page) {
    for (int p = page + 1; p <= out.pages; ++p) {
      bool any = false;
      for (const TextLine& l : all) any = any || l.page == p;
      if (any) return opening.count(p) > 0;
    }
    return true;
  };

  // Stub pages and holes above notes.
  std::map<int, int> body_lines;
  for (const Unit& u : units)
    for (const Line& l : u.lines) body_lines[u.page] += l.kind == Kind::Body;
  for (auto [page, n] : body_lines) {
    if (n < 1 || n > 5 || opening.count(page)) continue;
    bool last = last_of_article(page);
    (last ? out.stub_last_pages : out.stub_pages)++;
    out.where.push_back("p" + std::to_string(page) + (last ? " stub last page: " : " stub page: ") +
                        std::to_string(n) + " lines");
  }
  double tightest = 1e9;
  for (const Unit& u : units)
    if (!u.notes.empty() && !u.lines.empty())
      tightest = std::min(tightest, u.notes.front().text->box.y0 - u.lines.back().text->box.y1);
  for (const Unit& u : units) {
    if (u.notes.empty() || u.lines.empty() || last_of_article(u.page)) continue;
    const double gap = u.notes.front().text->box.y0 - u.lines.back().text->box.y1 - tightest;
    if (gap >= 4 * leading - 0.5) {
      ++out.holes;
      out.where.push_back("p" + std::to_string(u.page) + " hole of " +
                          std::to_string(static_cast<int>(gap / leading)) + " lines above the notes");
    }
  }

  // Widows and clubs, where a column's text goes on in the next column.
  for (std::size_t i = 0; i + 1 < units.size(); ++i) {
    const Unit& a = units[i];
    const Unit& b = units[i + 1];
    if (a.lines.empty() || b.lines.empty()) continue;
    const Line& last = a.lines.back();
    const Line& next = b.lines.front();
    // A paragraph goes on only when the column's last line is full and the next column does
    // not begin one of its own (a full last line of a list item is followed by the next item).
    if (last.kind != Kind::Body || next.kind != Kind::Body || !last.full || next.starts) continue;
    if (!next.full) {
      ++out.widows;
      out.where.push_back(describe(b.page, "widow", *next.text));
    }
    if (last.starts || a.lines.size() == 1) {
      ++out.clubs;
      out.where.push_back(describe(a.page, "club", *last.text));
    }
  }

  // Hyphens, over the text lines in reading order.
  std::vector<const Line*> flow;
  for (const Unit& u : units)
    for (const Line& l : u.lines) flow.push_back(&l);
  int run = 0;
  for (std::size_t i = 0; i < flow.size(); ++i) {
    const TextLine& l = *flow[i]->text;
    // Body lines only: in a table the next line in reading order is another cell.
    const bool hyphen = flow[i]->kind == Kind::Body && !l.words.empty() &&
                        hyphen_at_end(l.words.back().text) > 0 && i + 1 < flow.size() &&
                        flow[i + 1]->kind == Kind::Body && !flow[i + 1]->text->words.empty();
    run = hyphen ? run + 1 : 0;
    if (run == 3) {
      ++out.hyphen_runs;
      out.where.push_back(describe(l.page, "third hyphen in a row", l));
    }
    if (!hyphen) continue;
    const std::string& last = l.words.back().text;
    const std::string head = word_end(last.substr(0, last.size() - hyphen_at_end(last)));
    const TextLine& n = *flow[i + 1]->text;
    const std::string tail = word_start(n.words.front().text);
    if (source_words.count(head + "-" + tail) > 0) continue; // the input's own hyphen
    std::size_t dash = head.rfind('-');
    const std::string piece = dash == std::string::npos ? head : head.substr(dash + 1);
    const std::string word = "p" + std::to_string(l.page) + " " + head + "-" + tail;
    // A name, not a word that opens a sentence: the word before it does not end one.
    const std::string before = l.words.size() >= 2 ? l.words[l.words.size() - 2].text
                               : i > 0 && !flow[i - 1]->text->words.empty()
                                   ? flow[i - 1]->text->words.back().text
                                   : std::string(".");
    if (!piece.empty() && std::isupper(static_cast<unsigned char>(piece.front())) &&
        !ends_sentence(before)) {
      ++out.capital_hyphens;
      out.where.push_back(word + ": capitalised word hyphenated");
    }
    if (!flow[i + 1]->full && n.words.size() == 1) {
      ++out.last_word_hyphens;
      out.where.push_back(word + ": last word hyphenated");
    }
  }

  // Words off the page, and words that run into each other (overlap.hpp).
  for (const TextLine& l : all)
    for (const Box& w : l.words)
      if (w.x0 < -0.5 || w.y0 < -0.5 || w.x1 > l.page_width + 0.5 || w.y1 > l.page_height + 0.5) {
        ++out.beyond_page;
        out.where.push_back(describe(l.page, "beyond the page", l));
      }
  out.overlaps = overlapping_words(all);
  return out;
}

} // namespace e2e
