#include "layout/blocks.hpp"
#include "layout/list_numbers.hpp"
#include "layout/math.hpp"
#include "text/direction.hpp"

#include <algorithm>
#include <optional>
#include <type_traits>

namespace galley::layout::detail {

InlineLook body_look(const ArticleContext& ctx) {
  InlineLook look = inline_look(ctx.looks.body);
  look.hyphenate = ctx.style.text.hyphenate;
  return look;
}

text::Line shape_line(ArticleContext& ctx, const std::string& s, const text::FontRequest& font,
                      double size, std::uint32_t color, const std::vector<std::string>& features) {
  return ctx.engine.layout_line({plain_span(s, font, size, color, features)},
                                ctx.article.meta.language, ctx.diags);
}

text::ParagraphLayout balanced(ArticleContext& ctx, text::ParagraphSpec& spec) {
  double width = spec.width;
  text::ParagraphLayout best = ctx.engine.layout_balanced(spec, width, ctx.diags);
  spec.width = width;
  return best;
}

int add_lines(ArticleContext& ctx, const text::ParagraphSpec& spec, double x, double leading,
              double size, VList& out) {
  return add_lines(ctx, ctx.engine.layout_paragraph(spec, ctx.diags), x, leading, size, out);
}

int add_lines(ArticleContext& ctx, const text::ParagraphLayout& pl, double x, double leading,
              double size, VList& out) {
  const std::size_t n = pl.lines.size();
  int first = -1;
  const double base = baseline_in(leading, size);
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) {
      // Club and widow lines (The TeXbook, ch. 14: \clubpenalty, \widowpenalty) and a broken
      // word across pages are discouraged, not forbidden: the page builder weighs them against
      // a short page.
      int p = 0;
      if (i == 1) p += ctx.style.pages.club_penalty;
      if (i == n - 1) p += ctx.style.pages.widow_penalty;
      if (pl.lines[i - 1].hyphenated) p += kBrokenPenalty;
      out.penalty(p);
    }
    VBox box;
    box.height = leading;
    box.baseline = base;
    box.on_grid = ctx.style.text.baseline_grid && leading == ctx.style.text.leading;
    // A formula taller or deeper than the line's box makes the box grow, as TeX's \lineskip
    // keeps lines apart.
    double ascent = 0, descent = 0;
    math_extent(ctx, pl.lines[i], ascent, descent);
    if (ascent > box.baseline || descent > box.height - box.baseline) {
      const double below = std::max(box.height - box.baseline, descent);
      box.baseline = std::max(box.baseline, ascent);
      box.height = box.baseline + below;
      box.on_grid = false;
    }
    emit_line(ctx, pl.lines[i], x, box.baseline, box);
    if (first < 0) first = static_cast<int>(out.boxes.size());
    out.box(std::move(box));
  }
  ctx.tags.clear();
  return first;
}

