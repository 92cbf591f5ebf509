#include "layout/math_typesetter.hpp"

#include "util/text_utils.hpp"

#include <algorithm>

namespace galley::layout::detail {
namespace {

using math::Kind;

/// TeX's \nulldelimiterspace (1.2 pt at 10 pt), the width of an empty delimiter.
constexpr double kNullDelimiter = 0.12;
/// TeX's \delimiterfactor (901) and \delimitershortfall (5 pt at 10 pt), rule 19.
constexpr double kDelimiterFactor = 0.901;
constexpr double kDelimiterShortfall = 0.5;
/// The struts of an array row (\arraystretch 1 of a 12 pt \baselineskip at 10 pt: 0.7 and
/// 0.3 of it), \arraycolsep (5 pt) and amsmath's \jot (3 pt), in ems.
constexpr double kStrutHeight = 0.84, kStrutDepth = 0.36;
constexpr double kColumnSep = 0.5, kJot = 0.3;
/// \big..\Bigg: 8.5, 11.5, 14.5 and 17.5 pt at 10 pt (plain.tex).
constexpr double kBigSizes[] = {0.85, 1.15, 1.45, 1.75};

char32_t first_char(const std::string& s) {
  std::size_t i = 0;
  return s.empty() ? 0 : next_code_point(s, i);
}

/// Moves a box down by `shift` (up when negative), extents included.
MathBox lowered(const MathBox& b, double shift) {
  MathBox out;
  out.draw(b, 0, -shift);
  out.width = b.width;
  out.height = b.height - shift;
  out.depth = b.depth + shift;
  out.italic = b.italic;
  out.accent_x = b.accent_x;
  return out;
}

} // namespace

MathBox Typesetter::delimiter_sized(const std::string& text, double total, MathStyle st) {
  if (text.empty()) {
    MathBox null;
    null.width = kNullDelimiter * size(st);
    return null;
  }
  const std::uint32_t g = font_.glyph(first_char(text));
  if (g == 0)
    return chars(text, st);
  MathBox b = font_.stretch_vertical(g, total, size(st), text);
  // Centred on the axis.
  return lowered(b, (b.height - b.depth) / 2 - axis(st));
}

MathBox Typesetter::delimiter(const std::string& text, double height, double depth, MathStyle st) {
  const double a = axis(st);
  const double delta = std::max(height - a, depth + a);
  const double total =
      std::max(2 * delta * kDelimiterFactor, 2 * delta - kDelimiterShortfall * size(st));
  return delimiter_sized(text, total, st);
}

MathBox Typesetter::fraction(const math::Node& n, MathStyle outer) {
  const MathStyle st = n.styled ? MathStyle{n.style, outer.cramped} : outer;
  MathBox num = list(n.body, st.num());
  MathBox den = list(n.second, st.den());
  const bool display = st.display();
  const double a = axis(st);
  double u, v;
  if (n.bar) {
    // Appendix G, rule 15d, with the MATH table's gaps around the bar.
    const double t = constant(HB_OT_MATH_CONSTANT_FRACTION_RULE_THICKNESS, st);
    u = constant(display ? HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_DISPLAY_STYLE_SHIFT_UP
                         : HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_SHIFT_UP,
                 st);
    v = constant(display ? HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_DISPLAY_STYLE_SHIFT_DOWN
                         : HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_SHIFT_DOWN,
                 st);
    const double num_gap = constant(display ? HB_OT_MATH_CONSTANT_FRACTION_NUM_DISPLAY_STYLE_GAP_MIN
                                            : HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_GAP_MIN,
                                    st);
    const double den_gap =
        constant(display ? HB_OT_MATH_CONSTANT_FRACTION_DENOM_DISPLAY_STYLE_GAP_MIN
                         : HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_GAP_MIN,
                 st);
    u = std::max(u, a + t / 2 + num_gap + num.depth);
    v = std::max(v, den_gap + den.height - (a - t / 2));
  } else {
    // Rule 15c: no bar, a minimum gap between the two.
    u = constant(display ? HB_OT_MATH_CONSTANT_STACK_TOP_DISPLAY_STYLE_SHIFT_UP
                         : HB_OT_MATH_CONSTANT_STACK_TOP_SHIFT_UP,
                 st);
    v = constant(display ? HB_OT_MATH_CONSTANT_STACK_BOTTOM_DISPLAY_STYLE_SHIFT_DOWN
                         : HB_OT_MATH_CONSTANT_STACK_BOTTOM_SHIFT_DOWN,
                 st);
    const double min_gap = constant(display ? HB_OT_MATH_CONSTANT_STACK_DISPLAY_STYLE_GAP_MIN
                                            : HB_OT_MATH_CONSTANT_STACK_GAP_MIN,
                                    st);
    const double gap = (u - num.depth) - (den.height - v);
    if (gap < min_gap) {
      u += (min_gap - gap) / 2;
      v += (min_gap - gap) / 2;
    }
  }
  const double pad = kNullDelimiter * size(st);
  const double w = std::max(num.width, den.width);
  MathBox f;
  f.add(num, pad + (w - num.width) / 2, u);
  f.add(den, pad + (w - den.width) / 2, -v);
  if (n.bar) {
    const double t = constant(HB_OT_MATH_CONSTANT_FRACTION_RULE_THICKNESS, st);
    f.rules.push_back(MathRule{pad, a - t / 2, w, t});
  }
  f.width = w + 2 * pad;
  if (n.text.empty() && n.close.empty())
    return f;
  // \binom: delimiters as \left( \right) would grow them.
  MathBox open = delimiter(n.text, f.height, f.depth, st);
  MathBox close = delimiter(n.close, f.height, f.depth, st);
  MathBox out;
  out.add(open, 0, 0);
  out.add(f, out.width, 0);
  out.add(close, out.width, 0);
  return out;
}

MathBox Typesetter::radical(const math::Node& n, MathStyle st) {
  // Appendix G, rule 11, with the MATH table's radical constants.
  MathBox body = list(n.body, st.crampedStyle());
  const double t = constant(HB_OT_MATH_CONSTANT_RADICAL_RULE_THICKNESS, st);
  double gap = constant(st.display() ? HB_OT_MATH_CONSTANT_RADICAL_DISPLAY_STYLE_VERTICAL_GAP
                                     : HB_OT_MATH_CONSTANT_RADICAL_VERTICAL_GAP,
                        st);
  const double needed = body.height + body.depth + gap + t;
  MathBox sign;
  if (const std::uint32_t g = font_.glyph(0x221A); g != 0)
    sign = font_.stretch_vertical(g, needed, size(st), "\u221A");
  const double total = sign.height + sign.depth;
  // A sign taller than needed shares the extra between the gaps above and below the body.
  if (total > needed)
    gap += (total - needed) / 2;
  const double top = body.height + gap + t; // the top of the sign and of the overbar
  MathBox out;
  double x = 0;
  if (!n.second.empty()) {
    // The degree in scriptscript style, raised by a share of the sign's height, with the
    // kerns the font gives before and after it (the second is negative: over the sign).
    MathBox degree = list(n.second, MathStyle{math::Style::ScriptScript, false});
    const double before = constant(HB_OT_MATH_CONSTANT_RADICAL_KERN_BEFORE_DEGREE, st);
    const double after = constant(HB_OT_MATH_CONSTANT_RADICAL_KERN_AFTER_DEGREE, st);
    const double raise =
        font_.percent(HB_OT_MATH_CONSTANT_RADICAL_DEGREE_BOTTOM_RAISE_PERCENT) / 100.0;
    out.add(degree, before, top - total + total * raise);
    x = std::max(0.0, before + degree.width + after);
  }
  out.add(sign, x, top - sign.height);
  out.rules.push_back(MathRule{x + sign.width, top - t, body.width, t});
  out.add(body, x + sign.width, 0);
  out.height = std::max(out.height, top + constant(HB_OT_MATH_CONSTANT_RADICAL_EXTRA_ASCENDER, st));
  return out;
}

MathBox Typesetter::fenced(const math::Node& n, MathStyle st) {
  std::vector<MathBox> parts;
  double height = 0, depth = 0;
  for (const math::List& part : n.rows) {
    parts.push_back(list(part, st));
    height = std::max(height, parts.back().height);
    depth = std::max(depth, parts.back().depth);
  }
  MathBox out;
  out.add(delimiter(n.text, height, depth, st), 0, 0);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    out.add(parts[i], out.width, 0);
    if (i < n.middles.size()) {
      // \middle is a relation: thick spaces around it (as amsmath's \middle| reads).
      const double space = st.script() ? 0 : 5 * mu(st);
      out.add(delimiter(n.middles[i], height, depth, st), out.width + space, 0);
      out.width += space;
    }
  }
  out.add(delimiter(n.close, height, depth, st), out.width, 0);
  return out;
}

