#include "input/markdown.hpp"

#include "input/admonitions.hpp"
#include "input/cmark_doc.hpp"
#include "input/definition_lists.hpp"
#include "input/emoji.hpp"
#include "input/front_matter.hpp"
#include "input/heading_attributes.hpp"
#include "input/html.hpp"
#include "input/markdown_fence.hpp"
#include "input/markdown_math.hpp"
#include "input/mdx.hpp"
#include "input/meta.hpp"
#include "input/nesting.hpp"
#include "input/simple_tables.hpp"
#include "input/table_cells.hpp"
#include "input/typography.hpp"
#include "input/value.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <map>
#include <cstdint>
#include <cstring>

namespace galley::input {

namespace {


std::string_view type_string(cmark_node* n) {
  const char* s = cmark_node_get_type_string(n);
  return s ? s : "";
}

std::string literal(cmark_node* n) {
  const char* s = cmark_node_get_literal(n);
  return s ? s : "";
}

/// A footnote label as written, `[^label]`, at the start of `s`; empty when there is none.
/// GFM footnote labels hold no spaces and no brackets.
std::string_view footnote_label(std::string_view s) {
  if (s.substr(0, 2) != "[^")
    return {};
  size_t end = s.find(']', 2);
  if (end == std::string_view::npos || end == 2)
    return {};
  std::string_view label = s.substr(2, end - 2);
  if (label.find_first_of(" \t\n[") != std::string_view::npos)
    return {};
  return label;
}

class Converter {
public:
  Converter(std::string_view body, int line_offset, std::map<int, std::string> heading_ids,
            bool smart, const ArticleContext& ctx, Diagnostics& diags)
      : body_(body), offset_(line_offset), heading_ids_(std::move(heading_ids)), smart_(smart),
        ctx_(ctx), diags_(diags) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < body.size(); ++i)
      if (body[i] == '\n')
        line_starts_.push_back(i + 1);
  }

  void document(cmark_node* doc, ArticleDraft& draft) {
    for (cmark_node* n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
      if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION) {
        footnote(n, draft);
      } else if (auto b = block(n, 0)) {
        draft.article.blocks.push_back(std::move(*b));
      }
    }
    find_unused_definitions(draft);
  }

