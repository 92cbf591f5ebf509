#include "style/values.hpp"

#include "util/text_utils.hpp"
#include "util/units.hpp"

#include <cctype>
#include <charconv>
#include <cmath>

namespace galley::style {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

} // namespace

std::optional<double> parse_length(std::string_view text, double em) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  // from_chars does not accept a leading '+'; a sign of either kind is still a number.
  if (text.front() == '+') text.remove_prefix(1);
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value,
                                   std::chars_format::fixed);
  if (ec != std::errc{} || !std::isfinite(value)) return std::nullopt;
  std::string_view unit(end, static_cast<size_t>(text.data() + text.size() - end));
  while (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
  if (unit.empty() || unit == "pt") return value;
  if (unit == "mm") return mm_to_pt(value);
  if (unit == "cm") return mm_to_pt(value * 10);
  if (unit == "in") return in_to_pt(value);
  if (unit == "px") return value * kPointsPerInch / 96.0; // CSS px: 1/96 in (CSS Values 4, 6.2)
  if (unit == "em") return value * em;
  return std::nullopt;
}

std::optional<Color> parse_color(std::string_view text) {
  if (text.empty() || text.front() != '#') return std::nullopt;
  text.remove_prefix(1);
  if (text.size() != 3 && text.size() != 6) return std::nullopt;
  int d[6];
  for (size_t i = 0; i < text.size(); ++i)
    if ((d[i] = hex_digit(text[i])) < 0) return std::nullopt;
  auto byte = [](int hi, int lo) { return static_cast<std::uint8_t>(hi * 16 + lo); };
  if (text.size() == 3) return Color{byte(d[0], d[0]), byte(d[1], d[1]), byte(d[2], d[2])};
  return Color{byte(d[0], d[1]), byte(d[2], d[3]), byte(d[4], d[5])};
}

std::string format_color(Color c) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "#";
  for (std::uint8_t v : {c.r, c.g, c.b}) {
    out += kHex[v >> 4];
    out += kHex[v & 15];
  }
  return out;
}

std::optional<bool> parse_bool(std::string_view text) {
  if (iequals(text, "true") || iequals(text, "yes")) return true;
  if (iequals(text, "false") || iequals(text, "no")) return false;
  return std::nullopt;
}

std::string format_length(double pt) { return format_number(pt) + "pt"; }

const std::array<NamedPageSize, 3>& named_page_sizes() {
  static const std::array<NamedPageSize, 3> sizes{{
      {"A4", mm_to_pt(210), mm_to_pt(297)},
      {"A5", mm_to_pt(148), mm_to_pt(210)},
      {"Letter", in_to_pt(8.5), in_to_pt(11)},
  }};
  return sizes;
}

const NamedPageSize* find_page_size(std::string_view name) {
  for (const auto& s : named_page_sizes())
    if (iequals(s.name, name)) return &s;
  return nullptr;
}

} // namespace galley::style
