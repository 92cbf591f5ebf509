// An article's pages through the layout cache's record (layout/article_record.hpp): what reads
// back joins into the very document the pages laid out now join into.
#include "layout/article_record.hpp"
#include "layout/layout.hpp"

#include "checks.hpp"
#include "sample.hpp"

#include <doctest/doctest.h>

using namespace galley;
using namespace galley::layout;

TEST_SUITE("layout/article_record") {
  TEST_CASE("pages read back join into the same document, trace for trace") {
    model::Issue issue = test::sample_issue(2);
    style::Style st = style::default_style();
    text::Engine engine(test::engine_options(st));
    Diagnostics diags;
    std::vector<ArticlePages> direct, read_back;
    for (std::size_t i = 0; i < issue.articles.size(); ++i) {
      ArticlePages pages = layout_article(issue, i, st, engine, diags);
      std::vector<std::string> digests(pages.fonts.size(), std::string(64, 'd'));
      std::string record =
          encode_article({pages, {{Severity::Warning, {"a.md", 3, 7}, "w", "h"}}, digests});
      std::optional<LaidOutArticle> back = decode_article(record);
      REQUIRE(back);
      CHECK(encode_article(*back) == record);
      CHECK(back->font_digests == digests);
      REQUIRE(back->diagnostics.size() == 1);
      CHECK(back->diagnostics[0].loc.column == 7);
      CHECK(back->diagnostics[0].hint == "h");
      CHECK(back->pages.page_map == pages.page_map);
      CHECK(back->pages.structure.size() == pages.structure.size());
      direct.push_back(std::move(pages));
      read_back.push_back(std::move(back->pages));
    }
    REQUIRE_FALSE(diags.has_errors());
    Document a = join_articles(issue, std::move(direct), st, engine, {}, diags);
    Document b = join_articles(issue, std::move(read_back), st, engine, {}, diags);
    CHECK(a.pages.size() > 4);
    CHECK(trace(a) == trace(b));
    CHECK(a.structure.size() == b.structure.size());
    CHECK(a.page_starts == b.page_starts);
  }

  TEST_CASE("a damaged record is refused") {
    model::Issue issue = test::sample_issue(1);
    style::Style st = style::default_style();
    text::Engine engine(test::engine_options(st));
    Diagnostics diags;
    std::string record = encode_article({layout_article(issue, 0, st, engine, diags), {}});
    CHECK_FALSE(decode_article(record.substr(0, record.size() / 2)));
    record[record.size() / 3] ^= 4;
    CHECK_FALSE(decode_article(record));
    CHECK_FALSE(decode_article(""));
  }
}
