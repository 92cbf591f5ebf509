#include "text/collect.hpp"

#include "util/text_utils.hpp"

#include <unicode/uchar.h>

#include <algorithm>

namespace galley::text {
namespace {

constexpr char32_t kSoftHyphen = 0xAD;

/// A break between two letters of a word, without a hyphen, reads worse than any hyphenation:
/// ten times TeX's \hyphenpenalty, so that a cell breaks at its spaces and hyphens first.
constexpr double kLastResortPenalty = 500;

bool is_explicit_hyphen(char32_t cp) {
  return cp == '-' || cp == 0x2010 || cp == 0x2013;
}

bool is_ideographic(hb_script_t s) {
  return s == HB_SCRIPT_HAN || s == HB_SCRIPT_HIRAGANA || s == HB_SCRIPT_KATAKANA;
}

hb_language_t hb_lang(const std::string& language) {
  return hb_language_from_string(language.c_str(), static_cast<int>(language.size()));
}

/// Builds items for one paragraph; a class only to share state between its small steps.
class ItemBuilder {
public:
  ItemBuilder(const Collected& c, const PrepareOptions& o, TextContext& ctx)
      : c_(c), o_(o), ctx_(ctx), cps_(c.itemized.cps), lang_(hb_lang(c.language)) {}

  Prepared run() {
    out_.base_level = c_.itemized.base_level;
    if (!c_.styles.empty()) {
      out_.first_face = c_.styles.front().face;
      out_.em = c_.styles.front().size;
    }
    if (o_.first_indent > 0) {
      Piece indent;
      indent.style.level = out_.base_level;
      indent.width = o_.first_indent;
      add(Item::box(o_.first_indent), add_piece(indent));
    }
    size_t n = cps_.size();
    size_t i = 0;
    while (i < n) {
      if (cps_[i].cp == '\n') {
        end_paragraph_part(false);
        ++i;
        continue;
      }
      size_t j = i;
      while (j < n && !is_word_space(cps_[j].cp) && cps_[j].cp != '\n' &&
             !(j > i && cps_[j].break_before))
        ++j;
      size_t k = j;
      while (k < n && is_word_space(cps_[k].cp))
        ++k;
      word(i, j, k >= n || cps_[k].cp == '\n');
      if (k > j) {
        space(j, k);
      } else if (j < n && j > i && cps_[j].break_before) {
        opportunity(j);
      }
      i = k;
    }
    end_paragraph_part(true);
    return std::move(out_);
  }

private:
  int add_piece(const Piece& p) {
    out_.pieces.push_back(p);
    return static_cast<int>(out_.pieces.size() - 1);
  }
  void add(const Item& item, int piece) {
    out_.items.push_back(item);
    out_.item_piece.push_back(piece);
  }

  RunStyle style_of(const CodePoint& cp) const {
    const SpanStyle& s = c_.styles[static_cast<size_t>(cp.span)];
    return RunStyle{cp.face, s.size, s.color, s.tag, s.baseline_shift, cp.level, s.tracking};
  }
  std::uint32_t byte_end(size_t j) const {
    return j < cps_.size() ? cps_[j].byte : static_cast<std::uint32_t>(c_.text.size());
  }
  double scale(FaceId face, double size) const { return size / ctx_.fonts.info(face).units_per_em; }
  const ShapedWord& shape(const CodePoint& first, std::string_view text, bool rtl) {
    const SpanStyle& s = c_.styles[static_cast<size_t>(first.span)];
    ShapeContext sc{first.script, rtl, lang_};
    return ctx_.shaper.shape(ctx_.fonts, first.face, text, sc, s.features);
  }

