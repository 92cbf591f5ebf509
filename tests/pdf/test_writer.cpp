#include "galley/error.hpp"
#include "pdf/writer.hpp"
#include "pdf_fixture.hpp"

#include <doctest/doctest.h>


using namespace galley;
using namespace galley::pdf::test;

namespace {

const char* const kWords =
    "Quantum error correction crossed its threshold this spring: logical qubits now outlive "
    "their physical parts, and the office of the first fault-tolerant machine is no longer "
    "fiction. Engineers at three laboratories confirmed the effect independently, and the "
    "finance of the field shifted overnight.";

/// An article-sized document: `pages` A4 pages of justified text in five fonts, a JPEG lead
/// image and a PNG portrait, headings with anchors, links and an outline.
layout::Document article(int pages) {
  layout::Document doc = base_document();
  doc.fonts = {{font_path("ebgaramond/EBGaramond12-Regular.ttf"), 0},
               {font_path("ebgaramond/EBGaramond12-Italic.ttf"), 0},
               {font_path("inter/Inter-Bold.otf"), 0},
               {font_path("inter/Inter-Regular.otf"), 0},
               {font_path("noto/NotoSerif-Regular.ttf"), 0}};
  doc.images = {{save("lead.jpg", make_jpeg(1200, 800, 3))},
                {save("portrait.png", make_png_rgba(300, 300))}};
  doc.pages.clear();
  std::vector<layout::GlyphRun> lines;
  for (int f = 0; f < 5; ++f) {
    for (int k = 0; k < 4; ++k) {
      std::string text = std::string(kWords).substr(size_t(k) * 60, 70);
      lines.push_back(shape(doc.fonts[size_t(f)].path, f, text, 10.5, 56, 0, 0.3 * k));
    }
  }
  for (int p = 0; p < pages; ++p) {
    layout::Page page;
    page.label = std::to_string(p + 1);
    std::string anchor = "section-" + std::to_string(p + 1);
    page.items.push_back(layout::AnchorItem{anchor, 56, 56});
    layout::GlyphRun heading =
        shape(doc.fonts[2].path, 2, "Section " + std::to_string(p + 1), 16, 56, 72);
    page.items.emplace_back(heading);
    double y = 100;
    if (p == 0) {
      layout::ImageItem lead{0, 56, y, 483, 322, false};
      page.items.emplace_back(lead);
      y += 340;
      layout::ImageItem portrait{1, 56, y, 60, 60, true};
      page.items.emplace_back(portrait);
      y += 70;
    }
    for (size_t i = 0; y < 780; ++i, y += 14) {
      layout::GlyphRun line = lines[(size_t(p) * 7 + i) % lines.size()];
      line.y = y;
      page.items.emplace_back(line);
    }
    layout::RuleItem rule{56, 800, 539, 800, 0.5, {120, 120, 120}};
    page.items.emplace_back(rule);
    layout::LinkItem link{56, 60, 100, 16, "", "section-1"};
    page.items.emplace_back(link);
    doc.pages.push_back(std::move(page));
    doc.outline.push_back({"Section " + std::to_string(p + 1), anchor, {}});
  }
  return doc;
}

/// An issue-sized tagged document: `pages` pages, each a section of 30 paragraphs, a note, a
/// tagged link to the next page's anchor and an external link: some 5,000 structure elements and
/// 300 links in 150 pages, enough for the writer to write pages and elements in several parts.
layout::Document tagged_issue(int pages) {
  layout::Document doc = base_document();
  doc.structure = {{"Document", -1, {}, {}, false}};
  const std::string& serif = doc.fonts[2].path;
  const layout::GlyphRun text = shape(serif, 2, "Paragraph text", 10, 40, 0);
  auto add = [&](const std::string& type, int parent) {
    doc.structure.push_back({type, parent, {}, {}, false});
    return int(doc.structure.size()) - 1;
  };
  auto run = [&](layout::Page& page, int element, double y) {
    layout::GlyphRun r = text;
    r.element = element;
    r.y = y;
    page.items.emplace_back(r);
  };
  const layout::Page blank = doc.pages[0];
  doc.pages.clear();
  for (int p = 0; p < pages; ++p) {
    layout::Page page = blank;
    page.label = std::to_string(p + 1);
    page.items.push_back(layout::AnchorItem{"page-" + std::to_string(p), 40, 40});
    const int section = add("Sect", 0);
    for (int k = 0; k < 30; ++k)
      run(page, add("P", section), 60 + 20 * k);
    run(page, add("Note", section), 680);
    const int link = add("Link", section);
    run(page, link, 700);
    page.items.push_back(
        layout::LinkItem{40, 690, 80, 12, "", "page-" + std::to_string((p + 1) % pages), link});
    page.items.push_back(
        layout::LinkItem{40, 720, 80, 12, "https://example.org/" + std::to_string(p), ""});
    doc.pages.push_back(std::move(page));
  }
  return doc;
}

/// `doc` written on `threads` threads, checked to be the bytes one thread writes and to report
/// nothing.
std::string written_on(const layout::Document& doc, unsigned threads) {
  Diagnostics diags;
  pdf::WriteOptions many, one;
  many.threads = threads;
  one.threads = 1;
  const std::string bytes = pdf::write_pdf(doc, diags, many);
  CHECK(bytes == pdf::write_pdf(doc, diags, one));
  CHECK(diags.empty());
  return bytes;
}

} // namespace

