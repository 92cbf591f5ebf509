#include "layout/notes.hpp"

#include "layout/list_numbers.hpp"

#include <algorithm>

namespace galley::layout::detail {

double note_hang(const style::Style& style) { return style.notes.size * 2; }

namespace {

/// A source's print form when the loader gave no text: "Publisher, Title, Date. URL".
model::Inlines source_inlines(const model::Source& s) {
  model::Inlines out;
  auto text = [&](std::string t) { out.push_back({model::Text{std::move(t)}, {}}); };
  if (!s.publisher.empty()) text(s.publisher);
  if (!s.title.empty()) {
    if (!out.empty()) text(", ");
    out.push_back({model::Emphasis{{{model::Text{s.title}, {}}}}, {}});
  }
  if (!s.date.empty()) text((out.empty() ? "" : ", ") + s.date);
  if (!s.url.empty()) {
    if (!out.empty()) text(". ");
    out.push_back({model::Link{s.url, "", {{model::Text{s.url}, {}}}}, {}});
  }
  return out;
}

/// Blocks as the paragraphs a note sets: notes are short, so a list, a quote, a table or code
/// inside one is set as its text, paragraph by paragraph; nothing is left out.
void note_text(const model::Blocks& blocks, std::vector<model::Inlines>& out) {
  auto text = [](std::string t) { return model::Inline{model::Text{std::move(t)}, {}}; };
  for (const model::Block& b : blocks) {
    if (const auto* p = std::get_if<model::Paragraph>(&b.value)) {
      out.push_back(p->content);
    } else if (const auto* h = std::get_if<model::Heading>(&b.value)) {
      out.push_back(h->content);
    } else if (const auto* q = std::get_if<model::BlockQuote>(&b.value)) {
      note_text(q->blocks, out);
    } else if (const auto* list = std::get_if<model::List>(&b.value)) {
      int number = list->start;
      for (const model::ListItem& item : list->items) {
        const std::size_t first = out.size();
        note_text(item.blocks, out);
        if (out.size() == first) out.emplace_back();
        const std::string marker = list->kind == model::ListKind::Ordered
                                       ? list_number(list->numbering, number++) + ". "
                                       : "\u2022 ";
        out[first].insert(out[first].begin(), text(marker));
      }
    } else if (const auto* code = std::get_if<model::CodeBlock>(&b.value)) {
      model::Inlines lines;
      std::size_t at = 0;
      while (at <= code->code.size()) {
        const std::size_t end = std::min(code->code.find('\n', at), code->code.size());
        if (!lines.empty()) lines.push_back({model::LineBreak{}, b.loc});
        lines.push_back({model::Code{code->code.substr(at, end - at)}, b.loc});
        at = end + 1;
      }
      out.push_back(std::move(lines));
    } else if (const auto* table = std::get_if<model::Table>(&b.value)) {
      for (const model::TableRow& row : table->rows) {
        model::Inlines line;
        for (const model::TableCell& cell : row.cells) {
          if (!line.empty()) line.push_back(text(" \u00b7 "));
          line.insert(line.end(), cell.content.begin(), cell.content.end());
        }
        out.push_back(std::move(line));
      }
    } else if (const auto* dl = std::get_if<model::DefinitionList>(&b.value)) {
      for (const model::DefinitionItem& item : dl->items) {
        model::Inlines term{{model::Strong{item.term}, item.loc}};
        out.push_back(std::move(term));
        for (const model::Blocks& definition : item.definitions) note_text(definition, out);
      }
    } else if (const auto* figure = std::get_if<model::Figure>(&b.value)) {
      out.push_back(figure->caption.empty() ? model::Inlines{text(figure->alt)} : figure->caption);
    }
  }
}

/// The note's paragraphs as inline runs; a source without text gets its print form.
std::vector<model::Inlines> note_paragraphs(const model::Note& note) {
  std::vector<model::Inlines> out;
  note_text(note.blocks, out);
  if (out.empty() && note.source) out.push_back(source_inlines(*note.source));
  return out;
}

InlineLook note_look(const ArticleContext& ctx) {
  InlineLook look = inline_look(ctx.looks.note);
  look.hyphenate = true;
  look.in_note = true;
  return look;
}

/// Lines of one note at `width`, with the number hanging in the column left of `x`.
std::vector<VBox> note_boxes(ArticleContext& ctx, const model::Note& note, double x, double width,
                             double size, double leading) {
  std::vector<VBox> boxes;
  InlineLook look = note_look(ctx);
  look.size = size;
  const double base = baseline_in(leading, size);
  for (const model::Inlines& para : note_paragraphs(note)) {
    std::vector<text::Span> spans;
    append_spans(ctx, para, look, spans);
    if (spans.empty()) continue;
    text::ParagraphSpec spec = paragraph_spec(ctx, std::move(spans), width, true);
    for (const text::Line& line : ctx.engine.layout_paragraph(spec, ctx.diags).lines) {
      VBox box;
      box.height = leading;
      box.baseline = base;
      emit_line(ctx, line, x, base, box);
      boxes.push_back(std::move(box));
    }
    ctx.tags.clear();
  }
  if (boxes.empty()) {
    VBox box;
    box.height = leading;
    box.baseline = base;
    boxes.push_back(std::move(box));
  }
  return boxes;
}

/// The number, right-aligned in the hang column, at the size of the note it labels.
text::Line number_line(ArticleContext& ctx, int number, double size) {
  const style::Look& look = ctx.looks.note_number;
  return shape_line(ctx, std::to_string(number) + ".", font_of(look), size, rgb(look.color),
                    look.font.features);
}

/// Sets a note's number at `x` on the baseline of its first line, as text of `element`, first
/// among the line's items so that the note's text reads after it.
void put_number(const text::Line& num, double x, int element, VBox& first) {
  std::vector<Item> number;
  for (const text::LineRun& r : num.runs) {
    GlyphRun run = make_run(r, x, first.baseline);
    run.element = element;
    number.emplace_back(std::move(run));
  }
  first.items.insert(first.items.begin(), number.begin(), number.end());
}

/// Up to `limit` words of `text`, with an ellipsis when some are left out.
std::string first_words(const std::string& text, std::size_t limit) {
  std::size_t words = 0, at = 0;
  while (at < text.size()) {
    while (at < text.size() && text[at] == ' ') ++at;
    if (at >= text.size()) break;
    if (++words > limit) return text.substr(0, text.find_last_not_of(' ', at - 1) + 1) + "\u2026";
    at = std::min(text.find(' ', at), text.size());
  }
  return text;
}

/// A note's short form: a source's publisher and title (up to its first colon, as a short
/// title is made in Chicago's notes style), a footnote's first ten words; with "see note N"
/// when the style asks.
model::Note brief_note(const model::Note& note, const style::NotesStyle& ns, int shown) {
  model::Note out = note;
  out.source.reset();
  model::Inlines text;
  auto plain = [&](std::string t) { text.push_back({model::Text{std::move(t)}, {}}); };
  if (note.source && !(note.source->publisher.empty() && note.source->title.empty())) {
    const model::Source& s = *note.source;
    if (!s.publisher.empty()) plain(s.publisher);
    if (!s.title.empty()) {
      if (!text.empty()) plain(", ");
      const std::string title = s.title.substr(0, s.title.find(':'));
      text.push_back({model::Emphasis{{{model::Text{title}, {}}}}, {}});
    }
  } else {
    std::string all;
    for (const model::Inlines& para : note_paragraphs(note))
      all += (all.empty() ? "" : " ") + model::plain_text(para);
    all = first_words(all, 10);
    while (!all.empty() && (all.back() == '.' || all.back() == ' ')) all.pop_back();
    plain(all);
  }
  if (ns.repeat == style::NoteRepeat::SeeNote) plain("; see note " + std::to_string(shown));
  plain(".");
  out.blocks = {model::Block{model::Paragraph{std::move(text)}, note.loc}};
  return out;
}

} // namespace

NoteLines layout_note(ArticleContext& ctx, int index, bool brief) {
  const model::Note& full = ctx.article.notes[static_cast<std::size_t>(index)];
  model::Note short_form;
  if (brief) short_form = brief_note(full, ctx.style.notes, ctx.shown_number(full));
  const model::Note& note = brief ? short_form : full;
  const style::Look& ns = ctx.looks.note;
  const double hang = note_hang(ctx.style);
  NoteLines out;
  // A Note of the article, whatever block is being set when the page builder asks for it; its
  // markers are its References (context.cpp).
  ElementScope element(ctx, "Note", 0);
  // The number is the Link back to the first marker (issue 5: markers link to the note and
  // back), made first so that it comes first in the Note.
  const int back = ElementScope(ctx, "Link").id();
  out.lines = note_boxes(ctx, note, hang, ctx.measure - hang, ns.size, ns.leading);
  VBox& first = out.lines.front();
  text::Line num = number_line(ctx, ctx.shown_number(note), ns.size);
  double x = hang - 3 - num.natural_width;
  put_number(num, x, back, first);
  first.items.emplace_back(AnchorItem{ctx.note_anchor(index), 0, 0});
  first.items.emplace_back(LinkItem{x - 1, first.baseline - ns.size * 0.8, num.natural_width + 2,
                                    ns.size * 1.05, "", ctx.ref_anchor(index), back});
  return out;
}

void layout_sources(ArticleContext& ctx, VList& out) {
  std::vector<int> uncited;
  for (std::size_t i = 0; i < ctx.article.notes.size(); ++i)
    if (!ctx.article.notes[i].cited && ctx.note_cites[i] == 0) uncited.push_back(static_cast<int>(i));
  if (uncited.empty()) return;
  model::Heading h;
  h.level = 1;
  h.content = {{model::Text{"Sources"}, {}}};
  h.id = "sources";
  BlockFrame frame{0, ctx.measure, 0, false};
  {
    ElementScope heading(ctx, "H2", 0);
    layout_heading(ctx, h, frame, out);
  }
  const double size = ctx.looks.sources.size;
  const double leading = ctx.looks.sources.leading;
  const double hang = note_hang(ctx.style) + 2;
  for (std::size_t k = 0; k < uncited.size(); ++k) {
    const model::Note& note = ctx.article.notes[static_cast<std::size_t>(uncited[k])];
    ElementScope element(ctx, "Note", 0);
    std::vector<VBox> lines = note_boxes(ctx, note, hang, ctx.measure - hang, size, leading);
    text::Line num = number_line(ctx, model::listed_number(note, ctx.note_offset), size);
    put_number(num, hang - 3 - num.natural_width, element.id(), lines.front());
    lines.front().items.emplace_back(AnchorItem{ctx.note_anchor(uncited[k]), 0, 0});
    out.penalty(0);
    out.glue(ctx.looks.between_notes);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) out.penalty(i == 1 || i + 1 == lines.size() ? ctx.style.pages.club_penalty : 0);
      out.box(std::move(lines[i]));
    }
  }
}

} // namespace galley::layout::detail
