#include "layout/context.hpp"

#include "layout/math.hpp"

#include "util/text_utils.hpp"

#include <algorithm>
#include <cmath>
#include <type_traits>

namespace galley::layout::detail {

Geometry page_geometry(const style::Style& style) {
  Geometry g;
  g.page_width = style.page.width;
  g.page_height = style.page.height;
  g.bleed = style.page.bleed;
  g.top = style.page.margins.top;
  g.bottom = style.page.margins.bottom;
  g.inner = style.page.margins.inner;
  g.outer = style.page.margins.outer;
  g.facing = style.page.facing;
  g.columns = std::max(1, style.page.columns);
  g.gutter = style.page.gutter;
  return g;
}

std::string ArticleContext::note_anchor(int note) const {
  return key + "-note-" + std::to_string(article.notes[static_cast<std::size_t>(note)].number);
}

std::string ArticleContext::ref_anchor(int note, int occurrence) const {
  std::string s =
      key + "-ref-" + std::to_string(article.notes[static_cast<std::size_t>(note)].number);
  return occurrence > 1 ? s + "-" + std::to_string(occurrence) : s;
}

int ArticleContext::image(const std::string& path) {
  auto [it, added] = image_index.emplace(path, static_cast<int>(images.size()));
  if (added) images.push_back(ImageResource{path});
  return it->second;
}

std::uint32_t rgb(const style::Color& c) {
  return (std::uint32_t{c.r} << 16) | (std::uint32_t{c.g} << 8) | c.b;
}

text::FontRequest font_of(const style::Look& look) {
  return {look.font.family, look.weight, look.italic};
}

InlineLook inline_look(const style::Look& look) {
  InlineLook l;
  l.font = font_of(look);
  l.features = look.font.features;
  l.size = look.size;
  l.color = rgb(look.color);
  l.tracking = look.tracking * look.size;
  l.hyphenate = false;
  return l;
}

Rgb to_rgb(const style::Color& c) { return Rgb{c.r, c.g, c.b}; }

Rgb to_rgb(std::uint32_t c) {
  return Rgb{static_cast<std::uint8_t>(c >> 16), static_cast<std::uint8_t>(c >> 8),
             static_cast<std::uint8_t>(c)};
}

double baseline_in(double leading, double size) { return (leading - size) / 2 + 0.78 * size; }

namespace {

int tag_for(ArticleContext& ctx, const InlineLook& look) {
  if (look.uri.empty() && !look.strike && !look.underline && !look.mark && look.lang.empty())
    return -1;
  for (std::size_t i = 0; i < ctx.tags.size(); ++i) {
    const Tag& t = ctx.tags[i];
    if (t.note < 0 && t.uri == look.uri && t.strike == look.strike &&
        t.underline == look.underline && t.mark == look.mark && t.lang == look.lang)
      return static_cast<int>(i);
  }
  ctx.tags.push_back(Tag{look.uri, -1, 0, look.strike, look.underline, look.mark, look.lang});
  return static_cast<int>(ctx.tags.size()) - 1;
}

text::Span span(ArticleContext& ctx, std::string s, const InlineLook& look) {
  text::Span sp;
  sp.text = std::move(s);
  sp.font = look.font;
  sp.size = look.size;
  sp.features = look.features;
  sp.color = look.color;
  sp.tracking = look.tracking;
  sp.baseline_shift = look.rise;
  sp.hyphenate = look.hyphenate && !look.code;
  sp.tag = tag_for(ctx, look);
  return sp;
}

bool looks_like_url(const std::string& s) {
  return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0 || s.rfind("www.", 0) == 0;
}

void add_text(ArticleContext& ctx, std::string s, const InlineLook& look,
              std::vector<text::Span>& out) {
  if (s.empty()) return;
  // Merge with the previous span when the look is the same: fewer shaping calls, and kerning
  // across what the source split (soft breaks) is kept.
  text::Span sp = span(ctx, std::move(s), look);
  if (!out.empty()) {
    text::Span& prev = out.back();
    if (prev.tag == sp.tag && prev.font.family == sp.font.family &&
        prev.font.weight == sp.font.weight && prev.font.italic == sp.font.italic &&
        prev.size == sp.size && prev.color == sp.color && prev.features == sp.features &&
        prev.tracking == sp.tracking && prev.hyphenate == sp.hyphenate &&
        prev.baseline_shift == sp.baseline_shift && !prev.nobreak && !prev.url && !sp.url) {
      prev.text += sp.text;
      return;
    }
  }
  out.push_back(std::move(sp));
}

} // namespace

namespace {
/// An HTML phrase element (model::Span) in its look. A language of its own becomes the /Lang of
/// its text in the PDF's structure; the paragraph is still shaped and hyphenated in one.
void append_span(ArticleContext& ctx, const model::Span& v, const InlineLook& look,
                 std::vector<text::Span>& out) {
  InlineLook l = look;
  if (!v.lang.empty() && v.lang != ctx.article.meta.language) l.lang = v.lang;
  switch (v.kind) {
  case model::SpanKind::Keyboard:
  case model::SpanKind::Sample:
    l.font = font_of(ctx.looks.code);
    l.features = ctx.looks.code.font.features;
    l.size = look.size * ctx.looks.inline_code_scale;
    l.code = true;
    break;
  case model::SpanKind::Mark:
    l.mark = true;
    break;
  case model::SpanKind::Underline:
    l.underline = true;
    break;
  case model::SpanKind::Small:
    l.size = look.size * ctx.looks.small_scale;
    break;
  case model::SpanKind::Quote:
    add_text(ctx, "\u201C", look, out);
    append_spans(ctx, v.children, l, out);
    add_text(ctx, "\u201D", look, out);
    return;
  case model::SpanKind::Plain:
  case model::SpanKind::Abbreviation:
    break;
  }
  append_spans(ctx, v.children, l, out);
}

/// Inline code: the code face at the inline scale, never hyphenated.
void add_code(ArticleContext& ctx, const std::string& code, const InlineLook& look,
              std::vector<text::Span>& out) {
  InlineLook l = look;
  l.font = font_of(ctx.looks.code);
  l.features = ctx.looks.code.font.features;
  l.size = look.size * ctx.looks.inline_code_scale;
  l.code = true;
  text::Span sp = span(ctx, code, l);
  sp.hyphenate = false;
  out.push_back(std::move(sp));
}
} // namespace

void append_spans(ArticleContext& ctx, const model::Inlines& inlines, const InlineLook& look,
                  std::vector<text::Span>& out) {
  const style::Style& st = ctx.style;
  for (const model::Inline& in : inlines) {
    const std::size_t first = out.size();
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, model::Text>) {
            add_text(ctx, v.text, look, out);
          } else if constexpr (std::is_same_v<T, model::SoftBreak>) {
            add_text(ctx, " ", look, out);
          } else if constexpr (std::is_same_v<T, model::LineBreak>) {
            add_text(ctx, "\n", look, out);
          } else if constexpr (std::is_same_v<T, model::Emphasis>) {
            InlineLook l = look;
            l.font.italic = !look.font.italic;
            append_spans(ctx, v.children, l, out);
          } else if constexpr (std::is_same_v<T, model::Strong>) {
            InlineLook l = look;
            l.font.weight = 700;
            append_spans(ctx, v.children, l, out);
          } else if constexpr (std::is_same_v<T, model::Strikethrough>) {
            InlineLook l = look;
            l.strike = true;
            append_spans(ctx, v.children, l, out);
          } else if constexpr (std::is_same_v<T, model::Code>) {
            add_code(ctx, v.text, look, out);
          } else if constexpr (std::is_same_v<T, model::Math>) {
            append_math(ctx, v, in.loc, look, out);
          } else if constexpr (std::is_same_v<T, model::Link>) {
            InlineLook l = look;
            // A `#id` that names no anchor would be a dead link (and a dangling /Dest, which
            // PDF 32000-1 12.3.2.3 does not allow): the text stays, unlinked.
            bool dangling = !v.url.empty() && v.url.front() == '#' &&
                            ctx.anchors.count(v.url.substr(1)) == 0;
            if (dangling) {
              ctx.diags.warning(in.loc, model::unknown_fragment_message(v.url.substr(1)));
              append_spans(ctx, v.children, look, out);
              return;
            }
            l.uri = v.url;
            l.color = rgb(st.colors.link);
            std::size_t first = out.size();
            append_spans(ctx, v.children, l, out);
            // Autolinks and bare URLs may break after '/', '.', '-' instead of overflowing.
            for (std::size_t i = first; i < out.size(); ++i)
              if (looks_like_url(out[i].text)) {
                out[i].url = true;
                out[i].hyphenate = false;
              }
          } else if constexpr (std::is_same_v<T, model::Image>) {
            // Inline images are not placed in the text: their alt text stands in.
            InlineLook l = look;
            l.font.italic = !look.font.italic;
            add_text(ctx, v.alt.empty() ? std::string("[image]") : "[" + v.alt + "]", l, out);
          } else if constexpr (std::is_same_v<T, model::NoteRef>) {
            const model::Note* note = model::find_note(ctx.article, v.id);
            if (note == nullptr) {
              ctx.diags.warning(in.loc, "note '" + v.id + "' is not defined");
              return;
            }
            int index = static_cast<int>(note - ctx.article.notes.data());
            text::Span sp;
            sp.text = std::to_string(ctx.shown_number(*note));
            sp.font = look.font;
            sp.font.italic = false;
            sp.font.weight = 400;
            sp.size = look.size * ctx.looks.marker_scale;
            sp.baseline_shift = look.size * ctx.looks.marker_rise;
            sp.color = look.in_note ? look.color : rgb(st.colors.accent);
            sp.hyphenate = false;
            sp.nobreak = true;
            if (!look.in_note) {
              int occurrence = ++ctx.note_cites[static_cast<std::size_t>(index)];
              ctx.tags.push_back(Tag{"", index, occurrence, false});
              sp.tag = static_cast<int>(ctx.tags.size()) - 1;
            }
            out.push_back(std::move(sp));
          } else if constexpr (std::is_same_v<T, model::RawInline>) {
            // Raw HTML has no print form; its text is dropped.
          } else if constexpr (std::is_same_v<T, model::Superscript> ||
                               std::is_same_v<T, model::Subscript>) {
            // Scaled and shifted as note markers are: the body faces have no sups/subs glyphs
            // for letters, and one way for both keeps a superscript and a marker alike.
            InlineLook l = look;
            l.size = look.size * ctx.looks.marker_scale;
            l.rise = look.rise + (std::is_same_v<T, model::Superscript>
                                      ? look.size * ctx.looks.marker_rise
                                      : -look.size * ctx.looks.subscript_drop);
            append_spans(ctx, v.children, l, out);
          } else if constexpr (std::is_same_v<T, model::Span>) {
            append_span(ctx, v, look, out);
          }
        },
        in.value);
    // Children set their own place first; the rest come from this inline. The model outlives
    // the layout of the paragraph.
    if (in.loc.line > 0)
      for (std::size_t i = first; i < out.size(); ++i)
        if (out[i].loc == nullptr) out[i].loc = &in.loc;
  }
}