namespace {


void layout_paragraph(ArticleContext& ctx, const model::Paragraph& p, const BlockFrame& frame,
                      bool indent, VList& out) {
  if (has_display_math(p))
    return layout_math_paragraph(ctx, p, frame, indent, out);
  std::vector<text::Span> spans;
  append_spans(ctx, p.content, body_look(ctx), spans);
  if (spans.empty()) return;
  text::ParagraphSpec spec = paragraph_spec(ctx, std::move(spans), frame.width, true);
  spec.first_indent = indent ? ctx.style.text.indent : 0;
  spec.params.looseness = ctx.looseness;
  add_lines(ctx, spec, frame.x, ctx.style.text.leading, ctx.style.text.size, out);
}

/// A check box drawn with rules, so it needs no symbol font.
/// A task box's side, in ems of the text.
constexpr double kTaskBox = 0.62;

void task_box(bool checked, double x, double baseline, double size, Rgb color,
              std::vector<Item>& items) {
  double s = size * kTaskBox, top = baseline - s, w = 0.5;
  items.emplace_back(RuleItem{x, top, x + s, top, w, color});
  items.emplace_back(RuleItem{x, baseline, x + s, baseline, w, color});
  items.emplace_back(RuleItem{x, top, x, baseline, w, color});
  items.emplace_back(RuleItem{x + s, top, x + s, baseline, w, color});
  if (checked) {
    items.emplace_back(RuleItem{x + s * 0.2, top + s * 0.55, x + s * 0.42, baseline - s * 0.18,
                                w * 1.6, color});
    items.emplace_back(RuleItem{x + s * 0.42, baseline - s * 0.18, x + s * 0.85, top + s * 0.2,
                                w * 1.6, color});
  }
}

/// The frame of a list's items (and of definitions): the list indent in from the side the text
/// starts on, right-to-left text from the right. Deep nesting stops indenting once a third of
/// the measure is left. `indent` gets the indent given.
BlockFrame list_content(const ArticleContext& ctx, const BlockFrame& frame, double& indent) {
  const style::TextStyle& t = ctx.style.text;
  indent = frame.width - t.list_indent >= ctx.measure / 3 ? t.list_indent : 0;
  BlockFrame inner = frame;
  inner.x = text::right_to_left(ctx.article.meta.language) ? frame.x : frame.x + indent;
  inner.width = frame.width - indent;
  inner.list_depth = frame.list_depth + 1;
  return inner;
}

void layout_list(ArticleContext& ctx, const model::List& list, const BlockFrame& frame,
                 VList& out) {
  const style::TextStyle& t = ctx.style.text;
  static const char* const bullets[] = {"\u2022", "\u2013", "\u25E6"};
  double indent = 0;
  BlockFrame inner = list_content(ctx, frame, indent);
  // Right-to-left text has its markers on the right.
  const bool rtl = text::right_to_left(ctx.article.meta.language);
  inner.tight = list.tight;
  InlineLook look = body_look(ctx);
  int number = list.start;
  for (const model::ListItem& item : list.items) {
    out.penalty(0);
    if (!list.tight) out.glue(ctx.looks.loose_item);
    std::size_t before = out.boxes.size();
    // L > LI > Lbl, LBody (14.8.4.3.3): the label first in reading order, though it is set last.
    ElementScope li(ctx, "LI");
    const int label = ElementScope(ctx, "Lbl").id();
    {
      ElementScope body(ctx, "LBody");
      layout_blocks(ctx, item.blocks, inner, out);
    }
    if (out.boxes.size() == before) {
      VBox empty;
      empty.height = t.leading;
      empty.baseline = baseline_in(t.leading, t.size);
      out.box(std::move(empty));
    }
    VBox& first = out.boxes[before];
    double baseline = first.baseline > 0 ? first.baseline : baseline_in(t.leading, t.size);
    if (item.checked.has_value()) {
      const double margin = std::max(indent, t.list_indent) - 2;
      const double box_x = rtl ? inner.x + inner.width + margin - t.size * kTaskBox
                               : inner.x - margin;
      task_box(*item.checked, box_x, baseline, t.size, to_rgb(look.color), first.items);
    } else {
      std::string marker = list.kind == model::ListKind::Ordered
                               ? list_number(list.numbering, number) + "."
                               : bullets[std::min(frame.list_depth, 2)];
      text::Line line = shape_line(ctx, marker, look.font, t.size, rgb(ctx.style.colors.accent),
                                   look.features);
      double w = 0;
      for (const auto& r : line.runs) w += r.width;
      const double marker_x = rtl ? inner.x + inner.width + 5 : inner.x - 5 - w;
      for (const auto& r : line.runs) {
        GlyphRun run = make_run(r, marker_x, baseline);
        run.element = label;
        first.items.emplace_back(std::move(run));
      }
    }
    ++number;
  }
  out.penalty(0);
}

void layout_quote(ArticleContext& ctx, const model::BlockQuote& q, const BlockFrame& frame,
                  VList& out) {
  const style::TextStyle& t = ctx.style.text;
  BlockFrame inner = frame;
  const double indent = frame.width - 2 * t.quote_indent >= ctx.measure / 3 ? t.quote_indent : 0;
  inner.x = frame.x + indent;
  inner.width = frame.width - 2 * indent;
  out.penalty(0);
  out.glue(ctx.looks.quote.before);
  std::size_t before = out.boxes.size();
  layout_blocks(ctx, q.blocks, inner, out);
  // A rule beside every line: the segments meet, so the rule follows the quote across pages.
  Rgb accent{ctx.style.colors.accent.r, ctx.style.colors.accent.g, ctx.style.colors.accent.b};
  double rx = frame.x + indent * 0.4;
  for (std::size_t i = before; i < out.boxes.size(); ++i) {
    VBox& b = out.boxes[i];
    b.items.emplace_back(RuleItem{rx, 0, rx, b.height, 1.2, accent});
  }
  out.penalty(0);
  out.glue(ctx.looks.quote.after);
}

/// Each term in the body face's bold, kept with the first lines of its definitions, which are
/// indented as list items are.
void layout_definitions(ArticleContext& ctx, const model::DefinitionList& list,
                        const BlockFrame& frame, VList& out) {
  const style::TextStyle& t = ctx.style.text;
  double indent = 0;
  const BlockFrame inner = list_content(ctx, frame, indent);
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    const model::DefinitionItem& item = list.items[i];
    out.penalty(0);
    if (i > 0) out.glue(t.paragraph_spacing);
    InlineLook look = body_look(ctx);
    look.font.weight = 700;
    std::vector<text::Span> spans;
    append_spans(ctx, item.term, look, spans);
    // A term is the label of its item, the definitions its body (14.8.4.3.3).
    ElementScope li(ctx, "LI");
    if (!spans.empty()) {
      ElementScope term(ctx, "Lbl");
      text::ParagraphSpec spec = paragraph_spec(ctx, std::move(spans), frame.width, false);
      out.keep_next(1000);
      add_lines(ctx, spec, frame.x, t.leading, t.size, out);
      out.end_keep();
      out.keep_next(2);
    }
    ElementScope body(ctx, "LBody");
    for (const model::Blocks& definition : item.definitions)
      layout_blocks(ctx, definition, inner, out);
  }
  out.penalty(0);
}

