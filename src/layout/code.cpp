// Code blocks: monospace, never hyphenated, long lines wrapped at a column with a marker on the
// continuation, on a tinted ground that follows the block across pages.
#include "layout/blocks.hpp"
#include "util/text_utils.hpp"

#include <algorithm>
#include <cmath>

namespace galley::layout::detail {

namespace {

/// Splits one source line into pieces of at most `cols` code points, breaking after the last
/// space of a piece when there is one in its second half (so words stay whole where they can).
std::vector<std::string> wrap_code_line(const std::string& line, std::size_t cols) {
  std::vector<std::string> out;
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
    out.push_back(line.substr(starts[at], starts[cut] - starts[at]));
    at = cut;
  }
  out.push_back(line.substr(starts[at], starts[n] - starts[at]));
  return out;
}

std::string expand_tabs(const std::string& s) {
  std::string out;
  int col = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    char32_t cp = next_code_point(s, i);
    if (cp == U'\t') {
      do {
        out += ' ';
        ++col;
      } while (col % 4 != 0);
    } else {
      out.append(s, start, i - start);
      ++col;
    }
  }
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

} // namespace

void layout_code(ArticleContext& ctx, const model::CodeBlock& code, const BlockFrame& frame,
                 VList& out) {
  const double size = ctx.looks.code.size;
  const double leading = ctx.looks.code.leading;
  const double pad = 6;
  const text::FontRequest font = font_of(ctx.looks.code);
  const std::vector<std::string>& features = ctx.looks.code.font.features;
  const std::uint32_t color = rgb(ctx.looks.code.color);

  text::Line probe = shape_line(ctx, "0", font, size, color, features);
  double advance = probe.natural_width > 0 ? probe.natural_width : size * 0.6;
  const double marker_col = advance * 2; // room for the continuation marker
  const double text_x = frame.x + pad + marker_col;
  std::size_t cols = static_cast<std::size_t>(
      std::max(8.0, std::floor((frame.width - 2 * pad - marker_col) / advance)));

  struct Piece {
    std::string text;
    bool continuation = false;
  };
  std::vector<Piece> pieces;
  std::string src = code.code;
  std::size_t pos = 0;
  while (true) {
    std::size_t nl = src.find('\n', pos);
    std::string line = expand_tabs(src.substr(pos, nl == std::string::npos ? nl : nl - pos));
    bool first = true;
    for (std::string& p : wrap_code_line(line, cols)) {
      pieces.push_back({std::move(p), !first});
      first = false;
    }
    if (nl == std::string::npos) break;
    pos = nl + 1;
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
    VBox box;
    double top_pad = i == 0 ? pad * 0.75 : 0, bottom_pad = i + 1 == n ? pad * 0.75 : 0;
    box.height = leading + top_pad + bottom_pad;
    box.baseline = top_pad + baseline_in(leading, size);
    box.items.emplace_back(RectItem{frame.x, 0, frame.width, box.height, ground});
    if (pieces[i].continuation) continuation_mark(frame.x + pad, box.baseline, size, marker_color, box.items);
    // Leading spaces are indentation: set as an offset, since shaping trims them.
    std::size_t indent = pieces[i].text.find_first_not_of(' ');
    if (indent != std::string::npos) {
      text::Line line = shape_line(ctx, pieces[i].text.substr(indent), font, size, color, features);
      emit_line(ctx, line, text_x + advance * static_cast<double>(indent), box.baseline, box);
    }
    out.box(std::move(box));
  }
  out.penalty(0);
  out.glue(ctx.looks.code_block.after);
}

} // namespace galley::layout::detail
