#include "cli/quantities.hpp"

#include <cctype>
#include <charconv>
#include <cmath>

namespace galley::cli {

namespace {

/// The number `text` starts with (digits, then at most one point and digits); its length in
/// `used`, 0 when there is none.
double leading_number(std::string_view text, std::size_t& used) {
  used = 0;
  while (used < text.size() && std::isdigit(static_cast<unsigned char>(text[used])))
    ++used;
  if (used == 0)
    return 0;
  if (used < text.size() && text[used] == '.') {
    std::size_t frac = used + 1;
    while (frac < text.size() && std::isdigit(static_cast<unsigned char>(text[frac])))
      ++frac;
    if (frac == used + 1) { // "2." has no fraction
      used = 0;
      return 0;
    }
    used = frac;
  }
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + used, value);
  if (ec != std::errc() || end != text.data() + used)
    used = 0;
  return value;
}

char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

} // namespace

std::optional<std::uint64_t> parse_size(std::string_view text, std::string& error) {
  std::size_t used = 0;
  const double number = leading_number(text, used);
  std::string_view unit = text.substr(used);
  double scale = 1;
  if (!unit.empty()) {
    const char u = lower(unit.front());
    scale = u == 'k' ? 1e3 : u == 'm' ? 1e6 : u == 'g' ? 1e9 : u == 't' ? 1e12 : 0;
    if (scale != 0)
      unit.remove_prefix(1);
    else if (u == 'b')
      scale = 1;
  }
  const bool unit_ok = unit.empty() || (unit.size() == 1 && lower(unit.front()) == 'b');
  const double bytes = std::round(number * scale);
  if (used == 0 || scale == 0 || !unit_ok || bytes > 1.8e19) {
    error = "'" + std::string(text) +
            "' is not a size: write a number and k, M, G or T (\"500M\", \"2G\")";
    return std::nullopt;
  }
  return static_cast<std::uint64_t>(bytes);
}

std::optional<std::int64_t> parse_age(std::string_view text, std::string& error) {
  std::int64_t count = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), count);
  const std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
  const std::int64_t per = unit.empty() || unit == "d" ? 86400 : unit == "h" ? 3600 : 0;
  // A hundred thousand years of seconds still fits; more is a typo.
  if (ec != std::errc() || end == text.data() || count < 0 || per == 0 ||
      count > std::int64_t{36'500'000} * 86400 / per) {
    error = "'" + std::string(text) +
            "' is not an age: write a number of days or of hours (\"30d\", \"12h\")";
    return std::nullopt;
  }
  return count * per;
}

} // namespace galley::cli
