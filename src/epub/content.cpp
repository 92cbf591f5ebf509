// Blocks, inlines and notes of an article as XHTML (EPUB 3.3 content documents, HTML syntax in
// its XML serialisation). Heading levels shift down by one: the article title is the h1.
#include "epub/book.hpp"
#include "epub/mathml.hpp"
#include "highlight/highlight.hpp"
#include "math/parse.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace galley::epub {

namespace {
using namespace model;

std::string int_str(int v) {
  char buf[16];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return {buf, end};
}

std::string note_anchor(const ArticleContext& ctx, const Note& n) {
  return ctx.prefix + "n" + int_str(n.number);
}
std::string ref_anchor(const ArticleContext& ctx, const Note& n, int occurrence) {
  std::string id = ctx.prefix + "r" + int_str(n.number);
  if (occurrence > 1) id += "-" + int_str(occurrence);
  return id;
}

/// Links that stay valid inside an EPUB: web and mail addresses, and fragments of the same
/// article (which get the article's id prefix). Anything else returns "".
std::string safe_href(std::string_view url, const ArticleContext& ctx) {
  if (url.empty()) return "";
  if (url.front() == '#') return "#" + ctx.prefix + sanitize_id(url.substr(1));
  auto starts = [&](std::string_view p) {
    if (url.size() < p.size()) return false;
    for (size_t i = 0; i < p.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(url[i])) != p[i]) return false;
    return true;
  };
  if (!starts("http://") && !starts("https://") && !starts("mailto:")) return "";
  std::string out;
  for (char c : url) {
    // RFC 3986 forbids these raw; epubcheck reports them as invalid URLs.
    if (c == ' ') out += "%20";
    else if (c == '"') out += "%22";
    else if (c == '<') out += "%3C";
    else if (c == '>') out += "%3E";
    else if (static_cast<unsigned char>(c) >= 0x20) out += c;
  }
  return out;
}

void render_image_inline(pugi::xml_node parent, const model::Image& img, const SourceLoc& loc,
                         ArticleContext& ctx) {
  // A missing image (empty path, not remote) was reported by the loader; its alt text stands in.
  const bool missing = img.image.path.empty() && !img.image.remote;
  std::string href = missing ? std::string() : ctx.images.add(img.image, img.alt, loc, ctx.diags);
  if (href.empty()) {
    add_text(add_element(parent, "span", cls::image_alt), img.alt);
    return;
  }
  auto el = add_element(parent, "img", cls::inline_image);
  el.append_attribute("src") = href.c_str();
  el.append_attribute("alt") = xml_clean(img.alt).c_str();
  if (!img.title.empty()) el.append_attribute("title") = xml_clean(img.title).c_str();
}

void render_note_ref(pugi::xml_node parent, const NoteRef& ref, const SourceLoc& loc,
                     ArticleContext& ctx) {
  const Note* note = find_note(ctx.article, ref.id);
  if (!note) {
    ctx.diags.error(loc, "note '" + ref.id + "' is referenced but never defined",
                    "add '[^" + ref.id + "]: ...' or a source with this id");
    return;
  }
  int occurrence = ++ctx.ref_counts[note->id];
  auto sup = add_element(parent, "sup", cls::noteref);
  auto a = sup.append_child("a");
  // Each epub:type has its DPUB-ARIA role, which assistive technology reads (EPUB
  // Accessibility 1.1, 4; DPUB-ARIA 1.1).
  a.append_attribute("epub:type") = "noteref";
  a.append_attribute("role") = "doc-noteref";
  a.append_attribute("href") = ("#" + note_anchor(ctx, *note)).c_str();
  a.append_attribute("id") = ref_anchor(ctx, *note, occurrence).c_str();
  add_text(a, int_str(note->number + ctx.note_offset));
}

/// `<tag ...>` of raw inline HTML and the index of its matching `</tag>` in the same run,
/// so an element that Markdown split into two raw pieces can wrap the inlines between them.
size_t matching_close(const Inlines& inlines, size_t open) {
  const auto& html = std::get<RawInline>(inlines[open].value).html;
  if (html.size() < 3 || html[0] != '<' || html[1] == '/' || html[1] == '!' ||
      html.ends_with("/>"))
    return 0;
  size_t end = 1;
  while (end < html.size() && (std::isalnum(static_cast<unsigned char>(html[end])) != 0)) ++end;
  std::string name = html.substr(1, end - 1);
  if (name.empty()) return 0;
  int depth = 0;
  for (size_t j = open + 1; j < inlines.size(); ++j) {
    const auto* raw = std::get_if<RawInline>(&inlines[j].value);
    if (!raw) continue;
    if (raw->html.starts_with("<" + name) && !raw->html.ends_with("/>")) ++depth;
    if (raw->html == "</" + name + ">") {
      if (depth == 0) return j;
      --depth;
    }
  }
  return 0;
}

