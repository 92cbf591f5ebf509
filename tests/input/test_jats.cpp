// The JATS reader on the journal articles of tests/e2e/data/jats: what lands in the model.
#include "support.hpp"

#include "model/walk.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace galley;
namespace fs = std::filesystem;

namespace {

model::Article load_clean(const std::string& name) { return test::load_sample("jats", name); }

struct Heads {
  std::vector<std::string> text;
  std::vector<int> levels;
};

Heads headings(const model::Article& a) {
  Heads out;
  for (const auto& b : a.blocks)
    if (auto* h = std::get_if<model::Heading>(&b.value)) {
      out.text.push_back(model::plain_text(h->content));
      out.levels.push_back(h->level);
    }
  return out;
}

std::vector<std::string> paragraphs(const model::Article& a) {
  std::vector<std::string> out;
  for (const auto& b : a.blocks)
    if (auto* p = std::get_if<model::Paragraph>(&b.value))
      out.push_back(model::plain_text(p->content));
  return out;
}

std::vector<const model::Figure*> figures(const model::Article& a) {
  std::vector<const model::Figure*> out;
  for (const auto& b : a.blocks)
    if (auto* f = std::get_if<model::Figure>(&b.value))
      out.push_back(f);
  return out;
}

std::vector<std::string> authors(const model::Article& a) {
  std::vector<std::string> out;
  for (const auto& au : a.meta.authors)
    out.push_back(au.name);
  return out;
}

std::string note_text(const model::Note& n) {
  return model::plain_text(std::get<model::Paragraph>(n.blocks.at(0).value).content);
}

std::vector<model::Math> maths(model::Article& a) {
  std::vector<model::Math> out;
  model::walk_all_inlines(a.blocks, [&](model::Inline& in) {
    if (auto* m = std::get_if<model::Math>(&in.value))
      out.push_back(*m);
  });
  return out;
}

} // namespace

