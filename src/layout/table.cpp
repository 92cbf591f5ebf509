// Tables: column widths from content, booktabs-style rules, one unsplittable box per row, and the
// header rows repeated at the top of each continuation page (the page builder copies the box
// named by VBox::table_header).
#include "layout/blocks.hpp"
#include "layout/table_columns.hpp"
#include "text/direction.hpp"

#include <algorithm>
#include <cmath>
#include <type_traits>
#include <variant>
#include <vector>

namespace galley::layout::detail {

namespace {

struct CellSet {
  text::ParagraphLayout layout;
  std::vector<Tag> tags;
};

InlineLook cell_look(const ArticleContext& ctx, bool header) {
  InlineLook look = inline_look(ctx.looks.table);
  look.hyphenate = true;
  if (header) look.font.weight = 600;
  look.features.push_back("tnum"); // figures that line up in columns
  return look;
}

text::Alignment cell_align(model::Align a) {
  switch (a) {
  case model::Align::Center: return text::Alignment::Center;
  case model::Align::Right: return text::Alignment::Right;
  default: return text::Alignment::Left;
  }
}

using CellSpans = std::vector<std::vector<std::vector<text::Span>>>; // [row][column]

/// Each column's content widths (CSS 2.1 17.5.2.2), measured by the text engine with the cells'
/// own fonts and break opportunities: the maximum is a cell set on one line, the minimum the
/// widest line of a cell set at no width at all, which puts every unbreakable piece on a line
/// of its own. Those deliberately overfull lines are not reported.
std::vector<ColumnRange> measure_columns(ArticleContext& ctx, const CellSpans& spans,
                                         std::size_t cols) {
  std::vector<ColumnRange> columns(cols);
  Diagnostics scratch;
  for (const auto& row : spans)
    for (std::size_t c = 0; c < cols; ++c) {
      if (row[c].empty()) continue;
      for (double width : {1e6, 0.0}) {
        text::ParagraphSpec spec = paragraph_spec(ctx, row[c], width, false);
        spec.align = text::Alignment::Left;
        spec.hyphenation.enabled = false;
        double w = 0;
        for (const text::Line& l : ctx.engine.layout_paragraph(spec, scratch).lines)
          w = std::max(w, l.natural_width);
        double& bound = width > 0 ? columns[c].max : columns[c].min;
        bound = std::max(bound, w);
      }
    }
  return columns;
}

void set_word_break(CellSpans& spans, text::WordBreak wb) {
  for (auto& row : spans)
    for (auto& cell : row)
      for (text::Span& s : cell) s.word_break = wb;
}

/// Sets every cell in `to` instead of `from`: sizes and note-marker rises scale alike.
void set_look(CellSpans& spans, const style::Look& from, const style::Look& to) {
  const double k = to.size / from.size;
  for (auto& row : spans)
    for (auto& cell : row)
      for (text::Span& s : cell) {
        s.size *= k;
        s.baseline_shift *= k;
      }
}

} // namespace

namespace {

/// The top of an item set in a row: runs by their baseline, links and anchors by their box.
double item_y(const Item& item) {
  return std::visit(
      [](const auto& v) -> double {
        if constexpr (std::is_same_v<std::decay_t<decltype(v)>, RuleItem>) return v.y1;
        else return v.y;
      },
      item);
}

/// A row taller than the text area cannot go on any page whole. Every cell's line i sits at the
/// same height, so the row is cut between lines into rows of at most `per_box` lines, which the
/// page builder may break between like any rows: no line is lost past the foot of a page.
std::vector<VBox> split_row(VBox row, std::size_t lines, std::size_t per_box, double leading,
                            double vpad) {
  std::vector<VBox> parts((lines + per_box - 1) / per_box);
  for (Item& item : row.items) {
    const double at = std::floor((item_y(item) - vpad) / leading);
    const std::size_t line = std::min(lines - 1, static_cast<std::size_t>(std::max(0.0, at)));
    const std::size_t k = line / per_box;
    translate(item, 0, -leading * static_cast<double>(k * per_box));
    parts[k].items.push_back(std::move(item));
  }
  for (std::size_t k = 0; k < parts.size(); ++k) {
    const std::size_t here = std::min(per_box, lines - k * per_box);
    parts[k].height = leading * static_cast<double>(here) + 2 * vpad;
    parts[k].baseline = row.baseline;
  }
  parts.front().notes = std::move(row.notes);
  parts.front().marks = std::move(row.marks);
  return parts;
}

} // namespace

void layout_table(ArticleContext& ctx, const model::Table& table, const BlockFrame& frame,
                  VList& out) {
  std::size_t cols = 0;
  for (const model::TableRow& r : table.rows) cols = std::max(cols, r.cells.size());
  if (cols == 0) return;
  const double pad = 4, vpad = 3;
  const int header_rows = std::clamp(table.header_rows, 0, static_cast<int>(table.rows.size()));

  CellSpans spans(table.rows.size());
  std::vector<std::vector<std::vector<Tag>>> tags(table.rows.size());
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    spans[r].resize(cols);
    tags[r].resize(cols);
    for (std::size_t c = 0; c < table.rows[r].cells.size(); ++c) {
      append_spans(ctx, table.rows[r].cells[c].content,
                   cell_look(ctx, static_cast<int>(r) < header_rows), spans[r][c]);
      tags[r][c] = std::move(ctx.tags);
      ctx.tags.clear();
    }
  }
  // Columns too narrow for their words: first break identifiers, paths and URLs at their
  // separators, then set the table a size smaller, and only then break words anywhere. In that
  // last case the columns keep the proportions of their minima (scaled to the measure), so a
  // word is broken only where it is wider than its column.
  const double avail = frame.width - 2 * pad * static_cast<double>(cols);
  const style::Look* look = &ctx.looks.table;
  std::vector<ColumnRange> columns = measure_columns(ctx, spans, cols);
  if (min_width(columns) > avail) {
    set_word_break(spans, text::WordBreak::Tokens);
    columns = measure_columns(ctx, spans, cols);
  }
  if (min_width(columns) > avail) {
    set_look(spans, *look, ctx.looks.table_small);
    look = &ctx.looks.table_small;
    columns = measure_columns(ctx, spans, cols);
  }
  if (min_width(columns) > avail) set_word_break(spans, text::WordBreak::Anywhere);
  const std::vector<double> width = column_widths(columns, avail);
  const double size = look->size;
  const double leading = look->leading;
  double table_width = 2 * pad * static_cast<double>(cols);
  for (double w : width) table_width += w;