void render_raw_inline(pugi::xml_node parent, const Inlines& inlines, size_t& i,
                       ArticleContext& ctx) {
  const auto& in = inlines[i];
  const auto& html = std::get<RawInline>(in.value).html;
  if (size_t close = matching_close(inlines, i); close > 0) {
    const auto& end_tag = std::get<RawInline>(inlines[close].value).html;
    auto before = parent.last_child();
    append_raw_html(parent, html + end_tag, in.loc, ctx);
    auto kept = parent.last_child();
    Inlines inner(inlines.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                  inlines.begin() + static_cast<std::ptrdiff_t>(close));
    render_inlines(kept != before && kept.type() == pugi::node_element ? kept : parent, inner, ctx);
    i = close;
    return;
  }
  append_raw_html(parent, html, in.loc, ctx);
}

const char* span_element(model::SpanKind kind) {
  switch (kind) {
  case model::SpanKind::Keyboard: return "kbd";
  case model::SpanKind::Sample: return "samp";
  case model::SpanKind::Mark: return "mark";
  case model::SpanKind::Underline: return "u";
  case model::SpanKind::Small: return "small";
  case model::SpanKind::Abbreviation: return "abbr";
  case model::SpanKind::Quote: return "q";
  case model::SpanKind::Plain: break;
  }
  return "span";
}

/// An HTML phrase element as its XHTML element; a plain span that sets no language or
/// direction adds nothing and is left out.
void render_span(pugi::xml_node parent, const model::Span& v, ArticleContext& ctx) {
  if (v.kind == model::SpanKind::Plain && v.lang.empty() && v.dir.empty()) {
    render_inlines(parent, v.children, ctx);
    return;
  }
  auto el = parent.append_child(span_element(v.kind));
  if (!v.title.empty()) el.append_attribute("title") = xml_clean(v.title).c_str();
  if (!v.lang.empty()) {
    el.append_attribute("lang") = xml_clean(v.lang).c_str();
    el.append_attribute("xml:lang") = xml_clean(v.lang).c_str();
  }
  if (!v.dir.empty()) el.append_attribute("dir") = v.dir.c_str();
  render_inlines(el, v.children, ctx);
}

const char* align_class(model::Align a) {
  switch (a) {
  case model::Align::Left: return cls::left;
  case model::Align::Center: return cls::center;
  case model::Align::Right: return cls::right;
  case model::Align::Default: break;
  }
  return nullptr;
}

void render_table(pugi::xml_node parent, const Table& t, ArticleContext& ctx) {
  auto table = add_element(parent, "table");
  pugi::xml_node section;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    bool header = static_cast<int>(r) < t.header_rows;
    if (r == 0 || static_cast<int>(r) == t.header_rows)
      section = add_element(table, header ? "thead" : "tbody");
    auto tr = add_element(section, "tr");
    for (size_t c = 0; c < t.rows[r].cells.size(); ++c) {
      const char* align = c < t.aligns.size() ? align_class(t.aligns[c]) : nullptr;
      auto cell = add_element(tr, header ? "th" : "td", align);
      if (header) cell.append_attribute("scope") = "col";
      render_inlines(cell, t.rows[r].cells[c].content, ctx);
    }
  }
}

void render_figure(pugi::xml_node parent, const Figure& f, const SourceLoc& loc,
                   ArticleContext& ctx) {
  auto fig = add_element(parent, "figure");
  if (!f.id.empty()) fig.append_attribute("id") = ctx.claim_id(sanitize_id(f.id)).c_str();
  const bool missing = f.image.path.empty() && !f.image.remote; // reported by the loader
  std::string href = missing ? std::string() : ctx.images.add(f.image, f.alt, loc, ctx.diags);
  if (href.empty()) {
    add_text(add_element(fig, "p", cls::image_alt), f.alt);
  } else {
    auto img = fig.append_child("img");
    img.append_attribute("src") = href.c_str();
    img.append_attribute("alt") = xml_clean(f.alt).c_str();
  }
  if (f.caption.empty() && f.credit.empty()) return;
  auto cap = fig.append_child("figcaption");
  render_inlines(cap, f.caption, ctx);
  if (!f.credit.empty()) {
    if (!f.caption.empty()) add_text(cap, " ");
    add_text(add_element(cap, "span", cls::credit), f.credit);
  }
}