  /// A word: one piece per run of equal span, face, level and script, and hyphenation points
  /// when the word is a single left-to-right piece. `last`: it ends the paragraph or a line
  /// that must end after it.
  void word(size_t i, size_t j, bool last) {
    size_t a = i;
    bool single = true;
    for (size_t b = i + 1; b <= j; ++b) {
      if (b < j && cps_[b].span == cps_[a].span && cps_[b].face == cps_[a].face &&
          cps_[b].level == cps_[a].level && cps_[b].script == cps_[a].script)
        continue;
      if (a == i && b != j)
        single = false;
      if (c_.styles[static_cast<size_t>(cps_[a].span)].object.id >= 0) {
        emit_object(cps_[a]);
        a = b;
        continue;
      }
      std::string_view text(c_.text.data() + cps_[a].byte, byte_end(b) - cps_[a].byte);
      bool rtl = (cps_[a].level & 1) != 0;
      const ShapedWord& w = shape(cps_[a], text, rtl);
      std::vector<size_t> points;
      if (single && b == j && !rtl)
        points = hyphen_points(i, j, last);
      emit_word_piece(cps_[a], w, points);
      a = b;
    }
  }

  /// Byte offsets (relative to the word) where a hyphen may go.
  std::vector<size_t> hyphen_points(size_t i, size_t j, bool last) {
    const SpanStyle& s = c_.styles[static_cast<size_t>(cps_[i].span)];
    std::vector<size_t> points;
    std::uint32_t begin = cps_[i].byte, end = byte_end(j);
    if (s.nobreak)
      return points;
    for (auto soft : c_.soft_hyphens) {
      if (soft > begin && soft < end)
        points.push_back(soft - begin);
    }
    // The last word is never split by the dictionary: a last line of half a word reads as a
    // mistake. TeX only discourages the hyphen before it, with \finalhyphendemerits (The
    // TeXbook, ch. 14), which loses to a paragraph that is otherwise much better.
    if (!points.empty() || !o_.hyphenate || !s.hyphenate || s.url || last)
      return points;
    // Like TeX, a word that already has a hyphen ("revenue-share") is only broken there.
    if (is_explicit_hyphen(cps_[j - 1].cp) || (i > 0 && is_explicit_hyphen(cps_[i - 1].cp)))
      return points;
    // The core of the word: letters between leading and trailing punctuation. Anything else
    // inside (digits, '/', '@', '.') means a URL, a number or code: never split those.
    size_t a = i, b = j;
    while (a < b && !u_isalpha(static_cast<UChar32>(cps_[a].cp)))
      ++a;
    while (b > a && !u_isalpha(static_cast<UChar32>(cps_[b - 1].cp)))
      --b;
    static const HyphenationOptions defaults;
    const HyphenationOptions& options = o_.hyphenation ? *o_.hyphenation : defaults;
    // A word shorter than both minimums has no point to find (a dictionary's own are 2 or more).
    if (static_cast<int>(b - a) < std::max(2, options.left_min) + std::max(2, options.right_min))
      return points;
    for (size_t k = a; k < b; ++k) {
      auto cp = static_cast<UChar32>(cps_[k].cp);
      if (!u_isalpha(cp) && cp != 0x2019 && cp != '\'')
        return points;
      // Capitals after the first letter: acronyms ("NASA") and names like "OpenAI".
      if (k > a && u_isupper(cp))
        return points;
    }
    std::string_view core(c_.text.data() + cps_[a].byte, byte_end(b) - cps_[a].byte);
    static const HyphenExceptions no_exceptions;
    auto found = ctx_.hyphenator.points(core, c_.language, options,
                                        o_.exceptions ? *o_.exceptions : no_exceptions, ctx_.diags,
                                        starts_sentence(i));
    for (size_t p : found)
      points.push_back(p + (cps_[a].byte - begin));
    return points;
  }

  /// Whether the word at code point `i` follows a sentence's end (before spaces and opening
  /// quotes or brackets). An abbreviation's period ("Dr. Okafor") counts too: the name after
  /// it may then be split, as any word starting a sentence may. The first word of a paragraph,
  /// often a table cell's or a heading's, is not taken for one: those are mostly names.
  bool starts_sentence(size_t i) const {
    auto skipped = [](char32_t c) {
      auto cp = static_cast<UChar32>(c);
      return is_word_space(c) || u_hasBinaryProperty(cp, UCHAR_QUOTATION_MARK) ||
             u_charType(cp) == U_START_PUNCTUATION;
    };
    size_t k = i;
    while (k > 0 && skipped(cps_[k - 1].cp))
      --k;
    if (k == 0)
      return false;
    const char32_t before = cps_[k - 1].cp;
    return before == '.' || before == '?' || before == '!' || before == 0x2026;
  }

