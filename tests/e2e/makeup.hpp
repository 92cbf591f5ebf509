#pragma once
// A page-makeup checker: reads a PDF back through pdftotext's word boxes (pages.hpp) and counts
// the faults a reader or a compositor would mark on a proof. It knows nothing of galley's
// layout: it finds the body size as the commonest line height, the columns from where body lines
// start, paragraph ends from justified lines that stop short of the column's edge, and notes as
// the block of smaller lines at the foot of a column that starts with a number.
#include "pages.hpp"

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace e2e {

struct MakeupCounts {
  int pages = 0;
  int articles = 0;   ///< article openings found (a line at least twice the body size)
  int stub_pages = 0; ///< 1 to 5 lines of text that are not an article's last page
  int stub_last_pages = 0; ///< an article's last page with 1 to 5 lines of text
  int holes = 0;           ///< 4 or more empty body lines above a column's notes, not at an article's end
  int widows = 0;          ///< a paragraph's last line alone at the top of a column
  int clubs = 0;           ///< a paragraph's first line alone at the foot of a column
  int hyphen_runs = 0;     ///< 3 or more consecutive lines ending in a hyphen
  int capital_hyphens = 0; ///< a word that starts with a capital, hyphenated
  int last_word_hyphens = 0; ///< a paragraph's last word hyphenated
  int overlaps = 0;          ///< pairs of words whose boxes overlap
  int beyond_page = 0;       ///< words outside the page
  std::vector<std::string> where; ///< one line per fault: "p7 widow: ..."

  std::string summary() const;
};

/// Counts the faults of `pdf`. `source_words` are the words of the input as written, so that a
/// line ending in a hyphen that the input has ("post-" of "post-quantum") is not taken for a
/// hyphenation.
MakeupCounts check_makeup(const std::filesystem::path& pdf, const std::set<std::string>& source_words);

/// The words of text files (split at spaces and punctuation other than hyphens and apostrophes).
std::set<std::string> words_of(const std::vector<std::filesystem::path>& files);

} // namespace e2e
