#include "words.hpp"

#include <algorithm>
#include <array>
#include <set>

namespace survival {

namespace {

// Characters that separate words besides ASCII white space: no-break and thin spaces (French
// typography puts them inside « » and before ; : ! ?), and the dashes and ellipsis, which
// pandoc's smart reader and galley's typography may each write with or without spaces.
// pdftotext wraps each run of one direction in bidi embedding marks (U+202A, U+202B ... U+202C)
// and keeps the space between two runs on one side of the pair, so "1." before an Arabic word
// comes out as "1.\u202C\u202Bهل": the marks separate words too.
constexpr std::array<std::string_view, 13> separators = {
    "\u00A0", "\u202F", "\u2009", "\u2013", "\u2014", "\u2026", "\u2212", "\u2002",
    "\u202A", "\u202B", "\u202C", "\u202D", "\u202E"};

// Quote marks are deleted wherever they are: galley turns straight quotes into the curly quotes
// of the language (en “ ”, de „ “, fr « », ru « »), pandoc's plain writer keeps or changes them
// otherwise, and an apostrophe inside "don't" may be either ' or ’. The soft hyphen is an
// invisible break opportunity that galley may insert for hyphenation.
// pandoc's plain writer shows task list boxes as U+2610 and U+2612; galley draws the boxes.
// pdftotext may add bidi isolates and direction marks; none of them is text.
constexpr std::array<std::string_view, 21> deleted = {
    "'", "\"", "\u2018", "\u2019", "\u201A", "\u201C", "\u201D", "\u201E", "\u00AB", "\u00BB",
    "\u2039", "\u203A", "\u00AD", "\u2610", "\u2612", "\u200E", "\u200F", "\u2066", "\u2067",
    "\u2068", "\u2069"};

/// Arabic vowel signs (harakat, U+064B-U+0652, and the superscript alef U+0670): pdftotext puts
/// them before their letter, so words are compared without them.
std::string without_harakat(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (i + 1 < s.size() && b0 == 0xD9) {
      const auto b1 = static_cast<unsigned char>(s[i + 1]);
      if ((b1 >= 0x8B && b1 <= 0x92) || b1 == 0xB0) {
        ++i;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

/// Whether the UTF-8 character at `s[i]` (of `length` bytes) is written without spaces between
/// words: Han ideographs, kana and CJK punctuation (U+3000-U+9FFF, U+F900-U+FAFF, U+FF00-U+FFEF).
/// Such text is compared character by character, since no tool marks its word boundaries.
bool unspaced(std::string_view s, size_t i, size_t& length) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  length = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
  if (length != 3 || i + 2 >= s.size()) return false;
  const char32_t cp = (char32_t(b0 & 0x0F) << 12) |
                      (char32_t(static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                      char32_t(static_cast<unsigned char>(s[i + 2]) & 0x3F);
  return (cp >= 0x3000 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFF00 && cp <= 0xFFEF);
}

/// `s` with a space on each side of every unspaced character (see unspaced()).
std::string space_unspaced(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0, length = 1; i < s.size(); i += length) {
    const bool apart = unspaced(s, i, length);
    if (apart) out += ' ';
    out.append(s, i, length);
    if (apart) out += ' ';
  }
  return out;
}

// Punctuation stripped from both ends of a word: sentence punctuation, brackets (pandoc's plain
// writer puts image alt text and note markers in brackets) and the Spanish opening marks.
constexpr std::string_view edge_ascii = ".,;:!?()[]{}<>*_`~|/\\#=+^";
// Arabic script has its own comma, semicolon and question mark.
constexpr std::array<std::string_view, 5> edge_utf8 = {"\u00BF", "\u00A1", "\u060C", "\u061B",
                                                      "\u061F"};

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  size_t pos = 0;
  while ((pos = s.find(from, pos)) != std::string::npos) {
    s.replace(pos, from.size(), to);
    pos += to.size();
  }
  return s;
}

bool strip_edge(std::string& w) {
  if (w.empty()) return false;
  if (edge_ascii.find(w.front()) != std::string_view::npos) {
    w.erase(0, 1);
    return true;
  }
  if (edge_ascii.find(w.back()) != std::string_view::npos) {
    w.pop_back();
    return true;
  }
  for (auto m : edge_utf8) {
    if (w.starts_with(m)) {
      w.erase(0, m.size());
      return true;
    }
    if (w.ends_with(m)) {
      w.erase(w.size() - m.size());
      return true;
    }
  }
  return false;
}

bool is_note_marker(std::string_view w) {
  // pandoc's plain writer marks a footnote with "[1]" after the word; galley with a superscript
  // number. Neither is a word of the text.
  if (w.size() < 3 || w.front() != '[' || w.back() != ']') return false;
  return std::all_of(w.begin() + 1, w.end() - 1, [](char c) { return c >= '0' && c <= '9'; });
}

std::string drop_trailing_note_marker(std::string w) {
  size_t open = w.rfind('[');
  if (open != std::string::npos && open > 0 && is_note_marker(std::string_view(w).substr(open)))
    w.erase(open);
  return w;
}

} // namespace

std::vector<std::string> words(std::string_view text) {
  std::string s(text);
  for (auto sep : separators) s = replace_all(s, sep, " ");
  for (auto d : deleted) s = replace_all(s, d, "");
  // Ligature glyphs that a PDF text extractor may report as one character.
  s = replace_all(s, "\uFB01", "fi");
  s = replace_all(s, "\uFB02", "fl");
  s = replace_all(s, "\uFB00", "ff");
  s = space_unspaced(without_harakat(s));
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::string_view(" \t\r\n\f\v").find(s[i]) != std::string_view::npos) ++i;
    size_t start = i;
    while (i < s.size() && std::string_view(" \t\r\n\f\v").find(s[i]) == std::string_view::npos) ++i;
    if (start == i) continue;
    std::string w = s.substr(start, i - start);
    if (is_note_marker(w)) continue;
    w = drop_trailing_note_marker(std::move(w));
    while (strip_edge(w)) {
    }
    // Hyphens inside a word are dropped on both sides: a compound broken at its own hyphen at a
    // line end cannot be told apart from a hyphenated word once pdftotext has joined the lines.
    w = replace_all(std::move(w), "-", "");
    w = replace_all(std::move(w), "\u2010", "");
    // Case: galley's styles may set headings or small caps in capitals; ASCII folding is enough
    // here, as the corpus's non-ASCII letters are not case-transformed by the default style.
    for (char& c : w)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    // A token left with no letter or digit (a table rule "------", a lone "&") is not a word.
    bool has_word_char = std::any_of(w.begin(), w.end(), [](char c) {
      auto u = static_cast<unsigned char>(c);
      return u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
    });
    if (has_word_char) out.push_back(std::move(w));
  }
  return out;
}

std::string join_hyphenated_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    size_t nl = text.find('\n', i);
    std::string_view line = text.substr(i, nl == std::string_view::npos ? std::string_view::npos : nl - i);
    i = nl == std::string_view::npos ? text.size() : nl + 1;
    // A line ending in a hyphen (or the Unicode hyphen, or a soft hyphen) right after a letter
    // was broken by hyphenation: its last word continues on the next line.
    bool broken = false;
    for (std::string_view h : {std::string_view("-"), std::string_view("\u2010"), std::string_view("\u00AD")}) {
      if (line.size() > h.size() && line.ends_with(h) && line[line.size() - h.size() - 1] != ' ') {
        line.remove_suffix(h.size());
        broken = true;
        break;
      }
    }
    out.append(line);
    if (!broken) out.push_back('\n');
  }
  return out;
}

