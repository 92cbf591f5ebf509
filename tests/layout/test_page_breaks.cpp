// Page breaking: tables and notes split across pages, rows taller than a page, and a short
// last page saved by setting the paragraphs before it again.
#include "layout/layout.hpp"

#include "checks.hpp"
#include "sample.hpp"

#include <doctest/doctest.h>
#include <cctype>
#include <set>
#include <sstream>

using namespace galley;
using namespace galley::layout;
using test::lay;

TEST_SUITE("layout/article") {
  TEST_CASE("a long table repeats its header row on the continuation page") {
    style::Style st = style::default_style();
    test::SampleOptions o;
    o.table_rows = 80;
    Diagnostics diags;
    Document doc = lay(test::single(o), st, diags);
    int with_header = 0, with_rows = 0;
    for (const Page& p : doc.pages) {
      std::string t = test::page_text(p);
      with_rows += t.find("Clause ") != std::string::npos;
      with_header += t.find("Term Before After") != std::string::npos;
    }
    CHECK(with_rows >= 2);
    CHECK(with_header == with_rows);
    // Every part of the table ends with a closing rule below its last row.
    int closed = 0;
    for (const Page& p : doc.pages) {
      double last_row = -1, last_rule = -1;
      for (const Item& it : p.items) {
        if (const auto* r = std::get_if<GlyphRun>(&it))
          if (test::run_text(*r).rfind("Clause ", 0) == 0) last_row = std::max(last_row, r->y);
        if (const auto* rule = std::get_if<RuleItem>(&it))
          if (rule->thickness == 0.8) last_rule = std::max(last_rule, rule->y1);
      }
      if (last_row > 0 && last_rule > last_row) ++closed;
    }
    CHECK(closed == with_rows);
  }

  TEST_CASE("a table row taller than a page is cut between lines, and every word is set") {
    style::Style st = style::default_style();
    model::Issue issue = test::single();
    auto cell = [](const std::string& s) {
      return model::TableCell{{model::Inline{model::Text{s}, {}}}, {}};
    };
    std::string tall;
    const int words = 1500;
    for (int i = 0; i < words; ++i) tall += (i ? " w" : "w") + std::to_string(i);
    model::Table t;
    t.aligns = {model::Align::Left, model::Align::Left};
    t.rows = {{{cell("Item"), cell("Description")}},
              {{cell("one"), cell("short")}},
              {{cell("two"), cell(tall)}},
              {{cell("three"), cell("end")}}};
    issue.articles.front().blocks.push_back(model::Block{t, {}});
    Diagnostics diags;
    Document doc = lay(issue, st, diags);
    std::set<std::string> seen;
    int with_header = 0, with_row = 0;
    for (const Page& p : doc.pages) {
      std::istringstream in(test::page_text(p));
      bool row = false;
      for (std::string w; in >> w;)
        if (w.size() > 1 && w[0] == 'w' && std::isdigit(static_cast<unsigned char>(w[1]))) {
          seen.insert(w);
          row = true;
        }
      with_row += row;
      with_header += row && test::page_text(p).find("Item Description") != std::string::npos;
    }
    CHECK(seen.size() == static_cast<std::size_t>(words));
    CHECK(with_row >= 2);              // the row runs over pages
    CHECK(with_header == with_row);    // each with the header set again
    CHECK(test::glyphs_outside_text_area(doc, st) == std::vector<std::string>{});
  }

  TEST_CASE("long notes split across pages are marked and stay with their markers") {
    style::Style st = style::default_style();
    test::SampleOptions o;
    o.long_notes = true;
    o.sections = 12;
    Diagnostics diags;
    Document doc = lay(test::single(o), st, diags);
    CHECK(test::notes_off_page(doc) == std::vector<std::string>{});
    CHECK(test::glyphs_outside_text_area(doc, st) == std::vector<std::string>{});
    CHECK(test::lonely_headings(doc, st) == std::vector<std::string>{});
  }

  TEST_CASE("a note too long for its page is split, marked, and continued on the next") {
    style::Style st = style::default_style();
    model::Issue issue = test::single();
    model::Note& n = issue.articles[0].notes[0];
    std::string longer;
    for (int i = 0; i < 60; ++i)
      longer += "This note goes on and on, with one more sentence of background about the agreement. ";
    n.blocks = {model::Block{model::Paragraph{{model::Inline{model::Text{longer}, {}}}}, {}}};
    Diagnostics diags;
    Document doc = lay(issue, st, diags);
    CHECK(test::notes_off_page(doc) == std::vector<std::string>{});
    CHECK(test::glyphs_outside_text_area(doc, st) == std::vector<std::string>{});
    auto anchors = test::anchor_pages(doc);
    REQUIRE(anchors.count("microsoft-openai-note-1"));
    int first = anchors["microsoft-openai-note-1"];
    REQUIRE(first + 1 < static_cast<int>(doc.pages.size()));
    // The note's text starts on its marker's page and ends on the next, which says so.
    CHECK(test::page_text(doc.pages[static_cast<std::size_t>(first)]).find("This note goes on") != std::string::npos);
    std::string next = test::page_text(doc.pages[static_cast<std::size_t>(first + 1)]);
    CHECK(next.find("note continued") != std::string::npos);
    CHECK(next.find("background about the agreement.") != std::string::npos);
  }

  TEST_CASE("a note longer than a whole page runs on over as many pages as it needs") {
    // A short article whose one note is several pages long: once the text has ended, pages hold
    // only the rest of the note (this used to loop, making empty pages until memory ran out).
    style::Style st = style::default_style();
    model::Issue issue;
    model::Article a;
    a.meta.title = "Long note";
    a.blocks.push_back(model::Block{
        model::Paragraph{{model::Inline{model::Text{"Text with a note."}, {}},
                          model::Inline{model::NoteRef{"long"}, {}}}},
        {}});
    std::string words;
    const int count = 4000;
    for (int i = 0; i < count; ++i) words += (i ? " n" : "n") + std::to_string(i);
    model::Note note;
    note.id = "long";
    note.number = 1;
    note.cited = true;
    note.blocks = {model::Block{model::Paragraph{{model::Inline{model::Text{words}, {}}}}, {}}};
    a.notes.push_back(std::move(note));
    issue.articles.push_back(std::move(a));
    Diagnostics diags;
    Document doc = lay(issue, st, diags);
    REQUIRE(doc.pages.size() >= 3);
    CHECK(doc.pages.size() < 20);
    std::set<std::string> seen;
    for (const Page& p : doc.pages) {
      std::istringstream in(test::page_text(p));
      for (std::string w; in >> w;)
        if (w.size() > 1 && w[0] == 'n' && std::isdigit(static_cast<unsigned char>(w[1]))) seen.insert(w);
    }
    CHECK(seen.size() == static_cast<std::size_t>(count));
    CHECK(test::glyphs_outside_text_area(doc, st) == std::vector<std::string>{});
  }

  TEST_CASE("a last page of a few lines is saved by tightening the paragraphs before it") {
    // Paragraphs whose last line is short enough that TeX's looseness -1 can take it back.
    const std::string text =
        "The short answer is competition. When the partnership was extended in 2023, OpenAI's "
        "models were the benchmark everyone else chased. Three years on, the field is crowded. "
        "Anthropic's Claude models have become a default choice for many coding and agent "
        "workloads; Google's Gemini family is woven through Google Cloud and Workspace; Mistral "
        "has built a loyal following among European customers; and open-weight families such as "
        "DeepSeek, Alibaba's Qwen and Meta's Llama let companies run capable models on hardware "
        "they control.";
    style::Style st = style::default_style();
    st.page.margins.inner = st.page.margins.outer = (st.page.width - 360) / 2;
    // The text is mostly names: taking a line back needs them split, as plain TeX's \uchyph=1
    // allows (the default leaves capitalised words whole).
    st.text.uc_hyphen = true;
    int saved = 0;
    for (int k = 4; k <= 16; ++k) {
      model::Issue issue;
      issue.single_article = true;
      model::Article a;
      a.meta.title = "Tight";
      for (int i = 0; i < k; ++i)
        a.blocks.push_back(model::Block{model::Paragraph{{model::Inline{model::Text{text}, {}}}}, {}});
      issue.articles.push_back(a);
      Diagnostics diags;
      Document doc = lay(issue, st, diags);
      // Each paragraph is 7 lines at this measure, or 6 when tightened.
      int total = 0;
      for (const Page& p : doc.pages) {
        std::map<long, int> lines;
        for (const Item& it : p.items)
          if (const auto* r = std::get_if<GlyphRun>(&it))
            if (r->size == st.text.size) lines[static_cast<long>(r->y)] = 1;
        total += static_cast<int>(lines.size());
      }
      if (total < k * 7) ++saved;
    }
    CHECK(saved > 0);
  }
}
