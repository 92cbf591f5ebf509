// Raw HTML in Markdown: what each element becomes in the model, and where the elements that
// are left out are reported.
#include "support.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace galley;
using galley::test::TempDir;

namespace {

std::optional<model::Article> load(const std::string& body, Diagnostics& diags) {
  static TempDir dir;
  return test::load_text(dir, "html.md", "---\ntitle: T\n---\n" + body, diags);
}

/// The body of `body` as the model dump, without the article's title and metadata lines.
std::string blocks_of(const std::string& body, Diagnostics& diags) {
  auto a = load(body, diags);
  REQUIRE(a);
  model::Article only;
  only.blocks = a->blocks;
  only.notes = a->notes;
  std::string d = test::dump(only);
  return d.substr(d.find("\n  ") + 1);
}

template <class T> const T& as(const model::Inline& in) {
  const T* v = std::get_if<T>(&in.value);
  REQUIRE(v != nullptr);
  return *v;
}

const model::Inlines& paragraph(const model::Article& a, std::size_t i) {
  REQUIRE(i < a.blocks.size());
  const auto* p = std::get_if<model::Paragraph>(&a.blocks[i].value);
  REQUIRE(p != nullptr);
  return p->content;
}

} // namespace

TEST_SUITE("input/html") {
  TEST_CASE("tags between inlines wrap the inlines between them") {
    Diagnostics diags;
    auto a = load("E = mc<sup>2</sup>, H<sub>2</sub>O, <kbd>Ctrl</kbd>+<kbd>C</kbd>, "
                  "<mark>hot</mark> <u>under</u> <small>aside</small> "
                  "<abbr title=\"HyperText\">HTML</abbr> <q>said</q> "
                  "<span lang=\"fr\" dir=\"ltr\">bonjour</span> <samp>out</samp>\n",
                  diags);
    REQUIRE(a);
    CAPTURE(test::dump(diags));
    CHECK(diags.empty());
    const auto& p = paragraph(*a, 0);
    CHECK(model::plain_text(p) ==
          "E = mc2, H2O, Ctrl+C, hot under aside HTML said bonjour out");
    CHECK(model::plain_text(as<model::Superscript>(p[1]).children) == "2");
    CHECK(p[1].loc.line == 4);
    CHECK(p[1].loc.column == 7);
    CHECK(model::plain_text(as<model::Subscript>(p[3]).children) == "2");
    auto span = [&](std::size_t i, model::SpanKind kind) -> const model::Span& {
      const auto& s = as<model::Span>(p[i]);
      CHECK(static_cast<int>(s.kind) == static_cast<int>(kind));
      return s;
    };
    span(5, model::SpanKind::Keyboard);
    span(7, model::SpanKind::Keyboard);
    span(9, model::SpanKind::Mark);
    span(11, model::SpanKind::Underline);
    span(13, model::SpanKind::Small);
    CHECK(span(15, model::SpanKind::Abbreviation).title == "HyperText");
    span(17, model::SpanKind::Quote);
    const auto& fr = span(19, model::SpanKind::Plain);
    CHECK(fr.lang == "fr");
    CHECK(fr.dir == "ltr");
    span(21, model::SpanKind::Sample);
  }

  TEST_CASE("HTML formatting maps to the Markdown nodes of the same meaning") {
    Diagnostics diags;
    auto a = load("<b>b</b> <strong>s</strong> <i>i</i> <em>e</em> <cite>c</cite> <var>v</var> "
                  "<del>d</del> <s>s</s> <ins>n</ins> <code>x &lt; y</code> <time>t</time> "
                  "<font color=red>f</font> <a href=\"https://example.com\" title=\"T\">link</a>\n",
                  diags);
    REQUIRE(a);
    CHECK(diags.empty());
    const auto& p = paragraph(*a, 0);
    CHECK(model::plain_text(p) == "b s i e c v d s n x < y t f link");
    as<model::Strong>(p[0]);
    as<model::Strong>(p[2]);
    for (std::size_t i : {4u, 6u, 8u, 10u}) as<model::Emphasis>(p[i]);
    as<model::Strikethrough>(p[12]);
    as<model::Strikethrough>(p[14]);
    CHECK(as<model::Span>(p[16]).kind == model::SpanKind::Underline);
    CHECK(as<model::Code>(p[18]).text == "x < y");
    CHECK(as<model::Span>(p[20]).kind == model::SpanKind::Plain);
    const auto& link = as<model::Link>(p[24]);
    CHECK(link.url == "https://example.com");
    CHECK(link.title == "T");
  }

  TEST_CASE("unmatched tags are left out with a warning and their text is kept") {
    Diagnostics diags;
    auto a = load("one <sup>two\n\nthree </sub> four\n", diags);
    REQUIRE(a);
    CHECK(model::plain_text(paragraph(*a, 0)) == "one two");
    CHECK(model::plain_text(paragraph(*a, 1)) == "three  four");
    CHECK(test::has(diags, Severity::Warning, "<sup> is not closed", 4));
    CHECK(test::has(diags, Severity::Warning, "closing tag </sub> has no opening tag", 6));
    CHECK(test::dump(diags).find("html.md:4:5: warning") != std::string::npos);
  }

  TEST_CASE("comments go silently; scripts, styles and form controls are reported") {
    Diagnostics diags;
    auto a = load("a <!-- hidden --> b <script>alert(1)</script> c <button>Press</button> "
                  "<input type=text>\n\n<style>p { color: red }</style>\n\nend\n",
                  diags);
    REQUIRE(a);
    CHECK(model::plain_text(paragraph(*a, 0)) == "a  b  c Press ");
    CHECK(model::plain_text(paragraph(*a, 1)) == "end");
    CHECK(a->blocks.size() == 2);
    CHECK(test::has(diags, Severity::Warning, "<script> is left out with its content", 4));
    CHECK(test::has(diags, Severity::Warning, "<button> cannot work on a page", 4));
    CHECK(test::has(diags, Severity::Warning, "<input> cannot work on a page", 4));
    CHECK(test::has(diags, Severity::Warning, "<style> is left out with its content", 6));
    CHECK(std::ranges::count(test::dump(diags), '\n') == 4);
    CHECK(test::dump(diags).find("hidden") == std::string::npos);
  }

  TEST_CASE("an image alone in a centred paragraph is a figure; badges stay inline") {
    Diagnostics diags;
    auto a = load("<p align=\"center\">\n  <img src=\"images/photo.png\" alt=\"Logo\" "
                  "width=\"200\">\n</p>\n\n"
                  "<a href=\"https://ci.example.com\"><img src=\"https://ci.example.com/b.svg\" "
                  "alt=\"build\"></a> text\n\n"
                  "Before <img src=\"images/photo.png\" alt=\"icon\"> after\n\n"
                  "<picture>\n  <source srcset=\"dark.png\">\n  <img src=\"images/photo.png\" "
                  "alt=\"Pic\">\n</picture>\n",
                  diags);
    REQUIRE(a);
    CAPTURE(test::dump(diags));
    REQUIRE(a->blocks.size() == 4);
    const auto* fig = std::get_if<model::Figure>(&a->blocks[0].value);
    REQUIRE(fig != nullptr);
    CHECK(fig->image.src == "images/photo.png");
    CHECK_FALSE(fig->image.path.empty());
    CHECK(model::plain_text(fig->caption) == "Logo");
    CHECK(a->blocks[0].loc.line == 4);
    const auto& badge = paragraph(*a, 1);
    const auto& link = as<model::Link>(badge[0]);
    CHECK(link.url == "https://ci.example.com");
    CHECK(as<model::Image>(link.children[0]).alt == "build");
    const auto& inline_img = paragraph(*a, 2);
    CHECK(as<model::Image>(inline_img[1]).alt == "icon");
    CHECK(std::holds_alternative<model::Figure>(a->blocks[3].value));
  }

  TEST_CASE("figure, table, details, lists and headings in HTML blocks") {
    Diagnostics diags;
    std::string d = blocks_of(
        "<figure>\n<img src=\"images/photo.png\" alt=\"A\">\n<figcaption>The <em>cap</em>"
        "</figcaption>\n</figure>\n\n"
        "<table>\n<thead><tr><th>Name</th><th align=\"right\">N</th></tr></thead>\n"
        "<tbody><tr><td>a</td><td>1</td></tr></tbody>\n</table>\n\n"
        "<details>\n<summary>More</summary>\n\nHidden *text*.\n\n</details>\n\n"
        "<ul>\n<li>one</li>\n<li>two <b>2</b></li>\n</ul>\n\n"
        "<h2 id=\"x\">Head</h2>\n\n<blockquote>quoted</blockquote>\n\n<hr>\n\n"
        "<pre><code class=\"language-sh\">ls -l\n</code></pre>\n\n"
        "<dl>\n<dt>Term</dt>\n<dd>Meaning</dd>\n</dl>\n",
        diags);
    CAPTURE(test::dump(diags));
    CHECK(diags.empty());
    CHECK(d == R"(  figure src=images/photo.png resolved alt='A' credit='' id=
    text 'The '
    emphasis
      text 'cap'
  table header=1 aligns=dr
  row
    text 'Name'
    text 'N'
  row
    text 'a'
    text '1'
  paragraph
    strong
      text 'More'
  paragraph
    text 'Hidden '
    emphasis
      text 'text'
    text '.'
  list bullet start=1 tight
  item
    paragraph
      text 'one'
  item
    paragraph
      text 'two '
      strong
        text '2'
  heading 1 #x
    text 'Head'
  quote
    paragraph
      text 'quoted'
  thematic-break
  code-block sh 'ls -l'
  definition-list
  term
    text 'Term'
  definition
    paragraph
      text 'Meaning'
)");
  }

  TEST_CASE("video and iframe become links; unknown components keep their text") {
    Diagnostics diags;
    auto a = load("<video src=\"https://example.com/v.mp4\" title=\"Demo\"></video>\n\n"
                  "<iframe src=\"https://example.com/embed\"></iframe>\n\n"
                  "<Tabs>\n<TabItem value=\"a\" style={{color: 'red'}} className=\"x\">\n\n"
                  "Tab text\n\n</TabItem>\n</Tabs>\n\n<foo>Foo text</foo>\n",
                  diags);
    REQUIRE(a);
    CAPTURE(test::dump(diags));
    REQUIRE(a->blocks.size() == 4);
    const auto& v = as<model::Link>(paragraph(*a, 0)[0]);
    CHECK(v.url == "https://example.com/v.mp4");
    CHECK(model::plain_text(v.children) == "Demo");
    CHECK(model::plain_text(as<model::Link>(paragraph(*a, 1)[0]).children) ==
          "Embedded content");
    CHECK(model::plain_text(paragraph(*a, 2)) == "Tab text");
    // Components (capitalised, JSX) keep their text silently; an unknown HTML name is reported.
    CHECK_FALSE(test::has(diags, Severity::Warning, "<Tabs>", 8));
    CHECK_FALSE(test::has(diags, Severity::Warning, "<TabItem>", 9));
    CHECK(model::plain_text(paragraph(*a, 3)) == "Foo text");
    CHECK(test::has(diags, Severity::Warning, "unknown element <foo>", 16));
    CHECK_FALSE(diags.has_errors());
  }

  TEST_CASE("elements in an HTML block are reported at their line in the Markdown file") {
    Diagnostics diags;
    auto a = load("Intro\n\n<div>\n  text\n  <script src=\"x.js\"></script>\n</div>\n", diags);
    REQUIRE(a);
    CHECK(model::plain_text(paragraph(*a, 1)) == "text");
    CHECK(test::dump(diags).find("html.md:8:3: warning: HTML element <script>") !=
          std::string::npos);
  }

  TEST_CASE("MDX module statements at the top of the body are dropped silently") {
    TempDir dir;
    Diagnostics diags;
    auto mdx = test::load_text(dir, "page.mdx",
                               "---\ntitle: T\n---\nimport Tabs from '@theme/Tabs';\n"
                               "import TabItem from '@theme/TabItem';\n\n"
                               "export const meta = {\n  draft: true,\n};\n\nBody text.\n",
                               diags);
    REQUIRE(mdx);
    CHECK(diags.empty());
    REQUIRE(mdx->blocks.size() == 1);
    CHECK(model::plain_text(paragraph(*mdx, 0)) == "Body text.");

    // In a Markdown file only lines that are whole statements go; prose stays.
    auto md = test::load_text(dir, "page.md",
                              "---\ntitle: T\n---\nimport { a, b } from \"./x.js\"\n\n"
                              "import the data from a file, then export it.\n",
                              diags);
    REQUIRE(md);
    REQUIRE(md->blocks.size() == 1);
    CHECK(model::plain_text(paragraph(*md, 0)) == "import the data from a file, then export it.");
  }

  TEST_CASE("MathML in a paragraph is one formula, inline or set apart") {
    Diagnostics diags;
    auto a = load("Inline <math><msup><mi>E</mi><mn>2</mn></msup></math> here.\n\n"
                  "<math display=\"block\"><mfrac><mi>a</mi><mi>b</mi></mfrac></math>\n\n"
                  "Fenced <math><mrow><mo>(</mo><mi>x</mi><mo>&lt;</mo><mn>1</mn><mo>)</mo>"
                  "</mrow></math> too.\n",
                  diags);
    REQUIRE(a);
    CAPTURE(test::dump(diags));
    CHECK(diags.warning_count() == 0); // no "unknown element <msup>"
    const auto& first = paragraph(*a, 0);
    REQUIRE(first.size() == 3);
    CHECK(as<model::Math>(first[1]).tex == "{E }^{2 }");
    CHECK_FALSE(as<model::Math>(first[1]).display);
    CHECK(model::plain_text(first) == "Inline {E }^{2 } here.");
    const auto& second = paragraph(*a, 1);
    REQUIRE(second.size() == 1);
    CHECK(as<model::Math>(second[0]).tex == "\\frac{a }{b }");
    CHECK(as<model::Math>(second[0]).display);
    CHECK(as<model::Math>(paragraph(*a, 2)[1]).tex == "( x < 1 )");
  }

  TEST_CASE("MathML in a paragraph nested thousands deep is left out with one warning") {
    Diagnostics diags;
    std::string deep = "a <math>";
    for (int i = 0; i < 5000; ++i)
      deep += "<mrow>";
    deep += "<mi>x</mi>";
    for (int i = 0; i < 5000; ++i)
      deep += "</mrow>";
    auto a = load(deep + "</math> b\n", diags);
    REQUIRE(a);
    CHECK(model::plain_text(paragraph(*a, 0)) == "a  b");
    CHECK(test::has(diags, Severity::Warning, "formula nested more than 64", 4));
    CHECK(std::ranges::count(test::dump(diags), '\n') == 1);
  }

  TEST_CASE("tags nested past the limit are left out once, their text kept") {
    Diagnostics diags;
    std::string deep = "a ";
    for (int i = 0; i < 5000; ++i) deep += "<b>";
    deep += "x";
    for (int i = 0; i < 5000; ++i) deep += "</b>";
    auto a = load(deep + "\n", diags);
    REQUIRE(a);
    CHECK(model::plain_text(paragraph(*a, 0)) == "a x");
    CHECK(test::has(diags, Severity::Error, "nested more than 64 levels", 4));
    CHECK(std::ranges::count(test::dump(diags), '\n') == 1);
  }

  TEST_CASE("an HTML block nested far past the limit is cut before it is parsed") {
    // 20,000 open <div> would cost gumbo quadratic time; the reader stops counting at 32 times
    // the limit, says so once, and keeps the blocks around it. Void elements and elements with
    // implied end tags (<br>, <li>, <p>) do not count as depth.
    Diagnostics diags;
    std::string deep;
    for (int i = 0; i < 20000; ++i) deep += "<div>";
    deep += "x";
    for (int i = 0; i < 20000; ++i) deep += "</div>";
    auto a = load("Before.\n\n" + deep + "\n\nAfter.\n", diags);
    REQUIRE(a);
    CHECK(test::has(diags, Severity::Error, "nested more than 64 levels", 6));
    CHECK(std::ranges::count(test::dump(diags), '\n') == 1);
    CHECK(model::plain_text(paragraph(*a, 0)) == "Before.");
    CHECK(model::plain_text(paragraph(*a, a->blocks.size() - 1)) == "After.");

    Diagnostics flat;
    std::string items = "<ul>";
    for (int i = 0; i < 5000; ++i) items += "<li>item<br><img src=x.png alt=''>";
    items += "</ul>";
    auto b = load("Before.\n\n" + items + "\n", flat);
    REQUIRE(b);
    CHECK_FALSE(test::has(flat, Severity::Error, "nested more than", 0));
  }
}
