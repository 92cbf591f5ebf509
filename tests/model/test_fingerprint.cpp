// model::fingerprint (model/fingerprint.hpp): the layout cache trusts it to change whenever an
// article changes. Each case below changes one field; every fingerprint must differ from the
// others and from the unchanged article's.
#include "model/fingerprint.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <set>

using namespace galley;
using namespace galley::model;

namespace {

Inline text(const std::string& s) {
  return {Text{s}, {"a.md", 3, 1}};
}

Article sample() {
  Article a;
  a.meta.title = "Title";
  a.meta.authors.push_back({"Ada Lovelace", "Lovelace, Ada", "aut", "", std::nullopt, {}});
  a.meta.date = Date{2026, 4, 27};
  a.source_path = "a.md";
  a.blocks.push_back({Heading{1, {text("Intro")}, "intro"}, {"a.md", 2, 1}});
  a.blocks.push_back({Paragraph{{text("one "),
                                 {Emphasis{{text("two")}}, {}},
                                 {NoteRef{"n1"}, {}},
                                 {Math{"x^2", false}, {}}}},
                      {"a.md", 3, 1}});
  List list;
  list.kind = ListKind::Ordered;
  list.items.push_back({{{Paragraph{{text("item")}}, {}}}, std::nullopt, {}});
  a.blocks.push_back({list, {}});
  Table table;
  table.aligns = {Align::Left};
  table.rows.push_back({{{{text("cell")}, {}}}});
  a.blocks.push_back({table, {}});
  a.blocks.push_back(
      {Figure{{"f.png", "/x/f.png", false}, "alt", {text("cap")}, "credit", "fig"}, {}});
  a.notes.push_back(
      {"n1", NoteKind::Footnote, 1, true, {{Paragraph{{text("note")}}, {}}}, std::nullopt, {}});
  return a;
}

Paragraph& para(Article& a) {
  return std::get<Paragraph>(a.blocks[1].value);
}

} // namespace

TEST_SUITE("model/fingerprint") {
  TEST_CASE("the same article gives the same fingerprint") {
    CHECK(fingerprint(sample()) == fingerprint(sample()));
    CHECK(fingerprint(sample()).size() == 64);
  }

  TEST_CASE("every change of a field changes it") {
    std::vector<std::function<void(Article&)>> changes = {
        [](Article& a) { a.meta.title = "Title2"; },
        [](Article& a) { a.meta.subtitle = "s"; },
        [](Article& a) { a.meta.dek = "d"; },
        [](Article& a) { a.meta.authors[0].bio = "b"; },
        [](Article& a) {
          a.meta.authors[0].portrait = ImageRef{"p.png", "/p.png", false};
        },
        [](Article& a) { a.meta.date->day = 28; },
        [](Article& a) { a.meta.date.reset(); },
        [](Article& a) { a.meta.language = "de"; },
        [](Article& a) { a.meta.tags.push_back("t"); },
        [](Article& a) { a.meta.slug = "s"; },
        [](Article& a) { a.meta.reading_minutes = 4; },
        [](Article& a) {
          a.meta.cover = Cover{{"c.jpg", "/c.jpg", false}, "", "", {}};
        },
        [](Article& a) { a.source_path = "b.md"; },
        [](Article& a) { a.word_count = 9; },
        [](Article& a) { std::get<Heading>(a.blocks[0].value).level = 2; },
        [](Article& a) { std::get<Heading>(a.blocks[0].value).id = "x"; },
        [](Article& a) { a.blocks[0].loc.line = 5; },
        [](Article& a) { std::get<Text>(para(a).content[0].value).text = "one!"; },
        [](Article& a) { para(a).content[1].value = Strong{{text("two")}}; },
        [](Article& a) { std::get<Math>(para(a).content[3].value).display = true; },
        [](Article& a) { std::get<NoteRef>(para(a).content[2].value).id = "n2"; },
        [](Article& a) { std::get<List>(a.blocks[2].value).start = 3; },
        [](Article& a) { std::get<List>(a.blocks[2].value).tight = false; },
        [](Article& a) { std::get<List>(a.blocks[2].value).items[0].checked = true; },
        [](Article& a) { std::get<List>(a.blocks[2].value).numbering = ListNumbering::LowerRoman; },
        [](Article& a) { std::get<Table>(a.blocks[3].value).aligns[0] = Align::Right; },
        [](Article& a) { std::get<Table>(a.blocks[3].value).header_rows = 0; },
        [](Article& a) { std::get<Figure>(a.blocks[4].value).image.path = "/y/f.png"; },
        [](Article& a) { std::get<Figure>(a.blocks[4].value).credit = "c"; },
        [](Article& a) { a.notes[0].number = 2; },
        [](Article& a) { a.notes[0].kind = NoteKind::Source; },
        [](Article& a) { a.blocks.pop_back(); },
        // Moving text across a node boundary must show too: "ab" + "" is not "a" + "b".
        [](Article& a) {
          std::get<Text>(para(a).content[0].value).text = "one two";
          std::get<Text>(std::get<Emphasis>(para(a).content[1].value).children[0].value).text = "";
        },
    };
    std::set<std::string> seen{fingerprint(sample())};
    for (std::size_t i = 0; i < changes.size(); ++i) {
      Article a = sample();
      changes[i](a);
      CHECK_MESSAGE(seen.insert(fingerprint(a)).second, "change ", i, " left it unchanged");
      // The record reads back into the same article: every field the fingerprint covers.
      std::optional<Article> back = decode_article(encode_article(a));
      REQUIRE_MESSAGE(back, "change ", i);
      CHECK_MESSAGE(fingerprint(*back) == fingerprint(a), "change ", i);
      // Kept apart, the article without its blocks and its blocks read back into it too.
      std::optional<Article> outline = decode_article(encode_outline(a));
      std::optional<Blocks> blocks = decode_blocks(encode_blocks(a.blocks));
      REQUIRE_MESSAGE(outline, "change ", i);
      REQUIRE_MESSAGE(blocks, "change ", i);
      CHECK(outline->blocks.empty());
      outline->blocks = std::move(*blocks);
      CHECK_MESSAGE(fingerprint(*outline) == fingerprint(a), "change ", i);
    }
  }

  TEST_CASE("a damaged record or one of another model reads as none") {
    std::string record = encode_article(sample());
    CHECK(decode_article(record));
    std::string damaged = record;
    damaged[damaged.size() / 2] ^= 1;
    CHECK_FALSE(decode_article(damaged));
    CHECK_FALSE(decode_article(record.substr(0, record.size() - 1)));
    CHECK_FALSE(decode_article(""));
    // Blocks are a record of their own kind: neither reads as the other.
    std::string blocks = encode_blocks(sample().blocks);
    CHECK(decode_blocks(blocks));
    CHECK_FALSE(decode_blocks(record));
    CHECK_FALSE(decode_article(blocks));
    CHECK_FALSE(decode_blocks(blocks.substr(0, blocks.size() - 1)));
  }

  TEST_CASE("the issue's fields, without its articles") {
    Issue issue;
    issue.title = "May";
    std::string before = fingerprint_fields(issue);
    issue.articles.push_back(sample());
    CHECK(fingerprint_fields(issue) == before);
    issue.publication = "The Dispatch";
    CHECK(fingerprint_fields(issue) != before);
  }
}
