#include "math/alphabets.hpp"

#include "util/text_utils.hpp"

namespace galley::math {
namespace {

struct Hole {
  char32_t in_block;
  char32_t instead;
};

/// Letters that Unicode encoded before the math block: their slots in it are reserved.
constexpr Hole kHoles[] = {
    {0x1D455, 0x210E}, // italic h: Planck constant
    {0x1D49D, 0x212C}, {0x1D4A0, 0x2130}, {0x1D4A1, 0x2131}, {0x1D4A3, 0x210B},
    {0x1D4A4, 0x2110}, {0x1D4A7, 0x2112}, {0x1D4A8, 0x2133}, {0x1D4AD, 0x211B},
    {0x1D4BA, 0x212F}, {0x1D4BC, 0x210A}, {0x1D4C4, 0x2134}, // script
    {0x1D506, 0x212D}, {0x1D50B, 0x210C}, {0x1D50C, 0x2111}, {0x1D515, 0x211C},
    {0x1D51D, 0x2128}, // fraktur
    {0x1D53A, 0x2102}, {0x1D53F, 0x210D}, {0x1D545, 0x2115}, {0x1D547, 0x2119},
    {0x1D548, 0x211A}, {0x1D549, 0x211D}, {0x1D551, 0x2124}, // double-struck
};

char32_t fill_hole(char32_t c) {
  for (const Hole& h : kHoles)
    if (h.in_block == c)
      return h.instead;
  return c;
}

/// The first capital A of each Latin alphabet, 0 where it is the plain letter.
char32_t latin_base(Alphabet a) {
  switch (a) {
  case Alphabet::Default:
  case Alphabet::Italic:
    return 0x1D434;
  case Alphabet::Bold:
    return 0x1D400;
  case Alphabet::BoldItalic:
    return 0x1D468;
  case Alphabet::Script:
    return 0x1D49C;
  case Alphabet::Fraktur:
    return 0x1D504;
  case Alphabet::DoubleStruck:
    return 0x1D538;
  case Alphabet::SansSerif:
    return 0x1D5A0;
  case Alphabet::Monospace:
    return 0x1D670;
  case Alphabet::Upright:
    return 0;
  }
  return 0;
}

char32_t digit_base(Alphabet a) {
  switch (a) {
  case Alphabet::Bold:
    return 0x1D7CE;
  case Alphabet::DoubleStruck:
    return 0x1D7D8;
  case Alphabet::SansSerif:
    return 0x1D7E2;
  case Alphabet::Monospace:
    return 0x1D7F6;
  default:
    return 0;
  }
}

char32_t styled_char(char32_t c, Alphabet a) {
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
    char32_t base = latin_base(a);
    if (base == 0)
      return c;
    char32_t offset = c >= 'a' ? 26 + (c - 'a') : c - 'A';
    return fill_hole(base + offset);
  }
  if (c >= '0' && c <= '9') {
    char32_t base = digit_base(a);
    return base == 0 ? c : base + (c - '0');
  }
  // Greek: lowercase italic by default (TeX's \alpha), capitals upright unless asked.
  const bool lower = c >= 0x3B1 && c <= 0x3C9;
  const bool upper = c >= 0x391 && c <= 0x3A9 && c != 0x3A2;
  if (lower || upper) {
    char32_t base = 0;
    if ((a == Alphabet::Default && lower) || a == Alphabet::Italic)
      base = 0x1D6E2;
    if (a == Alphabet::Bold)
      base = 0x1D6A8;
    if (a == Alphabet::BoldItalic)
      base = 0x1D71C;
    if (base == 0)
      return c;
    return base + (lower ? 26 + (c - 0x3B1) : c - 0x391);
  }
  // The Greek symbol variants TeX writes as \epsilon, \phi, \vartheta, \varpi, \varrho.
  if (a == Alphabet::Default || a == Alphabet::Italic) {
    switch (c) {
    case 0x3F5:
      return 0x1D716;
    case 0x3D1:
      return 0x1D717;
    case 0x3F0:
      return 0x1D718;
    case 0x3D5:
      return 0x1D719;
    case 0x3F1:
      return 0x1D71A;
    case 0x3D6:
      return 0x1D71B;
    case 0x2202:
      return 0x1D715;
    default:
      break;
    }
  }
  return c;
}

} // namespace

std::string styled(std::string_view text, Alphabet alphabet) {
  std::string out;
  for (std::size_t i = 0; i < text.size();)
    append_utf8(out, styled_char(next_code_point(text, i), alphabet));
  return out;
}

bool is_upright(std::string_view text, Alphabet alphabet) {
  return styled(text, alphabet) == text;
}

} // namespace galley::math
