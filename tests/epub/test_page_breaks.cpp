// Page-break markers from the PDF's pages (epub/page_breaks.cpp) and the word count both
// outputs share (model::word_starts).
#include "support.hpp"

#include <doctest/doctest.h>

using namespace galley;
using namespace galley::epub;
using namespace galley::epub::test;

namespace {
std::vector<std::size_t> starts(std::string_view text, bool in_word = false) {
  return model::word_starts(text, in_word);
}

model::Article two_paragraphs() {
  model::Article a;
  a.meta.title = "Pages";
  a.meta.language = "en";
  model::Paragraph first;
  first.content = test::text("One two ");
  model::Emphasis em;
  em.children = test::text("thr");
  first.content.push_back(model::Inline{em, {}});
  first.content.push_back(test::text("ee four.").front());
  model::Paragraph second;
  second.content = test::text("Five six.");
  a.blocks.push_back(model::Block{first, {"art.md", 5, 1}});
  a.blocks.push_back(model::Block{second, {"art.md", 7, 1}});
  return a;
}
} // namespace

TEST_SUITE("epub/page-breaks") {
  TEST_CASE("a word is a run without white space, or one ideograph") {
    CHECK(starts("one  two\tthree") == std::vector<std::size_t>{0, 5, 9});
    CHECK(starts("no\u00A0break") == std::vector<std::size_t>{0, 4}); // a no-break space is one
    CHECK(starts("rest of it", true) == std::vector<std::size_t>{5, 8}); // "rest" goes on a word
    // Two ideographs, then a comma and the letter after it.
    CHECK(starts("\u9D28\u5DDD\u3001x") == std::vector<std::size_t>{0, 3, 6});
    bool in_word = false;
    model::word_starts("re", in_word);
    CHECK(in_word);
    CHECK(model::word_starts("write it", in_word).size() == 1);
  }

  TEST_CASE("each page's marker goes before its word, across inline elements") {
    model::Issue issue = single(two_paragraphs());
    EpubOptions options;
    options.print_pages = {{"1", 0, -1, 0}, {"2", 0, 0, 3}, {"3", 0, 1, 0}, {"4", 0, 1, 1}};
    Diagnostics diags;
    auto book = unzip(build(issue, diags, options));
    REQUIRE(!diags.has_errors());
    const std::string xhtml = book.files["EPUB/article-001.xhtml"];
    CAPTURE(xhtml);
    // Word 3 of the first paragraph is "four." (the emphasis joins "thr" and "ee").
    CHECK(xhtml.find("ee <span epub:type=\"pagebreak\" role=\"doc-pagebreak\" id=\"a1-page-2\" "
                     "aria-label=\"2\"/>four.") != std::string::npos);
    CHECK(xhtml.find("<p><span epub:type=\"pagebreak\" role=\"doc-pagebreak\" id=\"a1-page-3\" "
                     "aria-label=\"3\"/>Five <span epub:type=\"pagebreak\" role=\"doc-pagebreak\" "
                     "id=\"a1-page-4\" aria-label=\"4\"/>six.</p>") != std::string::npos);
    CHECK(xhtml.find("id=\"a1-page-1\"") < xhtml.find("Pages</h1>"));
    const std::string nav = book.files["EPUB/nav.xhtml"];
    CHECK(nav.find("<nav epub:type=\"page-list\" role=\"doc-pagelist\"") != std::string::npos);
    for (const char* page : {"1", "2", "3", "4"})
      CHECK(nav.find(std::string("href=\"article-001.xhtml#a1-page-") + page + "\">" + page + "<") !=
            std::string::npos);
  }

  TEST_CASE("two pages at one word keep their order; a page past the block's words ends it") {
    model::Issue issue = single(two_paragraphs());
    EpubOptions options;
    options.print_pages = {{"i", 0, 1, 0}, {"ii", 0, 1, 0}, {"iii", 0, 1, 9}};
    Diagnostics diags;
    const std::string xhtml = unzip(build(issue, diags, options)).files["EPUB/article-001.xhtml"];
    const auto one = xhtml.find("id=\"a1-page-i\""), two = xhtml.find("id=\"a1-page-ii\""),
               three = xhtml.find("id=\"a1-page-iii\"");
    REQUIRE(three != std::string::npos);
    CHECK(one < two);
    CHECK(two < xhtml.find("Five"));
    CHECK(three > xhtml.find("six."));
  }

  TEST_CASE("no pages, no page-list") {
    Diagnostics diags;
    auto book = unzip(build(single(two_paragraphs()), diags));
    CHECK(book.files["EPUB/nav.xhtml"].find("page-list") == std::string::npos);
    CHECK(book.files["EPUB/package.opf"].find("dc:source") == std::string::npos);
  }
}
