#include "layout/layout.hpp"
#include "layout/context.hpp"
#include "layout/vlist.hpp"

#include "checks.hpp"
#include "sample.hpp"

#include <doctest/doctest.h>
#include <cctype>
#include <sstream>
#include <set>

#include <chrono>
#include <cmath>
#include <map>

using namespace galley;
using namespace galley::layout;

namespace {

using test::lay;

/// The sample article laid out in `st`, with the checks every layout must pass.
Document lay_checked(const style::Style& st) {
  Diagnostics diags;
  Document doc = lay(test::single(), st, diags);
  CHECK_FALSE(diags.has_errors());
  CHECK(test::glyphs_outside_text_area(doc, st) == std::vector<std::string>{});
  CHECK(test::notes_off_page(doc) == std::vector<std::string>{});
  CHECK(test::lonely_headings(doc, st) == std::vector<std::string>{});
  return doc;
}

int count_pages_with(const Document& doc, const std::string& needle) {
  int n = 0;
  for (const Page& p : doc.pages) n += test::page_text(p).find(needle) != std::string::npos;
  return n;
}

} // namespace

TEST_SUITE("layout/article") {
  TEST_CASE("a single article lays out within the text area with notes on their pages") {
    style::Style st = style::default_style();
    Diagnostics diags;
    Document doc = lay(test::single(), st, diags);
    for (const Diagnostic& d : diags.all()) CAPTURE(format_text(d));
    CHECK_FALSE(diags.has_errors());
    REQUIRE(doc.pages.size() >= 4);
    CHECK(test::glyphs_outside_text_area(doc, st) == std::vector<std::string>{});
    CHECK(test::dangling_links(doc) == std::vector<std::string>{});
    CHECK(test::notes_off_page(doc) == std::vector<std::string>{});
    CHECK(test::lonely_headings(doc, st) == std::vector<std::string>{});
    for (std::size_t i = 0; i < doc.pages.size(); ++i) CHECK(doc.pages[i].label == std::to_string(i + 1));
  }

  TEST_CASE("the opening has the cover, title block and author block, and no running head") {
    style::Style st = style::default_style();
    Diagnostics diags;
    Document doc = lay(test::single(), st, diags);
    REQUIRE(!doc.pages.empty());
    const Page& first = doc.pages[0];
    std::string text = test::page_text(first);
    CHECK(text.find("THE QUANTUM DISPATCH") != std::string::npos);
    CHECK(text.find("Microsoft and OpenAI") != std::string::npos);
    CHECK(text.find("A More Flexible Partnership") != std::string::npos);
    CHECK(text.find("Dr. Nova Chen") != std::string::npos);
    CHECK(text.find("April 27, 2026 \u00B7 6 min read") != std::string::npos);
    // Lead cover image first (above the title), then a circle-clipped portrait.
    std::vector<const ImageItem*> images;
    for (const Item& it : first.items)
      if (const auto* im = std::get_if<ImageItem>(&it)) images.push_back(im);
    REQUIRE(images.size() == 2);
    CHECK_FALSE(images[0]->circle_clip);
    CHECK(images[0]->y == doctest::Approx(st.page.margins.top));
    CHECK(images[0]->height <= st.opening.lead_image_height + 0.01);
    CHECK(images[1]->circle_clip);
    CHECK(images[1]->width == doctest::Approx(st.opening.portrait_size));
    // Title below the image.
    double title_y = 0;
    for (const Item& it : first.items)
      if (const auto* r = std::get_if<GlyphRun>(&it))
        if (test::run_text(*r).find("Microsoft") == 0 && r->size == st.opening.title_size) title_y = r->y;
    CHECK(title_y > images[0]->y + images[0]->height);
    // No running head on the opening; one on the next page, with the furniture.
    auto head = [&](const Page& p) {
      for (const Item& it : p.furniture)
        if (const auto* r = std::get_if<GlyphRun>(&it))
          if (r->y < st.page.margins.top - 10)
            return true;
      return false;
    };
    CHECK_FALSE(head(first));
    CHECK(head(doc.pages[1]));
    CHECK(head(doc.pages[2]));
  }

  TEST_CASE("full-page cover: the image covers the page and the title opens the next") {
    style::Style st = style::default_style();
    st.opening.cover = style::CoverMode::FullPage;
    Diagnostics diags;
    Document doc = lay(test::single(), st, diags);
    REQUIRE(doc.pages.size() > 2);
    const auto* im = std::get_if<ImageItem>(&doc.pages[0].items.front());
    REQUIRE(im != nullptr);
    CHECK(im->x <= 0);
    CHECK(im->y <= 0);
    CHECK(im->x + im->width >= doc.pages[0].width);
    CHECK(im->y + im->height >= doc.pages[0].height);
    CHECK(test::page_text(doc.pages[0]).empty());
    CHECK(test::page_text(doc.pages[1]).find("Microsoft and OpenAI") != std::string::npos);
    CHECK(test::dangling_links(doc) == std::vector<std::string>{});
  }

  TEST_CASE("outline: article, then headings nested by level") {
    style::Style st = style::default_style();
    Diagnostics diags;
    Document doc = lay(test::single(), st, diags);
    REQUIRE(doc.outline.size() == 1);
    const OutlineItem& art = doc.outline[0];
    CHECK(art.title == "Microsoft and OpenAI Enter the Next Phase");
    REQUIRE(art.children.size() == 9); // 8 sections and the Sources heading
    CHECK(art.children[0].title == "Section 1: what actually changed");
    REQUIRE(art.children[1].children.size() == 1);
    CHECK(art.children[1].children[0].title == "Subsection 2.1");
    REQUIRE(art.children[1].children[0].children.size() == 1);
    CHECK(art.children[1].children[0].children[0].title == "A detail of section 2");
    CHECK(art.children.back().title == "Sources");
    CHECK(doc.info.title == "Microsoft and OpenAI Enter the Next Phase");
    CHECK(doc.info.author == "Dr. Nova Chen");
    CHECK(doc.info.keywords == "Microsoft, OpenAI, Cloud");
    CHECK(doc.info.subject.find("OpenAI can ship") != std::string::npos);
    CHECK(doc.info.language == "en");
  }

  TEST_CASE("links: external URI over its text, note markers to notes and back") {
    style::Style st = style::default_style();
    Diagnostics diags;
    Document doc = lay(test::single(), st, diags);
    int uri = 0, to_note = 0, back = 0;
    for (const Page& p : doc.pages)
      for (const Item& it : p.items)
        if (const auto* l = std::get_if<LinkItem>(&it)) {
          if (l->uri == "https://blogs.microsoft.com/") ++uri;
          if (l->dest.find("-note-") != std::string::npos) ++to_note;
          if (l->dest.find("-ref-") != std::string::npos) ++back;
        }
    CHECK(uri >= 1);
    CHECK(to_note == 12); // 8 footnotes and 4 cited sources
    CHECK(back == 12);
  }

  TEST_CASE("uncited sources form a numbered Sources list at the end") {
    style::Style st = style::default_style();
    Diagnostics diags;
    Document doc = lay(test::single(), st, diags);
    std::string last = test::page_text(doc.pages.back()) +
                       test::page_text(doc.pages[doc.pages.size() - 2]);
    CHECK(last.find("Sources") != std::string::npos);
    CHECK(last.find("13.") != std::string::npos);
    CHECK(last.find("Unite.AI") != std::string::npos);
    CHECK(last.find("14.") != std::string::npos);
    CHECK(last.find("Bloomberg") != std::string::npos);
  }

  TEST_CASE("code: monospace, long lines wrapped with a marker") {
    style::Style st = style::default_style();
    Diagnostics diags;
    Document doc = lay(test::single(), st, diags);
    CHECK(count_pages_with(doc, "deployment:") == 1);
    // The wrapped rest of the long line starts a line of its own, after a hooked-arrow mark
    // drawn with rules to its left; indentation is kept.
    const GlyphRun* rest = nullptr;
    const GlyphRun* top = nullptr;
    const GlyphRun* indented = nullptr;
    const Page* page = nullptr;
    for (const Page& p : doc.pages)
      for (const Item& it : p.items)
        if (const auto* r = std::get_if<GlyphRun>(&it)) {
          std::string t = test::run_text(*r);
          if (t == "europe-west") rest = r, page = &p;
          if (t == "deployment:") top = r;
          if (t == "clouds: [azure, aws, gcp]") indented = r;
        }
    REQUIRE(rest != nullptr);
    REQUIRE(top != nullptr);
    REQUIRE(indented != nullptr);
    CHECK(rest->x == doctest::Approx(top->x));
    CHECK(indented->x > top->x + 5);
    int marks = 0;
    for (const Item& it : page->items)
      if (const auto* rule = std::get_if<RuleItem>(&it))
        if (rule->x1 < rest->x && rule->x1 > rest->x - 20 && rule->y1 < rest->y && rule->y1 > rest->y - 10) ++marks;
    CHECK(marks >= 3);
  }

  TEST_CASE("a figure whose image the PDF cannot use is an error at the figure's line") {
    style::Style st = style::default_style();
    model::Issue issue = test::single();
    const std::string text = std::string(GALLEY_TEST_DATA_DIR) + "/e2e/data/images/formats.md";
    issue.articles.front().blocks.push_back(
        model::Block{model::Figure{{"images/shape.png", text, false}, "A shape", {}, "", ""},
                     {"story.md", 42, 1}});
    Diagnostics diags;
    lay(issue, st, diags);
    bool located = false;
    for (const auto& d : diags.all())
      located =
          located || (d.severity == Severity::Error && d.loc.file == "story.md" &&
                      d.loc.line == 42 && d.message.find("images/shape.png") != std::string::npos);
    CHECK(located);
  }

  TEST_CASE("identical input gives identical traces") {
    style::Style st = style::default_style();
    Diagnostics d1, d2;
    std::string a = trace(lay(test::single(), st, d1));
    std::string b = trace(lay(test::single(), st, d2));
    CHECK(a == b);
    CHECK(a.find("outline\n  - Microsoft and OpenAI Enter the Next Phase -> microsoft-openai") !=
          std::string::npos);
  }

  TEST_CASE("the page limit is an error") {
    style::Style st = style::default_style();
    Diagnostics diags;
    text::Engine engine(test::engine_options(st));
    LayoutOptions o;
    o.limits.max_pages = 2;
    Document doc = layout_issue(test::single(), st, engine, o, diags);
    CHECK(diags.has_errors());
    CHECK(doc.pages.empty());
  }
}

