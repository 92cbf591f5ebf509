#include "text/engine.hpp"

#include "text/collect.hpp"
#include "text/finalize.hpp"
#include "util/text_utils.hpp"

namespace galley::text {
namespace {

std::string line_text(const Line& line) {
  std::string s;
  for (const auto& run : line.runs)
    for (const auto& g : run.glyphs)
      s += g.text;
  return s;
}

} // namespace

struct Engine::Impl {
  explicit Impl(EngineOptions o)
      : options(std::move(o)), fonts(options), hyphenator(default_dictionary_dir()) {}
  EngineOptions options;
  FontRegistry fonts;
  Shaper shaper;
  Itemizer itemizer;
  Hyphenator hyphenator;
};

Engine::Engine(EngineOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Engine::~Engine() = default;

FaceId Engine::resolve(const FontRequest& request, Diagnostics& diags) {
  return impl_->fonts.resolve(request, diags);
}

const FaceInfo& Engine::face(FaceId id) const {
  return impl_->fonts.info(id);
}

std::vector<FaceInfo> Engine::faces() const {
  return impl_->fonts.faces();
}

CacheStats Engine::cache_stats() const {
  return impl_->shaper.stats();
}

ParagraphLayout Engine::layout_paragraph(const ParagraphSpec& spec, Diagnostics& diags) {
  ParagraphLayout out;
  TextContext ctx{impl_->fonts, impl_->shaper, impl_->itemizer, impl_->hyphenator, diags};
  Collected collected = collect(spec.spans, spec.language, true, ctx);
  if (collected.text.empty())
    return out;

  HyphenExceptions exceptions = parse_exceptions(spec.hyphenation.exceptions);
  PrepareOptions po;
  po.justify = spec.align == Alignment::Justify;
  po.first_indent = spec.first_indent;
  po.hyphen_penalty = spec.params.hyphen_penalty;
  po.ex_hyphen_penalty = spec.params.ex_hyphen_penalty;
  po.hyphenation = &spec.hyphenation;
  po.exceptions = &exceptions;

  LineWidthFn width =
      spec.line_width ? spec.line_width : LineWidthFn([w = spec.width](int) { return w; });
  double em = collected.styles.front().size;
  LineBreakParams lp;
  lp.line_penalty = spec.params.line_penalty;
  lp.adj_demerits = spec.params.adj_demerits;
  lp.double_hyphen_demerits = spec.params.double_hyphen_demerits;
  lp.final_hyphen_demerits = spec.params.final_hyphen_demerits;
  lp.looseness = spec.params.looseness;
  lp.distinct_lines = static_cast<bool>(spec.line_width) || spec.params.looseness != 0;
  // Ragged lines take their slack in a right skip of 0pt plus 2em, as plain TeX's \raggedright.
  if (!po.justify)
    lp.background_stretch = 2 * em;

  // TeX's passes (The TeXbook, ch. 14): first without hyphenation at the pretolerance, then
  // with hyphenation at the tolerance, then with emergency stretch, accepting what comes.
  Prepared prepared;
  BreakResult result;
  if (spec.params.pretolerance >= 0) {
    prepared = prepare(collected, po, ctx);
    lp.tolerance = spec.params.pretolerance;
    result = break_lines(prepared.items, width, lp);
  }
  if (!result.ok) {
    po.hyphenate = spec.hyphenation.enabled;
    prepared = prepare(collected, po, ctx);
    lp.tolerance = spec.params.tolerance;
    lp.final_pass = spec.params.emergency_stretch_em <= 0;
    result = break_lines(prepared.items, width, lp);
  }
  if (!result.ok) {
    lp.emergency_stretch = spec.params.emergency_stretch_em * em;
    lp.final_pass = true;
    result = break_lines(prepared.items, width, lp);
  }

  out.total_demerits = result.total_demerits;
  int from = 0;
  for (size_t l = 0; l < result.breaks.size(); ++l) {
    int brk = result.breaks[l];
    LineSetting setting{width(static_cast<int>(l)), result.ratios[l], po.justify, spec.align,
                        spec.hanging_punctuation};
    Line line = build_line(prepared, impl_->fonts, from, brk, setting);
    if (line.overfull)
      diags.warning({}, "'" + line_text(line) + "' is wider than the line (" +
                            format_number(line.natural_width, 1) + "pt > " +
                            format_number(line.width, 1) + "pt)");
    out.lines.push_back(std::move(line));
    from = line_start_after(prepared.items, brk);
  }
  return out;
}

Line Engine::layout_line(const std::vector<Span>& spans, const std::string& language,
                         Diagnostics& diags) {
  TextContext ctx{impl_->fonts, impl_->shaper, impl_->itemizer, impl_->hyphenator, diags};
  Collected collected = collect(spans, language, false, ctx);
  PrepareOptions po;
  po.justify = false;
  Prepared prepared = prepare(collected, po, ctx);
  double natural = 0;
  for (const Item& item : prepared.items)
    if (item.kind != ItemKind::Penalty)
      natural += item.width;
  LineSetting setting{natural, 0, false, Alignment::Left};
  return build_line(prepared, impl_->fonts, 0, static_cast<int>(prepared.items.size()), setting);
}

} // namespace galley::text
