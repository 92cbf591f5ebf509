// The book's style sheet, generated from the looks that drive the PDF (style/looks.hpp): each
// role's face, size, leading and colour are the PDF's. Reading systems let readers choose the
// text size, so every size is relative: em against the size of the enclosing element, and
// unitless line heights (leading / size), per CSS 2.1 10.8.1.
#include "epub/classes.hpp"
#include "epub/writer.hpp"
#include "style/looks.hpp"
#include "util/text_utils.hpp"

namespace galley::epub {

namespace {
std::string num(double v) { return format_number(v, 3); }
std::string em(double pt, double base) { return num(base > 0 ? pt / base : 1) + "em"; }
/// A block's vertical space as top and bottom margins, in ems of the block's own size.
std::string margins(const style::Space& sp, double size) {
  return "margin-top: " + em(sp.before, size) + "; margin-bottom: " + em(sp.after, size) + "; ";
}
std::string ratio(double leading, double size) { return num(size > 0 ? leading / size : 1.2); }

std::string hex(style::Color c) {
  static const char* digits = "0123456789abcdef";
  std::string out = "#";
  for (auto v : {c.r, c.g, c.b}) {
    out += digits[v >> 4];
    out += digits[v & 15];
  }
  return out;
}

std::string css_string(const std::string& family) {
  std::string out = "\"";
  for (char c : family)
    if (c != '"' && c != '\\' && c != '\n') out += c;
  return out + "\"";
}

/// The family, the style's fallbacks, then a generic family for the role (the style does not
/// say whether a family is serif, so the role decides).
std::string stack(const style::FontSpec& f, const style::Fonts& fonts, const char* generic) {
  std::string out;
  if (!f.family.empty()) out += css_string(f.family);
  for (const auto& fb : fonts.fallback) {
    if (fb == f.family) continue;
    if (!out.empty()) out += ", ";
    out += css_string(fb);
  }
  if (!out.empty()) out += ", ";
  return out + generic;
}

std::string features(const style::FontSpec& f) {
  if (f.features.empty()) return "";
  std::string out = "font-feature-settings: ";
  for (size_t i = 0; i < f.features.size(); ++i) {
    std::string feat = f.features[i];
    bool off = !feat.empty() && feat[0] == '-';
    if (off || (!feat.empty() && feat[0] == '+')) feat.erase(0, 1);
    if (i > 0) out += ", ";
    out += css_string(feat) + (off ? " 0" : " 1");
  }
  return out + "; ";
}

void rule(std::string& css, const std::string& selector, const std::string& body) {
  css += selector;
  css += " { ";
  css += body;
  css += "}\n";
}

std::string dot(const char* class_name) { return std::string(".") + class_name; }

/// A role's look as declarations: the family stack (ending in `generic`), features, size
/// relative to `parent_size`, line height, weight, slant, colour and case.
std::string look_css(const style::Look& l, const style::Fonts& fonts, const char* generic,
                     double parent_size) {
  std::string out = "font-family: " + stack(l.font, fonts, generic) + "; " + features(l.font) +
                    "font-size: " + em(l.size, parent_size) + "; line-height: " +
                    ratio(l.leading, l.size) + "; font-weight: " + std::to_string(l.weight) +
                    "; font-style: " + (l.italic ? "italic" : "normal") + "; color: " +
                    hex(l.color) + "; ";
  if (l.text_case == style::TextCase::Upper) out += "text-transform: uppercase; ";
  if (l.text_case == style::TextCase::SmallCaps) out += "font-variant: small-caps; ";
  if (l.tracking != 0) out += "letter-spacing: " + num(l.tracking) + "em; ";
  return out;
}
} // namespace

std::string generate_css(const style::Style& s, const std::string& font_faces) {
  const style::Looks k = style::resolve_looks(s);
  const style::Fonts& fonts = s.fonts;
  const auto& t = s.text;
  const double base = k.body.size;
  std::string css = "@charset \"UTF-8\";\n";
  css += font_faces;
  const char* align = t.align == style::Align::Justify ? "justify" : "start";
  const char* hyph = t.hyphenate ? "auto" : "manual";
  const std::string no_hyphens = "hyphens: manual; -epub-hyphens: manual; ";

  rule(css, "body",
       "margin: 0 5%; font-family: " + stack(k.body.font, fonts, "serif") + "; " +
           features(k.body.font) + "line-height: " + ratio(k.body.leading, base) + "; color: " +
           hex(k.body.color) + "; ");
  rule(css, "p", std::string("margin: 0; text-align: ") + align + "; -epub-hyphens: " + hyph +
                     "; hyphens: " + hyph + "; widows: 2; orphans: 2; ");
  // Paragraph separation: an indent for paragraphs that follow a paragraph, as in print, and
  // vertical space only when the style asks for it.
  if (t.indent > 0) rule(css, "p + p", "text-indent: " + em(t.indent, base) + "; ");
  if (t.paragraph_spacing > 0) rule(css, "p + p", "margin-top: " + em(t.paragraph_spacing, base) + "; ");
  // Links are underlined, not told apart by colour alone (WCAG 2.1, 1.4.1; Ace's
  // link-in-text-block): a reader who cannot see the link colour still finds them.
  rule(css, "a",
       "color: " + hex(s.colors.link) +
           "; text-decoration: underline; text-decoration-thickness: 0.06em; "
           "text-underline-offset: 0.15em; ");

  for (int i = 0; i < 6; ++i) {
    const auto& h = s.headings[i];
    rule(css, "h" + std::to_string(i + 1),
         look_css(k.headings[i], fonts, "sans-serif", base) + "margin: " +
             em(h.space_before, h.size) + " 0 " + em(h.space_after, h.size) +
             "; text-align: start; " + no_hyphens +
             "page-break-after: avoid; break-after: avoid; ");
  }

  // The opening. Its parts sit in the title block, which keeps the body size.
  const auto& o = s.opening;
  rule(css, dot(cls::title_block), "margin: 0 0 " + em(k.after_opening, base) + "; " +
                                       (o.title_centered ? "text-align: center; " : ""));
  rule(css, dot(cls::title_block) + " p", "text-indent: 0; text-align: inherit; " + no_hyphens);
  rule(css, dot(cls::title_block) + " h1",
       look_css(k.title, fonts, "sans-serif", base) + "margin: 0; ");
  rule(css, dot(cls::publication), look_css(k.publication, fonts, "sans-serif", base) +
                                       margins({0, k.after_publication}, k.publication.size));
  rule(css, dot(cls::subtitle), look_css(k.subtitle, fonts, "sans-serif", base) +
                                    margins({k.before_subtitle, 0}, k.subtitle.size));
  rule(css, dot(cls::dek), look_css(k.dek, fonts, "serif", base) +
                               margins({k.before_dek, 0}, k.dek.size));
  // The author block is set at the byline's size; its parts and the portrait are sized from it.
  const double byline = k.byline.size;
  rule(css, dot(cls::byline), look_css(k.byline, fonts, "sans-serif", base) +
                                  margins({k.before_byline, 0}, k.byline.size));
  rule(css, dot(cls::author), "margin: 0 0 0.5em; overflow: hidden; ");
  std::string radius = o.portrait == style::PortraitShape::Circle ? "border-radius: 50%; " : "";
  rule(css, dot(cls::portrait), "float: left; width: " + em(o.portrait_size, byline) +
                                    "; height: " + em(o.portrait_size, byline) +
                                    "; object-fit: cover; margin: 0 0.75em 0 0; " + radius);
  rule(css, dot(cls::author_name), look_css(k.author_name, fonts, "sans-serif", byline));
  rule(css, dot(cls::author_bio), look_css(k.author_bio, fonts, "sans-serif", byline));
  rule(css, dot(cls::article_meta), look_css(k.byline, fonts, "sans-serif", byline));

  rule(css, "figure", margins(k.figure, base) + "margin-left: 0; margin-right: 0; text-align: center; page-break-inside: avoid; break-inside: avoid; ");
  rule(css, "figure img", "display: block; margin: 0 auto; max-width: 100%; height: auto; ");
  rule(css, "figure" + dot(cls::lead), "margin-top: 0; margin-bottom: " + em(k.after_lead_image, base) + "; ");
  rule(css, "figure" + dot(cls::lead) + " img", "max-height: " + em(o.lead_image_height, base) + "; ");
  rule(css, "figcaption", look_css(k.caption, fonts, "sans-serif", base) +
                              "margin-top: 0.5em; text-align: center; ");
  rule(css, dot(cls::credit), "color: " + hex(k.credit.color) + "; ");
  rule(css, "figure" + dot(cls::lead) + " " + dot(cls::credit),
       "font-size: " + em(k.credit.size, k.caption.size) + "; ");
  rule(css, "img" + dot(cls::inline_image), "max-height: 1.2em; vertical-align: middle; ");
  rule(css, dot(cls::image_alt), "font-style: italic; ");

  rule(css, "blockquote", margins(k.quote, base) + "margin-left: " + em(t.quote_indent, base) +
                              "; margin-right: " + em(t.quote_indent, base) + "; font-style: italic; ");
  rule(css, "ul, ol", margins(k.list, base) + "padding-left: " + em(t.list_indent, base) + "; ");
  rule(css, "li ul, li ol", "margin: 0; ");
  // A list's numbering (content.cpp writes <ol type>): the rendering HTML gives the attribute
  // (HTML 15.3.8), stated for reading systems whose own stylesheet lacks it. XHTML matches
  // attribute values by case, so "a" and "A" are told apart.
  for (auto [type, style] : {std::pair{"a", "lower-alpha"},
                             {"A", "upper-alpha"},
                             {"i", "lower-roman"},
                             {"I", "upper-roman"}})
    rule(css, "ol[type=\"" + std::string(type) + "\"]",
         "list-style-type: " + std::string(style) + "; ");
  // Only a loose list's items start with a paragraph (content.cpp): the space between its items.
  rule(css, "li > p:first-child", "margin-top: " + em(k.loose_item, base) + "; ");
  rule(css, "li p", "text-indent: 0; ");
  // Right-to-left books (the root's dir, xml.cpp) indent lists and float portraits from the right.
  rule(css, "[dir=\"rtl\"] ul, [dir=\"rtl\"] ol",
       "padding-left: 0; padding-right: " + em(t.list_indent, base) + "; ");
  rule(css, "[dir=\"rtl\"] " + dot(cls::portrait), "float: right; margin: 0 0 0 0.75em; ");
  rule(css, "li" + dot(cls::task), "list-style: none; ");
  // Korean breaks lines between words only, as the PDF does (text/itemize.cpp).
  rule(css, ":lang(ko)", "word-break: keep-all; ");
  // Definition lists as the PDF sets them (layout/blocks.cpp): bold terms, definitions at the
  // list indent, a paragraph's space between items.
  rule(css, "dl", margins(k.list, base));
  rule(css, "dt", "font-weight: bold; ");
  rule(css, "dt + dt, dd + dt", "margin-top: " + em(t.paragraph_spacing, base) + "; ");
  rule(css, "dd", "margin: 0; margin-inline-start: " + em(t.list_indent, base) + "; ");
  rule(css, "dd p", "text-indent: 0; ");
  rule(css, "hr", "border: 0; border-top: 1px solid " + hex(s.colors.rule) + "; width: 30%; " +
                     margins({k.thematic_break.before + k.body.leading / 2,
                              k.thematic_break.after + k.body.leading / 2}, base) +
                     "margin-left: auto; margin-right: auto; ");
  rule(css, "code", "font-family: " + stack(k.code.font, fonts, "monospace") + "; " +
                        features(k.code.font) + "font-size: " + num(k.inline_code_scale) +
                        "em; hyphens: none; ");
  rule(css, "pre", margins(k.code_block, base) + "margin-left: 0; margin-right: 0; padding: 0.5em 0.75em; white-space: pre-wrap; background: " +
                       hex(k.code_ground) + "; border-left: 2px solid " + hex(s.colors.rule) +
                       "; text-align: left; ");
  rule(css, "pre code", "font-size: " + em(k.code.size, base) + "; line-height: " +
                            ratio(k.code.leading, k.code.size) + "; color: " + hex(k.code.color) + "; ");
  // The code theme's tokens (content.cpp's spans), as the PDF sets them; plain code keeps the
  // colour of `pre code`.
  for (std::size_t i = 1; i < style::kTokenKinds; ++i) {
    const style::TokenLook& token = s.code.tokens[i];
    rule(css, "pre " + dot(cls::token_class(static_cast<style::TokenKind>(i)).c_str()),
         "color: " + hex(token.color) + "; " + (token.bold ? "font-weight: bold; " : ""));
  }
  rule(css, dot(cls::equation), "display: block; ");
  rule(css, dot(cls::equation_number), "float: right; margin-left: 1em; ");
  if (s.code.line_numbers) {
    // Numbers as generated content: not part of the text, so not selected or copied with it.
    rule(css, "pre" + dot(cls::code_numbered) + " code", "counter-reset: code-line; ");
    rule(css, "pre" + dot(cls::code_numbered) + " " + dot(cls::code_line),
         "counter-increment: code-line; ");
    rule(css, "pre" + dot(cls::code_numbered) + " " + dot(cls::code_line) + "::before",
         "content: counter(code-line); display: inline-block; min-width: 2em; "
         "margin-right: 1em; text-align: right; color: " +
             hex(s.colors.muted) + "; ");
  }
  rule(css, "table", look_css(k.table, fonts, "sans-serif", base) +
                         "font-variant-numeric: tabular-nums; border-collapse: collapse; " +
                         margins(k.table_block, k.table.size) + "width: 100%; ");
  rule(css, "th, td", "padding: 0.25em 0.5em; border-bottom: 1px solid " + hex(k.muted_rule) +
                          "; text-align: start; vertical-align: top; ");
  rule(css, "th", "font-weight: 600; border-bottom: 1px solid " + hex(k.table.color) + "; ");
  rule(css, "th" + dot(cls::center) + ", td" + dot(cls::center), "text-align: center; ");
  rule(css, "th" + dot(cls::right) + ", td" + dot(cls::right), "text-align: right; ");

  // HTML phrase elements in Markdown, in the looks the PDF sets them in (style/looks.hpp).
  rule(css, "sup, sub", "font-size: " + num(k.marker_scale) + "em; line-height: 0; ");
  rule(css, "sup", "vertical-align: " + num(k.marker_rise / k.marker_scale) + "em; ");
  rule(css, "sub", "vertical-align: -" + num(k.subscript_drop / k.marker_scale) + "em; ");
  rule(css, "kbd, samp", "font-family: " + stack(k.code.font, fonts, "monospace") + "; " +
                             features(k.code.font) + "font-size: " + num(k.inline_code_scale) +
                             "em; hyphens: none; ");
  rule(css, "mark", "background-color: " + hex(k.mark_ground) + "; color: inherit; ");
  rule(css, "small", "font-size: " + num(k.small_scale) + "em; ");
  rule(css, "u", "text-decoration: underline; ");
  rule(css, "q", "quotes: \"\\201C\" \"\\201D\"; ");

  const auto& n = s.notes;
  // A marker is raised by marker_rise of the text around it; vertical-align lengths are in the
  // marker's own (smaller) em.
  rule(css, "sup" + dot(cls::noteref), "font-size: " + num(k.marker_scale) +
                                           "em; line-height: 0; vertical-align: " +
                                           num(k.marker_rise / k.marker_scale) + "em; ");
  rule(css, "sup" + dot(cls::noteref) + " a",
       "padding: 0 0.1em; color: " + hex(s.colors.accent) + "; text-decoration: none; ");
  rule(css, dot(cls::footnotes), look_css(k.note, fonts, "serif", base) + "margin-top: 2em; ");
  if (n.separator)
    rule(css, dot(cls::footnotes) + "::before",
         "content: \"\"; display: block; width: " + em(n.separator_width, k.note.size) +
             "; max-width: 100%; border-top: 1px solid " + hex(s.colors.rule) +
             "; margin-bottom: 0.75em; ");
  rule(css, "aside" + dot(cls::footnote), "margin: 0 0 " + em(k.between_notes, k.note.size) + "; ");
  rule(css, "aside" + dot(cls::footnote) + " p, " + dot(cls::sources) + " li",
       "text-indent: 0; text-align: start; ");
  rule(css, dot(cls::note_number), "font-weight: " + std::to_string(k.note_number.weight) +
                                       "; color: " + hex(k.note_number.color) + "; ");
  rule(css, dot(cls::sources), look_css(k.sources, fonts, "serif", base) + "margin-top: 2em; ");
  rule(css, dot(cls::sources) + " h2", "font-size: " + em(k.headings[1].size, k.sources.size) +
                                           "; line-height: " +
                                           ratio(k.headings[1].leading, k.headings[1].size) +
                                           "; margin-top: 0; ");

  // An issue's cover, title page and contents: the PDF's front matter, at its sizes.
  rule(css, dot(cls::cover), "margin: 0; padding: 0; text-align: center; ");
  rule(css, dot(cls::cover) + " img", "max-width: 100%; max-height: 100vh; ");
  rule(css, dot(cls::titlepage), "margin-top: 20%; text-align: center; ");
  rule(css, dot(cls::titlepage) + " p", "text-align: center; text-indent: 0; margin: 0.5em 0; ");
  rule(css, dot(cls::titlepage) + " h1",
       look_css(k.issue_title, fonts, "sans-serif", base) + "text-align: center; ");
  rule(css, dot(cls::titlepage) + " " + dot(cls::publication),
       look_css(k.issue_publication, fonts, "sans-serif", base));
  rule(css, dot(cls::titlepage) + " " + dot(cls::subtitle),
       look_css(k.issue_subtitle, fonts, "sans-serif", base));
  rule(css, dot(cls::issue_line), look_css(k.issue_line, fonts, "sans-serif", base));
  rule(css, dot(cls::editors), look_css(k.issue_editors, fonts, "sans-serif", base));
  rule(css, dot(cls::description), look_css(k.issue_description, fonts, "serif", base));
  rule(css, dot(cls::contents) + " h1", look_css(k.contents_heading, fonts, "sans-serif", base));
  rule(css, dot(cls::contents_list), "list-style: none; padding: 0; ");
  rule(css, dot(cls::contents_list) + " li", "margin: 0 0 1.25em; ");
  rule(css, dot(cls::contents_list) + " p", "text-indent: 0; text-align: start; ");
  rule(css, dot(cls::entry_title), look_css(k.contents_title, fonts, "sans-serif", base));
  rule(css, dot(cls::entry_title) + " a", "color: inherit; text-decoration: none; ");
  rule(css, dot(cls::entry_authors), look_css(k.contents_authors, fonts, "serif", base));
  rule(css, dot(cls::entry_dek), "font-style: italic; ");
  if (!s.epub.extra_css.empty()) {
    css += "\n/* style.epub.extra_css */\n";
    css += s.epub.extra_css;
    if (css.back() != '\n') css += '\n';
  }
  return css;
}

} // namespace galley::epub
