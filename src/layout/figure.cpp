// Figures: the image scaled to the measure (and to fit the page), the caption and credit below,
// all in one unsplittable box. Remote or missing images are drawn as their alt text in a frame.
#include "layout/blocks.hpp"
#include "util/files.hpp"
#include "util/image_info.hpp"

#include <algorithm>
#include <cmath>

namespace galley::layout::detail {

Picture load_picture(ArticleContext& ctx, const model::ImageRef& ref, const SourceLoc& loc) {
  Picture pic;
  if (ref.remote || ref.path.empty()) return pic;
  std::string why;
  std::optional<std::string> bytes = read_file(ref.path, &why);
  if (!bytes) {
    ctx.diags.error(loc, "image '" + ref.src + "' cannot be read: " + why);
    return pic;
  }
  ImageInfo info = probe_image(*bytes);
  if (!info.error.empty() || info.width == 0 || info.height == 0 ||
      info.format == ImageFormat::Unknown) {
    std::string reason = !info.error.empty() ? info.error : std::string("unknown format");
    ctx.diags.error(loc, "image '" + ref.src + "' is unusable: " + reason);
    return pic;
  }
  pic.image = ctx.image(ref.path);
  pic.px_width = info.width;
  pic.px_height = info.height;
  return pic;
}

void alt_text_frame(ArticleContext& ctx, const std::string& alt, double x, double y, double w,
                    double h, std::vector<Item>& items) {
  Rgb c{ctx.style.colors.rule.r, ctx.style.colors.rule.g, ctx.style.colors.rule.b};
  items.emplace_back(RectItem{x, y, w, h, to_rgb(ctx.looks.alt_ground)});
  items.emplace_back(RuleItem{x, y, x + w, y, 0.5, c});
  items.emplace_back(RuleItem{x, y + h, x + w, y + h, 0.5, c});
  items.emplace_back(RuleItem{x, y, x, y + h, 0.5, c});
  items.emplace_back(RuleItem{x + w, y, x + w, y + h, 0.5, c});
  if (alt.empty() || w < 24) return;
  text::Span sp;
  sp.text = alt;
  sp.font = {ctx.style.fonts.caption.family, 400, true};
  sp.size = ctx.style.text.caption_size;
  sp.color = rgb(ctx.style.colors.text);
  text::ParagraphSpec spec = paragraph_spec(ctx, {sp}, w - 16, false);
  spec.align = text::Alignment::Center;
  text::ParagraphLayout pl = ctx.engine.layout_paragraph(spec, ctx.diags);
  const double leading = sp.size * 1.35;
  std::size_t fit = static_cast<std::size_t>(std::max(0.0, (h - 8) / leading));
  std::size_t n = std::min(pl.lines.size(), fit);
  double top = y + (h - leading * static_cast<double>(n)) / 2;
  for (std::size_t i = 0; i < n; ++i)
    for (const text::LineRun& r : pl.lines[i].runs)
      items.emplace_back(make_run(r, x + 8, top + baseline_in(leading, sp.size) +
                                                leading * static_cast<double>(i)));
}

void layout_figure(ArticleContext& ctx, const model::Figure& fig, const SourceLoc& loc,
                   const BlockFrame& frame, VList& out) {
  Picture pic = load_picture(ctx, fig.image, loc);
  VBox box;
  // Natural size at 150 dpi, at least half the measure, never wider than it; never taller than
  // 55% of the text area so that some text shares its page.
  double w = frame.width;
  if (pic.image >= 0) w = std::clamp(pic.px_width * 72.0 / 150.0, frame.width * 0.5, frame.width);
  double h = pic.image >= 0 ? w * pic.aspect() : std::min(w * pic.aspect(), 84.0);
  const double max_h = ctx.geo.height() * 0.55;
  if (h > max_h) {
    w *= max_h / h;
    h = max_h;
  }
  double x = frame.x + (frame.width - w) / 2;
  ElementScope figure(ctx, "Figure");
  figure.element().alt = fig.alt;
  if (pic.image >= 0)
    box.items.emplace_back(ImageItem{pic.image, x, 0, w, h, false, figure.id()});
  else alt_text_frame(ctx, fig.alt, x, 0, w, h, box.items);
  if (!fig.id.empty()) box.items.emplace_back(AnchorItem{ctx.key + "-" + fig.id, x, 0});
  box.height = h;

  // Caption and credit, set to the image's width.
  InlineLook look = inline_look(ctx.looks.caption);
  look.hyphenate = true;
  std::vector<text::Span> spans;
  append_spans(ctx, fig.caption, look, spans);
  if (!fig.credit.empty()) {
    InlineLook credit = look;
    credit.color = rgb(ctx.looks.credit.color);
    append_spans(ctx, {model::Inline{model::Text{(spans.empty() ? "" : " ") + fig.credit}, {}}},
                 credit, spans);
  }
  if (!spans.empty()) {
    ElementScope caption(ctx, "Caption");
    const double leading = ctx.looks.caption.leading;
    text::ParagraphSpec spec = paragraph_spec(ctx, std::move(spans), w, false);
    text::ParagraphLayout pl = ctx.engine.layout_paragraph(spec, ctx.diags);
    double top = h + 5;
    for (const text::Line& line : pl.lines) {
      emit_line(ctx, line, x, top + baseline_in(leading, look.size), box);
      top += leading;
    }
    box.height = top;
    ctx.tags.clear();
  }
  box.floating = true;
  out.penalty(0);
  out.glue(ctx.looks.figure.before);
  out.box(std::move(box));
  out.penalty(0);
  out.glue(ctx.looks.figure.after);
}

} // namespace galley::layout::detail
