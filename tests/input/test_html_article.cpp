// HTML articles (input/html_article.cpp): the metadata of a page and the order its sources rank
// in, the article found among the page's furniture, footnotes as notes, pictures, and MathML.
#include "support.hpp"

#include "input/html_article.hpp"
#include "model/walk.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace galley;
using galley::test::TempDir;
using galley::test::all_text;
using galley::test::load_text;

namespace {

int count_refs(const model::Blocks& blocks) {
  int refs = 0;
  model::Blocks copy = blocks;
  model::walk_blocks(
      copy, [](model::Block&) {},
      [&](model::Inlines& in, model::Block&) {
        model::walk_inlines(in, [&](model::Inline& i) {
          refs += std::holds_alternative<model::NoteRef>(i.value) ? 1 : 0;
        });
      });
  return refs;
}

std::vector<const model::Figure*> figures(const model::Article& a) {
  std::vector<const model::Figure*> out;
  for (const auto& b : a.blocks)
    if (const auto* f = std::get_if<model::Figure>(&b.value))
      out.push_back(f);
  return out;
}

constexpr const char* kWordPress = R"(<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>Our library reopens &#8211; Riverside Chronicle</title>
<meta name="description" content="Meta description.">
<meta name="author" content="Meta Author">
<meta property="og:title" content="Social title">
<meta property="og:description" content="OpenGraph description.">
<meta property="og:site_name" content="Riverside Chronicle">
<meta property="article:published_time" content="2026-03-13T08:00:00+00:00">
<meta property="article:section" content="Culture">
<meta property="article:tag" content="libraries">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebPage","@id":"https://example.org/p/#webpage","name":"Page name"},
 {"@type":["Article","NewsArticle"],"headline":"Our library reopens",
  "author":[{"@type":"Person","name":"Maria Alvarez"},"Tom Reed"],
  "datePublished":"2026-03-14T09:30:00+01:00","description":"The LD description.",
  "inLanguage":"en-GB","keywords":"books, town"}]}</script>
<script>window.dataLayer = [];</script>
<style>body { color: red }</style>
</head>
<body class="post-template-default">
<header id="masthead"><nav class="main-navigation"><ul><li><a href="/">Home</a></li></ul></nav></header>
<main id="primary">
<article id="post-12" class="post">
<header class="entry-header"><h1 class="entry-title">Our library reopens</h1>
<div class="entry-meta">Posted on March 14 by Maria</div></header>
<div class="entry-content">
<p>The doors opened at nine.</p>
<h2>A building with a past</h2>
<p>It was a bank once.</p>
<aside class="pullquote">Pulled quote text</aside>
<form class="newsletter"><label>Email</label><input type="email"><button>Subscribe</button></form>
<noscript>Enable scripts</noscript>
<blockquote><p>Books are back.</p><footer>Mayor Lee</footer></blockquote>
</div>
<footer class="entry-footer">Tagged libraries</footer>
</article>
<div id="comments" class="comments-area"><article class="comment-body"><p>Great article!</p></article></div>
</main>
<aside id="secondary" class="widget-area"><h2>Recent Posts</h2></aside>
<footer id="colophon"><p>Proudly powered by WordPress</p></footer>
</body>
</html>
)";

} // namespace