std::string upper_case(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = next_code_point(s, i);
    if (c >= U'a' && c <= U'z') c -= 0x20;
    else if (c >= 0xE0 && c <= 0xFE && c != 0xF7) c -= 0x20;
    else if (c >= 0x100 && c <= 0x17F && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x17F) {
      // Latin Extended-A pairs capital/small, the capital first, except 0x139-0x148 and
      // 0x179-0x17E where the small letter is even.
      bool odd_small = !((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E));
      if ((c % 2 == 1) == odd_small) c -= 1;
    }
    append_utf8(out, c);
  }
  return out;
}

void translate(Item& item, double dx, double dy) {
  std::visit(
      [&](auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, RuleItem>) {
          v.x1 += dx, v.x2 += dx, v.y1 += dy, v.y2 += dy;
        } else {
          v.x += dx, v.y += dy;
        }
      },
      item);
}

ElementScope::ElementScope(ArticleContext& ctx, std::string type, int parent)
    : ctx_(ctx), saved_(ctx.element), id_(static_cast<int>(ctx.structure.size())) {
  ctx.structure.push_back(
      StructElement{std::move(type), parent == -2 ? ctx.element : parent, {}, {}, false});
  ctx.element = id_;
}

GlyphRun make_run(const text::LineRun& run, double x, double baseline) {
  GlyphRun g;
  g.font = run.face;
  g.size = run.size;
  g.color = to_rgb(run.color);
  g.x = x + run.x;
  g.y = baseline - run.baseline_shift;
  g.glyphs.reserve(run.glyphs.size());
  double pen = 0;
  for (const text::PositionedGlyph& pg : run.glyphs) {
    g.glyphs.push_back(pg.glyph, pg.advance, pg.x - pen, pg.y_offset, pg.text);
    pen += pg.advance;
  }
  return g;
}

