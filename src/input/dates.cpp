#include "input/dates.hpp"

#include "util/dates.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <string>
#include <vector>

namespace galley::input {

namespace {

bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
  static const std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[static_cast<size_t>(m - 1)];
}

std::optional<model::Date> checked(int y, int m, int d) {
  if (y < 1 || y > 9999 || m < 0 || m > 12 || d < 0)
    return std::nullopt;
  if (m == 0 && d != 0)
    return std::nullopt;
  if (m > 0 && d > days_in_month(y, m))
    return std::nullopt;
  return model::Date{y, m, d};
}

/// Reads one to `most` digits at `i` (a month or day written without its leading zero).
bool short_number(std::string_view s, size_t& i, size_t most, int& out) {
  size_t start = i;
  while (i < s.size() && i - start < most && std::isdigit(static_cast<unsigned char>(s[i])))
    ++i;
  if (i == start)
    return false;
  std::from_chars(s.data() + start, s.data() + i, out);
  return true;
}

/// Reads exactly `digits` digits at `i`.
bool number(std::string_view s, size_t& i, size_t digits, int& out) {
  if (i + digits > s.size())
    return false;
  for (size_t k = 0; k < digits; ++k)
    if (!std::isdigit(static_cast<unsigned char>(s[i + k])))
      return false;
  std::from_chars(s.data() + i, s.data() + i + digits, out);
  i += digits;
  return true;
}

/// RFC 3339 section 5.6 time: HH:MM[:SS[.frac]] [Z | +HH:MM | -HH:MM] (seconds optional, as
/// Hugo and Jekyll write them).
bool valid_time(std::string_view t) {
  size_t i = 0;
  int h = 0, m = 0, s = 0;
  if (!short_number(t, i, 2, h) || i >= t.size() || t[i++] != ':' || !number(t, i, 2, m))
    return false;
  if (i < t.size() && t[i] == ':') {
    ++i;
    if (!number(t, i, 2, s))
      return false;
    if (i < t.size() && t[i] == '.') {
      ++i;
      while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])))
        ++i;
    }
  }
  if (h > 23 || m > 59 || s > 60)
    return false;
  while (i < t.size() && t[i] == ' ')
    ++i;
  if (i == t.size())
    return true;
  if ((t[i] == 'Z' || t[i] == 'z') && i + 1 == t.size())
    return true;
  if (t[i] != '+' && t[i] != '-')
    return false;
  ++i;
  int oh = 0, om = 0;
  if (!number(t, i, 2, oh))
    return false;
  if (i < t.size() && t[i] == ':')
    ++i;
  if (!number(t, i, 2, om))
    return false;
  return i == t.size() && oh < 24 && om < 60;
}

/// ISO 8601 and the forms site generators derive from it: `2023-05-03`, `2023/05/03` (Hexo),
/// `2018-7-24 23:31:06` (a month or day without its leading zero), with any RFC 3339 time.
std::optional<model::Date> parse_iso(std::string_view s) {
  size_t i = 0;
  int y = 0, m = 0, d = 0;
  if (!number(s, i, 4, y))
    return std::nullopt;
  if (i == s.size())
    return checked(y, 0, 0);
  const char sep = s[i++];
  if ((sep != '-' && sep != '/') || !short_number(s, i, 2, m))
    return std::nullopt;
  if (i == s.size())
    return checked(y, m, 0);
  if (s[i++] != sep || !short_number(s, i, 2, d) || m == 0 || d == 0)
    return std::nullopt;
  if (i == s.size())
    return checked(y, m, d);
  if (s[i] != 'T' && s[i] != 't' && s[i] != ' ')
    return std::nullopt;
  if (!valid_time(s.substr(i + 1)))
    return std::nullopt;
  return checked(y, m, d);
}

/// A number of seconds since 1970-01-01T00:00:00Z, as a Unix time stamp is written; its UTC day.
std::optional<model::Date> parse_unix_seconds(std::string_view s) {
  std::int64_t seconds = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), seconds);
  if (ec != std::errc() || end != s.data() + s.size() || seconds < kFirstRecordableEpoch ||
      seconds > kLastRecordableEpoch)
    return std::nullopt;
  CivilTime t = civil_utc(seconds);
  return checked(t.year, static_cast<int>(t.month), static_cast<int>(t.day));
}

int month_number(std::string word) {
  static const std::array<const char*, 12> names{"january",   "february", "march",    "april",
                                                 "may",       "june",     "july",     "august",
                                                 "september", "october",  "november", "december"};
  for (auto& c : word)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!word.empty() && word.back() == '.')
    word.pop_back();
  if (word.size() < 3)
    return 0;
  for (size_t k = 0; k < names.size(); ++k) {
    std::string_view name = names[k];
    if (word == name || (word == name.substr(0, 3)) || (word == "sept" && k == 8))
      return static_cast<int>(k) + 1;
  }
  return 0;
}

std::optional<int> whole(std::string_view w) {
  int v = 0;
  auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), v);
  if (ec != std::errc() || end != w.data() + w.size())
    return std::nullopt;
  return v;
}

/// "April 27, 2026", "Apr 27 2026", "27 April 2026", "April 2026".
std::optional<model::Date> parse_words(std::string_view s) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == ',' || c == '\t') {
      if (!cur.empty())
        words.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty())
    words.push_back(std::move(cur));
  if (words.size() == 2) {
    int m = month_number(words[0]);
    auto y = whole(words[1]);
    if (m && y && words[1].size() == 4)
      return checked(*y, m, 0);
    return std::nullopt;
  }
  if (words.size() != 3)
    return std::nullopt;
  if (int m = month_number(words[0])) {
    auto d = whole(words[1]);
    auto y = whole(words[2]);
    if (d && y && words[2].size() == 4 && *d > 0)
      return checked(*y, m, *d);
  } else if (int m2 = month_number(words[1])) {
    auto d = whole(words[0]);
    auto y = whole(words[2]);
    if (d && y && words[2].size() == 4 && *d > 0)
      return checked(*y, m2, *d);
  }
  return std::nullopt;
}

} // namespace

std::optional<model::Date> parse_date(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  if (text.empty())
    return std::nullopt;
  if (std::isdigit(static_cast<unsigned char>(text[0]))) {
    if (auto d = parse_iso(text))
      return d;
    // Five digits or more with nothing else cannot be a year: a Unix time stamp.
    if (text.size() > 4 && text.find_first_not_of("0123456789") == std::string_view::npos)
      return parse_unix_seconds(text);
  }
  return parse_words(text);
}

} // namespace galley::input