MathBox Typesetter::big(const math::Node& n, MathStyle st) {
  return delimiter_sized(n.text, kBigSizes[std::clamp(n.size, 1, 4) - 1] * base_, st);
}

MathBox Typesetter::accent(const math::Node& n, MathStyle st) {
  MathBox body = list(n.body, st.crampedStyle());
  MathBox out;
  out.add(body, 0, 0);
  out.italic = body.italic;
  if (n.rule) {
    // \overline and \underline: a rule with the MATH table's gap and extra space.
    if (n.under) {
      const double t = constant(HB_OT_MATH_CONSTANT_UNDERBAR_RULE_THICKNESS, st);
      const double gap = constant(HB_OT_MATH_CONSTANT_UNDERBAR_VERTICAL_GAP, st);
      out.rules.push_back(MathRule{0, -(body.depth + gap + t), body.width, t});
      out.depth = body.depth + gap + t + constant(HB_OT_MATH_CONSTANT_UNDERBAR_EXTRA_DESCENDER, st);
    } else {
      const double t = constant(HB_OT_MATH_CONSTANT_OVERBAR_RULE_THICKNESS, st);
      const double gap = constant(HB_OT_MATH_CONSTANT_OVERBAR_VERTICAL_GAP, st);
      out.rules.push_back(MathRule{0, body.height + gap, body.width, t});
      out.height = body.height + gap + t + constant(HB_OT_MATH_CONSTANT_OVERBAR_EXTRA_ASCENDER, st);
    }
    return out;
  }
  const std::uint32_t g = font_.glyph(first_char(n.text));
  if (g == 0)
    return out;
  if (n.brace) {
    // \overbrace and \underbrace: the brace as wide as the body, set apart from it by the
    // gap of a bar (plain.tex kerns 3 pt; the MATH table's overbar and underbar gaps).
    const MathBox mark = font_.stretch_horizontal(g, body.width, size(st), n.spacing);
    const double x = (body.width - mark.width) / 2;
    if (n.under)
      out.add(
          mark, x,
          -(body.depth + constant(HB_OT_MATH_CONSTANT_UNDERBAR_VERTICAL_GAP, st) + mark.height));
    else
      out.add(mark, x,
              body.height + constant(HB_OT_MATH_CONSTANT_OVERBAR_VERTICAL_GAP, st) + mark.depth);
    out.width = std::max(body.width, mark.width);
    return out;
  }
  MathBox mark = n.stretchy ? font_.stretch_horizontal(g, body.width, size(st), n.spacing)
                            : font_.glyph_box(g, size(st), n.spacing);
  // The accent's attachment point over the base's (OpenType MATH, MathTopAccentAttachment);
  // a base taller than AccentBaseHeight lifts the accent by the difference (rule 12).
  const double base_x = body.accent_x >= 0 ? body.accent_x : body.width / 2;
  // Combining marks have no advance and their ink left of the origin: the mark is centred by
  // its ink (fonts rarely give marks an attachment point of their own).
  const double mark_x = mark.ink_center;
  const double lift =
      std::max(0.0, body.height - constant(HB_OT_MATH_CONSTANT_ACCENT_BASE_HEIGHT, st));
  out.add(mark, base_x - mark_x, lift);
  out.width = body.width;
  return out;
}