namespace {
/// The words that start on `line`, as model::word_starts counts them in the text the EPUB
/// holds: note markers are left out (the EPUB's are links apart from the text). `in_word`:
/// whether the line before ended inside a word, updated for the line after.
int words_on(const ArticleContext& ctx, const text::Line& line, bool& in_word) {
  in_word = in_word && line.continues;
  std::string text;
  for (const text::LineRun& run : line.runs) {
    if (run.tag >= 0 && static_cast<std::size_t>(run.tag) < ctx.tags.size() &&
        ctx.tags[static_cast<std::size_t>(run.tag)].note >= 0)
      continue;
    for (const text::PositionedGlyph& g : run.glyphs) text += g.text;
  }
  return static_cast<int>(model::word_starts(text, in_word).size());
}
} // namespace

void emit_line(ArticleContext& ctx, const text::Line& line, double x, double baseline,
               VBox& box) {
  if (ctx.source.block >= 0) {
    if (box.source.block < 0) box.source = ctx.source;
    ctx.source.word += words_on(ctx, line, ctx.source_in_word);
  }
  for (const text::LineRun& run : line.runs) {
    if (run.object >= 0) {
      emit_math(ctx, run, x, baseline, box);
      continue;
    }
    if (run.glyphs.empty()) continue;
    bool tagged = run.tag >= 0 && static_cast<std::size_t>(run.tag) < ctx.tags.size();
    double left = x + run.x;
    double top = baseline - run.baseline_shift - run.size * 0.8;
    double height = run.size * 1.05;
    // The highlight goes first so that the glyphs are drawn over it.
    if (tagged && ctx.tags[static_cast<std::size_t>(run.tag)].mark)
      box.items.emplace_back(RectItem{left, top, run.width, height, to_rgb(ctx.looks.mark_ground)});
    // Items pushed below may move the run: it is found again by its index.
    const std::size_t at = box.items.size();
    box.items.emplace_back(make_run(run, x, baseline));
    auto element_of_run = [&]() -> int& { return std::get<GlyphRun>(box.items[at]).element; };
    element_of_run() = ctx.element;
    if (!tagged) continue;
    const Tag& tag = ctx.tags[static_cast<std::size_t>(run.tag)];
    // A passage in another language is a Span with its /Lang (PDF 32000-1 14.9.2.1, ISO
    // 14289-1 7.2), holding what else the run is (a link, a note marker).
    std::optional<ElementScope> passage;
    if (!tag.lang.empty()) {
      passage.emplace(ctx, "Span");
      passage->element().lang = tag.lang;
      element_of_run() = passage->id();
    }
    // A note's marker is the Reference of its Note (PDF 32000-1 14.8.4.4.1; ISO 14289-1 7.9),
    // and a Link inside it, as every link is (ISO 14289-1 7.18.5).
    if (tag.note >= 0) {
      ElementScope reference(ctx, "Reference");
      element_of_run() = ElementScope(ctx, "Link").id();
    }
    if (tag.underline) {
      double y = baseline - run.baseline_shift + run.size * ctx.looks.underline_drop;
      box.items.emplace_back(RuleItem{left, y, left + run.width, y, run.size * 0.06,
                                      to_rgb(run.color)});
    }
    if (tag.strike) {
      double y = baseline - run.baseline_shift - run.size * 0.28;
      box.items.emplace_back(RuleItem{left, y, left + run.width, y, run.size * 0.06,
                                      to_rgb(run.color)});
    }
    if (!tag.uri.empty()) {
      // `#id` names a heading of this article: a link to the anchor blocks.cpp sets there.
      bool fragment = tag.uri.front() == '#';
      std::string uri = fragment ? std::string() : tag.uri;
      std::string dest = fragment ? ctx.key + "-" + tag.uri.substr(1) : std::string();
      // Adjacent runs of one link on one line make one area, and one Link element.
      if (!box.items.empty()) {
        for (auto it = box.items.rbegin(); it != box.items.rend(); ++it) {
          auto* link = std::get_if<LinkItem>(&*it);
          if (link == nullptr) continue;
          if (link->uri == uri && link->dest == dest && std::abs(link->x + link->width - left) < 0.5 &&
              std::abs(link->y - top) < 2) {
            link->width = left + run.width - link->x;
            element_of_run() = link->element;
            height = -1;
          }
          break;
        }
      }
      if (height > 0) {
        const int element = ElementScope(ctx, "Link").id();
        element_of_run() = element;
        box.items.emplace_back(LinkItem{left, top, run.width, height, uri, dest, element});
      }
    }
    if (tag.note >= 0) {
      const int element = element_of_run();
      box.items.emplace_back(LinkItem{left - 1, top - 1, run.width + 2, height + 2, "",
                                      ctx.note_anchor(tag.note), element});
      // Every marker is a destination, so a note repeated on a later page links back to the
      // marker on its own page.
      box.items.emplace_back(
          AnchorItem{ctx.ref_anchor(tag.note, tag.occurrence), left, top - line.ascent * 0.5});
      bool seen = false;
      for (const NoteCite& c : box.notes) seen = seen || c.note == tag.note;
      if (!seen) box.notes.push_back(NoteCite{tag.note, tag.occurrence});
    }
  }
}

