#pragma once
// The resolved style: one description of a publication's look, read by layout/ (PDF) and by
// epub/ (generated CSS). Every field has a default, so an empty style file is valid. Lengths are
// in points unless the name says otherwise.
#include "galley/diagnostics.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace galley::style {

struct Color {
  std::uint8_t r = 0, g = 0, b = 0;
  friend bool operator==(const Color&, const Color&) = default;
};

struct Margins {
  double top = 56, bottom = 64, inner = 56, outer = 56;
};

struct PageStyle {
  std::string size = "A4"; ///< "A4", "Letter", "A5" or "custom"
  double width = 595.2756, height = 841.8898;
  Margins margins;
  double bleed = 0;
  bool facing = false; ///< inner/outer margins swap on verso pages
  int columns = 1;
  double gutter = 18;
};

/// A font file that the style brings along, registered under a family name.
struct FontFace {
  std::string family;
  int weight = 400;
  bool italic = false;
  std::filesystem::path path; ///< resolved relative to the style file
};

struct FontSpec {
  std::string family;
  std::vector<std::string> features; ///< OpenType features: "onum", "smcp", "-liga" to disable
};

struct Fonts {
  FontSpec body{"EB Garamond", {}};
  FontSpec heading{"Inter", {}};
  FontSpec caption{"Inter", {}};
  FontSpec code{"JetBrains Mono", {"-liga", "-calt"}};
  FontSpec notes{"EB Garamond", {}};
  /// Families for characters a role's face lacks, in order: the one default list, which the PDF's
  /// text engines and the EPUB's CSS font stacks both take from here. The bundled Noto faces
  /// cover Greek, Cyrillic, Arabic and Hebrew; Noto Sans is used where it is installed.
  std::vector<std::string> fallback{"Noto Serif", "Noto Sans", "Noto Naskh Arabic",
                                    "Noto Serif Hebrew"};
  std::vector<FontFace> faces;
};

enum class Align { Justify, Left };

struct TextStyle {
  double size = 10.5;
  double leading = 14; ///< baseline-to-baseline distance
  bool baseline_grid = false;
  double indent = 12;            ///< first-line indent of paragraphs that follow a paragraph
  double paragraph_spacing = 0;  ///< extra space between paragraphs
  Align align = Align::Justify;
  bool hyphenate = true;
  /// Fewest letters before and after a hyphen; 0 (`auto`) keeps the language's own, which its
  /// hyphenation dictionary names (English 2 and 3, Spanish and French 2 and 2; 2 and 2 when the
  /// file names none, as Russian's, Greek's and Italian's do).
  int hyphen_left = 0;
  int hyphen_right = 0;
  /// In a column narrower than 30 em both minimums are at least this.
  int hyphen_narrow_minimum = 3;
  /// Most consecutive hyphenated lines; 0: no limit. Unset (`auto`): the language's custom
  /// (text::consecutive_hyphens: 4 in Russian, Ukrainian and Belarusian, 2 elsewhere).
  std::optional<int> hyphen_limit;
  /// Whether words starting with a capital are split (TeX's \uchyph); unset (`auto`): the
  /// language's custom (text::HyphenationOptions::uc_hyphen).
  std::optional<bool> uc_hyphen;
  int double_hyphen_demerits = 10000; ///< TeX's \doublehyphendemerits
  int final_hyphen_demerits = 5000;   ///< TeX's \finalhyphendemerits
  double emergency_stretch = 31.5;    ///< TeX's \emergencystretch: 3em of the default size
  std::vector<std::string> exceptions; ///< "ta-ble", "OpenAI" (no hyphens: never split)
  double caption_size = 8.5;
  double code_size = 8.5;
  double quote_indent = 18;
  double list_indent = 18;
};

enum class TextCase { None, Upper, SmallCaps };

struct HeadingStyle {
  double size = 13;
  double leading = 16;
  int weight = 700;
  bool italic = false;
  TextCase text_case = TextCase::None;
  double space_before = 14;
  double space_after = 4;
  Color color{0x1a, 0x1a, 0x1a};
  bool numbered = false;
};

enum class CoverMode { FullPage, Lead, None };
enum class PortraitShape { Circle, Square, None };

struct Opening {
  CoverMode cover = CoverMode::Lead;
  PortraitShape portrait = PortraitShape::Circle;
  double portrait_size = 36;
  double publication_size = 9;
  double title_size = 26;
  double title_leading = 30;
  double subtitle_size = 15;
  double dek_size = 12;
  bool title_centered = false;
  double lead_image_height = 220; ///< maximum height of a lead cover image
};

struct AuthorBlock {
  /// What shows, in order: "portrait", "name", "bio", "date", "reading-time".
  std::vector<std::string> fields{"portrait", "name", "date", "reading-time"};
};

enum class FolioPosition { BottomCenter, BottomOutside, TopOutside, None };