TEST_SUITE("layout/vlist") {
  using namespace galley::layout::detail;
  TEST_CASE("glue collapses, penalties move before glue and merge, keeps forbid breaks") {
    VList v;
    v.penalty(0); // nothing to break from yet: dropped
    CHECK(v.items.empty());
    v.box(VBox{10});
    v.glue(4);
    v.glue(6);
    v.penalty(0);
    REQUIRE(v.items.size() == 3);
    CHECK(v.items[1].kind == VKind::Penalty);
    CHECK(v.items[2].size == 6);
    v.penalty(150);
    CHECK(v.items[1].penalty == 150);
    v.keep_next(2);
    v.box(VBox{10});
    v.penalty(0);
    CHECK(v.items.back().penalty == kForbidden);
    v.box(VBox{10});
    v.penalty(0);
    CHECK(v.items.back().penalty == 0);
  }
}

TEST_SUITE("layout/article") {
  TEST_CASE("a bare article (no cover, authors, date, notes or body) still makes a page") {
    style::Style st = style::default_style();
    model::Issue issue;
    issue.single_article = true;
    model::Article a;
    a.meta.title = "Untitled";
    issue.articles.push_back(a);
    Diagnostics diags;
    Document doc = lay(issue, st, diags);
    CHECK_FALSE(diags.has_errors());
    REQUIRE(doc.pages.size() == 1);
    CHECK(test::page_text(doc.pages[0]).find("Untitled") != std::string::npos);
    CHECK(test::dangling_links(doc) == std::vector<std::string>{});
  }

  TEST_CASE("a link to #id goes to that heading's destination, not to a URI") {
    style::Style st = style::default_style();
    model::Issue issue;
    issue.single_article = true;
    model::Article a;
    a.meta.title = "Links";
    a.meta.slug = "links";
    model::Link link{"#ça-va", "", {{model::Text{"see below"}, {}}}};
    a.blocks.push_back({model::Paragraph{{{model::Text{"First "}, {}}, {link, {}}}}, {}});
    a.blocks.push_back({model::Heading{1, {{model::Text{"Ça va"}, {}}}, "ça-va"}, {}});
    issue.articles.push_back(a);
    Diagnostics diags;
    Document doc = lay(issue, st, diags);
    CHECK_FALSE(diags.has_errors());
    std::vector<std::string> dests;
    for (const Page& p : doc.pages)
      for (const Item& it : p.items)
        if (const auto* l = std::get_if<LinkItem>(&it)) {
          CHECK(l->uri.empty());
          dests.push_back(l->dest);
        }
    REQUIRE(dests.size() == 1);
    CHECK(dests[0].ends_with("-ça-va"));
    CHECK(test::dangling_links(doc) == std::vector<std::string>{});
  }

  TEST_CASE("a right-to-left article puts its list markers on the right of the items") {
    style::Style st = style::default_style();
    model::Issue issue;
    issue.single_article = true;
    model::Article a;
    a.meta.title = "قائمة";
    a.meta.language = "ar";
    model::List list;
    for (const char* item : {"البند الأول", "البند الثاني"}) {
      model::ListItem li;
      li.blocks.push_back({model::Paragraph{{model::Inline{model::Text{item}, {}}}}, {}});
      list.items.push_back(std::move(li));
    }
    a.blocks.push_back({std::move(list), {}});
    issue.articles.push_back(a);
    Diagnostics diags;
    Document doc = lay(issue, st, diags);
    CHECK_FALSE(diags.has_errors());
    int bullets = 0;
    std::map<double, double> text_right;
    std::map<double, double> bullet_left;
    for (const Item& it : doc.pages.at(0).items) {
      const auto* run = std::get_if<GlyphRun>(&it);
      if (!run || run->glyphs.empty()) continue;
      double width = 0;
      for (const auto& g : run->glyphs) width += g.advance;
      if (run->glyphs.size() == 1 && run->glyphs.begin()->text == "\u2022") {
        ++bullets;
        bullet_left[run->y] = run->x;
      } else {
        text_right[run->y] = std::max(text_right[run->y], run->x + width);
      }
    }
    REQUIRE(bullets == 2);
    for (const auto& [y, x] : bullet_left) {
      CAPTURE(y);
      REQUIRE(text_right.count(y) == 1);
      CHECK(x > text_right[y]); // the marker is right of its item's text
    }
    CHECK(test::glyphs_outside_text_area(doc, st) == std::vector<std::string>{});
  }

  TEST_CASE("a heading at the very end and a missing cover file") {
    style::Style st = style::default_style();
    model::Issue issue = test::single();
    model::Article& a = issue.articles[0];
    a.meta.cover->image.path = "/nonexistent/cover.jpg";
    a.blocks.push_back(model::Block{model::Heading{1, {model::Inline{model::Text{"Coda"}, {}}}, "coda"}, {}});
    Diagnostics diags;
    Document doc = lay(issue, st, diags);
    CHECK(diags.has_errors()); // the cover file cannot be read
    CHECK(count_pages_with(doc, "Coda") == 1);
    CHECK(test::lonely_headings(doc, st) == std::vector<std::string>{});
  }
}