/// A code block, its tokens as highlight/ splits them (as the PDF has them): a span of a token
/// class for each token that is not plain, styled by the theme's rules in the style sheet. With
/// line numbers on, each line is a span that a CSS counter numbers (css.cpp): generated
/// content, so it stays out of the text a reader selects and copies.
void render_code(pugi::xml_node parent, const CodeBlock& v, ArticleContext& ctx) {
  auto pre = parent.append_child("pre");
  const bool numbered = ctx.style.code.line_numbers;
  if (numbered)
    pre.append_attribute("class") = cls::code_numbered;
  auto code = pre.append_child("code");
  if (!v.language.empty())
    code.append_attribute("class") = ("language-" + sanitize_id(v.language)).c_str();
  const std::vector<highlight::TokenLine> lines = code_tokens(v.language, v.code, ctx.memo);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0)
      add_text(code, "\n");
    pugi::xml_node line = code;
    if (numbered) {
      line = code.append_child("span");
      line.append_attribute("class") = cls::code_line;
    }
    for (const highlight::Token& token : lines[i]) {
      if (token.kind == style::TokenKind::Plain) {
        add_text(line, token.text);
        continue;
      }
      auto span = line.append_child("span");
      span.append_attribute("class") = cls::token_class(token.kind).c_str();
      add_text(span, token.text);
    }
  }
}

void render_list(pugi::xml_node parent, const List& list, ArticleContext& ctx) {
  bool ordered = list.kind == ListKind::Ordered;
  auto el = add_element(parent, ordered ? "ol" : "ul");
  if (ordered && list.start != 1) el.append_attribute("start") = list.start;
  // HTML's <ol type> (4.4.5), which the stylesheet repeats as list-style-type (css.cpp).
  static constexpr std::array<const char*, 5> kTypes{"1", "a", "A", "i", "I"};
  if (ordered && list.numbering != ListNumbering::Decimal)
    el.append_attribute("type") = kTypes[static_cast<std::size_t>(list.numbering)];
  for (const auto& item : list.items) {
    auto li = add_element(el, "li", item.checked ? cls::task : nullptr);
    if (item.checked) {
      auto box = add_element(li, "span", *item.checked ? cls::checkbox_done : cls::checkbox);
      add_text(box, *item.checked ? "\u2611" : "\u2610");
      add_text(li, " ");
    }
    // A tight list shows its paragraphs without paragraph spacing (CommonMark 5.3).
    bool inline_paras = list.tight;
    for (const auto& b : item.blocks) {
      if (const auto* p = std::get_if<Paragraph>(&b.value); p && inline_paras) {
        if (li.last_child() && li.last_child().type() == pugi::node_element &&
            std::string_view(li.last_child().name()) != "span")
          add_text(li, " ");
        render_inlines(li, p->content, ctx);
      } else {
        render_block(li, b, ctx);
      }
    }
  }
}
} // namespace

std::string ArticleContext::claim_id(std::string_view base) {
  std::string id = prefix + std::string(base);
  for (int n = 2; !ids.insert(id).second; ++n) id = prefix + std::string(base) + "-" + int_str(n);
  return id;
}

