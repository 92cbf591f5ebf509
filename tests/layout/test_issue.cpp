#include "layout/layout.hpp"

#include "checks.hpp"
#include "sample.hpp"

#include <doctest/doctest.h>

using namespace galley;
using namespace galley::layout;

TEST_SUITE("layout/issue") {
  TEST_CASE("cover, contents with real page numbers, continuous numbering") {
    style::Style st = style::default_style();
    Diagnostics diags;
    text::Engine engine(test::engine_options(st));
    model::Issue issue = test::sample_issue(4);
    Document doc = layout_issue(issue, st, engine, LayoutOptions{}, diags);
    CHECK_FALSE(diags.has_errors());
    REQUIRE(doc.pages.size() > 6);
    // A page-shaped cover image is a designed cover: alone on its page, the masthead moves to
    // the contents page.
    REQUIRE(doc.pages[0].items.size() == 2);
    const auto* cover = std::get_if<ImageItem>(&doc.pages[0].items[0]);
    REQUIRE(cover != nullptr);
    CHECK(cover->width >= doc.pages[0].width);
    CHECK(test::page_text(doc.pages[1]).find("No. 5 \u00B7 May 1, 2026") != std::string::npos);
    CHECK(test::page_text(doc.pages[1]).find("Contents") != std::string::npos);
    auto anchors = test::anchor_pages(doc);
    // Every contents entry links to its article, and the number beside it is that page.
    int entries = 0;
    const Page& contents = doc.pages[1];
    for (const Item& it : contents.items) {
      const auto* l = std::get_if<LinkItem>(&it);
      if (l == nullptr) continue;
      ++entries;
      REQUIRE(anchors.count(l->dest));
      std::string number;
      for (const Item& jt : contents.items)
        if (const auto* r = std::get_if<GlyphRun>(&jt))
          if (r->y > l->y && r->y < l->y + 16 && r->x > l->x + l->width - 40) number = test::run_text(*r);
      CHECK(number == std::to_string(anchors[l->dest] + 1));
    }
    CHECK(entries == 4);
    for (std::size_t i = 0; i < doc.pages.size(); ++i) CHECK(doc.pages[i].label == std::to_string(i + 1));
    CHECK(test::dangling_links(doc) == std::vector<std::string>{});
    CHECK(test::notes_off_page(doc) == std::vector<std::string>{});
    CHECK(test::glyphs_outside_text_area(doc, st) == std::vector<std::string>{});
    CHECK(test::lonely_headings(doc, st) == std::vector<std::string>{});
    // Outline: issue -> articles -> headings.
    REQUIRE(doc.outline.size() == 1);
    CHECK(doc.outline[0].title == issue.title);
    REQUIRE(doc.outline[0].children.size() == 4);
    CHECK(doc.outline[0].children[1].title == "Article 2: the next phase of the cloud");
    CHECK_FALSE(doc.outline[0].children[1].children.empty());
    CHECK(doc.info.author == "Iris Okafor and Tom\u00E1s Lindqvist");
    // The page map: each article's opening on its anchor's page, then its blocks in order.
    for (std::size_t k = 0; k < issue.articles.size(); ++k) {
      std::vector<NodePage> mine;
      for (const NodePage& n : doc.page_map)
        if (n.article == static_cast<int>(k)) mine.push_back(n);
      REQUIRE(mine.size() == issue.articles[k].blocks.size() + 1);
      CHECK(mine[0].block == -1);
      CHECK(mine[0].page == anchors["article-" + std::to_string(k + 1)]);
      for (std::size_t i = 1; i < mine.size(); ++i) {
        CHECK(mine[i].block == static_cast<int>(i) - 1);
        CHECK(mine[i].page >= mine[0].page);
      }
      auto heading = anchors.find("article-" + std::to_string(k + 1) + "-section-2");
      REQUIRE(heading != anchors.end());
      std::size_t block = 0;
      for (std::size_t i = 0; i < issue.articles[k].blocks.size(); ++i)
        if (const auto* h = std::get_if<model::Heading>(&issue.articles[k].blocks[i].value))
          if (h->id == "section-2") block = i;
      CHECK(mine[block + 1].page == heading->second);
    }
  }

  TEST_CASE("a landscape cover image sits above the masthead on the cover page") {
    style::Style st = style::default_style();
    Diagnostics diags;
    text::Engine engine(test::engine_options(st));
    model::Issue issue = test::sample_issue(1);
    issue.cover->image.path = test::example_image("logical-qubits-cover.jpg");
    Document doc = layout_issue(issue, st, engine, LayoutOptions{}, diags);
    REQUIRE(doc.pages.size() > 2);
    std::string cover = test::page_text(doc.pages[0]);
    CHECK(cover.find("THE QUANTUM DISPATCH") != std::string::npos);
    CHECK(cover.find("No. 5 \u00B7 May 1, 2026") != std::string::npos);
    CHECK(cover.find("Edited by Iris Okafor and Tom\u00E1s Lindqvist") != std::string::npos);
    CHECK(test::glyphs_outside_text_area(doc, st) == std::vector<std::string>{});
  }

  TEST_CASE("recto openings: every article starts on an odd page") {
    style::Style st = style::default_style();
    st.issue.recto_openings = true;
    st.page.facing = true;
    st.page.margins.inner = 64;
    st.page.margins.outer = 48;
    Diagnostics diags;
    text::Engine engine(test::engine_options(st));
    Document doc = layout_issue(test::sample_issue(3), st, engine, LayoutOptions{}, diags);
    auto anchors = test::anchor_pages(doc);
    for (const char* key : {"article-1", "article-2", "article-3"}) {
      REQUIRE(anchors.count(key));
      CHECK(anchors[key] % 2 == 0); // page index 0 is page 1, a recto
    }
    CHECK(test::glyphs_outside_text_area(doc, st) == std::vector<std::string>{});
  }

  TEST_CASE("articles laid out separately join to the same document") {
    style::Style st = style::default_style();
    model::Issue issue = test::sample_issue(3);
    Diagnostics d1, d2;
    text::Engine e1(test::engine_options(st));
    std::string whole = trace(layout_issue(issue, st, e1, LayoutOptions{}, d1));
    // One engine per article, as parallel workers would have; the main engine joins.
    std::vector<ArticlePages> parts;
    for (std::size_t i = 0; i < issue.articles.size(); ++i) {
      text::Engine worker(test::engine_options(st));
      parts.push_back(layout_article(issue, i, st, worker, d2));
    }
    text::Engine e2(test::engine_options(st));
    Document joined = join_articles(issue, std::move(parts), st, e2, LayoutOptions{}, d2);
    // Font indices follow first use, so the traces match apart from font file order.
    CHECK_FALSE(joined.pages.empty());
    std::string t = trace(joined);
    CHECK(t.substr(0, t.find("fonts\n")) == whole.substr(0, whole.find("fonts\n")));
  }

  TEST_CASE("the cover and contents set from the model, while the articles are laid out, join "
            "to the same document") {
    style::Style st = style::default_style();
    model::Issue issue = test::sample_issue(3);
    // Two articles under one slug: the second's anchor is made unique by its place.
    issue.articles[2].meta.slug = issue.articles[0].meta.slug;
    issue.articles[1].meta.authors.push_back(model::Author{});
    issue.articles[1].meta.authors.back().name = "Second Author";
    auto parts = [&] {
      std::vector<ArticlePages> out;
      Diagnostics d;
      for (std::size_t i = 0; i < issue.articles.size(); ++i) {
        text::Engine worker(test::engine_options(st));
        out.push_back(layout_article(issue, i, st, worker, d));
      }
      return out;
    };
    Diagnostics d1, d2;
    text::Engine e1(test::engine_options(st));
    const std::string joined = trace(join_articles(issue, parts(), st, e1, LayoutOptions{}, d1));
    text::Engine e2(test::engine_options(st));
    FrontMatter front = set_front_matter(issue, st, e2, d2);
    CHECK(front.slots.size() == issue.articles.size());
    const std::string early =
        trace(join_articles(issue, parts(), st, e2, LayoutOptions{}, d2, std::move(front)));
    CHECK(joined.find("-3") != std::string::npos); // the unique anchor
    CHECK(joined.find("Second Author") != std::string::npos);
    CHECK(early == joined);
    CHECK(d2.all().size() == d1.all().size());
  }
}

