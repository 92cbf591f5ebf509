// An article's pages through the layout cache's record (layout/article_record.hpp): what reads
// back joins into the very document the pages laid out now join into.
#include "galley/error.hpp"
#include "layout/article_record.hpp"
#include "layout/layout.hpp"

#include "checks.hpp"
#include "sample.hpp"

#include <doctest/doctest.h>

#include <bit>
#include <cstdint>
#include <memory>

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
    // Each article page's glyph summary, made when it was laid out and read back, names the
    // joined document's fonts, as its runs do.
    std::size_t summarized = 0;
    for (std::size_t p = 0; p < b.pages.size(); ++p) {
      CAPTURE(p);
      if (!b.pages[p].glyph_summary.made())
        continue;
      ++summarized;
      Page again = b.pages[p];
      summarize_glyphs(again);
      CHECK(again.glyph_summary.glyph_bytes() == b.pages[p].glyph_summary.glyph_bytes());
      CHECK(again.glyph_summary.texts() == b.pages[p].glyph_summary.texts());
      CHECK(a.pages[p].glyph_summary.glyph_bytes() == b.pages[p].glyph_summary.glyph_bytes());
    }
    CHECK(summarized + 2 == b.pages.size()); // all but the cover and the contents
  }

  TEST_CASE("a page's glyph summary: each glyph once, with its first non-empty text") {
    auto run_of = [](int font, const std::vector<Glyph>& glyphs) {
      GlyphRun run;
      run.font = font;
      for (const Glyph& g : glyphs)
        run.glyphs.push_back(g);
      return run;
    };
    Page page;
    page.items.push_back(run_of(0, {{5, 1, 0, 0, ""}, {6, 1, 0, 0, "b"}, {5, 1, 0, 0, "a"}}));
    page.items.push_back(RuleItem{});
    page.items.push_back(run_of(1, {{5, 1, 0, 0, "x"}}));
    page.items.push_back(run_of(0, {{5, 1, 0, 0, "z"}, {7, 1, 0, 0, ""}}));
    CHECK_FALSE(page.glyph_summary.made());
    summarize_glyphs(page);
    const GlyphSummary& s = page.glyph_summary;
    REQUIRE(s.made());
    REQUIRE(s.glyphs().size() == 4);
    std::vector<std::string> got;
    for (const GlyphSummary::Glyph& g : s.glyphs())
      got.push_back(std::to_string(g.font) + ":" + std::to_string(g.id) + "=" +
                    std::string(s.text(g)));
    CHECK(got == std::vector<std::string>{"0:5=a", "0:6=b", "1:5=x", "0:7="});
    // Through the layout cache's record, and refused when its bytes are not whole glyphs or a
    // text lies outside the texts.
    LaidOutArticle article;
    article.pages.pages.push_back(page);
    std::optional<LaidOutArticle> back = decode_article(encode_article(article));
    REQUIRE(back);
    const GlyphSummary& read = back->pages.pages[0].glyph_summary;
    CHECK(read.made());
    CHECK(read.glyph_bytes() == s.glyph_bytes());
    CHECK(read.texts() == s.texts());
    CHECK(read.runs_digest() == s.runs_digest());
    CHECK_FALSE(GlyphSummary::from_bytes(s.glyph_bytes().substr(1), s.texts(), s.runs_digest()));
    CHECK_FALSE(GlyphSummary::from_bytes(s.glyph_bytes(), s.texts().substr(1), s.runs_digest()));
    // The runs' digest is of their glyphs one run after another: a glyph moved changes it.
    FastDigest runs;
    for (const Item& item : page.items)
      if (const auto* run = std::get_if<GlyphRun>(&item))
        runs.update(run->glyphs.bytes());
    CHECK(s.runs_digest() == runs.finish());
    Page moved = page;
    std::get<GlyphRun>(moved.items[3]).glyphs =
        run_of(0, {{5, 1.5, 0, 0, "z"}, {7, 1, 0, 0, ""}}).glyphs;
    summarize_glyphs(moved);
    CHECK(moved.glyph_summary.runs_digest() != s.runs_digest());
    CHECK(moved.glyph_summary.glyph_bytes() == s.glyph_bytes());
    // The join renames its fonts as it renames the runs'.
    auto renaming = [](std::vector<int> to) {
      return [to](int f) { return to.at(std::size_t(f)); };
    };
    GlyphSummary renamed = s;
    renamed.rename_fonts(renaming({3, 2}));
    CHECK(renamed.glyphs()[0].font == 3);
    CHECK(renamed.glyphs()[2].font == 2);
    CHECK_THROWS_AS(renamed.rename_fonts(renaming({0})), std::out_of_range);
  }

  TEST_CASE("a run's glyphs read back bit for bit") {
    GlyphRun run;
    run.size = 9.5;
    // A cluster text past 254 bytes, offsets either way, zero of either sign.
    const std::vector<Glyph> glyphs = {{70000, 5.25, -0.0, 1.5, std::string(300, 'x')},
                                       {3, -0.0, 0.0, -2.0, ""},
                                       {0, 0.1, 1e-300, 0.0, "\xc3\xa9"}};
    for (const Glyph& g : glyphs)
      run.glyphs.push_back(g);
    Page page;
    page.label = "1";
    page.items.push_back(run);
    LaidOutArticle article;
    article.pages.pages.push_back(page);
    std::string record = encode_article(article);
    std::optional<LaidOutArticle> back = decode_article(record);
    REQUIRE(back);
    REQUIRE(back->pages.pages.size() == 1);
    REQUIRE(back->pages.pages[0].items.size() == 1);
    const auto* read = std::get_if<GlyphRun>(&back->pages.pages[0].items[0]);
    REQUIRE(read);
    REQUIRE(read->glyphs.size() == glyphs.size());
    const std::vector<Glyph> got = read->glyphs.unpack();
    auto bits = [](double v) { return std::bit_cast<std::uint64_t>(v); };
    for (std::size_t g = 0; g < glyphs.size(); ++g) {
      CAPTURE(g);
      const Glyph& a = glyphs[g];
      const Glyph& b = got[g];
      CHECK(a.id == b.id);
      CHECK(bits(a.advance) == bits(b.advance));
      CHECK(bits(a.x_offset) == bits(b.x_offset));
      CHECK(bits(a.y_offset) == bits(b.y_offset));
      CHECK(a.text == b.text);
    }
  }

  TEST_CASE("runs read back from a shared record view its bytes, and copy them to change") {
    GlyphRun run;
    run.glyphs.push_back(Glyph{7, 4.5, 0, 0, "a"});
    run.glyphs.push_back(Glyph{8, 5.5, 0, 0, "b"});
    Page page;
    page.items.push_back(run);
    LaidOutArticle article;
    article.pages.pages.push_back(page);
    auto record = std::make_shared<const std::string>(encode_article(article));
    std::weak_ptr<const std::string> watch = record;
    std::optional<LaidOutArticle> back = decode_article(*record, record);
    REQUIRE(back);
    CHECK(encode_article(*back) == *record);
    auto* read = std::get_if<GlyphRun>(&back->pages.pages[0].items[0]);
    REQUIRE(read);
    const std::string_view viewed = read->glyphs.bytes();
    CHECK(viewed.data() >= record->data());
    CHECK(viewed.data() + viewed.size() <= record->data() + record->size());
    // The pages keep the record: the caller's reference may go.
    record.reset();
    CHECK_FALSE(watch.expired());
    CHECK(read->glyphs.unpack()[1].text == "b");
    // A copy shares it; a change copies the bytes first and leaves the record as it was.
    GlyphRun copy = *read;
    copy.glyphs.push_back(Glyph{9, 6.5, 0, 0, "c"});
    CHECK(copy.glyphs.size() == 3);
    CHECK(copy.glyphs.unpack()[2].text == "c");
    CHECK(read->glyphs.size() == 2);
    CHECK(read->glyphs.bytes() == viewed);
    // The changed copy let the record go: the pages were the last to hold it.
    back.reset();
    CHECK(watch.expired());
  }

  TEST_CASE("a glyph list is read back from exactly its bytes and count") {
    GlyphList list;
    list.push_back(Glyph{41, 6.5, 0, 0, "f"});
    list.push_back(Glyph{42, 0, 1.25, -3, ""});
    const std::string bytes(list.bytes());
    std::optional<GlyphList> back = GlyphList::from_bytes(bytes, 2);
    REQUIRE(back);
    CHECK(back->bytes() == bytes);
    std::vector<GlyphView> views;
    back->views(views);
    REQUIRE(views.size() == 2);
    CHECK(views[0].text == "f");
    CHECK(views[1].x_offset == 1.25);
    CHECK(views[1].y_offset == -3);
    CHECK_FALSE(GlyphList::from_bytes(bytes, 3));
    CHECK_FALSE(GlyphList::from_bytes(bytes, 1));
    CHECK_FALSE(GlyphList::from_bytes(bytes.substr(0, bytes.size() - 1), 2));
    std::string bad_flags = bytes;
    bad_flags[12] = 4; // the first glyph's offset flags
    CHECK_FALSE(GlyphList::from_bytes(bad_flags, 2));
    // Viewing an owner's bytes, a list checks them when first read glyph by glyph, and a copy
    // of one not yet read checks them too.
    auto owner = std::make_shared<const std::string>(bad_flags);
    std::optional<GlyphList> viewed = GlyphList::from_bytes(*owner, 2, owner);
    REQUIRE(viewed);
    CHECK(viewed->size() == 2);
    CHECK(viewed->bytes() == bad_flags);
    const GlyphList copy = *viewed;
    CHECK_THROWS_AS((void)viewed->begin(), galley::Error);
    CHECK_THROWS_AS(copy.unpack(), galley::Error);
    GlyphList changed = copy;
    CHECK_THROWS_AS(changed.push_back(Glyph{1, 1, 0, 0, "x"}), galley::Error);
    auto sound = std::make_shared<const std::string>(bytes);
    std::optional<GlyphList> good = GlyphList::from_bytes(*sound, 2, sound);
    REQUIRE(good);
    CHECK(good->unpack().size() == 2);
    CHECK(good->unpack()[0].text == "f");
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
