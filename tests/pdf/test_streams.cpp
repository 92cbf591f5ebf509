// Content streams kept between writes (pdf/content_key.hpp): what a page's key holds, and that
// a write taking streams from the memo gives the bytes of a write that makes them all.
#include "galley/error.hpp"
#include "pdf/content_key.hpp"
#include "pdf/writer.hpp"
#include "pdf_fixture.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace galley;
using namespace galley::pdf::test;

namespace {

/// A tagged page: a heading (element `first`) and a paragraph with a link (element `first` +
/// 1) whose first glyph is moved by `advance_nudge`.
layout::Page tagged_page(const std::string& serif, int first, double advance_nudge) {
  layout::Page page = base_document().pages[0];
  auto heading = shape(serif, 2, "Heading", 16, 40, 60);
  heading.element = first;
  auto body = shape(serif, 2, "Body text and a link", 11, 40, 90);
  body.element = first + 1;
  change_glyphs(body, [&](auto& glyphs) { glyphs[0].advance += advance_nudge; });
  page.items.push_back(heading);
  page.items.push_back(body);
  page.items.push_back(layout::LinkItem{40, 80, 60, 12, "https://example.org", "", first + 1});
  return page;
}

/// One page of a heading and a paragraph, after `pages_before` pages each with a paragraph of
/// its own; the structure lists the elements in page order.
layout::Document tagged_document(int pages_before, const std::string& heading_type = "H1",
                                 double advance_nudge = 0) {
  layout::Document doc = base_document();
  const std::string serif = doc.fonts[2].path;
  doc.pages.clear();
  doc.structure = {{"Document"}};
  for (int i = 0; i < pages_before; ++i) {
    layout::Page page = base_document().pages[0];
    auto text = shape(serif, 2, "Heading", 11, 40, 60); // the same glyphs: the same subset
    text.element = int(doc.structure.size());
    doc.structure.push_back({"P", 0});
    page.items.push_back(text);
    doc.pages.push_back(page);
  }
  const int first = int(doc.structure.size());
  doc.structure.push_back({heading_type, 0});
  doc.structure.push_back({"P", 0});
  doc.pages.push_back(tagged_page(serif, first, advance_nudge));
  return doc;
}

std::string write(const layout::Document& doc, pdf::StreamMemo* memo) {
  Diagnostics diags;
  pdf::WriteOptions options;
  options.streams = memo;
  std::string pdf = pdf::write_pdf(doc, diags, options);
  REQUIRE_FALSE(diags.has_errors());
  return pdf;
}

/// The memo a write of `doc` leaves.
pdf::StreamMemo memo_of(const layout::Document& doc) {
  pdf::StreamMemo memo;
  write(doc, &memo);
  return memo;
}

/// What `tool` (a poppler command and its options) prints of `pdf`, saved as `name`; pdftotext
/// is told to print (`-` after the file).
std::string read_with(const std::string& tool, const std::string& name, const std::string& pdf) {
  const bool text = tool.rfind("pdftotext", 0) == 0;
  RunResult result = run(tool + " " + save(name, pdf) + (text ? " -" : ""));
  REQUIRE(result.exit_code == 0);
  return result.output;
}

} // namespace