private:
  SourceLoc loc(cmark_node* n) const {
    // Text that cmark-gfm builds from unmatched brackets carries no position: use the parent's.
    while (cmark_node_get_start_line(n) == 0 && cmark_node_parent(n))
      n = cmark_node_parent(n);
    return {ctx_.display, cmark_node_get_start_line(n) + offset_,
            std::max(1, cmark_node_get_start_column(n))};
  }

  /// Line `line` (1-based, counted in the body) without its newline.
  std::string_view body_line(int line) const {
    if (line < 1 || static_cast<size_t>(line) > line_starts_.size())
      return {};
    size_t start = line_starts_[static_cast<size_t>(line - 1)];
    size_t end = body_.find('\n', start);
    return body_.substr(start,
                        end == std::string_view::npos ? std::string_view::npos : end - start);
  }

  bool too_deep(cmark_node* n, int depth) {
    return nesting_.too_deep(depth, [&] { return loc(n); }, diags_);
  }

  void blocks(cmark_node* parent, model::Blocks& out, int depth) {
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n))
      if (auto b = block(n, depth))
        out.push_back(std::move(*b));
  }

  std::optional<model::Block> block(cmark_node* n, int depth) {
    model::Block b;
    b.loc = loc(n);
    std::string_view ext = type_string(n);
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_PARAGRAPH: {
      model::Paragraph p;
      inlines(n, p.content, depth);
      // A paragraph holding only an image is a figure (as pandoc's implicit_figures does).
      if (p.content.size() == 1) {
        if (auto* img = std::get_if<model::Image>(&p.content[0].value)) {
          model::Figure f;
          f.image = img->image;
          f.alt = img->alt;
          const std::string& caption = img->title.empty() ? img->alt : img->title;
          if (!caption.empty())
            f.caption.push_back({model::Text{caption}, p.content[0].loc});
          b.value = std::move(f);
          return b;
        }
      }
      b.value = std::move(p);
      return b;
    }
    case CMARK_NODE_HEADING: {
      model::Heading h;
      h.level = cmark_node_get_heading_level(n);
      if (auto id = heading_ids_.find(cmark_node_get_start_line(n)); id != heading_ids_.end())
        h.id = id->second;
      inlines(n, h.content, depth);
      b.value = std::move(h);
      return b;
    }
    case CMARK_NODE_LIST: {
      if (too_deep(n, depth + 1))
        return std::nullopt;
      model::List l;
      l.kind = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST ? model::ListKind::Ordered
                                                                 : model::ListKind::Bullet;
      l.start = l.kind == model::ListKind::Ordered ? cmark_node_get_list_start(n) : 1;
      l.tight = cmark_node_get_list_tight(n) != 0;
      for (cmark_node* it = cmark_node_first_child(n); it; it = cmark_node_next(it)) {
        model::ListItem item;
        item.loc = loc(it);
        if (type_string(it) == "tasklist")
          item.checked = cmark_gfm_extensions_get_tasklist_item_checked(it);
        blocks(it, item.blocks, depth + 1);
        l.items.push_back(std::move(item));
      }
      b.value = std::move(l);
      return b;
    }
    case CMARK_NODE_BLOCK_QUOTE: {
      if (too_deep(n, depth + 1))
        return std::nullopt;
      model::BlockQuote q;
      blocks(n, q.blocks, depth + 1);
      b.value = std::move(q);
      return b;
    }
    case CMARK_NODE_CODE_BLOCK: {
      model::CodeBlock c;
      std::string info = cmark_node_get_fence_info(n) ? cmark_node_get_fence_info(n) : "";
      c.language = fence_language(info);
      c.code = literal(n);
      if (!c.code.empty() && c.code.back() == '\n')
        c.code.pop_back();
      verbatim_lines_.emplace_back(cmark_node_get_start_line(n), cmark_node_get_end_line(n));
      if (c.language == "math") { // GitLab's and GitHub's display math
        model::Paragraph p;
        p.content.push_back({model::Math{std::move(c.code), true}, b.loc});
        b.value = std::move(p);
        return b;
      }
      b.value = std::move(c);
      return b;
    }
    case CMARK_NODE_HTML_BLOCK: {
      std::string html = literal(n);
      while (!html.empty() && html.back() == '\n')
        html.pop_back();
      verbatim_lines_.emplace_back(cmark_node_get_start_line(n), cmark_node_get_end_line(n));
      b.value = model::RawBlock{std::move(html)};
      return b;
    }
    case CMARK_NODE_THEMATIC_BREAK:
      b.value = model::ThematicBreak{};
      return b;
    default:
      break;
    }
    if (ext == "table") {
      b.value = table(n, depth);
      return b;
    }
    return std::nullopt;
  }

  model::Table table(cmark_node* n, int depth) {
    model::Table t;
    uint16_t columns = cmark_gfm_extensions_get_table_columns(n);
    const uint8_t* aligns = cmark_gfm_extensions_get_table_alignments(n);
    for (uint16_t c = 0; c < columns; ++c) {
      uint8_t a = aligns ? aligns[c] : 0;
      t.aligns.push_back(a == 'l'   ? model::Align::Left
                         : a == 'c' ? model::Align::Center
                         : a == 'r' ? model::Align::Right
                                    : model::Align::Default);
    }
    t.header_rows = 0;
    std::size_t widest = columns;
    for (cmark_node* r = cmark_node_first_child(n); r; r = cmark_node_next(r)) {
      const bool header = type_string(r) == "table_header";
      if (header)
        ++t.header_rows;
      model::TableRow row;
      for (cmark_node* c = cmark_node_first_child(r); c; c = cmark_node_next(c)) {
        model::TableCell cell;
        cell.loc = loc(c);
        inlines(c, cell.content, depth);
        row.cells.push_back(std::move(cell));
      }
      if (!header)
        for (model::TableCell& extra : cells_past(r, columns, depth))
          row.cells.push_back(std::move(extra));
      widest = std::max(widest, row.cells.size());
      t.rows.push_back(std::move(row));
    }
    // A row longer than the header widens the table: the other rows get empty cells.
    t.aligns.resize(widest, model::Align::Default);
    for (model::TableRow& row : t.rows)
      while (row.cells.size() < widest) row.cells.push_back({{}, loc(n)});
    return t;
  }

  /// The cells of `row` past the header's `columns`, which cmark-gfm drops: read from the row's
  /// line parsed again on its own, so that a ragged row keeps every word.
  std::vector<model::TableCell> cells_past(cmark_node* row, std::size_t columns, int depth) {
    const int line = cmark_node_get_start_line(row);
    std::string_view text = body_line(line);
    if (static_cast<std::size_t>(std::count(text.begin(), text.end(), '|')) < columns)
      return {}; // too few separators for more cells than the header's
    CmarkDoc doc = row_as_table(text, smart_);
    if (!doc) return {};
    cmark_node* header = cmark_node_first_child(cmark_node_first_child(doc.get()));
    std::vector<model::TableCell> cells;
    std::size_t index = 0;
    for (cmark_node* c = cmark_node_first_child(header); c; c = cmark_node_next(c), ++index) {
      if (index < columns) continue;
      model::TableCell cell;
      cell.loc = {ctx_.display, line + offset_, std::max(1, cmark_node_get_start_column(c))};
      inlines(c, cell.content, depth);
      // The nodes count lines from the row alone.
      for (model::Inline& in : cell.content) in.loc.line = cell.loc.line;
      cells.push_back(std::move(cell));
    }
    return cells;
  }

  void footnote(cmark_node* n, ArticleDraft& draft) {
    std::vector<model::Note>& notes = draft.article.notes;
    model::Note note;
    note.kind = model::NoteKind::Footnote;
    note.loc = loc(n);
    // cmark-gfm gives no public accessor for the label; read it from the source line, which
    // starts `[^label]:` before the column where the definition's content begins.
    std::string_view line = body_line(cmark_node_get_start_line(n));
    size_t col = static_cast<size_t>(std::max(1, cmark_node_get_start_column(n)) - 1);
    size_t open = line.substr(0, std::min(col + 1, line.size())).rfind("[^");
    if (open != std::string_view::npos) {
      note.id = std::string(footnote_label(line.substr(open)));
      note.loc.column = static_cast<int>(open) + 1;
    }
    defined_.emplace(note.id, note.loc.line);
    // The limit is checked while reading, at the first note past it, so that a document of
    // 100,000 notes is refused before any more work is spent on it.
    const std::size_t limit = ctx_.options->limits.max_notes;
    if (notes.size() + draft.sources.size() >= limit) {
      if (!draft.too_many_notes)
        diags_.error(note.loc, "too many notes: this is note " + std::to_string(limit + 1) +
                                   " and the limit is " + std::to_string(limit),
                     "raise the limit with --max-notes");
      draft.too_many_notes = true;
      return;
    }
    blocks(n, note.blocks, 0);
    notes.push_back(std::move(note));
  }

  /// cmark-gfm drops footnote definitions that nothing references; find them in the source so
  /// that the writer hears about them (lines inside code and HTML blocks do not count).
  void find_unused_definitions(ArticleDraft& draft) {
    // Code and HTML blocks in line order (footnote bodies come last in cmark's tree), walked
    // alongside the lines, so the scan is linear.
    std::sort(verbatim_lines_.begin(), verbatim_lines_.end());
    size_t block = 0;
    for (size_t i = 0; i < line_starts_.size(); ++i) {
      int line = static_cast<int>(i) + 1;
      std::string_view l = body_line(line);
      size_t indent = l.find_first_not_of(' ');
      if (indent == std::string_view::npos || indent > 3)
        continue;
      std::string_view label = footnote_label(l.substr(indent));
      if (label.empty() || l.substr(indent + label.size() + 3, 1) != ":")
        continue;
      while (block < verbatim_lines_.size() && verbatim_lines_[block].second < line) ++block;
      bool verbatim = block < verbatim_lines_.size() && verbatim_lines_[block].first <= line;
      if (verbatim) continue;
      if (auto d = defined_.find(label); d != defined_.end()) {
        // cmark-gfm keeps the first definition of a label and drops the others silently.
        if (d->second != line + offset_)
          diags_.warning({ctx_.display, line + offset_, static_cast<int>(indent) + 1},
                         "note '" + std::string(label) + "' is defined twice (first at line " +
                             std::to_string(d->second) + "); this definition is left out");
        continue;
      }
      draft.unused_notes.push_back(
          {std::string(label), {ctx_.display, line + offset_, static_cast<int>(indent) + 1}});
    }
  }

  void inlines(cmark_node* parent, model::Inlines& out, int depth) {
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n))
      inline_node(n, out, depth);
  }

  /// Text, with `[^label]` that cmark-gfm did not match (labels of front-matter sources, or of
  /// notes that do not exist) turned into note references for the notes pass to resolve.
  void text(cmark_node* n, model::Inlines& out) {
    std::string s = literal(n);
    SourceLoc at = loc(n);
    size_t from = 0;
    for (size_t pos = s.find("[^"); pos != std::string::npos; pos = s.find("[^", pos + 1)) {
      std::string_view label = footnote_label(std::string_view(s).substr(pos));
      if (label.empty())
        continue;
      if (pos > from)
        out.push_back({model::Text{s.substr(from, pos - from)}, at});
      SourceLoc ref_loc = at;
      ref_loc.column += static_cast<int>(pos);
      out.push_back({model::NoteRef{std::string(label)}, ref_loc});
      from = pos + label.size() + 3;
      pos = from - 1;
    }
    if (from < s.size())
      out.push_back({model::Text{s.substr(from)}, at});
  }

  void inline_node(cmark_node* n, model::Inlines& out, int depth) {
    model::Inline in;
    in.loc = loc(n);
    auto children = [&](auto node_value) {
      if (too_deep(n, depth + 1))
        return;
      inlines(n, node_value.children, depth + 1);
      in.value = std::move(node_value);
      out.push_back(std::move(in));
    };
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_TEXT:
      return text(n, out);
    case CMARK_NODE_SOFTBREAK:
      in.value = model::SoftBreak{};
      break;
    case CMARK_NODE_LINEBREAK:
      in.value = model::LineBreak{};
      break;
    case CMARK_NODE_CODE: {
      model::Math math;
      if (math_node(n, math.tex, math.display))
        in.value = std::move(math);
      else
        in.value = model::Code{literal(n)};
      break;
    }
    case CMARK_NODE_HTML_INLINE:
      in.value = model::RawInline{literal(n)};
      break;
    case CMARK_NODE_EMPH:
      return children(model::Emphasis{});
    case CMARK_NODE_STRONG:
      return children(model::Strong{});
    case CMARK_NODE_LINK: {
      model::Link link;
      link.url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
      link.title = cmark_node_get_title(n) ? cmark_node_get_title(n) : "";
      return children(std::move(link));
    }
    case CMARK_NODE_IMAGE: {
      model::Image img;
      img.image.src = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
      img.title = cmark_node_get_title(n) ? cmark_node_get_title(n) : "";
      model::Inlines alt;
      inlines(n, alt, depth + 1);
      img.alt = model::plain_text(alt);
      in.value = std::move(img);
      break;
    }
    case CMARK_NODE_FOOTNOTE_REFERENCE: {
      // The reference spans `[^label]` in the source.
      std::string_view line = body_line(cmark_node_get_start_line(n));
      size_t col = static_cast<size_t>(std::max(1, cmark_node_get_start_column(n)) - 1);
      std::string_view label = col < line.size() ? footnote_label(line.substr(col)) : "";
      // On a paragraph's continuation line cmark-gfm counts the column from the first
      // character after the line's indent.
      const size_t indent = std::min(line.find_first_not_of(" \t"), line.size());
      if (label.empty() && col + indent < line.size()) {
        label = footnote_label(line.substr(col + indent));
        in.loc.column += static_cast<int>(indent);
      }
      in.value = model::NoteRef{std::string(label)};
      break;
    }
    default:
      if (type_string(n) == "strikethrough")
        return children(model::Strikethrough{});
      return;
    }
    out.push_back(std::move(in));
  }

  std::string_view body_;
  int offset_;
  std::map<int, std::string> heading_ids_; ///< by the heading's first line
  bool smart_; ///< the document was parsed with smart punctuation
  const ArticleContext& ctx_;
  Diagnostics& diags_;
  std::vector<size_t> line_starts_;
  std::vector<std::pair<int, int>> verbatim_lines_;
  /// Footnote labels cmark-gfm defined, with the line of the definition it kept.
  std::map<std::string, int, std::less<>> defined_;
  NestingGuard nesting_{ctx_.options->limits.max_nesting};
};