TEST_SUITE("layout/article") {
  TEST_CASE("running heads follow the templates; the folio can sit top outside") {
    style::Style st = style::default_style();
    st.running_heads.verso = "{publication} \u00B7 {author}";
    st.running_heads.recto = "{section}";
    st.running_heads.folio = style::FolioPosition::TopOutside;
    Diagnostics diags;
    Document doc = lay(test::single(), st, diags);
    REQUIRE(doc.pages.size() >= 3);
    auto heads = [&](const Page& p) {
      std::vector<const GlyphRun*> out;
      for (const Item& it : p.furniture)
        if (const auto* r = std::get_if<GlyphRun>(&it))
          if (r->y < st.page.margins.top - 10) out.push_back(r);
      return out;
    };
    // Opening: folio suppressed with the head.
    CHECK(heads(doc.pages[0]).empty());
    auto verso = heads(doc.pages[1]);
    REQUIRE(verso.size() == 2);
    CHECK(test::run_text(*verso[0]) == "The Quantum Dispatch \u00B7 Dr. Nova Chen");
    CHECK(test::run_text(*verso[1]) == "2");
    CHECK(verso[1]->x == doctest::Approx(st.page.margins.outer)); // outside on a verso
    auto recto = heads(doc.pages[2]);
    REQUIRE(recto.size() == 2);
    CHECK(test::run_text(*recto[0]).rfind("Section ", 0) == 0);
    CHECK(test::run_text(*recto[1]) == "3");
    CHECK(recto[1]->x > recto[0]->x);
  }
}

