#pragma once
// The math tree: what the TeX-math parser (math/parse.hpp) gives and both outputs read, the
// EPUB as MathML (epub/mathml.cpp), the PDF through the math layout (layout/math_*.cpp). Plain
// data; the atom classes are TeX's (The TeXbook, ch. 17), which decide the spacing between
// atoms and where an inline formula may break.
#include <string>
#include <vector>

namespace galley::math {

/// TeX's atom classes (The TeXbook, ch. 17: Ord, Op, Bin, Rel, Open, Close, Punct, Inner).
enum class AtomClass { Ord, Op, Bin, Rel, Open, Close, Punct, Inner };

/// A letter's alphabet: `\mathbf` and friends, and the default (italic for Latin and lowercase
/// Greek letters, upright for the rest), applied through Unicode's Mathematical Alphanumeric
/// Symbols (math/alphabets.hpp).
enum class Alphabet {
  Default,
  Upright,      ///< \mathrm, \operatorname, function names
  Italic,       ///< \mathit
  Bold,         ///< \mathbf (upright bold, as in LaTeX)
  BoldItalic,   ///< \boldsymbol
  DoubleStruck, ///< \mathbb
  Script,       ///< \mathcal, \mathscr
  Fraktur,      ///< \mathfrak
  SansSerif,    ///< \mathsf
  Monospace,    ///< \mathtt
};

/// TeX's four styles (The TeXbook, ch. 17), set by the context or by \displaystyle and friends.
enum class Style { Display, Text, Script, ScriptScript };

/// How a large operator places its scripts: TeX's \limits / \nolimits, or the default (limits
/// in display style for \sum-like operators and \lim-like functions).
enum class Limits { Default, Limits, NoLimits };

struct Node;
using List = std::vector<Node>;

enum class Kind {
  Symbol,      ///< one character, or a function name (`text` "sin"), of class `atom`
  Number,      ///< a run of digits, maybe with a decimal point
  Text,        ///< \text{...}: set in the text face
  Group,       ///< {...}: `body` as one Ord atom
  Fraction,    ///< \frac (body = numerator, second = denominator), \binom (with delimiters)
  Radical,     ///< \sqrt[second]{body}
  Scripts,     ///< base (body, one node) with `sub` and/or `sup`
  Fenced,      ///< \left open ... \middle d ... \right close: `rows` holds the parts between
  BigDelim,    ///< \big( ... \Bigg): `text` at size `size` (1..4)
  Accent,      ///< `text` over (or, `under`, below) body; `stretchy` for \widehat, \overline
  Space,       ///< `width` in mu (18 mu = 1 em)
  StyleChange, ///< \displaystyle...: the rest of the enclosing list in `style`
  Matrix,      ///< an environment: `cells` by row; `text` and `close` its delimiters
  XArrow,      ///< \xrightarrow[second]{body}: the arrow `text` as long as its labels
};

/// One node; which fields mean something depends on `kind` (see Kind).
struct Node {
  Kind kind = Kind::Symbol;
  AtomClass atom = AtomClass::Ord;
  std::string text; ///< UTF-8: the character(s), the delimiter, the accent's character
  Alphabet alphabet = Alphabet::Default;
  List body;
  List second;
  List sub, sup;
  bool has_sub = false, has_sup = false;
  Limits limits = Limits::Default;
  bool function = false;            ///< a named operator (\sin, \lim, \operatorname): upright
  bool large = false;               ///< a large operator (\sum, \int): a bigger glyph in display
  bool limits_in_display = false;   ///< \sum, \lim: limits above and below in display style
  std::string close;                ///< Fenced, Matrix, Fraction: the closing delimiter
  std::vector<std::string> middles; ///< Fenced: the \middle delimiters between `rows`
  std::vector<List> rows;           ///< Fenced: the parts between \left, \middle and \right
  std::vector<std::vector<List>> cells; ///< Matrix: rows of cells
  std::string columns;                  ///< Matrix: alignment per column ('l', 'c', 'r'), repeating
  bool align_pairs = false;             ///< aligned/align*: columns alternate right and left
  double width = 0;                     ///< Space: mu
  int size = 0;                         ///< BigDelim: 1 \big .. 4 \Bigg
  bool under = false;                   ///< Accent: below the body (\underline)
  bool stretchy = false;                ///< Accent: as wide as the body
  bool rule = false;         ///< Accent: a rule rather than a glyph (\overline, \underline)
  bool brace = false; ///< Accent: \overbrace, \underbrace: an operator set apart from the body
                      ///< whose limits are its labels
  std::string spacing;       ///< Accent: the spacing character MathML writes
  bool bar = true;           ///< Fraction: a rule between (false for \binom)
  Style style = Style::Text; ///< StyleChange, and Fraction with `styled` (\dfrac, \tfrac)
  bool styled = false;
  bool prime = false; ///< Symbol: a prime from `'`, set at superscript size already
};

/// What went wrong while parsing: a message and the byte offset in the source.
struct ParseError {
  std::string message;
  std::size_t offset = 0;
};

/// A parsed formula. When `error` is set, `root` is not to be used: both outputs set the
/// source as code instead.
struct Formula {
  List root;
  bool display = false;
  std::string tag; ///< \tag{x}: the equation number as set, "(x)" (\tag*{x}: "x"); display only
  bool failed = false;
  ParseError error;
};

} // namespace galley::math