text::ParagraphSpec paragraph_spec(const ArticleContext& ctx, std::vector<text::Span> spans,
                                   double width, bool justify) {
  const style::TextStyle& t = ctx.style.text;
  text::ParagraphSpec spec;
  spec.spans = std::move(spans);
  spec.language = ctx.article.meta.language;
  spec.align = justify && t.align == style::Align::Justify ? text::Alignment::Justify
                                                           : text::Alignment::Left;
  spec.width = width;
  spec.hyphenation.enabled = t.hyphenate;
  spec.hyphenation.left_min = t.hyphen_left;
  spec.hyphenation.right_min = t.hyphen_right;
  spec.hyphenation.narrow_min = t.hyphen_narrow_minimum;
  spec.hyphenation.uc_hyphen = t.uc_hyphen;
  spec.params.hyphen_limit = t.hyphen_limit;
  spec.params.double_hyphen_demerits = t.double_hyphen_demerits;
  spec.params.final_hyphen_demerits = t.final_hyphen_demerits;
  spec.params.emergency_stretch_em = t.emergency_stretch / t.size;
  spec.hyphenation.exceptions = t.exceptions;
  return spec;
}

text::Span plain_span(const std::string& s, const text::FontRequest& font, double size,
                      std::uint32_t color, const std::vector<std::string>& features) {
  text::Span sp;
  sp.text = s;
  sp.font = font;
  sp.size = size;
  sp.color = color;
  sp.features = features;
  sp.hyphenate = false;
  return sp;
}

} // namespace galley::layout::detail