TEST_SUITE("layout/issue") {
  TEST_CASE("a long contents runs over several pages, every number right") {
    style::Style st = style::default_style();
    Diagnostics diags;
    text::Engine engine(test::engine_options(st));
    model::Issue issue = test::sample_issue(30);
    Document doc = layout_issue(issue, st, engine, LayoutOptions{}, diags);
    auto anchors = test::anchor_pages(doc);
    int entries = 0, contents_pages = 0;
    for (std::size_t p = 1; p < doc.pages.size() && p < 5; ++p) {
      bool any = false;
      for (const Item& it : doc.pages[p].items) {
        const auto* l = std::get_if<LinkItem>(&it);
        // Contents entries link to an article's own anchor ("article-7"), nothing deeper.
        if (l == nullptr || l->dest.rfind("article-", 0) != 0 ||
            l->dest.find_first_not_of("0123456789", 8) != std::string::npos)
          continue;
        any = true;
        ++entries;
        std::string number;
        for (const Item& jt : doc.pages[p].items)
          if (const auto* r = std::get_if<GlyphRun>(&jt))
            if (r->y > l->y && r->y < l->y + 16 && r->x > l->x + l->width - 40) number = test::run_text(*r);
        CHECK(number == std::to_string(anchors[l->dest] + 1));
      }
      contents_pages += any;
    }
    CHECK(entries == 30);
    CHECK(contents_pages >= 2);
    CHECK(test::glyphs_outside_text_area(doc, st) == std::vector<std::string>{});
  }
}