/// cmark-gfm 0.29.0.gfm.6 (Debian 12) has inputs that take quadratic time: a paragraph that
/// mixes many emphasis delimiters with many closing brackets (each `]` rescans the delimiter
/// stack; fixed upstream in gfm.7, CVE-2023-22486), and table rows with thousands of cells.
/// No article comes near these bounds, so a text that exceeds them is refused, not parsed.
bool within_parser_limits(std::string_view body, int line_offset, const std::string& file,
                          Diagnostics& diags) {
  constexpr std::uint64_t kMaxDelimiterBracketProduct = 20'000'000;
  constexpr int kMaxPipesPerLine = 2000;
  std::uint64_t delimiters = 0, brackets = 0;
  int line = 1, chunk_start = 1, pipes = 0;
  bool blank = true;
  for (size_t i = 0; i <= body.size(); ++i) {
    char c = i < body.size() ? body[i] : '\n';
    if (c == '\n') {
      if (blank) { // a blank line ends the paragraph: its delimiters cannot pair across it
        delimiters = brackets = 0;
        chunk_start = line + 1;
      }
      ++line;
      pipes = 0;
      blank = true;
      continue;
    }
    if (c != ' ' && c != '\t')
      blank = false;
    if (c == '*' || c == '_' || c == '~')
      ++delimiters;
    else if (c == ']')
      ++brackets;
    else if (c == '|' && ++pipes > kMaxPipesPerLine) {
      diags.error({file, line + line_offset, 1},
                  "line has more than " + std::to_string(kMaxPipesPerLine) +
                      " table cell separators; the text is not parsed");
      return false;
    }
    if (delimiters * brackets > kMaxDelimiterBracketProduct) {
      diags.error({file, chunk_start + line_offset, 1},
                  "paragraph has too much inline markup to parse safely (" +
                      std::to_string(delimiters) + " emphasis marks and " +
                      std::to_string(brackets) + " brackets); the text is not parsed",
                  "split it into smaller paragraphs");
      return false;
    }
  }
  return true;
}