size_t matched_in_order(const std::vector<std::string>& reference, const std::vector<std::string>& text) {
  // Longest common subsequence, two rows of the dynamic-programming table: a greedy match would
  // let one stray early word (a running head, a repeated title) consume the words after it.
  std::vector<size_t> prev(text.size() + 1, 0), cur(text.size() + 1, 0);
  for (const auto& r : reference) {
    for (size_t j = 0; j < text.size(); ++j)
      cur[j + 1] = r == text[j] ? prev[j] + 1 : std::max(prev[j + 1], cur[j]);
    std::swap(prev, cur);
  }
  return prev[text.size()];
}

Share share(const std::vector<std::string>& body, const std::vector<std::string>& notes,
            const std::vector<std::string>& text) {
  return {matched_in_order(body, text) + matched_in_order(notes, text), body.size() + notes.size()};
}

std::vector<std::string> absent_from(const std::vector<std::string>& body,
                                     const std::vector<std::string>& notes,
                                     const std::vector<std::string>& text) {
  std::multiset<std::string> have(text.begin(), text.end());
  std::vector<std::string> out;
  for (const auto* part : {&body, &notes})
    for (const auto& w : *part)
      if (auto it = have.find(w); it != have.end())
        have.erase(it);
      else
        out.push_back(w);
  return out;
}

Share pdf_share(const std::vector<std::string>& body, const std::vector<std::string>& notes,
                const std::vector<std::string>& text, const std::vector<std::string>& raw,
                std::vector<std::string>* lacking) {
  Share s = share(body, notes, text);
  std::vector<std::string> missing = absent_from(body, notes, text);
  std::multiset<std::string> in_raw(raw.begin(), raw.end());
  for (const auto& w : missing) {
    if (auto it = in_raw.find(w); it != in_raw.end() && s.found < s.total) {
      in_raw.erase(it);
      ++s.found;
    } else if (lacking) {
      lacking->push_back(w);
    }
  }
  return s;
}

} // namespace survival
