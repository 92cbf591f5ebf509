#include "input/heading_slug.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace galley::input {

namespace {

/// \p{L}, \p{M}, \p{N} and \p{Pc}: the classes github-slugger keeps.
bool kept(UChar32 c) {
  switch (u_charType(c)) {
  case U_UPPERCASE_LETTER:
  case U_LOWERCASE_LETTER:
  case U_TITLECASE_LETTER:
  case U_MODIFIER_LETTER:
  case U_OTHER_LETTER:
  case U_NON_SPACING_MARK:
  case U_ENCLOSING_MARK:
  case U_COMBINING_SPACING_MARK:
  case U_DECIMAL_DIGIT_NUMBER:
  case U_LETTER_NUMBER:
  case U_OTHER_NUMBER:
  case U_CONNECTOR_PUNCTUATION:
    return true;
  default:
    return false;
  }
}

void append_utf8(std::string& out, UChar32 c) {
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, U8_MAX_LENGTH, c, error);
  if (!error)
    out.append(buf, static_cast<size_t>(n));
}

} // namespace

std::string github_slug(std::string_view text) {
  std::string out;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0)
      continue;
    if (c == ' ' || c == '-')
      out += '-';
    else if (kept(c))
      append_utf8(out, u_tolower(c));
  }
  return out.empty() ? "section" : out;
}

} // namespace galley::input