  Rgb rule{ctx.style.colors.text.r, ctx.style.colors.text.g, ctx.style.colors.text.b};
  Rgb hair = to_rgb(ctx.looks.muted_rule);
  // A right-to-left article's table reads from the right: its first column is the rightmost
  // and the table stands against the measure's right edge (CSS 2.1 §17.5, 'direction').
  const bool rtl = text::right_to_left(ctx.article.meta.language);
  const double x0 = rtl ? frame.x + frame.width - table_width : frame.x;
  const double x1 = x0 + table_width;
  out.penalty(0);
  out.glue(ctx.looks.table_block.before);
  int header_box = -1;
  double header_height = 0;
  VBox header;
  const std::size_t body_rows = table.rows.size() - static_cast<std::size_t>(header_rows);
  std::size_t body_index = 0;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const bool is_header = static_cast<int>(r) < header_rows;
    VBox row;
    std::size_t lines = 1;
    double x = rtl ? x1 : x0; // the edge where column c starts, in its reading direction
    ElementScope tr(ctx, "TR");
    for (std::size_t c = 0; c < cols; ++c) {
      // Every cell is an element, an empty one too, so that each row has all its columns; a
      // header cell heads its column (14.8.5.7, Table 349).
      ElementScope cell(ctx, is_header ? "TH" : "TD");
      cell.element().column_header = is_header;
      const double left = rtl ? x - width[c] - 2 * pad : x;
      if (!spans[r][c].empty()) {
        // A hundredth of a point over the column, so that a piece exactly as wide as its
        // column's minimum is not taken for overfull by a rounding in the sum of its glyphs.
        text::ParagraphSpec spec = paragraph_spec(ctx, spans[r][c], width[c] + 0.01, false);
        spec.align = cell_align(c < table.aligns.size() ? table.aligns[c] : model::Align::Default);
        // Every column is at least as wide as its widest word: no cell needs a hyphen.
        spec.hyphenation.enabled = false;
        text::ParagraphLayout pl = ctx.engine.layout_paragraph(spec, ctx.diags);
        ctx.tags = std::move(tags[r][c]);
        for (std::size_t i = 0; i < pl.lines.size(); ++i)
          emit_line(ctx, pl.lines[i], left + pad,
                    vpad + baseline_in(leading, size) + leading * static_cast<double>(i), row);
        ctx.tags.clear();
        lines = std::max(lines, pl.lines.size());
      }
      x += (rtl ? -1 : 1) * (width[c] + 2 * pad);
    }
    row.height = leading * static_cast<double>(lines) + 2 * vpad;
    row.baseline = vpad + baseline_in(leading, size);
    if (is_header) {
      // Header rows stack into one box so they repeat together.
      for (Item& it : row.items) {
        translate(it, 0, header.height);
        header.items.push_back(std::move(it));
      }
      for (const NoteCite& n : row.notes) header.notes.push_back(n);
      header.height += row.height;
      if (static_cast<int>(r) + 1 == header_rows) {
        header.items.emplace_back(RuleItem{x0, 0.4, x1, 0.4, 0.8, rule});
        header.items.emplace_back(RuleItem{x0, header.height, x1, header.height, 0.5, rule});
        header.baseline = vpad + baseline_in(leading, size);
        header_box = static_cast<int>(out.boxes.size());
        header_height = header.height;
        header.table_header = header_box;
        out.box(std::move(header));
        out.keep_next(1); // never the header alone at the foot of a page
      }
      continue;
    }
    // The lines a page can hold under the repeated header, less one for the rounding of the
    // notes and the grid.
    const double room = ctx.geo.height() - header_height - 2 * vpad;
    const std::size_t per_box = static_cast<std::size_t>(std::max(1.0, std::floor(room / leading) - 1));
    std::vector<VBox> parts;
    if (lines > per_box) parts = split_row(std::move(row), lines, per_box, leading, vpad);
    else parts.push_back(std::move(row));
    if (body_index > 0) {
      int p = 0;
      if (body_index == 1) p += ctx.style.pages.club_penalty;
      if (body_index + 1 == body_rows) p += ctx.style.pages.widow_penalty;
      out.penalty(p);
      parts.front().items.emplace_back(RuleItem{x0, 0, x1, 0, 0.25, hair});
    } else if (header_box < 0) {
      parts.front().items.emplace_back(RuleItem{x0, 0.4, x1, 0.4, 0.8, rule});
    }
    if (body_index + 1 == body_rows) {
      const double h = parts.back().height;
      parts.back().items.emplace_back(RuleItem{x0, h - 0.4, x1, h - 0.4, 0.8, rule});
    }
    for (std::size_t k = 0; k < parts.size(); ++k) {
      if (k > 0) out.penalty(0);
      parts[k].table_header = header_box;
      out.box(std::move(parts[k]));
    }
    ++body_index;
  }
  out.penalty(0);
  out.glue(ctx.looks.table_block.after);
}

} // namespace galley::layout::detail
