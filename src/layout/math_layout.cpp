#include "layout/math_typesetter.hpp"

#include "math/alphabets.hpp"
#include "util/text_utils.hpp"

#include <algorithm>

namespace galley::layout::detail {
namespace {

using math::AtomClass;
using math::Kind;

/// The space between two adjacent atoms (The TeXbook, ch. 18, the table of spacing): 1 thin,
/// 2 medium, 3 thick; 10 + n is the same but only in display and text styles.
constexpr int kSpacing[8][8] = {
    //  Ord Op  Bin Rel Open Close Punct Inner
    {0, 1, 12, 13, 0, 0, 0, 11},     // Ord
    {1, 1, 0, 13, 0, 0, 0, 11},      // Op
    {12, 12, 0, 0, 12, 0, 0, 12},    // Bin
    {13, 13, 0, 0, 13, 0, 0, 13},    // Rel
    {0, 0, 0, 0, 0, 0, 0, 0},        // Open
    {0, 1, 12, 13, 0, 0, 0, 11},     // Close
    {11, 11, 0, 11, 11, 11, 11, 11}, // Punct
    {11, 1, 12, 13, 11, 0, 11, 11},  // Inner
};

/// TeX's \thinmuskip, \medmuskip and \thickmuskip, in mu.
constexpr double kMuSkips[] = {0, 3, 4, 5};

/// TeX's \relpenalty and \binoppenalty (plain.tex).
constexpr int kRelPenalty = 500;
constexpr int kBinPenalty = 700;

double spacing(AtomClass left, AtomClass right, const MathStyle& st, double mu) {
  int s = kSpacing[static_cast<int>(left)][static_cast<int>(right)];
  if (s >= 10)
    s = st.script() ? 0 : s - 10;
  return kMuSkips[s] * mu;
}

/// Whether a list is one character, whose scripts TeX sets by the font's shifts alone
/// (Appendix G, rule 18a: u = v = 0 for a character box).
bool is_char(const math::List& base) {
  return base.size() == 1 && (base[0].kind == Kind::Symbol || base[0].kind == Kind::Number) &&
         !base[0].large && !base[0].function;
}

} // namespace

double Typesetter::size(MathStyle st) const {
  switch (st.style) {
  case math::Style::Script:
    return base_ * font_.script_scale();
  case math::Style::ScriptScript:
    return base_ * font_.script_script_scale();
  default:
    return base_;
  }
}

MathBox Typesetter::chars(const std::string& text, MathStyle st) {
  MathBox out;
  const double sz = size(st);
  int count = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const char32_t cp = next_code_point(text, i);
    const std::string piece = text.substr(at, i - at);
    std::uint32_t g = font_.glyph(cp);
    MathBox b = g != 0 ? font_.glyph_box(g, sz, piece) : text_(piece, sz, false, false);
    out.add(b, out.width, 0);
    out.italic = b.italic;
    out.accent_x = b.accent_x;
    ++count;
  }
  if (count != 1)
    out.accent_x = out.width / 2;
  return out;
}

MathBox Typesetter::symbol(const math::Node& n, MathStyle st, bool in_scripts) {
  const math::Alphabet alphabet = n.function ? math::Alphabet::Upright : n.alphabet;
  const std::string text = n.kind == Kind::Number && alphabet == math::Alphabet::Default
                               ? n.text
                               : math::styled(n.text, alphabet);
  MathBox b = chars(text, st);
  if (n.large && n.kind == Kind::Symbol && !n.function) {
    // A large operator: in display style the first variant at least DisplayOperatorMinHeight
    // tall, centred on the axis in every style (Appendix G, rule 13).
    if (st.display()) {
      std::size_t after = 0;
      const std::uint32_t g = font_.glyph(next_code_point(text, after));
      if (g != 0)
        b = font_.stretch_vertical(g, constant(HB_OT_MATH_CONSTANT_DISPLAY_OPERATOR_MIN_HEIGHT, st),
                                   size(st), text);
    }
    const double shift = (b.height - b.depth) / 2 - axis(st);
    MathBox centred;
    centred.draw(b, 0, -shift);
    centred.width = b.width;
    centred.height = b.height - shift;
    centred.depth = b.depth + shift;
    centred.italic = b.italic;
    centred.accent_x = b.accent_x;
    return centred;
  }
  // Outside scripts, a letter's italic correction belongs to its width (rule 17).
  if (!in_scripts)
    b.width += b.italic;
  return b;
}

