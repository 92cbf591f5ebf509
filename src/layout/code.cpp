// Code blocks: monospace, never hyphenated, highlighted as highlight/ splits them, long lines
// wrapped at a column with a marker on the continuation, on a tinted ground that follows the
// block across pages; numbered when the style says so.
#include "highlight/highlight.hpp"
#include "layout/blocks.hpp"
#include "util/text_utils.hpp"

#include <algorithm>
#include <cmath>

namespace galley::layout::detail {

namespace {

/// A source line with its tabs expanded, and the token kind of each of its bytes.
struct SourceLine {
  std::string text;
  std::vector<style::TokenKind> kinds;
};

/// Tabs stop every four columns; a tab takes the kind of the token it is in.
SourceLine expand_tabs(const highlight::TokenLine& tokens) {
  SourceLine out;
  int col = 0;
  for (const highlight::Token& token : tokens) {
    const std::string& s = token.text;
    for (std::size_t i = 0; i < s.size();) {
      std::size_t start = i;
      char32_t cp = next_code_point(s, i);
      if (cp == U'\t') {
        do {
          out.text += ' ';
          ++col;
        } while (col % 4 != 0);
      } else {
        out.text.append(s, start, i - start);
        ++col;
      }
    }
    out.kinds.resize(out.text.size(), token.kind);
  }
  return out;
}

/// Splits one source line into pieces of at most `cols` code points, breaking after the last
/// space of a piece when there is one in its second half (so words stay whole where they can).
/// Each piece is a range of bytes: [first, second).
std::vector<std::pair<std::size_t, std::size_t>> wrap_code_line(const std::string& line,
                                                                std::size_t cols) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::vector<std::size_t> starts; // byte offset of each code point
  for (std::size_t i = 0; i < line.size();) {
    starts.push_back(i);
    next_code_point(line, i);
  }
  starts.push_back(line.size());
  std::size_t n = starts.size() - 1, at = 0;
  while (n - at > cols) {
    std::size_t cut = at + cols;
    for (std::size_t k = at + cols; k > at + cols / 2; --k)
      if (line[starts[k - 1]] == ' ') {
        cut = k;
        break;
      }
    out.emplace_back(starts[at], starts[cut]);
    at = cut;
  }
  out.emplace_back(starts[at], starts[n]);
  return out;
}

/// A hooked arrow (the shape of U+21AA) drawn with rules before a wrapped line's continuation,
/// so that it needs no font to have the glyph.
void continuation_mark(double x, double baseline, double size, Rgb color, std::vector<Item>& items) {
  const double w = size * 0.5, t = size * 0.07;
  const double top = baseline - size * 0.55, y = baseline - size * 0.22;
  items.emplace_back(RuleItem{x, top, x, y, t, color});
  items.emplace_back(RuleItem{x, y, x + w, y, t, color});
  items.emplace_back(RuleItem{x + w - size * 0.18, y - size * 0.15, x + w, y, t, color});
  items.emplace_back(RuleItem{x + w - size * 0.18, y + size * 0.15, x + w, y, t, color});
}

/// The spans of bytes [begin, end) of a line, one per run of a token kind, each in its kind's
/// colour and weight (plain code in the code look's own colour).
std::vector<text::Span> token_spans(const ArticleContext& ctx, const SourceLine& line,
                                    std::size_t begin, std::size_t end) {
  const style::Look& look = ctx.looks.code;
  std::vector<text::Span> spans;
  for (std::size_t at = begin; at < end;) {
    const style::TokenKind kind = line.kinds[at];
    std::size_t stop = at;
    while (stop < end && line.kinds[stop] == kind)
      ++stop;
    text::FontRequest font = font_of(look);
    std::uint32_t color = rgb(look.color);
    if (kind != style::TokenKind::Plain) {
      const style::TokenLook& token = ctx.style.code.look(kind);
      color = rgb(token.color);
      if (token.bold)
        font.weight = 700;
    }
    spans.push_back(
        plain_span(line.text.substr(at, stop - at), font, look.size, color, look.font.features));
    at = stop;
  }
  return spans;
}

} // namespace