TEST_SUITE("layout/vlist") {
  TEST_CASE("upper case covers Latin letters beyond ASCII") {
    CHECK(galley::layout::detail::upper_case("Tom\u00E1s \u0141\u00F3d\u017A, stra\u00DFe") ==
          "TOM\u00C1S \u0141\u00D3D\u0179, STRA\u00DFE");
  }
}

TEST_SUITE("layout/article") {
  TEST_CASE("with a baseline grid, body lines sit on it on every page") {
    // Baselines of body-size text, pages after the opening, measured from the first baseline of
    // the text area in steps of the body leading.
    auto off_grid = [](const style::Style& st, int& lines) {
      Document doc = lay_checked(st);
      detail::Geometry geo = detail::page_geometry(st);
      const double leading = st.text.leading;
      const double origin = geo.top + detail::baseline_in(leading, st.text.size);
      int off = 0;
      lines = 0;
      for (std::size_t p = 1; p < doc.pages.size(); ++p)
        for (const Item& it : doc.pages[p].items)
          if (const auto* r = std::get_if<GlyphRun>(&it); r && r->size == st.text.size) {
            ++lines;
            double steps = (r->y - origin) / leading;
            if (std::abs(steps - std::round(steps)) > 1e-6) ++off;
          }
      return off;
    };
    style::Style st = style::default_style();
    int lines = 0;
    CHECK(off_grid(st, lines) > 0); // headings and block spacing move lines off the grid
    st.text.baseline_grid = true;
    CHECK(off_grid(st, lines) == 0);
    CHECK(lines > 100);
  }

  TEST_CASE("two columns: the opening spans both, body lines stay inside their column") {
    style::Style st = style::default_style();
    st.page.columns = 2;
    st.page.gutter = 18;
    Document doc = lay_checked(st);
    const double left = st.page.margins.inner;
    const double col = (st.page.width - st.page.margins.inner - st.page.margins.outer - 18) / 2;
    bool title_spans = false;
    int crossing = 0, second = 0;
    for (std::size_t p = 0; p < doc.pages.size(); ++p)
      for (const Item& it : doc.pages[p].items)
        if (const auto* r = std::get_if<GlyphRun>(&it)) {
          double x0 = r->x, x1 = r->x + test::run_width(*r);
          if (r->size == st.opening.title_size && x1 > left + col + 18) title_spans = true;
          if (r->size != st.text.size) continue;
          if (x0 < left + col + 1 && x1 > left + col + 1) ++crossing;
          if (x0 >= left + col + 18 - 0.5) ++second;
        }
    CHECK(title_spans);
    CHECK(crossing == 0);
    CHECK(second > 20);
  }
}


TEST_SUITE("layout/article") {
  TEST_CASE("deeply nested lists and quotes stay inside the text area") {
    style::Style st = style::default_style();
    model::Issue issue = test::single({});
    model::Blocks inner{test::paragraph(1, 30)};
    for (int depth = 0; depth < 40; ++depth) {
      model::List list;
      model::ListItem item;
      item.blocks = std::move(inner);
      list.items.push_back(std::move(item));
      model::BlockQuote quote;
      quote.blocks.push_back(model::Block{std::move(list), {}});
      inner = model::Blocks{model::Block{std::move(quote), {}}};
    }
    issue.articles[0].blocks.insert(issue.articles[0].blocks.begin(), inner.begin(), inner.end());
    Diagnostics diags;
    Document doc = lay(issue, st, diags);
    CHECK(test::glyphs_outside_text_area(doc, st) == std::vector<std::string>{});
  }
}