MathBox Typesetter::xarrow(const math::Node& n, MathStyle st) {
  // amsmath's \ext@arrow: the labels in script style, the arrow as long as the wider one and
  // 5 mu and 9 mu of padding (script mu), never shorter than the arrow itself; the labels
  // placed as limits.
  const MathBox over = list(n.body, st.sup());
  const MathBox under = list(n.second, st.sub());
  const double pad = 14 * mu(st.sup());
  const std::uint32_t g = font_.glyph(first_char(n.text));
  if (g == 0)
    return over;
  const MathBox arrow =
      font_.stretch_horizontal(g, std::max(over.width, under.width) + pad, size(st), n.text);
  MathBox out;
  const double w = std::max({arrow.width, over.width, under.width});
  out.add(arrow, (w - arrow.width) / 2, 0);
  if (!n.body.empty())
    out.add(over, (w - over.width) / 2,
            arrow.height + constant(HB_OT_MATH_CONSTANT_UPPER_LIMIT_GAP_MIN, st) + over.depth);
  if (!n.second.empty())
    out.add(under, (w - under.width) / 2,
            -(arrow.depth + constant(HB_OT_MATH_CONSTANT_LOWER_LIMIT_GAP_MIN, st) + under.height));
  out.width = w;
  return out;
}

MathBox Typesetter::matrix(const math::Node& n, MathStyle outer) {
  const MathStyle st = n.style == math::Style::Display  ? MathStyle{math::Style::Display, false}
                       : n.style == math::Style::Script ? MathStyle{math::Style::Script, false}
                                                        : MathStyle{math::Style::Text, false};
  const double em = size(outer);
  std::size_t columns = 0;
  for (const auto& row : n.cells)
    columns = std::max(columns, row.size());
  std::vector<std::vector<MathBox>> boxes;
  std::vector<double> widths(columns, 0), heights, depths;
  for (const auto& row : n.cells) {
    boxes.emplace_back();
    double h = kStrutHeight * em, d = kStrutDepth * em;
    for (std::size_t c = 0; c < row.size(); ++c) {
      // In aligned's left columns the cell starts after the `&`, as amsmath's `&{}=`: a
      // relation there keeps its space on the left.
      const bool pair_left = n.align_pairs && c % 2 == 1;
      boxes.back().push_back(list(row[c], st, nullptr, pair_left));
      widths[c] = std::max(widths[c], boxes.back().back().width);
      h = std::max(h, boxes.back().back().height);
      d = std::max(d, boxes.back().back().depth);
    }
    heights.push_back(h);
    depths.push_back(d);
  }
  const double row_gap = n.align_pairs || n.style == math::Style::Display ? kJot * em : 0;
  auto gap_before = [&](std::size_t c) {
    if (c == 0)
      return 0.0;
    if (n.align_pairs)
      return c % 2 == 1 ? 0.0 : 2 * em;
    return 2 * kColumnSep * em;
  };
  MathBox table;
  double y = 0; // from the top, downwards
  for (std::size_t r = 0; r < boxes.size(); ++r) {
    y += heights[r];
    double x = 0;
    for (std::size_t c = 0; c < columns; ++c) {
      x += gap_before(c);
      if (c < boxes[r].size()) {
        const MathBox& cell = boxes[r][c];
        const char align = n.columns.empty() ? 'c' : n.columns[c % n.columns.size()];
        const double dx = align == 'l'   ? 0
                          : align == 'r' ? widths[c] - cell.width
                                         : (widths[c] - cell.width) / 2;
        table.draw(cell, x + dx, -y);
      }
      x += widths[c];
    }
    table.width = x;
    y += depths[r] + (r + 1 < boxes.size() ? row_gap : 0);
  }
  // The array's middle on the axis (rule 15's \vcenter).
  const double shift = y / 2 + axis(outer);
  MathBox centred;
  centred.draw(table, 0, shift);
  centred.width = table.width;
  centred.height = shift;
  centred.depth = y - shift;
  if (n.text.empty() && n.close.empty())
    return centred;
  MathBox out;
  out.add(delimiter(n.text, centred.height, centred.depth, outer), 0, 0);
  const double pad = n.text == "{" && n.close.empty() ? 0 : kColumnSep * em / 2;
  out.add(centred, out.width + pad, 0);
  out.width += pad;
  out.add(delimiter(n.close, centred.height, centred.depth, outer), out.width, 0);
  return out;
}

} // namespace galley::layout::detail
