#pragma once
// Word lists for the text-survival test: turning a text into comparable words and measuring
// how many of a reference's words another text keeps, in order.
#include <string>
#include <string_view>
#include <vector>

namespace survival {

/// Splits `text` into normalised words (see words.cpp for each rule).
std::vector<std::string> words(std::string_view text);

/// Re-joins words that pdftotext shows broken by a hyphen at a line end.
std::string join_hyphenated_lines(std::string_view text);

/// The number of words of `reference` found in `text` in the same order: the length of the
/// longest common subsequence of the two word lists.
size_t matched_in_order(const std::vector<std::string>& reference, const std::vector<std::string>& text);

/// A share of a reference's words that a text has.
struct Share {
  size_t found = 0;
  size_t total = 0;
  double percent() const {
    return total == 0 ? 100.0 : 100.0 * static_cast<double>(found) / static_cast<double>(total);
  }
};

/// Body words and footnote words are matched separately, each in order: footnotes sit at the end
/// of pandoc's text but at the foot of a page in the PDF.
Share share(const std::vector<std::string>& body, const std::vector<std::string>& notes,
            const std::vector<std::string>& text);

/// Reference words that `text` has nowhere (counted with their repeats).
std::vector<std::string> absent_from(const std::vector<std::string>& body,
                                     const std::vector<std::string>& notes,
                                     const std::vector<std::string>& text);

/// The PDF's share: its words as pdftotext reads them (`text`), in order, plus the words that
/// reading lacks but pdftotext's raw mode (`raw`) finds. pdftotext takes a line whose words are
/// all one character ("9 €" in a table cell, "🎉 🎉 🎉") for letter-spaced text and prints it
/// without spaces; raw mode (-raw) separates words by their gaps alone. Raw mode is no reading on
/// its own: it keeps right-to-left text in the order it is drawn. The words found in neither go to
/// `lacking`.
Share pdf_share(const std::vector<std::string>& body, const std::vector<std::string>& notes,
                const std::vector<std::string>& text, const std::vector<std::string>& raw,
                std::vector<std::string>* lacking);

} // namespace survival