void layout_code(ArticleContext& ctx, const model::CodeBlock& code, const BlockFrame& frame,
                 VList& out) {
  const double size = ctx.looks.code.size;
  const double leading = ctx.looks.code.leading;
  const double pad = 6;
  const text::FontRequest font = font_of(ctx.looks.code);
  const std::vector<std::string>& features = ctx.looks.code.font.features;
  const std::uint32_t color = rgb(ctx.looks.code.color);

  // highlight/ splits the code into tokens, as it does for the EPUB.
  std::vector<SourceLine> lines;
  for (const highlight::TokenLine& tokens : highlight::tokenize(code.language, code.code))
    lines.push_back(expand_tabs(tokens));

  text::Line probe = shape_line(ctx, "0", font, size, color, features);
  double advance = probe.natural_width > 0 ? probe.natural_width : size * 0.6;
  // Line numbers, when the style asks for them, stand right-aligned in a column of their own,
  // one space from the marker column; two digits wide at least, so that the code of short and
  // of longer blocks starts at one place.
  const std::size_t digits = std::max<std::size_t>(2, std::to_string(lines.size()).size());
  const double number_col =
      ctx.style.code.line_numbers ? advance * static_cast<double>(digits + 1) : 0;
  const double marker_col = advance * 2; // room for the continuation marker
  const double text_x = frame.x + pad + number_col + marker_col;
  std::size_t cols = static_cast<std::size_t>(
      std::max(8.0, std::floor((frame.width - 2 * pad - number_col - marker_col) / advance)));

  struct Piece {
    std::size_t line = 0;
    std::size_t begin = 0, end = 0; ///< bytes of the line
    bool continuation = false;
  };
  std::vector<Piece> pieces;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    bool first = true;
    for (const auto& [begin, end] : wrap_code_line(lines[l].text, cols)) {
      pieces.push_back({l, begin, end, !first});
      first = false;
    }
  }

  Rgb ground = to_rgb(ctx.looks.code_ground);
  Rgb marker_color{ctx.style.colors.rule.r, ctx.style.colors.rule.g, ctx.style.colors.rule.b};
  out.penalty(0);
  out.glue(ctx.looks.code_block.before);
  const std::size_t n = pieces.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) {
      int p = 0;
      if (i == 1) p += ctx.style.pages.club_penalty;
      if (i == n - 1) p += ctx.style.pages.widow_penalty;
      out.penalty(p);
    }
    const Piece& piece = pieces[i];
    const SourceLine& line = lines[piece.line];
    VBox box;
    double top_pad = i == 0 ? pad * 0.75 : 0, bottom_pad = i + 1 == n ? pad * 0.75 : 0;
    box.height = leading + top_pad + bottom_pad;
    box.baseline = top_pad + baseline_in(leading, size);
    box.items.emplace_back(RectItem{frame.x, 0, frame.width, box.height, ground});
    if (piece.continuation)
      continuation_mark(frame.x + pad + number_col, box.baseline, size, marker_color, box.items);
    if (number_col > 0 && !piece.continuation) {
      // The number is an artifact (element -1; PDF 32000-1 14.8.2.2): not part of the code, so
      // not in the text that assistive technology reads out.
      text::Line number = shape_line(ctx, std::to_string(piece.line + 1), font, size,
                                     rgb(ctx.style.colors.muted), features);
      const double right = frame.x + pad + number_col - advance;
      for (const text::LineRun& r : number.runs) {
        GlyphRun run = make_run(r, right - number.natural_width, box.baseline);
        run.element = -1;
        box.items.emplace_back(std::move(run));
      }
    }
    // Leading spaces are indentation: set as an offset, since shaping trims them.
    const std::size_t indent =
        std::min(line.text.find_first_not_of(' ', piece.begin), piece.end) - piece.begin;
    if (piece.begin + indent < piece.end) {
      text::Line shaped =
          ctx.engine.layout_line(token_spans(ctx, line, piece.begin + indent, piece.end),
                                 ctx.article.meta.language, ctx.diags);
      emit_line(ctx, shaped, text_x + advance * static_cast<double>(indent), box.baseline, box);
    }
    out.box(std::move(box));
  }
  out.penalty(0);
  out.glue(ctx.looks.code_block.after);
}

} // namespace galley::layout::detail
