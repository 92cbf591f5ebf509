// The layout cache's keys (export/layout_cache.hpp): an article is keyed by what its layout
// reads, so an article's own PDF finds the pages its issue's PDF set, and whatever of the issue
// changes its pages changes its key.
#include "export/article_cache.hpp"
#include "export/cache_keys.hpp"
#include "export/layout_cache.hpp"
#include "galley/render.hpp"
#include "input/load.hpp"
#include "model/fingerprint.hpp"
#include "style/dump.hpp"

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace galley;
namespace fs = std::filesystem;

namespace {

struct Example {
  render::RenderOptions options;
  model::Issue issue;
  style::Style style;
};

Example example() {
  Example e;
  e.options.cache_dir = (galley::test::scratch_root() / "galley-layout-keys").string();
  Diagnostics diags;
  const fs::path manifest = GALLEY_SOURCE_DIR "/examples/quantum-dispatch/issue.yaml";
  auto issue = render::load({manifest}, e.options, diags);
  REQUIRE(issue.has_value());
  e.issue = std::move(*issue);
  e.style = render::resolve_style(e.issue, e.options, diags);
  REQUIRE_FALSE(diags.has_errors());
  return e;
}

/// Article `index` of `issue` alone, as `galley build --single` makes its own PDF.
model::Issue single(const model::Issue& issue, std::size_t index) {
  model::Issue one = issue;
  one.articles = {issue.articles[index]};
  one.single_article = true;
  one.source_path = issue.articles[index].source_path;
  return one;
}

/// The first article with notes numbered before it in `issue`.
std::size_t after_notes(const model::Issue& issue) {
  for (std::size_t i = 1; i < issue.articles.size(); ++i)
    if (model::notes_before(issue, i) > 0)
      return i;
  FAIL("the example has no article after one with notes");
  return 0;
}

} // namespace

TEST_SUITE("export/layout-cache") {
  TEST_CASE("an article alone is keyed as it is in its issue, whatever the issue's other fields") {
    Example e = example();
    const std::size_t i = after_notes(e.issue);
    const std::string in_issue = render::LayoutCache(e.issue, e.style, e.options).key(i);
    model::Issue one = single(e.issue, i);
    one.title = "Another title";
    CHECK(render::LayoutCache(one, e.style, e.options).key(0) == in_issue);
  }

  TEST_CASE("what of the issue the layout reads changes the key") {
    Example e = example();
    const std::size_t i = after_notes(e.issue);
    const std::string in_issue = render::LayoutCache(e.issue, e.style, e.options).key(i);
    SUBCASE("the issue's language, which an article in its own marks in the structure") {
      model::Issue one = single(e.issue, i);
      one.language = "fr";
      CHECK(render::LayoutCache(one, e.style, e.options).key(0) != in_issue);
    }
    SUBCASE("notes numbered through the issue, where the article's first is not 1") {
      e.style.notes.numbering = style::NoteNumbering::PerIssue;
      const std::string through = render::LayoutCache(e.issue, e.style, e.options).key(i);
      CHECK(through != in_issue);
      CHECK(render::LayoutCache(single(e.issue, i), e.style, e.options).key(0) != through);
    }
    SUBCASE("the anchor prefix, which a second article of the same slug gets a number in") {
      model::Issue twice = e.issue;
      twice.articles[0].meta.slug = twice.articles[i].meta.slug.empty()
                                        ? twice.articles[i].meta.title
                                        : twice.articles[i].meta.slug;
      twice.articles[0].meta.title = twice.articles[i].meta.title;
      CHECK(render::LayoutCache(twice, e.style, e.options).key(i) != in_issue);
    }
  }

  TEST_CASE("a load that takes articles from the cache folder gives their fingerprints, which the "
            "keys take as given, and their files") {
    render::RenderOptions options;
    options.cache_dir = test::fresh_folder("galley-layout-fingerprints").string();
    const fs::path manifest = GALLEY_SOURCE_DIR "/examples/quantum-dispatch/issue.yaml";
    Diagnostics diags;
    std::vector<std::string> fingerprints{"left from before"};
    // The first load reads every article: nothing is known of them.
    auto read = render::load({manifest}, options, diags, &fingerprints);
    REQUIRE(read.has_value());
    REQUIRE(read->articles.size() > 1);
    CHECK(fingerprints == std::vector<std::string>(read->articles.size()));
    // The second takes them from the folder, with what they were digested to when kept.
    auto kept = render::load({manifest}, options, diags, &fingerprints);
    REQUIRE(kept.has_value());
    REQUIRE(fingerprints.size() == kept->articles.size());
    for (std::size_t k = 0; k < fingerprints.size(); ++k)
      CHECK(fingerprints[k] == model::fingerprint(kept->articles[k]));
    REQUIRE_FALSE(diags.has_errors());
    // With the files each was kept with, which walking it for its pictures would give.
    std::vector<input::KeptArticle> with_files{{"left", {"from before"}}};
    REQUIRE(render::load_kept({manifest}, options, diags, &with_files).has_value());
    REQUIRE(with_files.size() == kept->articles.size());
    bool pictures = false;
    for (std::size_t k = 0; k < with_files.size(); ++k) {
      CHECK(with_files[k].fingerprint == fingerprints[k]);
      CHECK(with_files[k].files == render::article_files(kept->articles[k]));
      pictures = pictures || with_files[k].files.size() > 1;
    }
    CHECK(pictures); // the example's articles show portraits and figures

    const style::Style style = render::resolve_style(*kept, options, diags);
    const std::string digested = render::LayoutCache(*kept, style, options).key(1);
    options.article_fingerprints = fingerprints;
    CHECK(render::LayoutCache(*kept, style, options).key(1) == digested);
    // A given fingerprint is not checked against the article (that would digest it): it is
    // the caller's word, and an empty one is digested.
    options.article_fingerprints[1] = model::fingerprint(kept->articles[0]);
    CHECK(render::LayoutCache(*kept, style, options).key(1) != digested);
    options.article_fingerprints[1].clear();
    CHECK(render::LayoutCache(*kept, style, options).key(1) == digested);
    options.article_fingerprints.resize(1);
    CHECK(render::LayoutCache(*kept, style, options).key(1) == digested);
    // The style as printed, when the caller has it, is taken as given too.
    options.style_text = style::dump_style(style);
    CHECK(render::LayoutCache(*kept, style, options).key(1) == digested);
    options.style_text = "another style";
    CHECK(render::LayoutCache(*kept, style, options).key(1) != digested);
  }
}
