// The NITF reader on the news-agency articles of tests/e2e/data/nitf: what lands in the model.
#include "support.hpp"

#include "model/walk.hpp"

#include <doctest/doctest.h>

using namespace galley;
namespace fs = std::filesystem;

namespace {

model::Article load_clean(const std::string& name) { return test::load_sample("nitf", name); }

std::vector<std::string> headings(const model::Article& a) {
  std::vector<std::string> out;
  for (const auto& b : a.blocks)
    if (auto* h = std::get_if<model::Heading>(&b.value))
      out.push_back(model::plain_text(h->content));
  return out;
}

std::vector<std::string> paragraphs(const model::Article& a) {
  std::vector<std::string> out;
  for (const auto& b : a.blocks)
    if (auto* p = std::get_if<model::Paragraph>(&b.value))
      out.push_back(model::plain_text(p->content));
  return out;
}

template <class T> int count(const model::Article& a) {
  int n = 0;
  for (const auto& b : a.blocks)
    n += std::holds_alternative<T>(b.value);
  return n;
}

} // namespace

TEST_SUITE("input/nitf") {
  TEST_CASE("an agency story: headline, byline, dateline, docdata and pubdata") {
    model::Article a = load_clean("ap-election.xml");
    CHECK(a.meta.title == "City council approves a larger transit budget");
    CHECK(a.meta.subtitle == "Bus service to expand on six routes by autumn");
    CHECK(a.meta.dek == "The vote adds money for drivers and buses after two years of cuts.");
    REQUIRE(a.meta.authors.size() == 1);
    CHECK(a.meta.authors[0].name == "Maria Alvarez");
    CHECK(a.meta.authors[0].bio == "Associated Press Writer");
    CHECK(a.meta.authors[0].file_as == "Alvarez, Maria");
    REQUIRE(a.meta.date);
    CHECK(*a.meta.date == model::Date{2026, 4, 27});
    CHECK(a.meta.language == "en-US");
    CHECK(a.meta.publication == "The Associated Press");
    CHECK(a.meta.identifier == "urn:newsml:ap.org:20260427:transit-budget");
    CHECK(a.meta.tags == std::vector<std::string>{"transit", "city council", "budget"});
    const auto ps = paragraphs(a);
    REQUIRE(ps.size() == 6);
    // The dateline leads the first paragraph; the tagline of body.end closes the story.
    CHECK(ps[0].rfind("PORTLAND, Ore. (AP) \u2014 The city council voted 7-2", 0) == 0);
    CHECK(ps[2].find("said council member Dana Whitfield, who") != std::string::npos);
    CHECK(ps[5] == "Associated Press writer Tom Reyes contributed to this report.");
  }

  TEST_CASE("a byline without persons is split; a dateline already in the lede is not repeated") {
    model::Article a = load_clean("reuters-markets.xml");
    REQUIRE(a.meta.authors.size() == 2);
    CHECK(a.meta.authors[0].name == "Anna Kowalski");
    CHECK(a.meta.authors[1].name == "Peter Brandt");
    CHECK(*a.meta.date == model::Date{2026, 3, 3});
    CHECK(a.meta.publication == "Reuters");
    const auto ps = paragraphs(a);
    CHECK(ps[0].rfind("LONDON, March 3 (Reuters) - European", 0) == 0);
    CHECK(ps[2] == "Main indexes at midday");
    REQUIRE(count<model::Table>(a) == 1);
    for (const auto& b : a.blocks)
      if (auto* t = std::get_if<model::Table>(&b.value)) {
        CHECK(t->header_rows == 1);
        CHECK(t->rows.size() == 4);
        CHECK(t->aligns.size() == 3);
        CHECK(model::plain_text(t->rows[2].cells[1].content) == "8,210.7");
      }
  }

  TEST_CASE("media is a figure with its caption, alt text and credit; bq is a quote") {
    model::Article a = load_clean("storm-photo.xml");
    CHECK(a.meta.title == "Storm floods coastal towns overnight");
    REQUIRE(a.meta.authors.size() == 2);
    CHECK(a.meta.authors[1].name == "James Whitmore");
    CHECK(*a.meta.date == model::Date{2026, 9, 12});
    CHECK(a.meta.publication == "Coastal Daily News");
    REQUIRE(count<model::Figure>(a) == 1);
    for (const auto& b : a.blocks)
      if (auto* f = std::get_if<model::Figure>(&b.value)) {
        CHECK(f->image.src == "images/storm.png");
        CHECK_FALSE(f->image.path.empty());
        CHECK(f->alt == "A flooded street with parked cars under water");
        CHECK(model::plain_text(f->caption) ==
              "Water covers Harbor Street in the early morning hours.");
        CHECK(f->credit == "Photo: Coastal Daily News");
        CHECK(f->id == "photo1");
      }
    REQUIRE(count<model::BlockQuote>(a) == 1);
    for (const auto& b : a.blocks)
      if (auto* q = std::get_if<model::BlockQuote>(&b.value)) {
        REQUIRE(q->blocks.size() == 2);
        CHECK(model::plain_text(std::get<model::Paragraph>(q->blocks[1].value).content) ==
              "\u2014 Harbor Street resident Ellen Marsh");
      }
  }

  TEST_CASE("German: language, headings inside the content, a list; read by its .nitf extension") {
    model::Article a = load_clean("bundestag.nitf");
    CHECK(a.meta.language == "de");
    CHECK(a.meta.title == "Bundestag beschließt neues Förderprogramm für Wärmepumpen");
    REQUIRE(a.meta.authors.size() == 1);
    CHECK(a.meta.authors[0].name == "Katrin Müller");
    CHECK(*a.meta.date == model::Date{2026, 5, 14});
    CHECK(headings(a) == std::vector<std::string>{"Was sich für Mieter ändert"});
    CHECK(paragraphs(a)[0].rfind("Berlin (nn) \u2014 Der Bundestag", 0) == 0);
    REQUIRE(count<model::List>(a) == 1);
  }

  TEST_CASE("blocks, hl2 headings, an ordered list, a definition list and a link") {
    model::Article a = load_clean("transit-explainer.xml");
    CHECK(headings(a) ==
          std::vector<std::string>{"How to pay", "What it costs", "Where to get help"});
    // date.release stands in for a missing date.issue, before pubdata's date.
    CHECK(*a.meta.date == model::Date{2026, 6, 1});
    CHECK(a.meta.authors.at(0).bio == "Transport Correspondent");
    CHECK(count<model::List>(a) == 1);
    CHECK(count<model::DefinitionList>(a) == 1);
    bool link = false;
    for (const auto& b : a.blocks)
      if (auto* p = std::get_if<model::Paragraph>(&b.value))
        for (const auto& in : p->content)
          if (auto* l = std::get_if<model::Link>(&in.value))
            link = l->url == "https://example.org/fares";
    CHECK(link);
  }

  TEST_CASE("footnotes that an <a href> points at are notes") {
    model::Article a = load_clean("footnoted-analysis.xml");
    CHECK(a.meta.language == "en-GB");
    CHECK(a.meta.subtitle == "Drought, freight and a weaker currency");
    REQUIRE(a.notes.size() == 2);
    CHECK(a.notes[0].id == "fn1");
    CHECK(a.notes[0].number == 1);
    CHECK(a.notes[0].cited);
    CHECK(model::plain_text(std::get<model::Paragraph>(a.notes[1].blocks[0].value).content) ==
          "Average freight rate for bulk carriers, per tonne.");
    CHECK(paragraphs(a).back() == "Reporting by Oliver Grant; editing by Sara Lund.");
  }

  TEST_CASE("the head's title and pubdata's date when the body has no head") {
    model::Article a = load_clean("brief-head-only.xml");
    CHECK(a.meta.title == "Library extends weekend opening hours");
    CHECK(*a.meta.date == model::Date{2026, 1, 20});
    CHECK(a.meta.authors.empty());
    CHECK(paragraphs(a).size() == 2);
  }

  TEST_CASE("Japanese") {
    model::Article a = load_clean("tokyo-ja.xml");
    CHECK(a.meta.language == "ja");
    CHECK(a.meta.title == "東京で桜が開花、平年より五日早く");
    CHECK(a.meta.authors.at(0).name == "山田花子");
    CHECK(headings(a) == std::vector<std::string>{"見ごろは来週末"});
    CHECK(a.meta.tags == std::vector<std::string>{"桜", "気象"});
  }
}
