#pragma once
// The tables of TeX math commands: symbols with their atom class, delimiters, accents, named
// functions, spaces and alphabets. One table per kind, so that a command is added by a row.
#include "math/tree.hpp"

#include <optional>
#include <string_view>

namespace galley::math {

struct SymbolInfo {
  std::string_view text; ///< UTF-8
  AtomClass atom = AtomClass::Ord;
  bool large = false;             ///< a large operator: bigger in display style
  bool limits_in_display = false; ///< limits above and below in display style (\sum, not \int)
};

/// A symbol command (`alpha`, `le`, `sum`; without the backslash), or null.
const SymbolInfo* find_symbol(std::string_view name);

/// A delimiter after \left, \right, \middle or \big (`(`, `\langle` as "langle", `.` as ""),
/// or nullopt when `name` is none.
std::optional<std::string_view> find_delimiter(std::string_view name);

struct AccentInfo {
  std::string_view combining; ///< what the PDF draws: a combining mark the math font places
  std::string_view spacing;   ///< what MathML writes in its <mo>
  bool stretchy = false;      ///< as wide as its base (\widehat, \overrightarrow)
  bool rule = false;          ///< a rule rather than a glyph (\overline, \underline)
  bool under = false;
};

const AccentInfo* find_accent(std::string_view name);

/// The accent command (`hat`, `vec`; without the backslash) that sets `character` over its base,
/// whether written combining (U+0302) or spacing (`^`), as MathML and Office Math give an
/// accent; empty for another character. Only accents of a glyph as wide as it is drawn.
std::string_view accent_named_by(std::string_view character);

struct FunctionInfo {
  std::string_view text;
  bool limits_in_display = false; ///< \lim, \max: limits below in display style
};

/// A named function (`sin`, `lim`), set upright as an Op atom.
const FunctionInfo* find_function(std::string_view name);

/// A spacing command's width in mu (`,` 3, `quad` 18, `!` -3), or nullopt.
std::optional<double> find_space(std::string_view name);

/// An alphabet command (`mathbb`), or nullopt.
std::optional<Alphabet> find_alphabet(std::string_view name);

struct EnvironmentInfo {
  std::string_view open, close; ///< the delimiters around it
  std::string_view columns;     ///< alignment per column, repeating; "" for array's own
  bool pairs = false;           ///< aligned: right, left, right, left...
  Style style = Style::Text;    ///< of its cells
};

/// A \begin{...} environment (`pmatrix`, `aligned`), or null.
const EnvironmentInfo* find_environment(std::string_view name);

/// `\mathrel` and the other commands that make their argument an atom of a class, or nullopt.
std::optional<AtomClass> find_class_command(std::string_view name);

/// `\text` and the other commands that set their argument as text, in their alphabet.
std::optional<Alphabet> find_text_command(std::string_view name);

/// The class of a character written as itself (`+` Bin, `=` Rel, `(` Open, `,` Punct); Ord for
/// letters, digits and anything not listed. Unicode operators written directly (≤, →, ∑) take
/// the class of the command that names them.
const SymbolInfo& class_of_char(char32_t c);

} // namespace galley::math
