#include "layout/list_numbers.hpp"

#include <array>
#include <cctype>
#include <utility>

namespace galley::layout::detail {

namespace {

/// Bijective base 26: 1 is a, 26 is z, 27 is aa.
std::string letters(int n) {
  std::string out;
  for (; n > 0; n = (n - 1) / 26)
    out.insert(out.begin(), static_cast<char>('a' + (n - 1) % 26));
  return out;
}

std::string roman(int n) {
  static constexpr std::array<std::pair<int, const char*>, 13> kDigits{{{1000, "m"},
                                                                        {900, "cm"},
                                                                        {500, "d"},
                                                                        {400, "cd"},
                                                                        {100, "c"},
                                                                        {90, "xc"},
                                                                        {50, "l"},
                                                                        {40, "xl"},
                                                                        {10, "x"},
                                                                        {9, "ix"},
                                                                        {5, "v"},
                                                                        {4, "iv"},
                                                                        {1, "i"}}};
  std::string out;
  for (const auto& [value, digits] : kDigits)
    for (; n >= value; n -= value)
      out += digits;
  return out;
}

std::string upper(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

} // namespace

std::string list_number(model::ListNumbering numbering, int n) {
  using model::ListNumbering;
  const bool alpha =
      numbering == ListNumbering::LowerAlpha || numbering == ListNumbering::UpperAlpha;
  const bool numerals =
      numbering == ListNumbering::LowerRoman || numbering == ListNumbering::UpperRoman;
  if ((alpha && n >= 1) || (numerals && n >= 1 && n <= 3999)) {
    std::string s = alpha ? letters(n) : roman(n);
    const bool capitals =
        numbering == ListNumbering::UpperAlpha || numbering == ListNumbering::UpperRoman;
    return capitals ? upper(std::move(s)) : s;
  }
  return std::to_string(n);
}

} // namespace galley::layout::detail