  void emit_word_piece(const CodePoint& first, const ShapedWord& w,
                       const std::vector<size_t>& points) {
    RunStyle style = style_of(first);
    double sc = scale(style.face, style.size);
    auto count = static_cast<std::uint32_t>(w.glyphs.size());
    std::uint32_t start = 0;
    auto emit_box = [&](std::uint32_t end) {
      Piece p{style, &w, start, end, 0};
      std::int32_t units = 0;
      int advancing = 0; // tracking spaces glyphs that advance, not marks set on them
      for (std::uint32_t g = start; g < end; ++g) {
        units += w.glyphs[g].x_advance;
        advancing += w.glyphs[g].x_advance != 0;
      }
      p.width = units * sc + advancing * style.tracking;
      add(Item::box(p.width), add_piece(p));
      start = end;
    };
    for (size_t point : points) {
      // A hyphen can go only between clusters: a point inside a ligature ("of|fice" in the ffi
      // ligature) is skipped rather than breaking the ligature apart.
      std::uint32_t g = start;
      while (g < count && w.glyphs[g].cluster < point)
        ++g;
      if (g == start || g >= count || w.glyphs[g].cluster != point)
        continue;
      emit_box(g);
      const ShapedWord& hyphen = shape(first, "-", false);
      Piece hp{style, &hyphen, 0, static_cast<std::uint32_t>(hyphen.glyphs.size()),
               hyphen.advance * sc};
      add(Item::penalty_item(hp.width, o_.hyphen_penalty, true), add_piece(hp));
    }
    emit_box(count);
  }

  /// An inline object: a box of its width, and the break after it that it allows.
  void emit_object(const CodePoint& cp) {
    const InlineObject& o = c_.styles[static_cast<size_t>(cp.span)].object;
    Piece p{style_of(cp), nullptr, 0, 0, o.width, o.id, o.ascent, o.descent};
    add(Item::box(o.width), add_piece(p));
    if (!o.break_after)
      return;
    add(Item::penalty_item(0, o.penalty, false), -1);
    Piece space{style_of(cp), nullptr, 0, 0, o.space};
    add(Item::glue(o.space, 0, 0), add_piece(space));
  }

  /// Inter-word space: real space glyphs (so that text extraction finds them) whose advances
  /// take the justification.
  void space(size_t j, size_t k) {
    if (out_.items.empty() || out_.items.back().kind != ItemKind::Box)
      return;
    RunStyle style = style_of(cps_[j]);
    std::string spaces(k - j, ' ');
    const ShapedWord& w = shape(cps_[j], spaces, false);
    // Tracked text spaces its spaces too, as CSS letter-spacing does.
    Piece p{style, &w, 0, static_cast<std::uint32_t>(w.glyphs.size()),
            w.advance * scale(style.face, style.size) +
                static_cast<double>(w.glyphs.size()) * style.tracking};
    // TeX's cmr10 space is 3.33pt plus 1.67pt minus 1.11pt at 10pt: half and a third of the
    // space. Book faces have narrower spaces (EB Garamond: 0.2em), so the stretch is at least
    // TeX's em/6, or justified lines run out of stretch long before the tolerance does.
    double stretch = o_.justify ? std::max(p.width / 2, style.size / 6) : 0;
    double shrink = o_.justify ? p.width / 3 : 0;
    const SpanStyle& s = c_.styles[static_cast<size_t>(cps_[j].span)];
    bool breakable = k >= cps_.size() || cps_[k].break_before || cps_[k].cp == '\n' ||
                     !(s.nobreak && cps_[k].span == cps_[j].span);
    if (!breakable)
      add(Item::penalty_item(0, kInfinitePenalty, false), -1);
    add(Item::glue(p.width, stretch, shrink), add_piece(p));
  }

