#include "layout/opening.hpp"
#include "layout/layout.hpp"

#include <algorithm>
#include <cmath>

namespace galley::layout::detail {

namespace {

bool has_field(const std::vector<std::string>& fields, const char* f) {
  return std::find(fields.begin(), fields.end(), f) != fields.end();
}


/// One text element of the title block, in `role`'s look: lines set at `width`, each its own box
/// with no break allowed between them (the opening is kept together).
void add_text(ArticleContext& ctx, const std::string& s, const style::Look& role, bool centered,
              VList& out) {
  if (s.empty()) return;
  const InlineLook look = inline_look(role);
  const double leading = role.leading;
  std::vector<text::Span> spans;
  append_spans(ctx, {model::Inline{model::Text{s}, {}}}, look, spans);
  text::ParagraphSpec spec = paragraph_spec(ctx, std::move(spans), ctx.geo.width(), false);
  spec.align = centered ? text::Alignment::Center : text::Alignment::Left;
  spec.hyphenation.enabled = false;
  text::ParagraphLayout pl = balanced(ctx, spec);
  // Centred lines centre on the full measure, not on the balanced one.
  const double x = centered ? (ctx.geo.width() - spec.width) / 2 : 0;
  for (const text::Line& line : pl.lines) {
    VBox box;
    box.height = leading;
    box.baseline = baseline_in(leading, look.size);
    emit_line(ctx, line, x, box.baseline, box);
    out.box(std::move(box));
  }
  ctx.tags.clear();
}

void rule_box(ArticleContext& ctx, double height, double y, VList& out) {
  VBox box;
  box.height = height;
  Rgb c{ctx.style.colors.rule.r, ctx.style.colors.rule.g, ctx.style.colors.rule.b};
  box.items.emplace_back(RuleItem{0, y, ctx.geo.width(), y, 0.5, c});
  out.box(std::move(box));
}

void lead_image(ArticleContext& ctx, const model::Cover& cover, VList& out) {
  const style::Opening& op = ctx.style.opening;
  Picture pic = load_picture(ctx, cover.image, cover.loc);
  double w = ctx.geo.width();
  double h = std::min(op.lead_image_height, w * pic.aspect());
  if (pic.image >= 0 && w * pic.aspect() > op.lead_image_height) w = h / pic.aspect();
  double x = (ctx.geo.width() - w) / 2;
  VBox box;
  ElementScope figure(ctx, "Figure");
  figure.element().alt = cover.alt;
  if (pic.image >= 0)
    box.items.emplace_back(ImageItem{pic.image, x, 0, w, h, false, figure.id()});
  else alt_text_frame(ctx, cover.alt, x, 0, w, h, box.items);
  box.height = h + 4;
  out.box(std::move(box));
  if (!cover.credit.empty()) {
    const style::Look& look = ctx.looks.credit;
    text::Line line = shape_line(ctx, cover.credit, font_of(look), look.size, rgb(look.color),
                                 look.font.features);
    VBox credit;
    credit.height = look.leading;
    credit.baseline = baseline_in(credit.height, look.size);
    ElementScope caption(ctx, "Caption"); // the figure's, as a figure's credit is
    for (const text::LineRun& r : line.runs) {
      GlyphRun run = make_run(r, x + w - line.natural_width, credit.baseline);
      run.element = caption.id();
      credit.items.emplace_back(std::move(run));
    }
    out.box(std::move(credit));
  }
  out.glue(ctx.looks.after_lead_image);
}

void author_block(ArticleContext& ctx, VList& out) {
  const model::Meta& meta = ctx.article.meta;
  const style::Opening& op = ctx.style.opening;
  const std::vector<std::string>& fields = ctx.style.author_block.fields;
  VBox box;
  // Portraits side by side, each overlapping the previous by a quarter.
  double text_x = 0, portraits_h = 0;
  if (has_field(fields, "portrait") && op.portrait != style::PortraitShape::None) {
    double x = 0;
    for (const model::Author& a : meta.authors) {
      if (!a.portrait) continue;
      Picture pic = load_picture(ctx, *a.portrait, a.loc);
      if (pic.image < 0) continue;
      box.items.emplace_back(ImageItem{pic.image, x, 0, op.portrait_size, op.portrait_size,
                                       op.portrait == style::PortraitShape::Circle});
      text_x = x + op.portrait_size + 10;
      x += op.portrait_size * 0.75;
      portraits_h = op.portrait_size;
    }
  }
  struct TextLine {
    text::Line line;
    double size, leading;
  };
  std::vector<TextLine> lines;
  const double width = ctx.geo.width() - text_x;
  std::vector<std::string> names;
  for (const model::Author& a : meta.authors) names.push_back(a.name);
  // The names and the details wrap at the measure like any text: eight authors do not fit on
  // one line. The names are joined as join_names joins them, each kept whole (a no-break span),
  // so that lines break only at the separators.
  auto add_lines_of = [&](std::vector<text::Span> spans, const style::Look& look) {
    text::ParagraphSpec spec = paragraph_spec(ctx, std::move(spans), width, false);
    spec.align = text::Alignment::Left;
    spec.hyphenation.enabled = false;
    // Whole names leave lines far shorter than the ragged right's 2em of stretch allows: any
    // line is acceptable (TeX's \tolerance=10000) and the demerits choose among them.
    spec.params.tolerance = 10000;
    for (text::Line& l : ctx.engine.layout_paragraph(spec, ctx.diags).lines)
      lines.push_back({std::move(l), look.size, look.leading});
    ctx.tags.clear();
  };
  auto spans_of = [&](const std::string& s, const style::Look& look, bool nobreak,
                      std::vector<text::Span>& out) {
    std::vector<text::Span> piece;
    append_spans(ctx, {model::Inline{model::Text{s}, {}}}, inline_look(look), piece);
    for (text::Span& sp : piece) {
      sp.nobreak = nobreak;
      out.push_back(std::move(sp));
    }
  };
  if (has_field(fields, "name") && !names.empty()) {
    const style::Look& look = ctx.looks.author_name;
    std::vector<text::Span> spans;
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (i > 0) spans_of(i + 1 == names.size() ? " and " : ", ", look, false, spans);
      spans_of(names[i], look, true, spans);
    }
    add_lines_of(std::move(spans), look);
  }
  if (has_field(fields, "bio")) {
    const style::Look& bio = ctx.looks.author_bio;
    for (const model::Author& a : meta.authors) {
      if (a.bio.empty()) continue;
      std::vector<text::Span> spans;
      append_spans(ctx, {model::Inline{model::Text{a.bio}, {}}}, inline_look(bio), spans);
      text::ParagraphSpec spec = paragraph_spec(ctx, std::move(spans), width, false);
      for (text::Line& l : ctx.engine.layout_paragraph(spec, ctx.diags).lines)
        lines.push_back({std::move(l), bio.size, bio.leading});
      ctx.tags.clear();
    }
  }
  std::string details = byline_details(meta, fields);
  if (!details.empty()) {
    std::vector<text::Span> spans;
    spans_of(details, ctx.looks.byline, false, spans);
    add_lines_of(std::move(spans), ctx.looks.byline);
  }
  double text_h = 0, text_w = 0;
  for (const TextLine& l : lines) text_h += l.leading, text_w = std::max(text_w, l.line.natural_width);
  box.height = std::max(portraits_h, text_h);
  double y = (box.height - text_h) / 2;
  for (const TextLine& l : lines) {
    // Under a centred title, the text lines centre on each other.
    double dx = op.title_centered ? (text_w - l.line.natural_width) / 2 : 0;
    for (const text::LineRun& r : l.line.runs) {
      GlyphRun run = make_run(r, text_x + dx, y + baseline_in(l.leading, l.size));
      run.element = ctx.element;
      box.items.emplace_back(std::move(run));
    }
    y += l.leading;
  }
  if (op.title_centered) {
    // ... and the whole block (portraits and text) centres on the measure.
    double shift = (ctx.geo.width() - text_x - text_w) / 2;
    for (Item& it : box.items) translate(it, shift, 0);
  }
  if (box.height > 0) out.box(std::move(box));
}

} // namespace