TEST_SUITE("input/html") {
  TEST_CASE("a page's metadata: JSON-LD first, then OpenGraph, then <meta>") {
    TempDir dir;
    Diagnostics diags;
    auto a = load_text(dir, "post.html", kWordPress, diags);
    REQUIRE(a);
    CAPTURE(test::dump(diags));
    CHECK_FALSE(diags.has_errors());
    CHECK(a->meta.title == "Our library reopens");
    REQUIRE(a->meta.authors.size() == 2);
    CHECK(a->meta.authors[0].name == "Maria Alvarez");
    CHECK(a->meta.authors[1].name == "Tom Reed");
    REQUIRE(a->meta.date);
    CHECK(*a->meta.date == model::Date{2026, 3, 14});
    CHECK(a->meta.dek == "The LD description.");
    CHECK(a->meta.language == "en-GB");
    CHECK(a->meta.publication == "Riverside Chronicle");
    CHECK(a->meta.tags == std::vector<std::string>{"books", "town"});
  }

  TEST_CASE("the article's text, without the page's furniture or its own title") {
    TempDir dir;
    Diagnostics diags;
    auto a = load_text(dir, "post.html", kWordPress, diags);
    REQUIRE(a);
    const std::string text = all_text(a->blocks);
    CAPTURE(text);
    CHECK(text.find("The doors opened at nine.") != std::string::npos);
    CHECK(text.find("A building with a past") != std::string::npos);
    CHECK(text.find("Books are back.") != std::string::npos);
    CHECK(text.find("Mayor Lee") != std::string::npos); // a quotation's footer is its source
    for (const char* gone :
         {"Home", "Posted on", "Pulled quote", "Email", "Subscribe", "Enable scripts", "Tagged",
          "Great article", "Recent Posts", "Proudly", "dataLayer", "color"})
      CHECK(text.find(gone) == std::string::npos);
    // The <h1> repeated the title: the body starts with its first paragraph.
    CHECK(std::holds_alternative<model::Paragraph>(a->blocks.front().value));
    // Nothing of what is left out is worth a warning on a page.
    CHECK(diags.empty());
  }

  TEST_CASE("without JSON-LD, OpenGraph wins over <meta>, and <meta> over microformats") {
    TempDir dir;
    Diagnostics diags;
    auto a = load_text(dir, "p.html", R"(<!doctype html><html lang="de"><head>
<title>Seite | Blatt</title>
<meta property="og:locale" content="fr_FR">
<meta property="og:title" content="Der Titel">
<meta name="description" content="Beschreibung.">
<meta name="author" content="Katrin Müller und Jan Roth, Eva Berg">
<meta property="article:author" content="https://facebook.com/someone">
<meta name="dcterms.date" content="2026-05-14">
</head><body><article><p class="p-author h-card">Nobody</p><p>Text.</p></article></body></html>)",
                  diags);
    REQUIRE(a);
    CAPTURE(test::dump(diags));
    CHECK(a->meta.title == "Der Titel");
    CHECK(a->meta.dek == "Beschreibung.");
    // <html lang> is the page's own declaration: above og:locale.
    CHECK(a->meta.language == "de");
    REQUIRE(a->meta.authors.size() == 2); // "und" is no separator split_names knows
    CHECK(a->meta.authors[1].name == "Eva Berg");
    REQUIRE(a->meta.date);
    CHECK(*a->meta.date == model::Date{2026, 5, 14});
  }

  TEST_CASE("the title falls back to the article's <h1>, then to <title> less the site name") {
    TempDir dir;
    Diagnostics diags;
    auto a = load_text(dir, "a.html",
                  "<!DOCTYPE html><html><head><title>Not this | Site</title></head><body>"
                  "<article><h1>The heading</h1><p>Text.</p></article></body></html>",
                  diags);
    REQUIRE(a);
    CHECK(a->meta.title == "The heading");
    CHECK(a->blocks.size() == 1);
    auto b = load_text(dir, "b.html",
                  "<!DOCTYPE html><html><head><title>Page title &middot; The Site</title>"
                  "<meta property=\"og:site_name\" content=\"The Site\"></head><body>"
                  "<main><p>Text.</p><h2>Part</h2><p>More.</p></main></body></html>",
                  diags);
    REQUIRE(b);
    CHECK(b->meta.title == "Page title");
    CHECK(b->meta.publication == "The Site");
    CAPTURE(test::dump(diags));
    CHECK(diags.empty());
  }

  TEST_CASE("the <article> with the most text is the article; else <main>; else <body>") {
    TempDir dir;
    Diagnostics diags;
    auto a = load_text(dir, "a.html",
                  "<!DOCTYPE html><html><body><article><p>Teaser.</p></article>"
                  "<article><h1>T</h1><p>The long story of the day, told at length.</p></article>"
                  "<article><p>Other.</p></article></body></html>",
                  diags);
    REQUIRE(a);
    CHECK(all_text(a->blocks) == "The long story of the day, told at length.\n");
    auto m = load_text(dir, "m.html",
                  "<!DOCTYPE html><html><body><div>Banner</div><div role=\"main\"><h1>T</h1>"
                  "<p>Main text.</p></div></body></html>",
                  diags);
    REQUIRE(m);
    CHECK(all_text(m->blocks) == "Main text.\n");
    auto f = load_text(dir, "fragment.html", "<h1>Fragment</h1>\n<p>Just <em>this</em>.</p>\n", diags);
    REQUIRE(f);
    CHECK(f->meta.title == "Fragment");
    CHECK(all_text(f->blocks) == "Just this.\n");
    CAPTURE(test::dump(diags));
    CHECK(diags.empty());
  }

  TEST_CASE("a footnote nothing refers to keeps its words at the end, with one located warning") {
    TempDir dir;
    Diagnostics diags;
    // The reference to the second note was edited out of the text; its note stayed.
    auto a =
        load_text(dir, "edited.html",
                  R"(<!DOCTYPE html><html lang="es"><head><title>Notas</title></head><body><main>
<p>Uno<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a> y tres<a href="#fn3" class="footnote-ref" id="fnref3" role="doc-noteref"><sup>3</sup></a>.</p>
<section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr />
<ol><li id="fn1"><p>Primera nota.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
<li id="fn2"><p>Segunda nota, sin referencia.<a href="#fnref2" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
<li id="fn3"><p>Tercera nota.<a href="#fnref3" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
<li id="fn4"><p>Cuarta nota, tampoco.</p></li></ol></section>
</main></body></html>
)",
                  diags);
    REQUIRE(a);
    CAPTURE(test::dump(diags));
    CHECK(a->notes.size() == 2);
    CHECK(all_text(a->blocks) ==
          "Uno y tres.\nSegunda nota, sin referencia.\nCuarta nota, tampoco.\n");
    CHECK(diags.all().size() == 1);
    CHECK(test::has(diags, Severity::Warning, "footnote 'fn2' is not referenced from the text", 5));
  }

  TEST_CASE("footnotes as pandoc, goldmark, kramdown, WordPress and DPUB-ARIA write them") {
    TempDir dir;
    const std::vector<std::pair<const char*, std::string>> pages = {
        {"pandoc",
         R"(<p>One<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a> and two<a href="#fn2" class="footnote-ref" id="fnref2" role="doc-noteref"><sup>2</sup></a>.</p>
<section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr />
<ol><li id="fn1"><p>First note.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
<li id="fn2"><p>Second note.<a href="#fnref2" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section>)"},
        {"goldmark",
         R"(<p>One<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup> and two<sup id="fnref:2"><a href="#fn:2" class="footnote-ref" role="doc-noteref">2</a></sup>.</p>
<div class="footnotes" role="doc-endnotes"><hr><ol>
<li id="fn:1"><p>First note.&#160;<a href="#fnref:1" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p></li>
<li id="fn:2"><p>Second note.&#160;<a href="#fnref:2" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p></li></ol></div>)"},
        {"kramdown",
         R"(<p>One<sup id="fnref:a" role="doc-noteref"><a href="#fn:a" class="footnote" rel="footnote">1</a></sup> and two<sup id="fnref:b" role="doc-noteref"><a href="#fn:b" class="footnote" rel="footnote">2</a></sup>.</p>
<div class="footnotes" role="doc-endnotes"><ol>
<li id="fn:a" role="doc-endnote"><p>First note.&nbsp;<a href="#fnref:a" class="reversefootnote" role="doc-backlink">&#8617;</a></p></li>
<li id="fn:b" role="doc-endnote"><p>Second note.&nbsp;<a href="#fnref:b" class="reversefootnote" role="doc-backlink">&#8617;</a></p></li></ol></div>)"},
        {"wordpress",
         R"(<p>One<sup data-fn="9f1c" class="fn"><a href="#9f1c" id="9f1c-link">1</a></sup> and two<sup data-fn="77aa" class="fn"><a href="#77aa" id="77aa-link">2</a></sup>.</p>
<ol class="wp-block-footnotes"><li id="9f1c">First note. <a href="#9f1c-link" aria-label="Jump to footnote reference 1">↩︎</a></li>
<li id="77aa">Second note. <a href="#77aa-link" aria-label="Jump to footnote reference 2">↩︎</a></li></ol>)"},
        {"aria",
         R"(<p>One<a href="#n1" role="doc-noteref"><sup>1</sup></a> and two<a epub:type="noteref" href="#n2">2</a>.</p>
<aside id="n1" role="doc-footnote"><p>First note.</p></aside>
<aside id="n2" epub:type="footnote"><p>Second note.</p></aside>)"},
    };
    for (const auto& [name, body] : pages) {
      CAPTURE(name);
      Diagnostics diags;
      auto a = load_text(dir, std::string(name) + ".html",
                    "<!DOCTYPE html><html><head><title>Notes</title></head><body><main>" + body +
                        "</main></body></html>",
                    diags);
      REQUIRE(a);
      CAPTURE(test::dump(diags));
      CHECK(diags.empty());
      CHECK(all_text(a->blocks) == "One and two.\n");
      CHECK(count_refs(a->blocks) == 2);
      REQUIRE(a->notes.size() == 2);
      CHECK(a->notes[0].number == 1);
      CHECK(all_text(a->notes[0].blocks) == "First note.\n");
      CHECK(all_text(a->notes[1].blocks) == "Second note.\n");
    }
  }

  TEST_CASE("a figure's picture: the best srcset candidate on disk, else src; remote ones warn") {
    TempDir dir;
    // The fixture images of every TempDir are in images/.
    std::filesystem::copy_file(dir.path() / "images/photo.png", dir.path() / "images/wide-800.png");
    Diagnostics diags;
    auto a = load_text(dir, "figs.html",
                  R"(<!DOCTYPE html><html><head><title>Figures</title></head><body><article>
<p>Text before.</p>
<figure class="wp-block-image"><img src="images/photo.png" alt="A photo"
  srcset="images/wide-400.png 400w, images/wide-800.png 800w, images/wide-1600.png 1600w"
  sizes="(max-width: 800px) 100vw, 800px"><figcaption>The caption.</figcaption></figure>
<figure><picture><source type="image/webp" srcset="images/missing.webp 1x, images/missing@2x.webp 2x">
  <img src="images/photo.png" alt="Pictured"></picture><figcaption>Second.</figcaption></figure>
<figure><img src="data:image/gif;base64,R0lGOD" data-src="images/photo.png" alt="Lazy"></figure>
<figure><img src="https://cdn.example.com/remote.jpg" alt="Remote picture"><figcaption>Far away.</figcaption></figure>
</article></body></html>)",
                  diags);
    REQUIRE(a);
    CAPTURE(test::dump(diags));
    const auto figs = figures(*a);
    REQUIRE(figs.size() == 4);
    CHECK(figs[0]->image.src == "images/wide-800.png");
    CHECK(model::plain_text(figs[0]->caption) == "The caption.");
    CHECK(figs[1]->image.src == "images/photo.png");
    CHECK(figs[2]->image.src == "images/photo.png");
    CHECK(figs[3]->image.remote);
    CHECK(figs[3]->alt == "Remote picture");
    CHECK(diags.warning_count() == 1);
    CHECK(test::has(diags, Severity::Warning, "remote URL", 9));
  }

  TEST_CASE("a page with no article text is one located error") {
    TempDir dir;
    Diagnostics diags;
    auto a = load_text(dir, "empty.html",
                  "<!DOCTYPE html>\n<html><head><title>Empty</title></head>\n<body>\n"
                  "<nav><a href=\"/\">Home</a></nav>\n<script>app()</script>\n</body></html>\n",
                  diags);
    CHECK_FALSE(a);
    CAPTURE(test::dump(diags));
    CHECK(diags.error_count() == 1);
    CHECK(test::has(diags, Severity::Error, "no article text", 3));
  }

  TEST_CASE("JSON-LD that is not JSON is a warning, and the other sources still count") {
    TempDir dir;
    Diagnostics diags;
    auto a = load_text(dir, "ld.html", R"(<!DOCTYPE html>
<html><head>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "x",}</script>
<meta property="og:title" content="From OpenGraph">
</head><body><p>Text.</p></body></html>)",
                  diags);
    REQUIRE(a);
    CHECK(a->meta.title == "From OpenGraph");
    CHECK(test::has(diags, Severity::Warning, "JSON-LD", 3));
  }

  TEST_CASE("MathML keeps its structure, inline and set apart, and MathJax's TeX") {
    TempDir dir;
    Diagnostics diags;
    auto a = load_text(dir, "math.html", R"(<!DOCTYPE html>
<html><head><title>Energy</title></head><body><article>
<p>Mass and energy: <math><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></math>.</p>
<math display="block"><mfrac><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mn>2</mn></mfrac></math>
<p>As MathJax writes it: <math><semantics><mrow><msub><mi>x</mi><mi>i</mi></msub></mrow>
<annotation encoding="application/x-tex">x_i</annotation></semantics></math> ends.</p>
</article></body></html>)",
                       diags);
    REQUIRE(a);
    CAPTURE(test::dump(diags));
    CHECK(diags.warning_count() == 0); // no "unknown element <mfrac>"
    std::vector<model::Math> maths;
    model::Blocks copy = a->blocks;
    model::walk_blocks(
        copy, [](model::Block&) {},
        [&](model::Inlines& in, model::Block&) {
          model::walk_inlines(in, [&](model::Inline& i) {
            if (const auto* m = std::get_if<model::Math>(&i.value))
              maths.push_back(*m);
          });
        });
    REQUIRE(maths.size() == 3);
    CHECK(maths[0].tex == "E = m {c }^{2 }");
    CHECK_FALSE(maths[0].display);
    CHECK(maths[1].tex == "\\frac{a + b }{2 }");
    CHECK(maths[1].display);
    CHECK(maths[2].tex == "x_i");
    const std::string text = all_text(a->blocks);
    CHECK(text.find("Mass and energy:") != std::string::npos);
    CHECK(text.find("ends.") != std::string::npos);
    CHECK(text.find("Ec2") == std::string::npos); // not the characters run together
  }

  TEST_CASE("a formula nested past the limit is cut there, with one warning") {
    TempDir dir;
    Diagnostics diags;
    std::string deep;
    for (int i = 0; i < 200; ++i)
      deep += "<mrow>";
    deep += "<mi>z</mi>";
    for (int i = 0; i < 200; ++i)
      deep += "</mrow>";
    auto a = load_text(dir, "deep.html",
                       "<html><head><title>Deep</title></head><body><p>Deep <math>" + deep +
                           "</math> formula.</p></body></html>",
                       diags);
    REQUIRE(a);
    CAPTURE(test::dump(diags));
    CHECK(test::has(diags, Severity::Warning, "formula nested more than 64", 1));
    CHECK(diags.warning_count() == 1);
  }

  TEST_CASE("HTML is known by its content when the extension says nothing") {
    CHECK(input::looks_like_html("<!DOCTYPE html>\n<html>"));
    CHECK(input::looks_like_html("\n  <!doctype HTML><p>x"));
    CHECK(input::looks_like_html("<?xml version=\"1.0\"?>\n<!-- c -->\n<html xmlns=\"x\">"));
    CHECK(input::looks_like_html("<HTML>"));
    CHECK_FALSE(input::looks_like_html("<htmlish>"));
    CHECK_FALSE(input::looks_like_html("# Markdown"));
    CHECK_FALSE(input::looks_like_html("<!DOCTYPE article>"));
    TempDir dir;
    Diagnostics diags;
    auto a = load_text(dir, "saved.txt",
                  "<!DOCTYPE html><html><head><title>Saved</title></head><body><p>Hi.</p></body>"
                  "</html>",
                  diags);
    REQUIRE(a);
    CHECK(a->meta.title == "Saved");
    auto x = load_text(dir, "page.xhtml",
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html "
                  "xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"fr\"><head><title>Page"
                  "</title></head><body><section><h2>Partie</h2><p>Texte.</p></section></body>"
                  "</html>",
                  diags);
    REQUIRE(x);
    CHECK(x->meta.language == "fr");
    CAPTURE(test::dump(diags));
    CHECK(diags.empty());
  }
}
