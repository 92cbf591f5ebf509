#include "text/engine.hpp"

#include "text/collect.hpp"
#include "text/finalize.hpp"
#include "util/text_utils.hpp"

#include <algorithm>
#include <optional>

namespace galley::text {
namespace {

std::string line_text(const Line& line) {
  std::string s;
  for (const auto& run : line.runs)
    for (const auto& g : run.glyphs)
      s += g.text;
  return s;
}

void report_overfull(const Line& line, Diagnostics& diags) {
  if (line.overfull)
    diags.warning({}, "'" + line_text(line) + "' is wider than the line (" +
                          format_number(line.natural_width, 1) + "pt > " +
                          format_number(line.width, 1) + "pt)");
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

hb_font_t* Engine::hb_font(FaceId id) const {
  return impl_->fonts.hb_font(id);
}

const FaceInfo& Engine::face(FaceId id) const {
  return impl_->fonts.info(id);
}

std::vector<FaceInfo> Engine::faces() const {
  return impl_->fonts.faces();
}

std::size_t Engine::face_count() const {
  return impl_->fonts.face_count();
}

CacheStats Engine::cache_stats() const {
  return impl_->shaper.stats();
}

namespace {

/// A paragraph collected once and broken at any measure. Preparing the items (shaping words,
/// finding hyphenation points) does not depend on the measure, so each pass's items are
/// prepared on first use and kept for the next measure.
class Breaker {
public:
  Breaker(const ParagraphSpec& spec, TextContext& ctx)
      : spec_(spec), ctx_(ctx), collected_(collect(spec.spans, spec.language, true, ctx)),
        exceptions_(parse_exceptions(spec.hyphenation.exceptions)), hyphenation_(spec.hyphenation) {
    po_.justify = spec.align == Alignment::Justify;
    po_.first_indent = spec.first_indent;
    po_.hyphen_penalty = spec.params.hyphen_penalty;
    po_.ex_hyphen_penalty = spec.params.ex_hyphen_penalty;
    if (!collected_.styles.empty()) {
      double measure = spec.line_width ? spec.line_width(0) : spec.width;
      if (measure < hyphenation_.narrow_measure_em * collected_.styles.front().size) {
        // 0 is the dictionary's own minimum, which the patterns apply in any case.
        hyphenation_.left_min = std::max(hyphenation_.left_min, hyphenation_.narrow_min);
        hyphenation_.right_min = std::max(hyphenation_.right_min, hyphenation_.narrow_min);
      }
    }
    po_.hyphenation = &hyphenation_;
    po_.exceptions = &exceptions_;
  }

  bool empty() const { return collected_.text.empty(); }

  /// Lines at `width`; overfull lines are reported to `warn` when given.
  ParagraphLayout at(const LineWidthFn& width, Diagnostics* warn) {
    const ParagraphSpec& spec = spec_;
    double em = collected_.styles.front().size;
    LineBreakParams lp;
    lp.line_penalty = spec.params.line_penalty;
    lp.adj_demerits = spec.params.adj_demerits;
    lp.double_hyphen_demerits = spec.params.double_hyphen_demerits;
    lp.final_hyphen_demerits = spec.params.final_hyphen_demerits;
    lp.hyphen_limit = spec.params.hyphen_limit.value_or(consecutive_hyphens(spec.language));
    lp.looseness = spec.params.looseness;
    lp.distinct_lines = static_cast<bool>(spec.line_width) || spec.params.looseness != 0;
    // Ragged lines take their slack in a right skip of 0pt plus 2em, as plain TeX's \raggedright.
    if (!po_.justify)
      lp.background_stretch = 2 * em;

    // TeX's passes (The TeXbook, ch. 14): first without hyphenation at the pretolerance, then
    // with hyphenation at the tolerance, then with emergency stretch, accepting what comes.
    const Prepared* prepared = nullptr;
    BreakResult result;
    auto first_passes = [&] {
      result = BreakResult{};
      if (spec.params.pretolerance >= 0) {
        prepared = &items(false);
        lp.tolerance = spec.params.pretolerance;
        result = break_lines(prepared->items, width, lp);
      }
      if (!result.ok) {
        prepared = &items(spec.hyphenation.enabled);
        lp.tolerance = spec.params.tolerance;
        lp.final_pass = spec.params.emergency_stretch_em <= 0;
        result = break_lines(prepared->items, width, lp);
      }
    };
    first_passes();
    if (!result.ok && lp.looseness != 0) {
      // A line more or fewer is wanted only where the tolerance allows it (a compositor's
      // \looseness, asked of paragraphs that can give it): not by emergency stretch, which
      // would spread a one-line paragraph over two. Without it, the paragraph is set as usual.
      lp.looseness = 0;
      lp.distinct_lines = static_cast<bool>(spec.line_width);
      first_passes();
    }
    if (!result.ok) {
      lp.emergency_stretch = spec.params.emergency_stretch_em * em;
      lp.final_pass = true;
      result = break_lines(prepared->items, width, lp);
    }

    ParagraphLayout out;
    out.total_demerits = result.total_demerits;
    int from = 0;
    bool continues = false;
    for (size_t l = 0; l < result.breaks.size(); ++l) {
      int brk = result.breaks[l];
      LineSetting setting{width(static_cast<int>(l)), result.ratios[l], po_.justify, spec.align,
                          spec.hanging_punctuation};
      Line line = build_line(*prepared, ctx_.fonts, from, brk, setting);
      if (warn)
        report_overfull(line, *warn);
      line.continues = continues;
      out.lines.push_back(std::move(line));
      from = line_start_after(prepared->items, brk);
      // Word spaces are glue with a piece (the space glyphs); a forced break ends a word too.
      const Item& at = prepared->items[static_cast<size_t>(brk)];
      continues = at.kind == ItemKind::Penalty
                      ? at.penalty > -kInfinitePenalty
                      : prepared->item_piece[static_cast<size_t>(brk)] < 0;
    }
    return out;
  }

private:
  const Prepared& items(bool hyphenate) {
    std::optional<Prepared>& slot = hyphenate ? hyphenated_ : plain_;
    if (!slot) {
      PrepareOptions po = po_;
      po.hyphenate = hyphenate;
      slot = prepare(collected_, po, ctx_);
    }
    return *slot;
  }

  const ParagraphSpec& spec_;
  TextContext& ctx_;
  Collected collected_;
  HyphenExceptions exceptions_;
  HyphenationOptions hyphenation_; ///< the spec's, with the narrow measure's minimums
  PrepareOptions po_;
  std::optional<Prepared> plain_, hyphenated_;
};

LineWidthFn fixed(double w) {
  return [w](int) { return w; };
}

} // namespace

ParagraphLayout Engine::layout_paragraph(const ParagraphSpec& spec, Diagnostics& diags) {
  TextContext ctx{impl_->fonts, impl_->shaper, impl_->itemizer, impl_->hyphenator, diags};
  Breaker breaker(spec, ctx);
  if (breaker.empty())
    return {};
  return breaker.at(spec.line_width ? spec.line_width : fixed(spec.width), &diags);
}

ParagraphLayout Engine::layout_balanced(const ParagraphSpec& spec, double& width,
                                        Diagnostics& diags) {
  TextContext ctx{impl_->fonts, impl_->shaper, impl_->itemizer, impl_->hyphenator, diags};
  Breaker breaker(spec, ctx);
  width = spec.width;
  if (breaker.empty())
    return {};
  ParagraphLayout best = breaker.at(fixed(spec.width), nullptr);
  const std::size_t lines = best.lines.size();
  if (lines >= 2) {
    // Bisection on the measure: a handful of trial breaks of a short text.
    double lo = spec.width / static_cast<double>(lines), hi = spec.width;
    for (int i = 0; i < 6; ++i) {
      double mid = (lo + hi) / 2;
      ParagraphLayout trial = breaker.at(fixed(mid), nullptr);
      bool overfull = false;
      for (const Line& l : trial.lines)
        overfull = overfull || l.overfull;
      if (trial.lines.size() <= lines && !overfull) {
        hi = mid;
        best = std::move(trial);
      } else {
        lo = mid;
      }
    }
    width = hi;
  }
  for (const Line& line : best.lines)
    report_overfull(line, diags);
  return best;
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
