#pragma once
// Scalar vocabulary shared by the style reader and the dumper: colours, booleans, named page
// sizes and the names of every enumerated setting, so that what is read and what is written
// back can never disagree.
#include "galley/style.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace galley::style {

/// Parses a length: "10.5pt", "20mm", "1.5cm", "0.5in", "12px" (1/96 in), "1.2em" (times
/// `em`), or a bare number of points. Returns nullopt when `text` is none of these.
std::optional<double> parse_length(std::string_view text, double em);

/// "#rrggbb" or "#rgb" (CSS Color 4, section 5.2, hex notation without alpha).
std::optional<Color> parse_color(std::string_view text);
/// Lowercase "#rrggbb".
std::string format_color(Color c);

/// YAML 1.2 core schema booleans (true/false in any case) plus yes/no, which writers use.
std::optional<bool> parse_bool(std::string_view text);

/// A length in points with its unit, shortest form: "10.5pt".
std::string format_length(double pt);

struct NamedPageSize {
  std::string_view name;
  double width, height; ///< points, portrait
};
/// ISO 216 A4 and A5 (in mm, converted exactly), ANSI Letter (8.5 x 11 in).
const std::array<NamedPageSize, 3>& named_page_sizes();
const NamedPageSize* find_page_size(std::string_view name); ///< case-insensitive


inline constexpr std::array<std::pair<std::string_view, Align>, 2> kAlignNames{
    {{"justify", Align::Justify}, {"left", Align::Left}}};
inline constexpr std::array<std::pair<std::string_view, TextCase>, 3> kCaseNames{
    {{"none", TextCase::None}, {"upper", TextCase::Upper}, {"small-caps", TextCase::SmallCaps}}};
inline constexpr std::array<std::pair<std::string_view, CoverMode>, 3> kCoverNames{
    {{"full-page", CoverMode::FullPage}, {"lead", CoverMode::Lead}, {"none", CoverMode::None}}};
inline constexpr std::array<std::pair<std::string_view, PortraitShape>, 3> kPortraitNames{
    {{"circle", PortraitShape::Circle},
     {"square", PortraitShape::Square},
     {"none", PortraitShape::None}}};
inline constexpr std::array<std::pair<std::string_view, FolioPosition>, 4> kFolioNames{
    {{"bottom-center", FolioPosition::BottomCenter},
     {"bottom-outside", FolioPosition::BottomOutside},
     {"top-outside", FolioPosition::TopOutside},
     {"none", FolioPosition::None}}};
inline constexpr std::array<std::pair<std::string_view, NoteNumbering>, 2> kNumberingNames{
    {{"per-article", NoteNumbering::PerArticle}, {"per-issue", NoteNumbering::PerIssue}}};
inline constexpr std::array<std::pair<std::string_view, NoteRepeat>, 3> kRepeatNames{
    {{"full", NoteRepeat::Full}, {"short", NoteRepeat::Short}, {"see-note", NoteRepeat::SeeNote}}};
inline constexpr std::array<std::pair<std::string_view, CodeTheme>, 2> kCodeThemeNames{
    {{"light", CodeTheme::Light}, {"grey", CodeTheme::Grey}}};
/// The style keys of the token kinds (`code.colors.keyword`), in TokenKind's order; the EPUB's
/// token classes are named after them too.
inline constexpr std::array<std::string_view, kTokenKinds> kTokenNames{
    "plain",   "keyword",      "type",     "string",  "number",
    "comment", "preprocessor", "function", "variable"};

/// The fields an author block may show, and the placeholders a running head may use.
inline constexpr std::array<std::string_view, 5> kAuthorFields{"portrait", "name", "bio", "date",
                                                               "reading-time"};
inline constexpr std::array<std::string_view, 5> kHeadPlaceholders{
    "{publication}", "{issue}", "{title}", "{section}", "{author}"};

template <class E, size_t N>
std::string_view enum_name(const std::array<std::pair<std::string_view, E>, N>& names, E value) {
  for (const auto& [name, v] : names)
    if (v == value) return name;
  return names[0].first;
}

} // namespace galley::style
