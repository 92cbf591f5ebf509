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

} // namespace survival
