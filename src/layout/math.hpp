#pragma once
// Formulas in the article's text: TeX math parsed (math/parse.hpp), typeset by the math layout
// (layout/math_layout.hpp) in the math font, and handed to the paragraph builder as inline
// objects, or set as display blocks. A formula that does not parse, or a math font without a
// MATH table, sets the TeX source in the code face instead, with a warning.
#include "layout/blocks.hpp"
#include "layout/math_layout.hpp"

#include <memory>
#include <optional>

namespace galley::layout::detail {

/// The family of the math font (bundled: fonts/latin-modern-math).
inline constexpr const char* kMathFamily = "Latin Modern Math";

/// A typeset piece of an inline formula, waiting to be placed by emit_line.
struct MathPiece {
  MathBox box;     ///< from x = 0 at its left edge
  int formula = 0; ///< index into MathState::formulas
};

struct MathFormula {
  std::string tex;
  int element = -1; ///< its Formula structure element, once a piece of it is set
};

/// The math of one article: its font, and the formulas set so far.
struct MathState {
  std::optional<MathFont> font;
  bool font_tried = false;
  std::vector<MathPiece> pieces;
  std::vector<MathFormula> formulas;
};

/// Spans for a formula inside a paragraph: one inline object per piece between the breaks the
/// formula allows; or, when it cannot be typeset, its TeX source in the code face.
void append_math(ArticleContext& ctx, const model::Math& m, const SourceLoc& loc,
                 const InlineLook& look, std::vector<text::Span>& out);

/// Whether a paragraph holds display math, which layout_math_paragraph sets between its lines.
bool has_display_math(const model::Paragraph& p);

/// A paragraph with display math: its text before, between and after the formulas set as
/// paragraph lines, each formula centred on lines of its own.
void layout_math_paragraph(ArticleContext& ctx, const model::Paragraph& p, const BlockFrame& frame,
                           bool indent, VList& out);

/// Draws the piece of a formula that `run` stands for, with the line's left edge at `x` and
/// its baseline at `baseline`.
void emit_math(ArticleContext& ctx, const text::LineRun& run, double x, double baseline, VBox& box);

/// How far the formulas of `line` reach above and below its baseline (0 without formulas).
void math_extent(const ArticleContext& ctx, const text::Line& line, double& ascent,
                 double& descent);

} // namespace galley::layout::detail