std::string byline_details(const model::Meta& meta, const std::vector<std::string>& fields) {
  std::string out;
  if (has_field(fields, "date") && meta.date) out = model::format_date_long(*meta.date, meta.language);
  if (has_field(fields, "reading-time") && meta.reading_minutes > 0) {
    if (!out.empty()) out += " \u00B7 ";
    out += model::reading_time_label(meta);
  }
  return out;
}

std::optional<Page> full_page_cover(ArticleContext& ctx) {
  const model::Meta& meta = ctx.article.meta;
  if (ctx.style.opening.cover != style::CoverMode::FullPage || !meta.cover) return std::nullopt;
  Page page;
  page.width = ctx.geo.page_width;
  page.height = ctx.geo.page_height;
  page.bleed = ctx.geo.bleed;
  Picture pic = load_picture(ctx, meta.cover->image, meta.cover->loc);
  if (pic.image >= 0) {
    // Scaled to cover the page and its bleed, centred; the page edge crops what overhangs.
    double bw = page.width + 2 * page.bleed, bh = page.height + 2 * page.bleed;
    double scale = std::max(bw / pic.px_width, bh / pic.px_height);
    double w = pic.px_width * scale, h = pic.px_height * scale;
    page.items.emplace_back(ImageItem{pic.image, (page.width - w) / 2, (page.height - h) / 2, w, h,
                                      false});
  } else {
    alt_text_frame(ctx, meta.cover->alt, ctx.geo.inner, ctx.geo.top, ctx.geo.width(),
                   ctx.geo.height(), page.items);
  }
  page.items.emplace_back(AnchorItem{ctx.key, 0, 0});
  return page;
}