std::vector<HeadingLines> heading_lines(cmark_node* doc) {
  std::vector<HeadingLines> lines;
  cmark_iter* it = cmark_iter_new(doc);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_HEADING)
      lines.push_back({cmark_node_get_start_line(n), cmark_node_get_end_line(n)});
  }
  cmark_iter_free(it);
  return lines;
}

void read_front(const FrontMatterSplit& split, const ArticleContext& ctx, ArticleDraft& draft,
                Diagnostics& diags) {
  const Limits& limits = ctx.options->limits;
  std::optional<Value> root;
  if (split.kind == FrontMatterKind::Yaml)
    root = parse_yaml(split.front, ctx.display, split.front_first_line, limits, diags);
  else if (split.kind == FrontMatterKind::Toml)
    root = parse_toml(split.front, ctx.display, split.front_first_line, limits, diags);
  if (root)
    read_front_matter(*root, draft, diags);
}

} // namespace

void read_markdown(std::string_view text, const ArticleContext& ctx, ArticleDraft& draft,
                   Diagnostics& diags) {
  FrontMatterSplit split = split_front_matter(text, ctx.display, diags);
  read_front(split, ctx, draft, diags);
  if (!within_parser_limits(split.body, split.body_line_offset, ctx.display, diags))
    return;

  CmarkDoc doc = parse_markdown(split.body, draft.smart);
  // The body as parsed the second time, when the first parse found heading attributes to blank
  // or pandoc simple tables to write as pipe tables. Both keep every line where it was.
  std::string rewritten(split.body);
  std::map<int, std::string> heading_ids;
  if (std::vector<HeadingLines> lines = heading_lines(doc.get()); !lines.empty())
    heading_ids = blank_heading_attributes(rewritten, lines);
  const bool tables = rewrite_simple_tables(doc.get(), rewritten);
  const bool again = tables || !heading_ids.empty();
  if (again)
    doc = parse_markdown(rewritten, draft.smart);
  std::string_view body = again ? std::string_view(rewritten) : split.body;
  Converter conv(body, split.body_line_offset, std::move(heading_ids), draft.smart, ctx, diags);
  conv.document(doc.get(), draft);
  // MDX statements go first: an exported component holds JSX that is not the article's HTML.
  drop_mdx_statements(draft.article.blocks, ctx.display);
  resolve_admonitions(draft.article.blocks);
  gather_definition_lists(draft.article.blocks);
  for (model::Note& note : draft.article.notes) gather_definition_lists(note.blocks);
  expand_emoji_shortcodes(draft.article);
  join_east_asian_lines(draft.article.blocks);
  for (model::Note& note : draft.article.notes) join_east_asian_lines(note.blocks);
  if (draft.smart) apply_typography(draft.article, split.body);
  resolve_html(draft.article, ctx.options->limits.max_nesting, diags);
  // A title given as the first `# Heading` is taken in finalize (title.cpp), for every format.
}

} // namespace galley::input
