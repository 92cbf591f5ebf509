#include "pdf/metadata.hpp"
#include "pdf/writer.hpp"
#include "pdf_fixture.hpp"

#include <doctest/doctest.h>

#include <regex>
#include <set>

using namespace galley;
using namespace galley::pdf::test;

namespace {

/// Three pages: anchors for two sections, a contents link to each, an external link, an
/// outline with a nested entry, labels "i", "1", "2", and bleed on the first page.
layout::Document linked_document() {
  layout::Document doc = base_document();
  doc.pages.resize(3, doc.pages[0]);
  doc.pages[0].label = "i";
  doc.pages[0].bleed = 9;
  doc.pages[1].label = "1";
  doc.pages[2].label = "2";
  const std::string& serif = doc.fonts[2].path;
  auto& p0 = doc.pages[0].items;
  p0.push_back(layout::AnchorItem{"contents", 0, 0});
  p0.push_back(shape(serif, 2, "Contents", 14, 40, 60));
  p0.push_back(shape(serif, 2, "Introduction", 11, 40, 90));
  p0.push_back(layout::LinkItem{40, 78, 80, 14, "", "sec-intro"});
  p0.push_back(shape(serif, 2, "Results", 11, 40, 110));
  p0.push_back(layout::LinkItem{40, 98, 80, 14, "", "sec-results"});
  p0.push_back(shape(serif, 2, "example.org", 11, 40, 130));
  p0.push_back(layout::LinkItem{40, 118, 80, 14, "https://example.org/a?b=c", ""});
  p0.push_back(layout::RuleItem{40, 140, 300, 140, 0.5, {200, 0, 0}});
  p0.push_back(layout::RectItem{40, 150, 100, 20, {20, 60, 160}});
  doc.pages[1].items.push_back(layout::AnchorItem{"sec-intro", 40, 50});
  doc.pages[1].items.push_back(shape(serif, 2, "Introduction", 16, 40, 60));
  doc.pages[2].items.push_back(layout::AnchorItem{"sec-results", 40, 50});
  doc.pages[2].items.push_back(shape(serif, 2, "Results", 16, 40, 60));
  doc.outline = {{"Contents", "contents", {}},
                 {"Article",
                  "sec-intro",
                  {{"Introduction", "sec-intro", {}}, {"Results", "sec-results", {}}}}};
  return doc;
}

} // namespace

