// The style sheet carries the looks the PDF is set in (style/looks.hpp): for every house style,
// each role's size, leading, weight, slant and colour in the CSS are the table's, so the two
// outputs cannot drift apart again.
#include "epub/writer.hpp"
#include "style/looks.hpp"
#include "util/text_utils.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace galley;

namespace {

/// The value of `property` in the first rule whose selector is exactly `selector`; "" if none.
std::string declaration(const std::string& css, const std::string& selector,
                        const std::string& property) {
  const std::string head = "\n" + selector + " { ";
  std::size_t at = css.find(head);
  if (at == std::string::npos) return "";
  const std::size_t end = css.find('}', at);
  const std::string body = " " + css.substr(at + head.size(), end - at - head.size());
  std::size_t p = body.find(" " + property + ": ");
  if (p == std::string::npos) return "";
  p += property.size() + 3;
  return body.substr(p, body.find(';', p) - p);
}

std::string hex(style::Color c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
  return buf;
}

std::string ratio(double a, double b) { return format_number(a / b, 3); }

/// A role's look, as the CSS must state it relative to `parent` points.
void check_look(const std::string& css, const std::string& selector, const style::Look& l,
                double parent) {
  CAPTURE(selector);
  CHECK(declaration(css, selector, "font-size") == format_number(l.size / parent, 3) + "em");
  CHECK(declaration(css, selector, "line-height") == ratio(l.leading, l.size));
  CHECK(declaration(css, selector, "font-weight") == std::to_string(l.weight));
  CHECK(declaration(css, selector, "font-style") == (l.italic ? "italic" : "normal"));
  CHECK(declaration(css, selector, "color") == hex(l.color));
}

/// `pt` points as the CSS must state it in ems of `size`.
std::string em(double pt, double size) { return format_number(pt / size, 3) + "em"; }

/// A block's vertical space, as the CSS must state it in ems of the block's own size.
void check_space(const std::string& css, const std::string& selector, double before, double after,
                 double size) {
  CAPTURE(selector);
  CHECK(declaration(css, selector, "margin-top") == em(before, size));
  CHECK(declaration(css, selector, "margin-bottom") == em(after, size));
}

} // namespace

