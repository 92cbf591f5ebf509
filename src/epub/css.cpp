// The book's style sheet, generated from the same style that drives the PDF. Reading systems
// let readers choose the text size, so every size is relative: em against the body size, and
// unitless line heights (leading / size), per CSS 2.1 10.8.1.
#include "epub/writer.hpp"
#include "util/text_utils.hpp"

namespace galley::epub {

namespace {
std::string num(double v) { return format_number(v, 3); }
std::string em(double pt, double base) { return num(base > 0 ? pt / base : 1) + "em"; }
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
} // namespace

std::string generate_css(const style::Style& s, const std::string& font_faces) {
  const auto& t = s.text;
  const double base = t.size;
  std::string css = "@charset \"UTF-8\";\n";
  css += font_faces;
  const char* align = t.align == style::Align::Justify ? "justify" : "left";
  const char* hyph = t.hyphenate ? "auto" : "manual";

  rule(css, "body",
       "margin: 0 5%; font-family: " + stack(s.fonts.body, s.fonts, "serif") + "; " +
           features(s.fonts.body) + "line-height: " + ratio(t.leading, base) + "; color: " +
           hex(s.colors.text) + "; ");
  rule(css, "p", std::string("margin: 0; text-align: ") + align + "; -epub-hyphens: " + hyph +
                     "; hyphens: " + hyph + "; widows: 2; orphans: 2; ");
  // Paragraph separation: an indent for paragraphs that follow a paragraph, as in print, and
  // vertical space only when the style asks for it.
  if (t.indent > 0) rule(css, "p + p", "text-indent: " + em(t.indent, base) + "; ");
  if (t.paragraph_spacing > 0) rule(css, "p + p", "margin-top: " + em(t.paragraph_spacing, base) + "; ");
  rule(css, "a", "color: " + hex(s.colors.link) + "; text-decoration: none; ");

  for (int i = 0; i < 6; ++i) {
    const auto& h = s.headings[i];
    std::string sel = "h" + std::to_string(i + 1);
    std::string body = "font-family: " + stack(s.fonts.heading, s.fonts, "sans-serif") + "; " +
                       features(s.fonts.heading) + "font-size: " + em(h.size, base) +
                       "; line-height: " + ratio(h.leading, h.size) +
                       "; font-weight: " + std::to_string(h.weight) +
                       "; font-style: " + (h.italic ? "italic" : "normal") + "; color: " + hex(h.color) +
                       "; margin: " + em(h.space_before, h.size) + " 0 " + em(h.space_after, h.size) +
                       "; text-align: left; hyphens: manual; -epub-hyphens: manual; "
                       "page-break-after: avoid; break-after: avoid; ";
    if (h.text_case == style::TextCase::Upper) body += "text-transform: uppercase; letter-spacing: 0.05em; ";
    if (h.text_case == style::TextCase::SmallCaps) body += "font-variant: small-caps; ";
    rule(css, sel, body);
  }

  const auto& o = s.opening;
  std::string head_family = "font-family: " + stack(s.fonts.heading, s.fonts, "sans-serif") + "; ";
  rule(css, ".title-block", std::string("margin: 1.5em 0; ") +
                                (o.title_centered ? "text-align: center; " : ""));
  rule(css, ".title-block p", std::string("text-indent: 0; text-align: inherit; hyphens: manual; "
                                          "-epub-hyphens: manual; "));
  rule(css, ".title-block h1", "font-size: " + em(o.title_size, base) +
                                   "; line-height: " + ratio(o.title_leading, o.title_size) +
                                   "; margin: 0.2em 0 0.25em; ");
  rule(css, ".publication", head_family + "font-size: " + em(o.publication_size, base) +
                                "; font-weight: 600; text-transform: uppercase; letter-spacing: "
                                "0.08em; color: " + hex(s.colors.accent) + "; ");
  rule(css, ".subtitle", head_family + "font-size: " + em(o.subtitle_size, base) +
                             "; line-height: 1.25; margin: 0 0 0.5em; ");
  rule(css, ".dek", "font-size: " + em(o.dek_size, base) + "; font-style: italic; line-height: " +
                        ratio(o.dek_size * 1.3, o.dek_size) + "; margin: 0 0 1em; ");
  rule(css, ".byline", head_family + "font-size: " + em(t.caption_size, base) +
                           "; line-height: 1.35; margin: 1em 0 0; ");
  rule(css, ".author", "margin: 0 0 0.5em; overflow: hidden; ");
  std::string radius = o.portrait == style::PortraitShape::Circle ? "border-radius: 50%; " : "";
  rule(css, ".portrait", "float: left; width: " + em(o.portrait_size, t.caption_size) +
                             "; height: " + em(o.portrait_size, t.caption_size) +
                             "; object-fit: cover; margin: 0 0.75em 0 0; " + radius);
  rule(css, ".author-name", "font-weight: 700; ");
  rule(css, ".author-bio, .article-meta", "color: " + hex(s.colors.rule) + "; ");

  std::string caption = head_family + "font-size: " + em(t.caption_size, base) + "; line-height: 1.35; ";
  rule(css, "figure", "margin: 1.5em 0; text-align: center; page-break-inside: avoid; break-inside: avoid; ");
  rule(css, "figure img", "display: block; margin: 0 auto; max-width: 100%; height: auto; ");
  rule(css, "figure.lead img", "max-height: " + em(o.lead_image_height, base) + "; ");
  rule(css, "figcaption", caption + "margin-top: 0.5em; text-align: center; ");
  rule(css, ".credit", "color: " + hex(s.colors.rule) + "; ");
  rule(css, "img.inline", "max-height: 1.2em; vertical-align: middle; ");
  rule(css, ".image-alt", "font-style: italic; ");

  rule(css, "blockquote", "margin: 1em 0 1em " + em(t.quote_indent, base) + "; font-style: italic; ");
  rule(css, "ul, ol", "margin: 0.75em 0; padding-left: " + em(t.list_indent, base) + "; ");
  rule(css, "li p", "text-indent: 0; ");
  rule(css, "li.task", "list-style: none; ");
  rule(css, "hr", "border: 0; border-top: 1px solid " + hex(s.colors.rule) + "; width: 30%; margin: 1.5em auto; ");
  std::string code_family = "font-family: " + stack(s.fonts.code, s.fonts, "monospace") + "; " +
                            features(s.fonts.code);
  rule(css, "code", code_family + "font-size: " + em(t.code_size, base) + "; hyphens: none; ");
  rule(css, "pre", "margin: 1em 0; padding: 0.5em 0.75em; white-space: pre-wrap; "
                   "border-left: 2px solid " + hex(s.colors.rule) + "; text-align: left; ");
  rule(css, "pre code", "font-size: " + em(t.code_size, base) + "; line-height: 1.4; ");
  rule(css, "table", caption + "border-collapse: collapse; margin: 1em 0; width: 100%; ");
  rule(css, "th, td", "padding: 0.25em 0.5em; border-bottom: 1px solid " + hex(s.colors.rule) +
                          "; text-align: left; vertical-align: top; ");
  rule(css, "th", "font-weight: 700; border-bottom-width: 2px; ");
  rule(css, "th.center, td.center", "text-align: center; ");
  rule(css, "th.right, td.right", "text-align: right; ");

  const auto& n = s.notes;
  std::string notes_font = "font-family: " + stack(s.fonts.notes, s.fonts, "serif") + "; " +
                           "font-size: " + em(n.size, base) + "; line-height: " + ratio(n.leading, n.size) + "; ";
  rule(css, "sup.noteref", "font-size: 0.7em; line-height: 0; vertical-align: super; ");
  rule(css, "sup.noteref a", "padding: 0 0.1em; ");
  rule(css, ".footnotes", notes_font + "margin-top: 2em; " +
                              (n.separator ? "border-top: 1px solid " + hex(s.colors.rule) +
                                                 "; padding-top: 0.75em; width: 100%; "
                                           : std::string()));
  rule(css, "aside.footnote", "margin: 0 0 0.4em; ");
  rule(css, "aside.footnote p, .sources li", "text-indent: 0; text-align: left; ");
  rule(css, ".note-number", "font-weight: 700; ");
  rule(css, ".sources", notes_font + "margin-top: 2em; ");
  rule(css, ".sources h2", "font-size: " + em(s.headings[1].size, n.size) + "; margin-top: 0; ");

  rule(css, ".cover", "margin: 0; padding: 0; text-align: center; ");
  rule(css, ".cover img", "max-width: 100%; max-height: 100vh; ");
  rule(css, ".titlepage", "margin-top: 20%; text-align: center; ");
  rule(css, ".titlepage p", "text-align: center; text-indent: 0; margin: 0.5em 0; ");
  rule(css, ".titlepage h1", "font-size: " + em(o.title_size, base) + "; line-height: " +
                                 ratio(o.title_leading, o.title_size) + "; text-align: center; ");
  rule(css, ".contents-list", "list-style: none; padding: 0; ");
  rule(css, ".contents-list li", "margin: 0 0 1.25em; ");
  rule(css, ".contents-list p", "text-indent: 0; text-align: left; ");
  rule(css, ".entry-title", head_family + "font-weight: 700; font-size: 1.1em; ");
  rule(css, ".entry-authors", caption + "color: " + hex(s.colors.rule) + "; ");
  rule(css, ".entry-dek", "font-style: italic; ");
  if (!s.epub.extra_css.empty()) {
    css += "\n/* style.epub.extra_css */\n";
    css += s.epub.extra_css;
    if (css.back() != '\n') css += '\n';
  }
  return css;
}

} // namespace galley::epub
