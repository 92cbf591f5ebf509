#include "layout/math.hpp"

#include "math/parse.hpp"

#include <algorithm>
#include <cmath>

namespace galley::layout::detail {
namespace {

/// Space above and below a display formula, as a share of the body leading: TeX's
/// \abovedisplayskip of 12 pt at a 12 pt \baselineskip, less its shrink (9 pt), which a
/// magazine column needs more than a book page.
constexpr double kDisplaySpace = 0.5;

/// A space at either end of \text{}, in ems: TeX's interword space of a text face, 1/3 em.
constexpr double kTextSpace = 1.0 / 3;

MathState& state(ArticleContext& ctx) {
  if (!ctx.math)
    ctx.math = std::make_shared<MathState>();
  return *ctx.math;
}

/// The article's math font, or null when it has no MATH table.
const MathFont* math_font(ArticleContext& ctx) {
  MathState& st = state(ctx);
  if (!st.font_tried) {
    st.font_tried = true;
    const text::FaceId face = ctx.engine.resolve({kMathFamily, 400, false}, ctx.diags);
    const text::FaceInfo& info = ctx.engine.face(face);
    MathFont font(ctx.engine.hb_font(face), face, info.units_per_em);
    if (font.usable())
      st.font.emplace(font);
  }
  return st.font ? &*st.font : nullptr;
}

/// \text{} and the characters the math font lacks: the body face through the text engine,
/// with its fallback.
MathTextSetter text_setter(ArticleContext& ctx, const InlineLook& look) {
  return [&ctx, look](const std::string& text, double size, bool italic, bool bold) {
    // Spaces at the ends of \text{ if } count, as in TeX; the paragraph engine drops them.
    const std::size_t first = text.find_first_not_of(' ');
    if (first == std::string::npos) {
      MathBox space;
      space.width = kTextSpace * size * static_cast<double>(text.size());
      return space;
    }
    const std::size_t last = text.find_last_not_of(' ');
    const std::string s = text.substr(first, last - first + 1);
    const double before = kTextSpace * size * static_cast<double>(first);
    const double after = kTextSpace * size * static_cast<double>(text.size() - 1 - last);
    text::FontRequest font = look.font;
    font.italic = italic;
    font.weight = bold ? 700 : 400;
    const text::Line line =
        ctx.engine.layout_line({plain_span(s, font, size, look.color, look.features)},
                               ctx.article.meta.language, ctx.diags);
    MathBox b;
    for (const text::LineRun& run : line.runs)
      for (const text::PositionedGlyph& g : run.glyphs)
        b.glyphs.push_back(MathGlyph{run.face, g.glyph, run.size, before + run.x + g.x + g.x_offset,
                                     g.y_offset + run.baseline_shift, g.advance, g.text});
    b.width = before + line.natural_width + after;
    b.height = line.ascent;
    b.depth = line.descent;
    b.accent_x = b.width / 2;
    return b;
  };
}

/// The TeX source in the code face, as galley set every formula before it typeset math:
/// display math keeps its lines.
void append_source(ArticleContext& ctx, const model::Math& m, const InlineLook& look,
                   std::vector<text::Span>& out) {
  model::Inlines code;
  std::string_view tex = m.tex;
  for (std::size_t start = 0; start <= tex.size();) {
    const std::size_t end = std::min(tex.find('\n', start), tex.size());
    if (start > 0) {
      code.emplace_back();
      if (m.display)
        code.back().value = model::LineBreak{};
      else
        code.back().value = model::Text{" "};
    }
    if (end > start) {
      code.emplace_back();
      code.back().value = model::Code{std::string(tex.substr(start, end - start))};
    }
    start = end + 1;
  }
  append_spans(ctx, code, look, out);
}

/// The formula typeset, or nullopt (with the warning given) when it is to be set as source.
std::optional<TypesetFormula> typeset_model(ArticleContext& ctx, const model::Math& m,
                                            const SourceLoc& loc, const InlineLook& look,
                                            bool display) {
  const math::Formula formula = math::parse(m.tex, display);
  if (formula.failed) {
    ctx.diags.warning(loc, math::failure_message(formula));
    return std::nullopt;
  }
  const MathFont* font = math_font(ctx);
  if (font == nullptr) {
    ctx.diags.warning(loc, std::string("math: the font '") + kMathFamily +
                               "' has no MATH table; the TeX source is shown");
    return std::nullopt;
  }
  return typeset(formula, *font, look.size, text_setter(ctx, look));
}

/// The part of `box` between x = `from` and `to`, moved to start at 0: glyphs and rules go to
/// the part their pen position is in; the first and last parts take what lies beyond the box's
/// edges (a combining accent's pen is right of its base).
MathBox slice(const MathBox& box, double from, double to, bool first, bool last) {
  MathBox part;
  constexpr double kEpsilon = 1e-6;
  auto inside = [&](double x) {
    return (first || x >= from - kEpsilon) && (last || x < to - kEpsilon);
  };
  for (const MathGlyph& g : box.glyphs)
    if (inside(g.x)) {
      part.glyphs.push_back(g);
      part.glyphs.back().x -= from;
    }
  for (const MathRule& r : box.rules)
    if (inside(r.x)) {
      part.rules.push_back(r);
      part.rules.back().x -= from;
    }
  part.width = to - from;
  part.height = box.height;
  part.depth = box.depth;
  return part;
}

/// Frame items for `box` with its left edge at `left` and its baseline at `baseline`: glyphs of
/// one face, size and baseline side by side make one run; rules are filled rectangles.
void place(const MathBox& box, double left, double baseline, Rgb color, int element,
           std::vector<Item>& items) {
  GlyphRun run;
  // The run's glyphs until it is flushed: the advance of the last one is set by the next.
  std::vector<Glyph> glyphs;
  auto flush = [&] {
    if (!glyphs.empty()) {
      for (const Glyph& g : glyphs)
        run.glyphs.push_back(g);
      items.emplace_back(std::move(run));
    }
    run = GlyphRun{};
    glyphs.clear();
  };
  for (std::size_t i = 0; i < box.glyphs.size(); ++i) {
    const MathGlyph& g = box.glyphs[i];
    const double y = baseline - g.y;
    if (glyphs.empty() || run.font != g.face || run.size != g.size || run.y != y ||
        g.x < box.glyphs[i - 1].x) {
      flush();
      run.font = g.face;
      run.size = g.size;
      run.color = color;
      run.x = left + g.x;
      run.y = y;
      run.element = element;
    } else {
      // The pen goes from the glyph before to this one.
      glyphs.back().advance = g.x - box.glyphs[i - 1].x;
    }
    glyphs.push_back(Glyph{g.glyph, g.advance, 0, 0, g.text});
  }
  flush();
  for (const MathRule& r : box.rules)
    items.emplace_back(RectItem{left + r.x, baseline - r.y - r.height, r.width, r.height, color});
}

bool is_display(const model::Inline& in) {
  const auto* m = std::get_if<model::Math>(&in.value);
  return m != nullptr && m->display;
}

bool is_space(const model::Inline& in) {
  if (std::holds_alternative<model::SoftBreak>(in.value) ||
      std::holds_alternative<model::LineBreak>(in.value))
    return true;
  const auto* t = std::get_if<model::Text>(&in.value);
  return t != nullptr && t->text.find_first_not_of(" \t\n") == std::string::npos;
}

} // namespace

void append_math(ArticleContext& ctx, const model::Math& m, const SourceLoc& loc,
                 const InlineLook& look, std::vector<text::Span>& out) {
  std::optional<TypesetFormula> typeset = typeset_model(ctx, m, loc, look, m.display);
  if (!typeset) {
    append_source(ctx, m, look, out);
    return;
  }
  MathState& st = state(ctx);
  const int formula = static_cast<int>(st.formulas.size());
  st.formulas.push_back(MathFormula{m.tex, -1});
  // One object from each break to the next: the glue after a break's operator goes away when
  // the line breaks there, as TeX's does.
  const std::vector<MathBreak>& breaks = typeset->breaks;
  double from = 0;
  for (std::size_t i = 0; i <= breaks.size(); ++i) {
    const bool last = i == breaks.size();
    const double to = last ? typeset->box.width : breaks[i].x;
    text::Span sp = plain_span("", look.font, look.size, look.color, look.features);
    sp.baseline_shift = look.rise;
    sp.object.id = static_cast<int>(st.pieces.size());
    sp.object.width = to - from;
    sp.object.ascent = typeset->box.height + look.rise;
    sp.object.descent = typeset->box.depth - look.rise;
    if (!last) {
      sp.object.break_after = true;
      sp.object.penalty = breaks[i].penalty;
      sp.object.space = breaks[i].space;
    }
    st.pieces.push_back(MathPiece{slice(typeset->box, from, to, i == 0, last), formula});
    out.push_back(std::move(sp));
    if (!last)
      from = breaks[i].x + breaks[i].space;
  }
}

void emit_math(ArticleContext& ctx, const text::LineRun& run, double x, double baseline,
               VBox& box) {
  MathState& st = state(ctx);
  const MathPiece& piece = st.pieces[static_cast<std::size_t>(run.object)];
  MathFormula& formula = st.formulas[static_cast<std::size_t>(piece.formula)];
  // A formula is a Formula element whose alternative text is its TeX source (ISO 14289-1,
  // 7.7); the pieces of a formula broken across lines share it.
  if (formula.element < 0) {
    ElementScope scope(ctx, "Formula");
    scope.element().alt = formula.tex;
    formula.element = scope.id();
  }
  place(piece.box, x + run.x, baseline - run.baseline_shift, to_rgb(run.color), formula.element,
        box.items);
}

void math_extent(const ArticleContext& ctx, const text::Line& line, double& ascent,
                 double& descent) {
  ascent = descent = 0;
  for (const text::LineRun& run : line.runs) {
    if (run.object < 0 || !ctx.math)
      continue;
    const MathBox& b = ctx.math->pieces[static_cast<std::size_t>(run.object)].box;
    ascent = std::max(ascent, b.height + run.baseline_shift);
    descent = std::max(descent, b.depth - run.baseline_shift);
  }
}

bool has_display_math(const model::Paragraph& p) {
  return std::any_of(p.content.begin(), p.content.end(), is_display);
}

void layout_math_paragraph(ArticleContext& ctx, const model::Paragraph& p, const BlockFrame& frame,
                           bool indent, VList& out) {
  const InlineLook look = body_look(ctx);
  const style::TextStyle& t = ctx.style.text;
  bool first = true;
  auto set_text = [&](std::size_t begin, std::size_t end) {
    while (begin < end && is_space(p.content[begin]))
      ++begin;
    while (end > begin && is_space(p.content[end - 1]))
      --end;
    if (begin == end)
      return;
    std::vector<text::Span> spans;
    model::Inlines part(p.content.begin() + static_cast<std::ptrdiff_t>(begin),
                        p.content.begin() + static_cast<std::ptrdiff_t>(end));
    append_spans(ctx, part, look, spans);
    if (spans.empty())
      return;
    text::ParagraphSpec spec = paragraph_spec(ctx, std::move(spans), frame.width, true);
    spec.first_indent = first && indent ? t.indent : 0;
    spec.params.looseness = ctx.looseness;
    add_lines(ctx, spec, frame.x, t.leading, t.size, out);
    first = false;
  };
  std::size_t start = 0;
  for (std::size_t i = 0; i < p.content.size(); ++i) {
    if (!is_display(p.content[i]))
      continue;
    set_text(start, i);
    start = i + 1;
    const auto& m = std::get<model::Math>(p.content[i].value);
    std::optional<TypesetFormula> typeset = typeset_model(ctx, m, p.content[i].loc, look, true);
    if (!typeset) {
      set_text(i, i + 1);
      continue;
    }
    const MathBox& b = typeset->box;
    // The equation number (\tag) in the body face at the column's right edge, on the
    // formula's baseline.
    const MathBox tag = typeset->tag.empty()
                            ? MathBox{}
                            : text_setter(ctx, look)(typeset->tag, look.size, false, false);
    const double height = std::max(b.height, tag.height);
    VBox box;
    box.height = height + std::max(b.depth, tag.depth);
    box.baseline = height;
    if (ctx.source.block >= 0)
      box.source = ctx.source;
    ElementScope scope(ctx, "Formula");
    scope.element().alt = m.tex;
    // Centred in the column; one wider than the column starts at its left edge. A number
    // keeps an em from the formula, which moves left to make room (amsmath's rule).
    const double tag_left = frame.x + frame.width - tag.width;
    double left = frame.x + std::max(0.0, (frame.width - b.width) / 2);
    if (!typeset->tag.empty())
      left = std::max(frame.x, std::min(left, tag_left - look.size - b.width));
    place(b, left, height, to_rgb(look.color), scope.id(), box.items);
    if (!typeset->tag.empty())
      place(tag, tag_left, height, to_rgb(look.color), scope.id(), box.items);
    out.glue(kDisplaySpace * t.leading);
    out.box(std::move(box));
    out.glue(kDisplaySpace * t.leading);
    first = false;
  }
  set_text(start, p.content.size());
}

} // namespace galley::layout::detail