  /// A break opportunity without a space: after a hyphen, a URL or token separator, between
  /// ideographs, or anywhere in a span that breaks anywhere.
  void opportunity(size_t j) {
    const CodePoint& before = cps_[j - 1];
    if (is_explicit_hyphen(before.cp)) {
      add(Item::penalty_item(0, o_.ex_hyphen_penalty, true), -1);
    } else if (cps_[j].last_resort) {
      add(Item::penalty_item(0, kLastResortPenalty, false), -1);
    } else if (is_ideographic(before.script) || is_ideographic(cps_[j].script)) {
      double size = c_.styles[static_cast<size_t>(before.span)].size;
      add(Item::glue(0, o_.justify ? size / 10 : 0, 0), -1);
    } else {
      add(Item::penalty_item(0, 0, false), -1);
    }
  }

  /// Ends a line that must end here ('\n') or the paragraph: trailing space goes, fil glue
  /// takes the slack so that the line is not stretched (TeX's \parfillskip).
  void end_paragraph_part(bool paragraph_end) {
    while (!out_.items.empty() && out_.items.back().kind != ItemKind::Box &&
           !(out_.items.back().kind == ItemKind::Penalty &&
             out_.items.back().penalty <= -kInfinitePenalty)) {
      out_.items.pop_back();
      out_.item_piece.pop_back();
    }
    if (paragraph_end && out_.items.empty())
      return;
    add(Item::penalty_item(0, kInfinitePenalty, false), -1);
    add(Item::glue(0, 0, 0, 1), -1);
    add(Item::penalty_item(0, -kInfinitePenalty, false), -1);
  }

  const Collected& c_;
  const PrepareOptions& o_;
  TextContext& ctx_;
  const std::vector<CodePoint>& cps_;
  hb_language_t lang_;
  Prepared out_;
};

} // namespace

Collected collect(const std::vector<Span>& spans, const std::string& language, bool find_breaks,
                  TextContext& ctx) {
  Collected c;
  c.language = language;
  for (const Span& span : spans) {
    SpanRange range;
    range.begin = static_cast<std::uint32_t>(c.text.size());
    // An object stands in the text as a WORD JOINER: no glyph, no break on either side.
    const std::string_view text = span.object.id >= 0 ? std::string_view("\u2060") : span.text;
    for (size_t i = 0; i < text.size();) {
      size_t at = i;
      char32_t cp = next_code_point(text, i);
      if (cp == kSoftHyphen) {
        c.soft_hyphens.push_back(static_cast<std::uint32_t>(c.text.size()));
        continue;
      }
      c.text.append(text, at, i - at);
    }
    range.end = static_cast<std::uint32_t>(c.text.size());
    range.face = ctx.fonts.resolve(span.font, ctx.diags);
    range.url = span.url;
    range.nobreak = span.nobreak;
    range.word_break = span.word_break;
    range.loc = span.loc;
    c.ranges.push_back(range);
    SpanStyle style;
    style.face = range.face;
    style.size = span.size;
    style.color = span.color;
    style.tag = span.tag;
    style.baseline_shift = span.baseline_shift;
    style.tracking = span.tracking;
    style.features = ctx.shaper.feature_set(span.features);
    style.hyphenate = span.hyphenate;
    style.nobreak = span.nobreak;
    style.url = span.url;
    style.object = span.object;
    c.styles.push_back(style);
  }
  if (!c.ranges.empty())
    c.itemized =
        ctx.itemizer.itemize(c.text, c.ranges, language, find_breaks, ctx.fonts, ctx.diags);
  return c;
}

Prepared prepare(const Collected& collected, const PrepareOptions& options, TextContext& ctx) {
  return ItemBuilder(collected, options, ctx).run();
}

} // namespace galley::text