MathBox Typesetter::scripts(const math::Node& n, MathStyle st, AtomClass& atom) {
  const math::List& base = n.body;
  const bool op = base.size() == 1 && base[0].atom == AtomClass::Op &&
                  (base[0].kind == Kind::Symbol || base[0].brace);
  atom = base.size() == 1 ? base[0].atom : AtomClass::Ord;
  if (base.size() == 1 && base[0].kind == Kind::Scripts)
    atom = AtomClass::Ord;
  MathBox nucleus;
  if (base.size() == 1 && (base[0].kind == Kind::Symbol || base[0].kind == Kind::Number))
    nucleus = symbol(base[0], st, true);
  else
    nucleus = list(base, st);
  const bool limits =
      op && (base[0].limits == math::Limits::Limits || (base[0].limits == math::Limits::Default &&
                                                        base[0].limits_in_display && st.display()));
  // Primes: the font's prime glyphs are raised already and drawn for the base's size (their
  // script forms come with the `ssty` feature, which galley does not apply), so they follow
  // the nucleus at its size; what else the superscript holds goes after them.
  std::size_t primes = 0;
  while (primes < n.sup.size() && n.sup[primes].prime)
    ++primes;
  if (primes > 0) {
    std::string text;
    for (std::size_t i = 0; i < primes; ++i)
      text += n.sup[i].text;
    const MathBox marks = chars(text, st);
    nucleus.add(marks, nucleus.width + nucleus.italic, 0);
    nucleus.italic = 0;
  }
  const math::List rest(n.sup.begin() + static_cast<std::ptrdiff_t>(primes), n.sup.end());
  const bool has_sup = !rest.empty();
  MathBox sup, sub;
  if (has_sup)
    sup = list(rest, st.sup());
  if (n.has_sub)
    sub = list(n.sub, st.sub());

  MathBox out;
  if (limits) {
    // Limits above and below, centred, the upper moved right and the lower left by half the
    // italic correction (Appendix G, rule 13a; OpenType MATH UpperLimit*/LowerLimit*).
    const double w = std::max({nucleus.width, sup.width, sub.width});
    const double ic = nucleus.italic;
    out.add(nucleus, (w - nucleus.width) / 2, 0);
    out.width = w;
    if (has_sup) {
      const double rise =
          std::max(constant(HB_OT_MATH_CONSTANT_UPPER_LIMIT_GAP_MIN, st) + sup.depth,
                   constant(HB_OT_MATH_CONSTANT_UPPER_LIMIT_BASELINE_RISE_MIN, st));
      out.add(sup, (w - sup.width) / 2 + ic / 2, nucleus.height + rise);
    }
    if (n.has_sub) {
      const double drop =
          std::max(constant(HB_OT_MATH_CONSTANT_LOWER_LIMIT_GAP_MIN, st) + sub.height,
                   constant(HB_OT_MATH_CONSTANT_LOWER_LIMIT_BASELINE_DROP_MIN, st));
      out.add(sub, (w - sub.width) / 2 - ic / 2, -(nucleus.depth + drop));
    }
    return out;
  }

  // Appendix G, rule 18, with the MATH table's constants.
  const bool character = is_char(base);
  const MathStyle ss = st.sup();
  double u = character
                 ? 0
                 : nucleus.height -
                       font_.constant(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BASELINE_DROP_MAX, size(ss));
  double v = character
                 ? 0
                 : nucleus.depth +
                       font_.constant(HB_OT_MATH_CONSTANT_SUBSCRIPT_BASELINE_DROP_MIN, size(ss));
  if (has_sup) {
    u = std::max({u,
                  constant(st.cramped ? HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP_CRAMPED
                                      : HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP,
                           st),
                  sup.depth + constant(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BOTTOM_MIN, st)});
  }
  if (n.has_sub) {
    v = std::max({v, constant(HB_OT_MATH_CONSTANT_SUBSCRIPT_SHIFT_DOWN, st),
                  sub.height - constant(HB_OT_MATH_CONSTANT_SUBSCRIPT_TOP_MAX, st)});
  }
  if (has_sup && n.has_sub) {
    const double gap = (u - sup.depth) - (sub.height - v);
    const double min_gap = constant(HB_OT_MATH_CONSTANT_SUB_SUPERSCRIPT_GAP_MIN, st);
    if (gap < min_gap) {
      v += min_gap - gap;
      const double psi =
          constant(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BOTTOM_MAX_WITH_SUBSCRIPT, st) - (u - sup.depth);
      if (psi > 0) {
        u += psi;
        v -= psi;
      }
    }
  }
  // An operator's italic correction moves its subscript left; a letter's its superscript right.
  const double ic = nucleus.italic;
  const double sup_x = op ? nucleus.width : nucleus.width + ic;
  const double sub_x = op ? nucleus.width - ic : nucleus.width;
  out.add(nucleus, 0, 0);
  out.width = nucleus.width + (has_sup && !op ? ic : 0);
  if (has_sup)
    out.add(sup, sup_x, u);
  if (n.has_sub)
    out.add(sub, sub_x, -v);
  out.width += constant(HB_OT_MATH_CONSTANT_SPACE_AFTER_SCRIPT, st);
  return out;
}