void layout_rule(ArticleContext& ctx, const BlockFrame& frame, VList& out) {
  const style::TextStyle& t = ctx.style.text;
  out.penalty(0);
  out.glue(ctx.looks.thematic_break.before);
  VBox box;
  box.height = t.leading;
  double mid = frame.x + frame.width / 2;
  Rgb c{ctx.style.colors.rule.r, ctx.style.colors.rule.g, ctx.style.colors.rule.b};
  box.items.emplace_back(RuleItem{mid - 36, t.leading / 2, mid + 36, t.leading / 2, 0.6, c});
  out.box(std::move(box));
  out.penalty(0);
  out.glue(ctx.looks.thematic_break.after);
}

} // namespace

void layout_heading(ArticleContext& ctx, const model::Heading& h, const BlockFrame& frame,
                    VList& out) {
  int level = std::clamp(h.level, 1, 6);
  const style::HeadingStyle& hs = ctx.style.headings[level - 1];
  std::string title = model::plain_text(h.content);
  std::string prefix;
  if (hs.numbered) {
    ++ctx.heading_numbers[level - 1];
    for (int i = level; i < 6; ++i) ctx.heading_numbers[i] = 0;
    for (int i = 0; i < level; ++i) prefix += std::to_string(ctx.heading_numbers[i]) + ".";
    prefix += " ";
  }
  InlineLook look = inline_look(ctx.looks.headings[level - 1]);
  if (hs.text_case == style::TextCase::SmallCaps) look.features.push_back("smcp");
  std::vector<text::Span> spans;
  if (!prefix.empty()) {
    InlineLook num = look;
    num.color = rgb(ctx.style.colors.accent);
    append_spans(ctx, {model::Inline{model::Text{prefix}, {}}}, num, spans);
  }
  append_spans(ctx, h.content, look, spans);
  if (hs.text_case == style::TextCase::Upper)
    for (text::Span& s : spans) s.text = upper_case(s.text);
  text::ParagraphSpec spec = paragraph_spec(ctx, std::move(spans), frame.width, false);
  spec.hyphenation.enabled = false;

  out.penalty(0);
  out.glue(hs.space_before);
  out.keep_next(1000); // between the lines of the heading
  std::size_t before = out.boxes.size();
  add_lines(ctx, balanced(ctx, spec), frame.x, hs.leading, hs.size, out);
  out.end_keep();
  for (std::size_t i = before; i < out.boxes.size(); ++i) {
    out.boxes[i].heading = true;
    out.boxes[i].on_grid = false; // headings sit where their spacing puts them
  }
  if (out.boxes.size() > before) {
    VBox& first = out.boxes[before];
    std::string dest = ctx.key + "-" + (h.id.empty() ? "h" + std::to_string(before) : h.id);
    first.items.emplace_back(AnchorItem{dest, frame.x, 0});
    first.marks.push_back(OutlineMark{level, prefix + title, dest});
    if (level == 1) first.section = title;
  }
  out.glue(hs.space_after);
  // Kept with the first two lines of what follows (issue 5: never a heading alone at the foot).
  out.keep_next(2);
}