void render_inlines(pugi::xml_node parent, const Inlines& inlines, ArticleContext& ctx) {
  for (size_t i = 0; i < inlines.size(); ++i) {
    const auto& in = inlines[i];
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, Text>) {
            add_text(parent, v.text);
          } else if constexpr (std::is_same_v<T, Emphasis>) {
            render_inlines(parent.append_child("em"), v.children, ctx);
          } else if constexpr (std::is_same_v<T, Strong>) {
            render_inlines(parent.append_child("strong"), v.children, ctx);
          } else if constexpr (std::is_same_v<T, Strikethrough>) {
            render_inlines(parent.append_child("s"), v.children, ctx);
          } else if constexpr (std::is_same_v<T, Code>) {
            add_text(parent.append_child("code"), v.text);
          } else if constexpr (std::is_same_v<T, Link>) {
            std::string href = safe_href(v.url, ctx);
            if (href.empty()) {
              // A path relative to the site (another page, a LICENSE file) has nothing to
              // point at in a book: worth a note. A scheme the book must not carry
              // (javascript:, file:) is a warning.
              const bool relative = v.url.find(':') == std::string::npos;
              const std::string message =
                  "link target '" + v.url + "' cannot be followed in an EPUB; its text is kept";
              if (relative) ctx.diags.note(in.loc, message);
              else ctx.diags.warning(in.loc, message);
              render_inlines(parent, v.children, ctx);
              return;
            }
            if (href.front() == '#') ctx.fragment_links.emplace(href, in.loc);
            auto a = parent.append_child("a");
            a.append_attribute("href") = href.c_str();
            if (!v.title.empty()) a.append_attribute("title") = xml_clean(v.title).c_str();
            render_inlines(a, v.children, ctx);
          } else if constexpr (std::is_same_v<T, model::Image>) {
            render_image_inline(parent, v, in.loc, ctx);
          } else if constexpr (std::is_same_v<T, NoteRef>) {
            render_note_ref(parent, v, in.loc, ctx);
          } else if constexpr (std::is_same_v<T, LineBreak>) {
            parent.append_child("br");
          } else if constexpr (std::is_same_v<T, SoftBreak>) {
            add_text(parent, " ");
          } else if constexpr (std::is_same_v<T, RawInline>) {
            render_raw_inline(parent, inlines, i, ctx);
          } else if constexpr (std::is_same_v<T, Superscript>) {
            render_inlines(parent.append_child("sup"), v.children, ctx);
          } else if constexpr (std::is_same_v<T, Subscript>) {
            render_inlines(parent.append_child("sub"), v.children, ctx);
          } else if constexpr (std::is_same_v<T, model::Span>) {
            render_span(parent, v, ctx);
          } else if constexpr (std::is_same_v<T, model::Math>) {
            const math::Formula formula = math::parse(v.tex, v.display);
            if (!formula.failed) {
              // The equation number floats right of the formula's block, as text: MathML
              // Core has no labelled rows (mlabeledtr is MathML 3's only). Both sit in a block
              // of their own, so that in a paragraph with text before the formula the number
              // floats beside the formula, not beside the line of text before it.
              pugi::xml_node holder = parent;
              if (!formula.tag.empty()) {
                holder = parent.append_child("span");
                holder.append_attribute("class") = cls::equation;
                auto number = holder.append_child("span");
                number.append_attribute("class") = cls::equation_number;
                add_text(number, formula.tag);
              }
              append_mathml(holder, formula, v.tex);
              ctx.has_math = true;
              return;
            }
            // What the parser does not know is shown as written, in the code face.
            ctx.diags.warning(in.loc, math::failure_message(formula));
            auto code = parent.append_child("code");
            code.append_attribute("class") = v.display ? "math display" : "math";
            add_text(code, v.tex);
          }
        },
        in.value);
  }
}

namespace {
/// A definition of one paragraph is set as the paragraph's text, as a tight list item is.
void render_definition(pugi::xml_node dd, const Blocks& blocks, ArticleContext& ctx) {
  if (blocks.size() == 1)
    if (const auto* para = std::get_if<Paragraph>(&blocks.front().value))
      return render_inlines(dd, para->content, ctx);
  render_blocks(dd, blocks, ctx);
}
} // namespace

void render_blocks(pugi::xml_node parent, const Blocks& blocks, ArticleContext& ctx) {
  for (const auto& b : blocks) render_block(parent, b, ctx);
}

void render_block(pugi::xml_node parent, const Block& b, ArticleContext& ctx) {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, Heading>) {
          const int level = model::shown_heading_level(ctx.heading_level, v);
          ctx.heading_level = level;
          char name[3] = {'h', static_cast<char>('0' + level), 0};
          auto h = parent.append_child(name);
          std::string id = ctx.claim_id(sanitize_id(v.id.empty() ? "section" : v.id));
          h.append_attribute("id") = id.c_str();
          render_inlines(h, v.content, ctx);
          ctx.headings.push_back({plain_text(v.content), "#" + id, v.level, {}});
        } else if constexpr (std::is_same_v<T, Paragraph>) {
          render_inlines(parent.append_child("p"), v.content, ctx);
        } else if constexpr (std::is_same_v<T, List>) {
          render_list(parent, v, ctx);
        } else if constexpr (std::is_same_v<T, BlockQuote>) {
          render_blocks(parent.append_child("blockquote"), v.blocks, ctx);
        } else if constexpr (std::is_same_v<T, CodeBlock>) {
          render_code(parent, v, ctx);
        } else if constexpr (std::is_same_v<T, Figure>) {
          render_figure(parent, v, b.loc, ctx);
        } else if constexpr (std::is_same_v<T, Table>) {
          render_table(parent, v, ctx);
        } else if constexpr (std::is_same_v<T, ThematicBreak>) {
          parent.append_child("hr");
        } else if constexpr (std::is_same_v<T, RawBlock>) {
          append_raw_html(parent, v.html, b.loc, ctx);
        } else if constexpr (std::is_same_v<T, DefinitionList>) {
          auto dl = parent.append_child("dl");
          for (const auto& item : v.items) {
            render_inlines(dl.append_child("dt"), item.term, ctx);
            for (const auto& definition : item.definitions)
              render_definition(dl.append_child("dd"), definition, ctx);
          }
        }
      },
      b.value);
}