TEST_SUITE("pdf/structure") {
  TEST_CASE("Info, XMP, language and viewer preferences") {
    Diagnostics diags;
    std::string pdf = pdf::write_pdf(linked_document(), diags);
    CHECK(diags.empty());
    std::string path = save("meta.pdf", pdf);
    auto info = run("pdfinfo -isodates " + path);
    CAPTURE(info.output);
    CHECK(info.output.find("Title:           The Quantum Dispatch: Qubits at Scale") !=
          std::string::npos);
    CHECK(info.output.find("Author:          Ada Lovelace, Grace Hopper and Émilie du Châtelet") !=
          std::string::npos);
    CHECK(info.output.find("Subject:         How error correction crossed the threshold") !=
          std::string::npos);
    CHECK(info.output.find("Keywords:        quantum, computing, hardware") != std::string::npos);
    CHECK(info.output.find("Producer:        galley") != std::string::npos);
    CHECK(info.output.find("CreationDate:    2026-04-27T00:00:00Z") != std::string::npos);
    CHECK(info.output.find("ModDate:         2026-04-27T00:00:00Z") != std::string::npos);
    CHECK(info.output.find("Pages:           3") != std::string::npos);
    auto meta = run("pdfinfo -meta " + path);
    CHECK(meta.output.find("<dc:creator><rdf:Seq><rdf:li>Ada Lovelace, Grace Hopper and Émilie du "
                           "Châtelet</rdf:li></rdf:Seq></dc:creator>") != std::string::npos);
    CHECK(meta.output.find("<xmp:CreateDate>2026-04-27T00:00:00Z</xmp:CreateDate>") !=
          std::string::npos);
    CHECK(meta.output.find("<rdf:li>en-GB</rdf:li>") != std::string::npos);
    CHECK(pdf.find("/Lang(en-GB)") != std::string::npos);
    CHECK(pdf.find("/DisplayDocTitle true") != std::string::npos);
    CHECK(pdf::pdf_date(0) == "D:19700101000000Z");
    // PDF/A-2u and PDF/UA-1 by default: the claims, the output intent and the extension
    // schema PDF/A needs for pdfuaid; none of them when the standard is none.
    CHECK(meta.output.find("<pdfaid:part>2</pdfaid:part>") != std::string::npos);
    CHECK(meta.output.find("<pdfaid:conformance>U</pdfaid:conformance>") != std::string::npos);
    CHECK(meta.output.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
    CHECK(pdf.find("/S/GTS_PDFA1") != std::string::npos);
    std::string both =
        pdf::write_pdf(linked_document(), diags, {.standard = {PdfStandard::Archive::A2u, true}});
    CHECK(both.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
    CHECK(both.find("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>") != std::string::npos);
    std::string plain =
        pdf::write_pdf(linked_document(), diags,
                       {.compress = false, .standard = {PdfStandard::Archive::None, false}});
    CHECK(plain.find("pdfaid") == std::string::npos);
    CHECK(plain.find("pdfuaid") == std::string::npos);
    CHECK(plain.find("OutputIntents") == std::string::npos);
  }

  TEST_CASE("outline, named destinations and links resolve") {
    Diagnostics diags;
    std::string pdf = pdf::write_pdf(linked_document(), diags, {.compress = false});
    CHECK(diags.empty());
    std::string path = save("links.pdf", pdf);
    REQUIRE(run("qpdf --check " + path).exit_code == 0);

    auto dests = run("pdfinfo -dests " + path);
    CAPTURE(dests.output);
    std::set<std::string> names;
    for (const char* n : {"contents", "sec-intro", "sec-results"}) {
      if (dests.output.find(std::string("\"") + n + "\"") != std::string::npos)
        names.insert(n);
    }
    CHECK(names.size() == 3);
    CHECK(std::regex_search(dests.output,
                            std::regex(R"(\n\s*2\s+\[ XYZ\s+40\s+545 null\s*\]\s+"sec-intro")")));

    // Every internal link names an existing destination.
    std::regex link(R"(/Dest\(([^)]*)\))");
    int links = 0;
    for (std::sregex_iterator it(pdf.begin(), pdf.end(), link), end; it != end; ++it) {
      CAPTURE((*it)[1].str());
      CHECK(names.count((*it)[1].str()) == 1);
      ++links;
    }
    CHECK(links == 6); // two links and four outline entries
    CHECK(pdf.find("/URI(https://example.org/a?b=c)") != std::string::npos);
    CHECK(pdf.find("/Border[ 0 0 0]") != std::string::npos);

    auto json = run("qpdf --json=2 --json-key=outlines " + path);
    CAPTURE(json.output);
    for (const char* title : {"\"Contents\"", "\"Article\"", "\"Introduction\"", "\"Results\""})
      CHECK(json.output.find(std::string("\"title\": ") + title) != std::string::npos);
  }

  TEST_CASE("unknown destinations are warned about and left out") {
    layout::Document doc = linked_document();
    doc.pages[0].items.push_back(layout::LinkItem{1, 1, 5, 5, "", "nowhere"});
    doc.outline.push_back({"Lost", "missing", {}});
    Diagnostics diags;
    std::string pdf = pdf::write_pdf(doc, diags, {.compress = false});
    CHECK(diags.warning_count() == 2);
    CHECK(pdf.find("(nowhere)") == std::string::npos);
    CHECK(pdf.find("(missing)") == std::string::npos);
  }

  TEST_CASE("page labels and bleed boxes") {
    Diagnostics diags;
    std::string path = save("boxes.pdf", pdf::write_pdf(linked_document(), diags));
    auto json = run("qpdf --json=2 --json-key=pages " + path);
    CAPTURE(json.output);
    CHECK(std::regex_search(json.output, std::regex(R"("/S": "/r")")));
    CHECK(std::regex_search(json.output, std::regex(R"("/S": "/D")")));
    auto boxes = run("pdfinfo -box -f 1 -l 2 " + path);
    CAPTURE(boxes.output);
    auto has = [&](const char* pattern) {
      return std::regex_search(boxes.output, std::regex(pattern));
    };
    CHECK(has(R"(Page\s+1 MediaBox:\s+0\.00\s+0\.00\s+437\.53\s+613\.28)"));
    CHECK(has(R"(Page\s+1 TrimBox:\s+9\.00\s+9\.00\s+428\.53\s+604\.28)"));
    CHECK(has(R"(Page\s+2 MediaBox:\s+0\.00\s+0\.00\s+419\.53\s+595\.28)"));
  }

  TEST_CASE("identical input gives identical bytes; the id follows the content") {
    Diagnostics diags;
    std::string a = pdf::write_pdf(linked_document(), diags);
    std::string b = pdf::write_pdf(linked_document(), diags);
    CHECK(a == b);
    layout::Document other = linked_document();
    other.info.title = "Another title";
    std::string c = pdf::write_pdf(other, diags);
    auto id = [](const std::string& pdf) { return pdf.substr(pdf.rfind("/ID")); };
    CHECK(id(a) != id(c));
    CHECK(a.find("/M(") == std::string::npos);
  }

  TEST_CASE("a rendered page shows text, rule and box where the frame puts them") {
    Diagnostics diags;
    std::string path = save("render.pdf", pdf::write_pdf(linked_document(), diags));
    auto r =
        run("pdftoppm -png -r 60 -f 1 -l 1 " + path + " " + (scratch_dir() / "render").string());
    CHECK(r.exit_code == 0);
    auto text = run("pdftotext -bbox -f 1 -l 1 " + path + " -");
    // "Contents" at x = 40 pt from the trim edge, 9 pt of bleed further from the media edge.
    CHECK(std::regex_search(
        text.output,
        std::regex(R"(xMin="49\.\d+" yMin="\d+\.\d+" xMax="\d+\.\d+" yMax="\d+\.\d+">Contents)")));
  }
}