namespace {

/// The standard structure type of a block (PDF 32000-1 14.8.4); nullptr for one that sets
/// nothing but artifacts (a rule) or makes its own (a figure, which figure.cpp opens with its
/// alternative text).
const char* element_type(ArticleContext& ctx, const model::Block& b) {
  static constexpr const char* kHeadings[] = {"H1", "H2", "H3", "H4", "H5", "H6"};
  return std::visit(
      [&ctx](const auto& v) -> const char* {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, model::Paragraph>)
          return "P";
        // The article title is the H1; levels as the EPUB shows them.
        else if constexpr (std::is_same_v<T, model::Heading>) {
          ctx.heading_level = model::shown_heading_level(ctx.heading_level, v);
          return kHeadings[ctx.heading_level - 1];
        } else if constexpr (std::is_same_v<T, model::List> ||
                             std::is_same_v<T, model::DefinitionList>)
          return "L";
        else if constexpr (std::is_same_v<T, model::BlockQuote>)
          return "BlockQuote";
        else if constexpr (std::is_same_v<T, model::CodeBlock>)
          return "Code";
        else if constexpr (std::is_same_v<T, model::Table>)
          return "Table";
        else
          return nullptr;
      },
      b.value);
}

} // namespace

void layout_blocks(ArticleContext& ctx, const model::Blocks& blocks, const BlockFrame& frame,
                   VList& out) {
  const style::TextStyle& t = ctx.style.text;
  bool after_paragraph = false;
  const bool top = &blocks == &ctx.article.blocks;
  // The boxes alone, without any space between them, already fill more pages than the limit
  // allows: setting more text would only make pages to refuse (docs/limits.md).
  const double most_height = static_cast<double>(ctx.max_pages) * ctx.geo.height() *
                             static_cast<double>(ctx.geo.columns);
  for (std::size_t index = 0; index < blocks.size(); ++index) {
    if (top && out.box_height > most_height) break;
    const model::Block& b = blocks[index];
    const std::size_t before = out.boxes.size();
    if (top) {
      ctx.looseness = ctx.adjust.count(static_cast<int>(index)) > 0 ? ctx.adjust_by : 0;
      ctx.source = TextPoint{static_cast<int>(index), 0};
    }
    // The block's element (PDF 32000-1 14.8.4): what it sets belongs to it.
    std::optional<ElementScope> element;
    if (const char* type = element_type(ctx, b))
      element.emplace(ctx, type);
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, model::Paragraph>) {
            out.penalty(0);
            if (after_paragraph && !frame.tight) out.glue(t.paragraph_spacing);
            layout_paragraph(ctx, v, frame, after_paragraph && frame.list_depth == 0, out);
          } else if constexpr (std::is_same_v<T, model::Heading>) {
            layout_heading(ctx, v, frame, out);
          } else if constexpr (std::is_same_v<T, model::List>) {
            if (frame.list_depth == 0) out.glue(ctx.looks.list.before);
            layout_list(ctx, v, frame, out);
            if (frame.list_depth == 0) out.glue(ctx.looks.list.after);
          } else if constexpr (std::is_same_v<T, model::BlockQuote>) {
            layout_quote(ctx, v, frame, out);
          } else if constexpr (std::is_same_v<T, model::CodeBlock>) {
            layout_code(ctx, v, frame, out);
          } else if constexpr (std::is_same_v<T, model::Figure>) {
            layout_figure(ctx, v, b.loc, frame, out);
          } else if constexpr (std::is_same_v<T, model::Table>) {
            layout_table(ctx, v, frame, out);
          } else if constexpr (std::is_same_v<T, model::ThematicBreak>) {
            layout_rule(ctx, frame, out);
          } else if constexpr (std::is_same_v<T, model::RawBlock>) {
            // Raw HTML has no print form.
          } else if constexpr (std::is_same_v<T, model::DefinitionList>) {
            if (frame.list_depth == 0) out.glue(ctx.looks.list.before);
            layout_definitions(ctx, v, frame, out);
            if (frame.list_depth == 0) out.glue(ctx.looks.list.after);
          }
          after_paragraph = std::is_same_v<T, model::Paragraph>;
        },
        b.value);
    if (top && out.boxes.size() > before) out.boxes[before].block = static_cast<int>(index);
  }
  if (top) ctx.source = TextPoint{};
}

} // namespace galley::layout::detail