void layout_opening(ArticleContext& ctx, bool anchored, VList& out) {
  const model::Meta& meta = ctx.article.meta;
  const style::Opening& op = ctx.style.opening;
  std::size_t first = out.boxes.size();

  if (meta.cover && op.cover == style::CoverMode::Lead) lead_image(ctx, *meta.cover, out);
  // The title is the article's H1 (its headings start at H2, blocks.cpp); the rest are
  // paragraphs.
  if (!meta.publication.empty()) {
    ElementScope p(ctx, "P");
    add_text(ctx, upper_case(meta.publication), ctx.looks.publication, op.title_centered, out);
    out.glue(ctx.looks.after_publication);
  }
  {
    ElementScope h1(ctx, "H1");
    add_text(ctx, meta.title, ctx.looks.title, op.title_centered, out);
  }
  if (!meta.subtitle.empty()) {
    ElementScope p(ctx, "P");
    out.glue(ctx.looks.before_subtitle);
    add_text(ctx, meta.subtitle, ctx.looks.subtitle, op.title_centered, out);
  }
  if (!meta.dek.empty()) {
    ElementScope p(ctx, "P");
    out.glue(ctx.looks.before_dek);
    add_text(ctx, meta.dek, ctx.looks.dek, op.title_centered, out);
  }
  out.glue(ctx.looks.before_byline);
  rule_box(ctx, 12, 0.25, out);
  {
    ElementScope byline(ctx, "P");
    author_block(ctx, out);
  }
  rule_box(ctx, 12, 11.75, out);
  out.glue(ctx.looks.after_opening);

  if (out.boxes.size() > first) {
    VBox& top = out.boxes[first];
    if (!anchored) top.items.emplace_back(AnchorItem{ctx.key, 0, 0});
    top.marks.push_back(OutlineMark{0, meta.title, ctx.key});
  }
}

} // namespace galley::layout::detail