TEST_SUITE("pdf/streams") {
  TEST_CASE("a second write takes every stream from the memo and gives the same bytes") {
    const layout::Document doc = tagged_document(2);
    pdf::StreamMemo memo;
    const std::string first = write(doc, &memo);
    CHECK(memo.taken == 0);
    // The two pages before draw the same text, each for an element of its own: one key.
    CHECK(memo.made.size() == 2);
    CHECK(first == write(doc, nullptr));
    memo.earlier = std::move(memo.made);
    CHECK(write(doc, &memo) == first);
    CHECK(memo.taken == 3);
    CHECK(memo.earlier.empty());
    CHECK(memo.made.size() == 2);
  }

  TEST_CASE("the memo is handed over, holding this write's streams, while the file is made") {
    const layout::Document doc = tagged_document(2);
    pdf::StreamMemo memo;
    pdf::WriteOptions options;
    options.streams = &memo;
    options.threads = 2;
    int calls = 0;
    bool same = false;
    std::string record;
    options.on_streams_kept = [&](const pdf::StreamMemo& kept) {
      ++calls;
      same = &kept == &memo;
      record = pdf::memo_record(kept);
    };
    Diagnostics diags;
    const std::string pdf = pdf::write_pdf(doc, diags, options);
    CHECK(calls == 1);
    CHECK(same);
    CHECK(record == pdf::memo_record(memo));
    CHECK(memo.made.size() == 2);
    // The pages that share a stream point to the memo's one: the file is the one a write
    // without a memo makes.
    CHECK(pdf == write(doc, nullptr));
    // What keeping it throws, the write throws.
    options.on_streams_kept = [](const pdf::StreamMemo&) {
      throw galley::Error("the cache is full");
    };
    CHECK_THROWS_WITH(pdf::write_pdf(doc, diags, options), "the cache is full");
  }

  TEST_CASE("a memo read back from its record serves as the memo itself; a torn one is refused") {
    const layout::Document doc = tagged_document(2);
    pdf::StreamMemo memo;
    const std::string first = write(doc, &memo);
    const std::string record = pdf::memo_record(memo);
    pdf::StreamMemo next;
    REQUIRE(pdf::read_memo_record(record, next));
    CHECK(next.earlier.size() == 2);
    CHECK(write(doc, &next) == first);
    CHECK(next.taken == 3);
    pdf::StreamMemo torn;
    torn.earlier = next.made;
    CHECK_FALSE(pdf::read_memo_record(std::string_view(record).substr(0, record.size() - 1), torn));
    CHECK(torn.earlier.size() == 2); // left as it was
  }

  TEST_CASE("a stream is taken by its key: what the memo holds is what the page shows") {
    const layout::Document doc = tagged_document(0);
    pdf::StreamMemo memo;
    write(doc, &memo);
    REQUIRE(memo.made.size() == 1);
    memo.earlier = std::move(memo.made);
    memo.earlier.begin()->second.packed = {"% kept from an earlier write\n", false};
    const std::string pdf = write(doc, &memo);
    CHECK(memo.taken == 1);
    CHECK(pdf.find("% kept from an earlier write") != std::string::npos);
  }

  TEST_CASE("elements enter a key by their order on the page and their type, not their index") {
    pdf::StreamMemo memo;
    write(tagged_document(0), &memo);
    const auto alone = memo.made;
    write(tagged_document(3), &memo);
    // The page after three others has elements 4 and 5, not 1 and 2: the same key.
    CHECK(memo.made.count(alone.begin()->first) == 1);
    write(tagged_document(0, "H2"), &memo);
    CHECK(memo.made.count(alone.begin()->first) == 0);
    write(tagged_document(0, "H1", 0.5), &memo);
    CHECK(memo.made.count(alone.begin()->first) == 0);

    // Taken from the page's first write, its marked content belongs to elements 4 and 5: the
    // structure tree is the one a write without the memo makes.
    memo.earlier = alone;
    const layout::Document later = tagged_document(3);
    const std::string kept = write(later, &memo);
    CHECK(memo.taken == 1);
    CHECK(kept == write(later, nullptr));
    const std::string tree = read_with("pdfinfo -struct-text", "streams-kept.pdf", kept);
    CHECK(tree.find("H1") != std::string::npos);
    CHECK(tree.find("Body text and a link") != std::string::npos);
  }

  TEST_CASE("a summarized page's key takes the digest of its runs' glyphs, not the glyphs") {
    auto summarized = [](double advance_nudge) {
      layout::Document doc = tagged_document(0, "H1", advance_nudge);
      layout::summarize_glyphs(doc.pages[0]);
      return doc;
    };
    const layout::Document doc = summarized(0);
    REQUIRE(doc.pages[0].glyph_summary.made());
    pdf::StreamMemo memo;
    const std::string first = write(doc, &memo);
    CHECK(first == write(doc, nullptr));
    const auto made = memo.made;
    // Taken by the next write, which gives the same bytes.
    memo.earlier = made;
    CHECK(write(doc, &memo) == first);
    CHECK(memo.taken == 1);
    // A glyph moved, summarized again: another key, and the stream is made.
    memo.earlier = made;
    const layout::Document nudged = summarized(0.5);
    CHECK(doc.pages[0].glyph_summary.runs_digest() != nudged.pages[0].glyph_summary.runs_digest());
    CHECK(write(nudged, &memo) == write(nudged, nullptr));
    CHECK(memo.taken == 0);
    // The key reads the digest: the same runs with another digest are another key.
    layout::Document other = doc;
    other.pages[0].glyph_summary.set_runs_digest({1, 2});
    memo.earlier = made;
    write(other, &memo);
    CHECK(memo.taken == 0);
    // Without a summary, the glyphs are digested: a key apart from the summarized page's.
    memo.earlier = made;
    CHECK(write(tagged_document(0), &memo) == first);
    CHECK(memo.taken == 0);
  }

  TEST_CASE("a page drawn shifted, with bleed or another folio keeps its items' stream") {
    pdf::StreamMemo memo = memo_of(tagged_document(0));
    const auto alone = memo.made;
    // The page moved to a verso of another issue: drawn 20 pt to the left, with bleed and a
    // running head (of glyphs the page has: a glyph new to the font would change its subset).
    layout::Document moved = tagged_document(0);
    layout::Page& page = moved.pages[0];
    page.shift = -20;
    page.bleed = 9;
    page.furniture.push_back(shape(moved.fonts[2].path, 2, "end", 9, 200, 560));
    memo.earlier = alone;
    const std::string kept = write(moved, &memo);
    CHECK(memo.taken == 1);
    CHECK(kept == write(moved, nullptr));
    // Three streams: the origin (bleed and shift), the items as they were, the running head.
    CHECK(kept.find("/Contents[") != std::string::npos);
    const std::string boxes = read_with("pdftotext -bbox", "streams-moved.pdf", kept);

    // Drawn where the same page with its items moved by hand is drawn.
    layout::Document by_hand = tagged_document(0);
    by_hand.pages[0].bleed = 9;
    for (layout::Item& item : by_hand.pages[0].items) {
      if (auto* run = std::get_if<layout::GlyphRun>(&item))
        run->x -= 20;
      if (auto* link = std::get_if<layout::LinkItem>(&item))
        link->x -= 20;
    }
    by_hand.pages[0].items.push_back(shape(moved.fonts[2].path, 2, "end", 9, 200, 560));
    CHECK(boxes == read_with("pdftotext -bbox", "streams-by-hand.pdf", write(by_hand, nullptr)));
    CHECK(boxes.find(">Heading<") != std::string::npos);
    CHECK(boxes.find(">end<") != std::string::npos);
  }

  TEST_CASE("a furniture stream is kept by its key: the same folio is taken, another is made") {
    layout::Document doc = tagged_document(1);
    for (layout::Page& page : doc.pages)
      page.furniture.push_back(shape(doc.fonts[2].path, 2, "Heading", 9, 200, 560));
    pdf::StreamMemo memo;
    const std::string first = write(doc, &memo);
    CHECK(memo.furniture_taken == 0);
    CHECK(memo.furniture_made.size() == 1); // both pages draw the same furniture: one key
    const auto furniture = memo.furniture_made;

    // Read back from the memo's record, both pages take it, and the bytes are the same.
    pdf::StreamMemo next;
    REQUIRE(pdf::read_memo_record(pdf::memo_record(memo), next));
    CHECK(next.furniture_earlier.size() == 1);
    CHECK(write(doc, &next) == first);
    CHECK(next.furniture_taken == 2);
    CHECK(next.taken == 2);

    // What the memo holds is what the pages show.
    memo.furniture_earlier = furniture;
    memo.furniture_earlier.begin()->second.packed = {"% furniture kept\n", false};
    const std::string marked = write(doc, &memo);
    CHECK(memo.furniture_taken == 2);
    std::size_t shown = 0;
    for (auto at = marked.find("% furniture kept"); at != std::string::npos;
         at = marked.find("% furniture kept", at + 1))
      ++shown;
    CHECK(shown == 2);

    // A page whose running head changed makes its own; the other takes the kept one.
    doc.pages[1].furniture = {shape(doc.fonts[2].path, 2, "Body", 9, 200, 560)};
    memo.furniture_earlier = furniture;
    const std::string changed = write(doc, &memo);
    CHECK(memo.furniture_taken == 1);
    CHECK(memo.furniture_made.size() == 2);
    CHECK(changed == write(doc, nullptr));

    // With bleed, the furniture's stream restores the state the origin's saved, and moves its
    // own origin: not the stream kept without bleed, and kept apart from it.
    for (layout::Page& page : doc.pages)
      page.bleed = 9;
    memo.earlier = memo.made;
    memo.furniture_earlier = memo.furniture_made;
    const std::string bled = write(doc, &memo);
    CHECK(memo.furniture_taken == 0);
    CHECK(bled == write(doc, nullptr));
    memo.earlier = memo.made;
    memo.furniture_earlier = memo.furniture_made;
    CHECK(write(doc, &memo) == bled);
    CHECK(memo.furniture_taken == 2);
  }

  TEST_CASE("links and anchors are not in the stream, so not in the key") {
    layout::Document doc = tagged_document(0);
    pdf::StreamMemo memo = memo_of(doc);
    const auto before = memo.made;
    doc.pages[0].items.push_back(layout::AnchorItem{"here", 10, 10});
    std::get<layout::LinkItem>(doc.pages[0].items[2]).uri = "https://example.org/other";
    write(doc, &memo);
    CHECK(memo.made.count(before.begin()->first) == 1);
  }
}