TEST_SUITE("pdf/writer") {
  TEST_CASE("an 11-page article with 5 fonts and 2 images") {
    layout::Document doc = article(11);
    Diagnostics diags;
    std::string pdf = pdf::write_pdf(doc, diags);
    CHECK(diags.empty());
    std::string path = save("article.pdf", pdf);
    CHECK(run("qpdf --check " + path).exit_code == 0);
    auto fonts = run("pdffonts " + path);
    int embedded = 0;
    for (size_t p = fonts.output.find("yes yes yes"); p != std::string::npos;
         p = fonts.output.find("yes yes yes", p + 1))
      ++embedded;
    CHECK(embedded == 5);
    auto info = run("pdfinfo " + path);
    CHECK(info.output.find("Pages:           11") != std::string::npos);
    // One page rendered for a look: the lead image, the clipped portrait and text.
    CHECK(run("pdftoppm -png -r 60 -f 1 -l 1 " + path + " " + (scratch_dir() / "article").string())
              .exit_code == 0);
  }

  TEST_CASE("the same bytes whatever the number of threads") {
    // Fonts, images and page streams are prepared on several threads and attached in order.
    CHECK_FALSE(written_on(article(12), 4).empty());
  }

  TEST_CASE("an issue-sized tagged document: the same bytes whatever the number of threads") {
    // Its pages' values and its structure elements are written in parts on several threads;
    // their numbers are given in order first, so the parts never show.
    const layout::Document doc = tagged_issue(150);
    REQUIRE(doc.structure.size() > 4096);
    const std::string bytes = written_on(doc, 4);
    const std::string path = save("tagged-issue.pdf", bytes);
    CHECK(run("qpdf --check " + path).exit_code == 0);
    auto count = [&](const std::string& what) {
      std::size_t n = 0;
      for (auto at = bytes.find(what); at != std::string::npos; at = bytes.find(what, at + 1))
        ++n;
      return n;
    };
    CHECK(count("/Type/Annot/Subtype/Link") == 300);
    CHECK(count("/Type/Page/") == 150);
    CHECK(count("/S/P/") == 4500);
    // Each note's identifier is its number among the notes, whichever part wrote it.
    CHECK(count("/S/Note/ID(note-") == 150);
    CHECK(bytes.find("/ID(note-000150)") != std::string::npos);
    // The last page's tagged link leads to the first page's anchor, its annotation kept in the
    // tree (an OBJR) and given its structure parent.
    CHECK(count("/Type/OBJR/Obj") == 150);
    CHECK(count("/StructParent ") == 150);
    const std::string tree = run("pdfinfo -struct " + path).output;
    std::size_t links = 0;
    for (auto at = tree.find("Link"); at != std::string::npos; at = tree.find("Link", at + 1))
      ++links;
    CHECK(links == 150);
  }

  TEST_CASE("images prepared ahead give the same bytes; their errors show when drawn") {
    layout::Document doc = article(3);
    Diagnostics diags;
    pdf::WriteOptions plain;
    std::string expected = pdf::write_pdf(doc, diags, plain);
    std::string broken = save("broken.png", "\x89PNG\r\n\x1a\n truncated");
    pdf::WriteOptions ahead;
    pdf::PreparedImages prepared =
        pdf::prepare_images({doc.images[0].path, doc.images[1].path, broken}, ahead);
    CHECK(prepared.size() == 3);
    ahead.prepared = &prepared;
    CHECK(pdf::write_pdf(doc, diags, ahead) == expected);
    CHECK(diags.empty()); // the broken image is prepared but never drawn
    doc.images[1].path = broken;
    std::string with_error = pdf::write_pdf(doc, diags, ahead);
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.all().front().message.find("cannot embed image '" + broken + "'") == 0);
  }

  TEST_CASE("the page tree is flat, so pages are found without a walk") {
    // PoDoFo's CreatePage/GetPage walk the tree for every page (quadratic in pages); the writer
    // creates all pages at once under the root.
    layout::Document doc = article(100);
    Diagnostics diags;
    std::string pdf = pdf::write_pdf(doc, diags);
    auto at = pdf.find("/Type/Pages/Count 100/Kids[");
    REQUIRE(at != std::string::npos);
    std::string kids = pdf.substr(at, pdf.find(']', at) - at);
    int refs = 0;
    for (size_t p = kids.find(" R"); p != std::string::npos; p = kids.find(" R", p + 1)) ++refs;
    CHECK(refs == 100);
  }

  TEST_CASE("a glyph's text is the first one given in page order, whatever the threads") {
    // The glyphs are gathered in parts of the pages on several threads: the text of a glyph
    // first drawn without one (the second glyph of a cluster) comes from a later page, in
    // another part; a glyph given two texts maps to the first, and where it is drawn with the
    // other, its run says so itself.
    layout::Document doc = base_document();
    const layout::Page blank = doc.pages[0];
    doc.pages.assign(4, blank);
    layout::GlyphRun first = shape(doc.fonts[0].path, 0, "kq", 12, 40, 80);
    layout::GlyphRun later = first;
    change_glyphs(first, [](auto& glyphs) {
      glyphs[0].text.clear();
      glyphs[1].text = "z";
    });
    doc.pages[0].items.emplace_back(first);
    doc.pages[3].items.emplace_back(later);
    const std::string bytes = written_on(doc, 2);
    const std::string path = save("glyph-texts.pdf", bytes);
    CHECK(run("pdftotext -f 1 -l 1 " + path + " -").output.find("kz") != std::string::npos);
    CHECK(run("pdftotext -f 4 -l 4 " + path + " -").output.find("kq") != std::string::npos);
  }

  TEST_CASE("a page's glyph summary stands for its runs' glyphs") {
    // Pages laid out carry a summary of the glyphs their runs draw; the writer takes it instead
    // of walking the runs, and the bytes are those a walk gives.
    layout::Document doc = article(12);
    Diagnostics diags;
    const std::string walked = pdf::write_pdf(doc, diags);
    for (layout::Page& page : doc.pages)
      layout::summarize_glyphs(page);
    CHECK(pdf::write_pdf(doc, diags) == walked);
    // A summary is what the ToUnicode map is made from: runs changed after it was made are not
    // read for their glyphs' texts (the run then says what it shows with /ActualText).
    layout::Document one = base_document();
    one.pages[0].items.emplace_back(shape(one.fonts[0].path, 0, "kq", 12, 40, 80));
    change_glyphs(std::get<layout::GlyphRun>(one.pages[0].items.back()), [](auto& glyphs) {
      glyphs[0].text = "x";
      glyphs[1].text = "y";
    });
    pdf::WriteOptions plain;
    plain.compress = false;
    const std::string from_runs = pdf::write_pdf(one, diags, plain);
    layout::Document summarized = one;
    layout::GlyphRun& run = std::get<layout::GlyphRun>(summarized.pages[0].items.back());
    const layout::GlyphRun drawn = run;
    change_glyphs(run, [](auto& glyphs) {
      glyphs[0].text = "k";
      glyphs[1].text = "q";
    });
    layout::summarize_glyphs(summarized.pages[0]);
    run = drawn;
    const std::string from_summary = pdf::write_pdf(summarized, diags, plain);
    CHECK(diags.empty());
    // <006B> and <0071>: k and q in the map (9.10.3).
    CHECK(from_runs.find("<0078>") != std::string::npos);
    CHECK(from_runs.find("<006B>") == std::string::npos);
    CHECK(from_summary.find("<006B>") != std::string::npos);
    CHECK(from_summary.find("<0071>") != std::string::npos);
    CHECK(from_summary.find("<0078>") == std::string::npos);
  }

  TEST_CASE("internal failures throw galley::Error") {
    layout::Document doc = base_document();
    layout::GlyphRun bad_font = shape(doc.fonts[0].path, 7, "x", 10, 10, 10);
    doc.pages[0].items.emplace_back(bad_font);
    Diagnostics diags;
    CHECK_THROWS_AS(pdf::write_pdf(doc, diags), galley::Error);
    doc = base_document();
    layout::GlyphRun bad_glyph = shape(doc.fonts[0].path, 0, "x", 10, 10, 10);
    change_glyphs(bad_glyph, [](auto& glyphs) { glyphs[0].id = 65000; });
    doc.pages[0].items.emplace_back(bad_glyph);
    CHECK_THROWS_AS(pdf::write_pdf(doc, diags), galley::Error);
    doc = base_document();
    doc.fonts[0].path = (scratch_dir() / "no-font.ttf").string();
    layout::GlyphRun missing =
        shape(font_path("ebgaramond/EBGaramond12-Regular.ttf"), 0, "x", 10, 10, 10);
    doc.pages[0].items.emplace_back(missing);
    CHECK_THROWS_AS(pdf::write_pdf(doc, diags), galley::Error);
  }
}
