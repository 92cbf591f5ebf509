#include "util/text_utils.hpp"

#include <charconv>
#include <cmath>

namespace galley {

char32_t next_code_point(std::string_view s, size_t& i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) {
    ++i;
    return c;
  }
  int len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = c & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    unsigned char cc = byte(i + k);
    if ((cc & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  static const char32_t min_for_len[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return 0xFFFD;
  }
  i += len;
  return cp;
}

bool is_valid_utf8(std::string_view s, size_t* bad_offset) {
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = next_code_point(s, i);
    // U+FFFD written literally is valid (3 bytes EF BF BD); a decode failure advances one byte.
    if (cp == 0xFFFD && i - start == 1) {
      if (bad_offset) *bad_offset = start;
      return false;
    }
  }
  return true;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string slugify(std::string_view s) {
  std::string out;
  bool dash = false;
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (dash && !out.empty()) out += '-';
      out += static_cast<char>(c);
      dash = false;
    } else if (c >= 'A' && c <= 'Z') {
      if (dash && !out.empty()) out += '-';
      out += static_cast<char>(c - 'A' + 'a');
      dash = false;
    } else if (c != '\'') {
      dash = true;
    }
    if (out.size() >= 60) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "untitled" : out;
}

std::string format_number(double v, int max_decimals) {
  double scale = std::pow(10.0, max_decimals);
  double r = std::round(v * scale) / scale;
  if (r == 0) r = 0; // no "-0"
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, r, std::chars_format::fixed);
  std::string out(buf, end);
  if (out.find('.') != std::string::npos) {
    while (out.back() == '0') out.pop_back();
    if (out.back() == '.') out.pop_back();
  }
  return out;
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  bool pending = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      pending = !out.empty();
      continue;
    }
    if (pending)
      out += ' ';
    pending = false;
    out += c;
  }
  return out;
}

namespace {
/// Bytes of a character XML 1.0 forbids starting at `i`, or 0.
std::size_t non_xml_at(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x20) return c == '\t' || c == '\n' || c == '\r' ? 0 : 1;
  // U+FFFE and U+FFFF: EF BF BE, EF BF BF.
  if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
      (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xBE)
    return 3;
  return 0;
}
} // namespace

std::size_t replace_non_xml_chars(std::string& s, std::size_t* first) {
  std::size_t i = 0;
  while (i < s.size() && non_xml_at(s, i) == 0) ++i;
  if (i == s.size()) return 0; // the usual case: nothing to copy
  if (first) *first = i;
  std::string out(s, 0, i);
  std::size_t replaced = 0;
  while (i < s.size()) {
    if (std::size_t n = non_xml_at(s, i)) {
      out += "\uFFFD";
      ++replaced;
      i += n;
    } else {
      out += s[i++];
    }
  }
  s = std::move(out);
  return replaced;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string primary_language(std::string_view tag) {
  return ascii_lower(tag.substr(0, tag.find_first_of("-_")));
}

} // namespace galley