TEST_SUITE("epub/css") {
  TEST_CASE("every role's look in the style sheet is the one the PDF is set in") {
    for (const char* name : {"dispatch", "broadsheet", "pocket"}) {
      CAPTURE(name);
      Diagnostics diags;
      const style::Style s = style::load_style(name, diags);
      REQUIRE_FALSE(diags.has_errors());
      const style::Looks k = style::resolve_looks(s);
      const std::string css = epub::generate_css(s, "");
      const double base = k.body.size;
      check_look(css, ".title-block h1", k.title, base);
      check_look(css, ".subtitle", k.subtitle, base);
      check_look(css, ".dek", k.dek, base);
      check_look(css, ".byline", k.byline, base);
      check_look(css, ".author-name", k.author_name, k.byline.size);
      check_look(css, ".author-bio", k.author_bio, k.byline.size);
      check_look(css, "figcaption", k.caption, base);
      check_look(css, "table", k.table, base);
      check_look(css, ".footnotes", k.note, base);
      check_look(css, ".sources", k.sources, base);
      for (int i = 0; i < 6; ++i)
        check_look(css, "h" + std::to_string(i + 1), k.headings[i], base);
      check_look(css, ".titlepage h1", k.issue_title, base);
      check_look(css, ".contents h1", k.contents_heading, base);
      check_look(css, ".entry-title", k.contents_title, base);
      check_look(css, ".entry-authors", k.contents_authors, base);
      // Capitals are letterspaced in both outputs; lower case is not.
      CHECK(k.publication.tracking > 0);
      CHECK(declaration(css, ".publication", "letter-spacing") ==
            format_number(k.publication.tracking, 3) + "em");
      CHECK(k.body.tracking == 0);
      CHECK(declaration(css, ".dek", "letter-spacing").empty());
      CHECK(declaration(css, "pre code", "line-height") == ratio(k.code.leading, k.code.size));
      CHECK(declaration(css, "pre", "background") == hex(k.code_ground));
      CHECK(declaration(css, ".note-number", "color") == hex(k.note_number.color));
      // The note rule is as long as the PDF's, in the notes' own em.
      if (s.notes.separator)
        CHECK(declaration(css, ".footnotes::before", "width") ==
              format_number(s.notes.separator_width / k.note.size, 3) + "em");
    }
  }

  TEST_CASE("the space around every block is the glue the PDF puts there") {
    for (const char* name : {"dispatch", "broadsheet", "pocket"}) {
      CAPTURE(name);
      Diagnostics diags;
      const style::Style s = style::load_style(name, diags);
      REQUIRE_FALSE(diags.has_errors());
      const style::Looks k = style::resolve_looks(s);
      const std::string css = epub::generate_css(s, "");
      const double base = k.body.size;
      check_space(css, "ul, ol", k.list.before, k.list.after, base);
      CHECK(declaration(css, "li > p:first-child", "margin-top") == em(k.loose_item, base));
      check_space(css, "blockquote", k.quote.before, k.quote.after, base);
      check_space(css, "pre", k.code_block.before, k.code_block.after, base);
      check_space(css, "figure", k.figure.before, k.figure.after, base);
      check_space(css, "table", k.table_block.before, k.table_block.after, k.table.size);
      // The PDF centres its short rule in a box one line high.
      check_space(css, "hr", k.thematic_break.before + k.body.leading / 2,
                  k.thematic_break.after + k.body.leading / 2, base);
      check_space(css, ".publication", 0, k.after_publication, k.publication.size);
      check_space(css, ".subtitle", k.before_subtitle, 0, k.subtitle.size);
      check_space(css, ".dek", k.before_dek, 0, k.dek.size);
      check_space(css, ".byline", k.before_byline, 0, k.byline.size);
      CHECK(declaration(css, "figure.lead", "margin-bottom") == em(k.after_lead_image, base));
      CHECK(declaration(css, "aside.footnote", "margin") ==
            "0 0 " + em(k.between_notes, k.note.size));
      for (int i = 0; i < 6; ++i)
        CHECK(declaration(css, "h" + std::to_string(i + 1), "margin") ==
              em(s.headings[i].space_before, s.headings[i].size) + " 0 " +
                  em(s.headings[i].space_after, s.headings[i].size));
    }
  }

  TEST_CASE("a change of leading moves the space around blocks in both outputs") {
    Diagnostics diags;
    style::Style s = style::load_style("dispatch", diags);
    const style::Looks before = style::resolve_looks(s);
    s.text.leading *= 2;
    const style::Looks k = style::resolve_looks(s);
    CHECK(k.figure.before == doctest::Approx(before.figure.before * 2));
    CHECK(k.list.after == doctest::Approx(before.list.after * 2));
    check_space(epub::generate_css(s, ""), "figure", k.figure.before, k.figure.after, k.body.size);
  }

  TEST_CASE("a style key reaches the style sheet through the looks table") {
    Diagnostics diags;
    style::Style s = style::load_style("dispatch", diags);
    s.opening.dek_size = 17;
    s.notes.separator_width = 90;
    s.colors.text = {0x10, 0x20, 0x30};
    const style::Looks k = style::resolve_looks(s);
    CHECK(k.dek.size == 17);
    CHECK(k.body.color.b == 0x30);
    const std::string css = epub::generate_css(s, "");
    check_look(css, ".dek", k.dek, k.body.size);
    CHECK(declaration(css, "body", "color") == "#102030");
    CHECK(declaration(css, ".footnotes::before", "width") ==
          format_number(90 / k.note.size, 3) + "em");
  }
}