Atom Typesetter::atom(const math::Node& n, MathStyle st) {
  Atom a;
  a.atom = n.atom;
  switch (n.kind) {
  case Kind::Symbol:
  case Kind::Number:
    a.box = symbol(n, st, false);
    break;
  case Kind::Text:
    a.box = text_(n.text, size(st), n.alphabet == math::Alphabet::Italic,
                  n.alphabet == math::Alphabet::Bold);
    a.atom = AtomClass::Ord;
    break;
  case Kind::Group:
    a.box = list(n.body, st);
    break;
  case Kind::Fraction:
    a.box = fraction(n, st);
    a.atom = AtomClass::Inner;
    break;
  case Kind::Radical:
    a.box = radical(n, st);
    a.atom = AtomClass::Ord;
    break;
  case Kind::Scripts:
    a.box = scripts(n, st, a.atom);
    break;
  case Kind::Fenced:
    a.box = fenced(n, st);
    a.atom = AtomClass::Inner;
    break;
  case Kind::BigDelim:
    a.box = big(n, st);
    break;
  case Kind::XArrow:
    a.box = xarrow(n, st);
    break;
  case Kind::Accent:
    a.box = accent(n, st);
    a.atom = n.brace ? AtomClass::Op : AtomClass::Ord;
    break;
  case Kind::Space:
    a.box.width = n.width * mu(st);
    a.glue = true;
    break;
  case Kind::Matrix:
    a.box = matrix(n, st);
    a.atom = n.text.empty() && n.close.empty() ? AtomClass::Ord : AtomClass::Inner;
    break;
  case Kind::StyleChange:
    break;
  }
  return a;
}

void Typesetter::atoms(const math::List& list, MathStyle st, std::vector<Atom>& out,
                       std::vector<MathStyle>& styles) {
  for (const math::Node& n : list) {
    if (n.kind == Kind::StyleChange) {
      atoms(n.body, MathStyle{n.style, st.cramped}, out, styles);
      continue;
    }
    out.push_back(atom(n, st));
    styles.push_back(st);
  }
}

MathBox Typesetter::list(const math::List& list, MathStyle st, std::vector<MathBreak>* breaks,
                         bool leading_ord) {
  std::vector<Atom> items;
  std::vector<MathStyle> styles;
  if (leading_ord) {
    items.push_back(Atom{});
    styles.push_back(st);
  }
  atoms(list, st, items, styles);
  // Binary operators where no operand precedes or follows are ordinary (Appendix G, rules 5
  // and 6): "-x", "(+)", "a = -b".
  int prev = -1;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].glue)
      continue;
    AtomClass& c = items[i].atom;
    if (c == AtomClass::Bin) {
      const AtomClass p = prev < 0 ? AtomClass::Open : items[static_cast<std::size_t>(prev)].atom;
      if (prev < 0 || p == AtomClass::Bin || p == AtomClass::Op || p == AtomClass::Rel ||
          p == AtomClass::Open || p == AtomClass::Punct)
        c = AtomClass::Ord;
    }
    if ((c == AtomClass::Rel || c == AtomClass::Close || c == AtomClass::Punct) && prev >= 0 &&
        items[static_cast<std::size_t>(prev)].atom == AtomClass::Bin)
      items[static_cast<std::size_t>(prev)].atom = AtomClass::Ord;
    prev = static_cast<int>(i);
  }
  if (prev >= 0 && items[static_cast<std::size_t>(prev)].atom == AtomClass::Bin)
    items[static_cast<std::size_t>(prev)].atom = AtomClass::Ord;

  MathBox out;
  prev = -1;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Atom& a = items[i];
    if (!a.glue && prev >= 0) {
      const Atom& p = items[static_cast<std::size_t>(prev)];
      const double space = spacing(p.atom, a.atom, styles[i], mu(styles[i]));
      if (breaks != nullptr && (p.atom == AtomClass::Rel || p.atom == AtomClass::Bin) &&
          a.atom != AtomClass::Rel && a.atom != AtomClass::Punct)
        breaks->push_back(
            MathBreak{out.width, space, p.atom == AtomClass::Rel ? kRelPenalty : kBinPenalty});
      out.width += space;
    }
    out.add(a.box, out.width, 0);
    if (!a.glue)
      prev = static_cast<int>(i);
  }
  if (items.size() == 1) {
    out.italic = items[0].box.italic;
    out.accent_x = items[0].box.accent_x;
  } else {
    out.accent_x = out.width / 2;
  }
  return out;
}

TypesetFormula typeset(const math::Formula& formula, const MathFont& font, double size,
                       const MathTextSetter& text) {
  Typesetter t(font, size, text);
  TypesetFormula out;
  const MathStyle st{formula.display ? math::Style::Display : math::Style::Text, false};
  out.box = t.list(formula.root, st, formula.display ? nullptr : &out.breaks);
  out.tag = formula.tag;
  return out;
}

} // namespace galley::layout::detail