namespace {
/// A source with no text of its own: "Publisher, Title, Date" and its address as a link.
void render_source(pugi::xml_node p, const Source& s, ArticleContext& ctx) {
  std::string text;
  for (const auto* part : {&s.publisher, &s.title, &s.date}) {
    if (part->empty()) continue;
    if (!text.empty()) text += ", ";
    text += *part;
  }
  add_text(p, text);
  std::string href = safe_href(s.url, ctx);
  if (href.empty() || href.front() == '#') return;
  if (!text.empty()) add_text(p, ". ");
  auto a = p.append_child("a");
  a.append_attribute("href") = href.c_str();
  add_text(a, s.url);
}

/// The note's number as the reader sees it, linking back to `back_href` when the note is cited.
void add_note_number(pugi::xml_node p, int shown, const std::string& back_href) {
  auto number = p.append_child(back_href.empty() ? "span" : "a");
  if (!back_href.empty()) number.append_attribute("href") = back_href.c_str();
  number.append_attribute("class") = cls::note_number;
  add_text(number, int_str(shown) + ".");
  add_text(p, " ");
}

/// The note's text with its number first: the number inside the first paragraph, so reading
/// systems that show the aside as a pop-up keep number and text on one line.
void render_note_body(pugi::xml_node parent, const Note& n, const std::string& back_href,
                      ArticleContext& ctx) {
  auto p = parent.append_child("p");
  add_note_number(p, n.number + ctx.note_offset, back_href);
  if (n.blocks.empty()) {
    if (n.source) render_source(p, *n.source, ctx);
    return;
  }
  size_t first = 0;
  if (const auto* para = std::get_if<Paragraph>(&n.blocks.front().value)) {
    render_inlines(p, para->content, ctx);
    first = 1;
  }
  render_blocks(parent, model::Blocks(n.blocks.begin() + static_cast<std::ptrdiff_t>(first),
                                      n.blocks.end()),
                ctx);
}
} // namespace

void render_notes(pugi::xml_node parent, ArticleContext& ctx) {
  std::vector<const Note*> cited, listed;
  for (const auto& n : ctx.article.notes) (n.cited ? cited : listed).push_back(&n);
  auto by_number = [](const Note* a, const Note* b) { return a->number < b->number; };
  std::stable_sort(cited.begin(), cited.end(), by_number);
  std::stable_sort(listed.begin(), listed.end(), by_number);

  if (!cited.empty()) {
    auto section = add_element(parent, "section", cls::footnotes);
    section.append_attribute("epub:type") = "endnotes";
    section.append_attribute("role") = "doc-endnotes";
    section.append_attribute("aria-label") = "Notes";
    for (const Note* n : cited) {
      auto aside = section.append_child("aside");
      aside.append_attribute("epub:type") = "footnote";
      aside.append_attribute("role") = "doc-footnote";
      aside.append_attribute("id") = note_anchor(ctx, *n).c_str();
      aside.append_attribute("class") = cls::footnote;
      // Pop-up notes link back to the first place that cites them (EPUB 3.3 SSV noteref).
      bool referenced = ctx.ref_counts.count(n->id) > 0;
      render_note_body(aside, *n, referenced ? "#" + ref_anchor(ctx, *n, 1) : std::string(), ctx);
    }
  }
  if (!listed.empty()) {
    bool all_sources = std::all_of(listed.begin(), listed.end(),
                                   [](const Note* n) { return n->kind == NoteKind::Source; });
    auto section = add_element(parent, "section", cls::sources);
    std::string heading_id = ctx.claim_id("sources");
    section.append_attribute("aria-labelledby") = heading_id.c_str();
    auto h = section.append_child("h2");
    h.append_attribute("id") = heading_id.c_str();
    add_text(h, all_sources ? "Sources" : "Notes");
    auto ol = section.append_child("ol");
    for (const Note* n : listed) {
      auto li = ol.append_child("li");
      li.append_attribute("id") = note_anchor(ctx, *n).c_str();
      li.append_attribute("value") = model::listed_number(*n, ctx.note_offset);
      if (n->blocks.empty() && n->source) {
        render_source(li, *n->source, ctx);
      } else if (n->blocks.size() == 1 && std::holds_alternative<Paragraph>(n->blocks[0].value)) {
        render_inlines(li, std::get<Paragraph>(n->blocks[0].value).content, ctx);
      } else {
        render_blocks(li, n->blocks, ctx);
      }
    }
  }
}

} // namespace galley::epub