struct RunningHeads {
  /// Templates: {publication}, {issue}, {title}, {section}, {author}. Empty = nothing.
  std::string verso = "{publication}";
  std::string recto = "{title}";
  FolioPosition folio = FolioPosition::BottomCenter;
  double size = 8;
};

enum class NoteNumbering { PerArticle, PerIssue };
/// What a later page that cites a note again shows at its foot.
enum class NoteRepeat { Full, Short, SeeNote };

struct NotesStyle {
  double size = 8;
  double leading = 10;
  bool separator = true;
  double separator_width = 72; ///< length of the rule above the notes
  NoteNumbering numbering = NoteNumbering::PerArticle;
  NoteRepeat repeat = NoteRepeat::Short;
};

/// What the page builder weighs when it chooses where pages end (docs/layout.md, "The page
/// builder"). Penalties and prices are in TeX's units: a widow line costs 150 as TeX's
/// \widowpenalty does.
struct PageMakeup {
  int underfull = 40;         ///< per (line the page ends short of its fullest break)^2
  int widow_penalty = 400;    ///< a paragraph's last line alone at the top of a page
  int club_penalty = 400;     ///< a paragraph's first line alone at the foot of a page
  int split_note = 300;       ///< a note continued on the next page
  int shrink = 25;            ///< percent of the space around blocks a full page may give up
  int last_page_lines = 6;    ///< fewer lines on an article's last page: set it again
};

struct Colors {
  Color text{0x1a, 0x1a, 0x1a};
  Color accent{0xb3, 0x26, 0x1e};
  Color rule{0x99, 0x99, 0x99}; ///< rules and frames: lines, not text
  Color link{0x1d, 0x4e, 0x89};
  /// Secondary text: image credits, "note continued", code line markers. Text colours are read
  /// on white paper and want 4.5:1 contrast (WCAG 2.1, 1.4.3); #666666 has 5.7:1.
  Color muted{0x66, 0x66, 0x66};
};

/// The kinds of token a highlighted code block is split into: galley's own small set, which
/// the highlighter maps the language definitions' names onto (docs/styles.md, `code`).
enum class TokenKind : std::uint8_t {
  Plain,
  Keyword,
  Type,
  String,
  Number,
  Comment,
  Preprocessor,
  Function,
  Variable,
};
inline constexpr std::size_t kTokenKinds = 9;

/// How one kind of token is set, in both outputs.
struct TokenLook {
  Color color;
  bool bold = false;
  friend bool operator==(const TokenLook&, const TokenLook&) = default;
};

/// The bundled token looks: colours for screens, or greys and weight for print.
enum class CodeTheme { Light, Grey };

/// The looks of a bundled theme's tokens, indexed by TokenKind. Plain's entry is not used:
/// plain code is set in the code look's colour.
std::array<TokenLook, kTokenKinds> code_theme(CodeTheme theme);

struct CodeStyle {
  CodeTheme theme = CodeTheme::Light;
  /// Numbers before each source line of a code block, kept out of the text a reader copies.
  bool line_numbers = false;
  std::array<TokenLook, kTokenKinds> tokens = code_theme(CodeTheme::Light);
  [[nodiscard]] const TokenLook& look(TokenKind kind) const {
    return tokens[static_cast<std::size_t>(kind)];
  }
};

struct IssuePages {
  bool cover = true;
  bool contents = true;
  bool recto_openings = false;
};

struct EpubStyle {
  std::string extra_css;
  bool embed_fonts = false;
};

struct Style {
  std::string name = "dispatch";
  std::string description;
  PageStyle page;
  Fonts fonts;
  TextStyle text;
  HeadingStyle headings[6];
  Opening opening;
  AuthorBlock author_block;
  RunningHeads running_heads;
  NotesStyle notes;
  PageMakeup pages;
  Colors colors;
  CodeStyle code;
  IssuePages issue;
  EpubStyle epub;
  std::filesystem::path source_file; ///< empty for the built-in default
};

/// The built-in defaults (what an empty style file resolves to).
Style default_style();

/// Loads `name_or_path`: a bundled style name ("pocket") or a path to a YAML file. Resolves
/// `extends:` chains. Problems go to `diags` with file:line:col; on error the returned style is
/// the defaults.
Style load_style(const std::string& name_or_path, Diagnostics& diags);

/// Like load_style, for style text already in memory. `as_file` names it in diagnostics; its
/// folder is where `extends:` paths and font paths resolve (the current folder when empty).
Style load_style_text(std::string_view yaml, const std::filesystem::path& as_file,
                      Diagnostics& diags);

struct StyleSummary {
  std::string name;        ///< what load_style accepts: "pocket"
  std::string description; ///< the style's one-line description ("" when it has none)
};

/// The bundled styles (the source tree's styles/ when run from a build, share/galley/styles
/// when installed), sorted by name.
std::vector<StyleSummary> list_bundled_styles();

} // namespace galley::style