TEST_SUITE("input/jats") {
  TEST_CASE("a PLOS-like research article with a DOCTYPE") {
    model::Article a = load_clean("plos-soil.xml");
    CHECK(a.meta.title == "Earthworm density and soil carbon in restored meadows");
    CHECK(a.meta.publication == "Open Soil Research");
    // Authors only: the editor is left out. Affiliations are the authors' bios.
    CHECK(authors(a) == std::vector<std::string>{"Astrid Lindqvist", "Kwame Osei"});
    CHECK(a.meta.authors[0].file_as == "Lindqvist, Astrid");
    CHECK(a.meta.authors[0].bio == "Department of Ecology, Northfield University, Uppsala, Sweden");
    CHECK(*a.meta.date == model::Date{2026, 4, 14});
    CHECK(a.meta.identifier == "10.5555/journal.osr.0000117");
    CHECK(a.meta.dek.rfind("Restored meadows store more carbon", 0) == 0);
    CHECK(a.meta.tags == std::vector<std::string>{"earthworms", "soil carbon", "restoration"});
    const Heads h = headings(a);
    CHECK(h.text == std::vector<std::string>{"Introduction", "Materials and methods", "Study sites",
                                             "Sampling", "Results", "Discussion"});
    CHECK(h.levels == std::vector<int>{1, 1, 2, 2, 1, 1});
    // The acknowledgements are a paragraph at the end; a citation keeps its "[1]".
    const auto ps = paragraphs(a);
    CHECK(ps.back() == "We thank the landowners who allowed sampling on their meadows.");
    CHECK(ps[0].find("below ground [1].") != std::string::npos);
    REQUIRE(figures(a).size() == 1);
    const model::Figure& f = *figures(a)[0];
    CHECK(f.image.src == "images/fig1.png");
    CHECK(f.id == "pone.0117.g001");
    CHECK(f.alt == "Location of the sampled meadows.");
    CHECK(model::plain_text(f.caption) ==
          "Fig 1 Location of the sampled meadows. Each dot marks one plot.");
    CHECK(std::find(ps.begin(), ps.end(), "Table 1 Topsoil carbon by worm density.") != ps.end());
    int tables = 0;
    for (const auto& b : a.blocks)
      if (auto* t = std::get_if<model::Table>(&b.value)) {
        ++tables;
        CHECK(t->header_rows == 1);
        CHECK(t->rows.size() == 5);
      }
    CHECK(tables == 1);
    // The cited footnote is note 1; both references follow as the sources list, shown with the
    // numbers of their labels, which the text's "[1]" and "[2]" cite.
    REQUIRE(a.notes.size() == 3);
    CHECK(a.notes[1].given_number == 1);
    CHECK(a.notes[2].given_number == 2);
    CHECK(model::listed_number(a.notes[1], 0) == 1);
    CHECK(model::listed_number(a.notes[2], 5) == 2);
    CHECK(a.notes[0].id == "fn1");
    CHECK(a.notes[0].cited);
    CHECK(note_text(a.notes[0]) == "Earthworm species were not identified in this study.");
    CHECK(a.notes[1].kind == model::NoteKind::Source);
    CHECK_FALSE(a.notes[1].cited);
    CHECK(note_text(a.notes[1]) == "Conant RT, Paustian K. Grassland management and soil carbon. "
                                   "Ecol Appl. 2001. 11. 343\u2013355");
    CHECK(note_text(a.notes[2]) == "Bossuyt H (2005) Earthworms and aggregate formation. Soil Biol "
                                   "Biochem 37: 251\u2013258.");
  }

  TEST_CASE("PMC-like, no DOCTYPE: subtitle, structured abstract, formulas, the electronic date") {
    model::Article a = load_clean("pmc-sleep.nxml");
    CHECK(a.meta.title == "Short naps and afternoon reaction time");
    CHECK(a.meta.subtitle == "A randomised crossover trial");
    CHECK(*a.meta.date == model::Date{2025, 10, 2});
    CHECK(a.meta.authors.at(1).bio == "Sleep Laboratory, Central Hospital, Prague");
    CHECK(a.meta.dek == "Background. Many workers feel drowsy after lunch. Results. A twenty "
                        "minute nap shortened reaction times in the afternoon.");
    auto m = maths(a);
    REQUIRE(m.size() == 2);
    CHECK(m[0].display);
    // Its label is its equation number, at the right of its line, not text after it.
    CHECK(m[0].tex == "\\Delta t = t_{\\text{nap}} - t_{\\text{rest}} \\tag*{(1)}");
    CHECK_FALSE(m[1].display);
    CHECK(m[1].tex == "p < 0.01");
    // The text after a display formula in a <p> goes on with the same paragraph, not a new
    // (indented) one.
    const model::Paragraph* around = nullptr;
    for (const auto& b : a.blocks)
      if (auto* p = std::get_if<model::Paragraph>(&b.value))
        for (const auto& in : p->content)
          if (auto* math = std::get_if<model::Math>(&in.value); math && math->display)
            around = p;
    REQUIRE(around != nullptr);
    const std::string text = model::plain_text(around->content);
    CHECK(text.rfind("Twenty-four volunteers", 0) == 0);
    CHECK(text.find("computed as") < text.find("where each term is the session mean."));
    CHECK(std::get_if<model::Math>(&around->content.front().value) == nullptr);
    CHECK(std::get_if<model::Math>(&around->content.back().value) == nullptr);
    REQUIRE(a.notes.size() == 2);
    CHECK(note_text(a.notes[0]).rfind("Monk TH. The post-lunch dip", 0) == 0);
  }

  TEST_CASE("French, with an ISO date, alt text, a quote and an element citation with a DOI") {
    model::Article a = load_clean("french-glaciers.xml");
    CHECK(a.meta.language == "fr");
    CHECK(a.meta.title == "Le recul des glaciers du massif des Écrins depuis 1990");
    CHECK(authors(a) == std::vector<std::string>{"Élise Dubois", "François Moreau"});
    CHECK(*a.meta.date == model::Date{2026, 2, 19});
    CHECK(a.meta.dek ==
          "Les glaciers des Écrins ont perdu près de la moitié de leur surface en trente ans.");
    CHECK(headings(a).text ==
          std::vector<std::string>{"Introduction", "Données et méthodes", "Résultats"});
    REQUIRE(figures(a).size() == 1);
    CHECK(figures(a)[0]->alt == "Carte montrant le recul du front du glacier");
    REQUIRE(a.notes.size() == 1);
    CHECK(note_text(a.notes[0]) ==
          "Vincent C, et al. Le bilan de masse des glaciers alpins. La "
          "Houille Blanche. 2017. 3. 20\u201327. doi:10.5555/lhb.2017.0030");
  }

  TEST_CASE("Japanese, with names written surname first and an ordered list") {
    model::Article a = load_clean("japanese-tsunami.xml");
    CHECK(a.meta.language == "ja");
    CHECK(authors(a) == std::vector<std::string>{"佐藤 健一", "鈴木 美咲"});
    CHECK(a.meta.authors[0].file_as == "佐藤, 健一");
    CHECK(headings(a).text == std::vector<std::string>{"はじめに", "調査方法", "結果"});
    CHECK(*a.meta.date == model::Date{2026, 3, 11});
    bool ordered = false;
    for (const auto& b : a.blocks)
      if (auto* l = std::get_if<model::List>(&b.value))
        ordered = l->kind == model::ListKind::Ordered && l->items.size() == 3;
    CHECK(ordered);
  }

  TEST_CASE("lists, definitions and a quote with its attribution") {
    model::Article a = load_clean("lists-and-quotes.xml");
    CHECK(authors(a) == std::vector<std::string>{"Grace Mbeki"});
    CHECK(a.meta.publication.empty());
    bool bullet = false, definitions = false, quote = false;
    for (const auto& b : a.blocks) {
      if (auto* l = std::get_if<model::List>(&b.value))
        bullet = bullet || (l->kind == model::ListKind::Bullet && l->items.size() == 3);
      if (auto* d = std::get_if<model::DefinitionList>(&b.value))
        definitions = d->items.size() == 2 && model::plain_text(d->items[1].term) == "Transfer";
      if (auto* q = std::get_if<model::BlockQuote>(&b.value))
        quote = q->blocks.size() == 2 &&
                model::plain_text(std::get<model::Paragraph>(q->blocks[1].value).content) ==
                    "\u2014 A second-year student";
    }
    CHECK(bullet);
    CHECK(definitions);
    CHECK(quote);
  }

  TEST_CASE("a footnote written inline, a table's foot note and its paragraph") {
    model::Article a = load_clean("inline-notes.xml");
    REQUIRE(a.notes.size() == 2);
    CHECK(a.notes[0].id == "n1");
    CHECK(note_text(a.notes[0]) == "Estimates range widely between cities.");
    CHECK(a.notes[1].id == "tf1");
    CHECK(note_text(a.notes[1]) == "Sensors left in place for four weeks.");
    const auto ps = paragraphs(a);
    CHECK(ps[0] ==
          "Cities lose a large share of treated water to leaks before it reaches any tap.");
    CHECK(std::find(ps.begin(), ps.end(), "Counts are for the same district.") != ps.end());
    CHECK(std::find(ps.begin(), ps.end(), "Table 1 Leaks found per hundred kilometres of main.") !=
          ps.end());
  }

  TEST_CASE("back matter: acknowledgements and appendix as sections, an uncited note as text") {
    model::Article a = load_clean("structured-vaccine.xml");
    CHECK(authors(a) == std::vector<std::string>{"Mette Eriksen", "Tunde Adeyemi", "Soo-ah Kim"});
    CHECK(a.meta.authors[2].bio == "School of Public Health, Hanseo University, Korea");
    const Heads h = headings(a);
    CHECK(h.text == std::vector<std::string>{"Introduction", "Methods", "Results",
                                             "Acknowledgements", "Appendix: the letter", "Notes"});
    const auto ps = paragraphs(a);
    CHECK(ps.back() == "The authors declare no competing interests.");
    auto m = maths(a);
    REQUIRE(m.size() == 1);
    CHECK(m[0].display);
    // Given as MathML alone: its subscripts stay subscripts (input/mathml_tex.hpp).
    CHECK(m[0].tex == "d = {p }_{1 }\u2212 {p }_{0 }");
    REQUIRE(a.notes.size() == 1);
    CHECK(a.notes[0].kind == model::NoteKind::Source);
  }

  TEST_CASE(
      "code, monospace, links, a collaboration, and a citation without text cites its source") {
    model::Article a = load_clean("software-note.xml");
    CHECK(a.meta.language == "en-GB");
    CHECK(authors(a) == std::vector<std::string>{"Niamh Walsh", "Open Hydrology Group"});
    REQUIRE(a.notes.size() == 1);
    CHECK(a.notes[0].id == "ref1");
    CHECK(a.notes[0].cited);
    CHECK(a.notes[0].number == 1);
    bool code = false;
    for (const auto& b : a.blocks)
      if (auto* c = std::get_if<model::CodeBlock>(&b.value))
        code = c->code ==
               "flags = tidyrain.check(series, max_gap=6)\nclean = tidyrain.fill(series, flags)";
    CHECK(code);
  }
}
