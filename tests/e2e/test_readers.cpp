// NITF and JATS articles (tests/e2e/data/nitf, tests/e2e/data/jats) through `galley pdf` and
// `galley epub` under --strict: the title, authors and date must reach the PDF's Info and the
// EPUB's package, the headings and every word of every paragraph both outputs, and epubcheck and
// qpdf must find nothing wrong. Of each JATS article, the words pandoc reads must be in both
// outputs, in order.
#include "book_checks.hpp"
#include "run.hpp"
#include "util/files.hpp"
#include "util/text_utils.hpp"

#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>
#include <regex>
#include <set>
#include <string>
#include <vector>

using namespace e2e;
namespace fs = std::filesystem;

namespace {

struct Case {
  const char* file; ///< under tests/e2e/data
  const char* title;
  std::vector<std::string> authors;
  const char* date; ///< ISO, as the PDF's CreationDate and the OPF's dc:date give it
  const char* lang;
  std::vector<std::string> headings;
  bool spaced = true; ///< words are separated by spaces (not Japanese)
};

const Case kCases[] = {
    {"nitf/ap-election.xml",
     "City council approves a larger transit budget",
     {"Maria Alvarez"},
     "2026-04-27",
     "en-US",
     {}},
    {"nitf/reuters-markets.xml",
     "Shares steady as bond yields ease from highs",
     {"Anna Kowalski", "Peter Brandt"},
     "2026-03-03",
     "en",
     {}},
    {"nitf/storm-photo.xml",
     "Storm floods coastal towns overnight",
     {"Lena Okafor", "James Whitmore"},
     "2026-09-12",
     "en",
     {}},
    {"nitf/bundestag.nitf",
     "Bundestag beschließt neues Förderprogramm für Wärmepumpen",
     {"Katrin Müller"},
     "2026-05-14",
     "de",
     {"Was sich für Mieter ändert"}},
    {"nitf/transit-explainer.xml",
     "Explainer: what the new fare system means for riders",
     {"Priya Raman"},
     "2026-06-01",
     "en",
     {"How to pay", "What it costs", "Where to get help"}},
    {"nitf/footnoted-analysis.xml",
     "Analysis: why wheat prices climbed this winter",
     {"Oliver Grant"},
     "2026-02-08",
     "en-GB",
     {}},
    {"nitf/brief-head-only.xml",
     "Library extends weekend opening hours",
     {},
     "2026-01-20",
     "en",
     {}},
    {"nitf/tokyo-ja.xml",
     "東京で桜が開花、平年より五日早く",
     {"山田花子"},
     "2026-03-21",
     "ja",
     {"見ごろは来週末"},
     false},
    {"jats/plos-soil.xml",
     "Earthworm density and soil carbon in restored meadows",
     {"Astrid Lindqvist", "Kwame Osei"},
     "2026-04-14",
     "en",
     {"Introduction", "Materials and methods", "Study sites", "Sampling", "Results", "Discussion"}},
    {"jats/pmc-sleep.nxml",
     "Short naps and afternoon reaction time",
     {"Petra Novak", "Omar Haddad"},
     "2025-10-02",
     "en",
     {"Introduction", "Methods", "Results"}},
    {"jats/french-glaciers.xml",
     "Le recul des glaciers du massif des Écrins depuis 1990",
     {"Élise Dubois", "François Moreau"},
     "2026-02-19",
     "fr",
     {"Introduction", "Données et méthodes", "Résultats"}},
    {"jats/japanese-tsunami.xml",
     "沿岸地域における津波避難行動の調査",
     {"佐藤 健一", "鈴木 美咲"},
     "2026-03-11",
     "ja",
     {"はじめに", "調査方法", "結果"},
     false},
    {"jats/lists-and-quotes.xml",
     "Teaching statistics with real data: a review",
     {"Grace Mbeki"},
     "2026-01-30",
     "en",
     {"What the studies measured", "Voices from the classroom"}},
    {"jats/inline-notes.xml",
     "Leak detection in old water mains",
     {"Rafael Ortiz"},
     "2025-06-05",
     "en",
     {"Background", "Results"}},
    {"jats/structured-vaccine.xml",
     "Reminder letters and childhood vaccination rates",
     {"Mette Eriksen", "Tunde Adeyemi", "Soo-ah Kim"},
     "2026-01-22",
     "en",
     {"Introduction", "Methods", "Results", "Acknowledgements", "Appendix: the letter", "Notes"}},
    {"jats/software-note.xml",
     "tidyrain: a small library for cleaning rain gauge records",
     {"Niamh Walsh", "Open Hydrology Group"},
     "2025-07-09",
     "en-GB",
     {"Summary"}},
};

fs::path input(const Case& c) {
  return source_dir() / "tests/e2e/data" / c.file;
}

std::string stem(const Case& c) {
  return fs::path(c.file).parent_path().string() + "-" + fs::path(c.file).stem().string();
}

/// Elements whose text a reader reads as running text: paragraphs and their like in NITF 3.6
/// and JATS 1.3, and the cells of tables.
const std::set<std::string> kTextElements{"p",        "hl2",    "li", "td", "th",   "media-caption",
                                          "tagline",  "credit", "dt", "dd", "term", "attrib",
                                          "preformat"};

/// What is not running text inside them: note references (set as numbers), labels, formulas
/// (set as their source) and footnotes written in place (which are paragraphs of their own).
bool skipped(const pugi::xml_node& n) {
  const std::string name = n.name();
  const std::string type = n.attribute("ref-type").value();
  const std::string href = n.attribute("href").value();
  return name == "fn" || name == "label" || name == "inline-formula" || name == "disp-formula" ||
         (name == "xref" && (type == "fn" || type == "table-fn")) ||
         (name == "a" && href.rfind("#", 0) == 0);
}

void collect_text(const pugi::xml_node& n, std::string& out) {
  for (auto c : n.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata)
      out += c.value();
    else if (c.type() == pugi::node_element && !skipped(c)) {
      // A paragraph inside a list item is taken on its own.
      if (kTextElements.count(c.name()) && std::string(n.name()) != "p")
        continue;
      out += ' ';
      collect_text(c, out);
      out += ' ';
    }
  }
}

/// The running text of the article's body (and JATS's back matter but its references, which
/// are checked as the sources list is elsewhere), one string per element.
std::vector<std::string> paragraphs(const fs::path& file) {
  pugi::xml_document doc;
  REQUIRE(doc.load_file(file.c_str()));
  std::vector<std::string> out;
  for (const char* part : {"//body", "//back"})
    for (auto top : doc.select_nodes(part))
      for (auto n : top.node().select_nodes(".//*")) {
        const pugi::xml_node e = n.node();
        if (!kTextElements.count(e.name()) || e.select_node("ancestor::ref-list"))
          continue;
        std::string text;
        collect_text(e, text);
        text = galley::collapse_spaces(text);
        if (!text.empty())
          out.push_back(text);
      }
  return out;
}

/// The words of a text, without the punctuation around them.
std::vector<std::string> words(const std::string& text) {
  static const std::regex edges("^[[:punct:]]+|[[:punct:]]+$");
  std::vector<std::string> out;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find(' ', at);
    if (end == std::string::npos)
      end = text.size();
    std::string w = std::regex_replace(text.substr(at, end - at), edges, "");
    for (const char* mark : {"\u201C", "\u201D", "\u2018", "\u2019", "\u2014", "\u2013"})
      for (size_t m; (m = w.find(mark)) == 0;)
        w.erase(0, std::string(mark).size());
    if (!w.empty())
      out.push_back(w);
    at = end + 1;
  }
  return out;
}

/// pandoc's plain reading of a JATS article with a filter of the survival test (body.lua: the
/// body without pictures' alt text and notes; notes.lua: the notes alone), its cited footnotes
/// first set where they are cited, as galley sets them (jats_reference.py).
std::string pandoc_plain(const Case& c, const char* filter) {
  const RunResult r = run("python3 " + q(source_dir() / "tests/e2e/jats_reference.py") + " " +
                          q(input(c)) + " | pandoc -f jats -t plain --wrap=none -L " +
                          q(source_dir() / "tests/survival" / filter));
  CAPTURE(r.err);
  REQUIRE(r.code == 0);
  return r.out;
}

} // namespace

TEST_SUITE("e2e/readers") {
  TEST_CASE("NITF and JATS articles reach the PDF and the EPUB whole") {
    const fs::path dir = scratch("readers");
    for (const Case& c : kCases) {
      const std::string file = c.file;
      CAPTURE(file);
      const fs::path pdf = dir / (stem(c) + ".pdf"), epub = dir / (stem(c) + ".epub");
      // The article's own date dates both outputs when SOURCE_DATE_EPOCH is not set.
      for (const fs::path& out : {pdf, epub}) {
        const std::string format = out.extension() == ".pdf" ? "pdf" : "epub";
        const RunResult r = run("env -u SOURCE_DATE_EPOCH " + q(std::getenv("GALLEY_BIN")) + " " +
                                format + " " + q(input(c)) + " -o " + q(out) + " --strict");
        CAPTURE(r.err);
        REQUIRE(r.code == 0);
        CHECK(r.err.find("warning") == std::string::npos);
      }

      const std::string info = run("TZ=UTC pdfinfo -isodates " + q(pdf)).out;
      CAPTURE(info);
      CHECK(info.find("Title:           " + std::string(c.title) + "\n") != std::string::npos);
      CHECK(info.find("CreationDate:    " + std::string(c.date) + "T00:00:00Z") !=
            std::string::npos);
      const std::string opf = run("unzip -p " + q(epub) + " EPUB/package.opf").out;
      CHECK(opf.find(">" + std::string(c.title) + "</dc:title>") != std::string::npos);
      CHECK(opf.find("<dc:date>" + std::string(c.date)) != std::string::npos);
      CHECK(opf.find("<dc:language>" + std::string(c.lang) + "</dc:language>") !=
            std::string::npos);
      for (const std::string& a : c.authors) {
        CAPTURE(a);
        CHECK(info.find(a) != std::string::npos);
        CHECK(opf.find(">" + a + "</dc:creator>") != std::string::npos);
      }

      const RunResult pdftext = run("pdftotext -enc UTF-8 " + q(pdf) + " -");
      REQUIRE(pdftext.code == 0);
      const std::string in_pdf = without_spaces(joined_hyphens(pdftext.out)),
                        in_epub = without_spaces(epub_text(epub));
      for (const std::string& h : c.headings) {
        CAPTURE(h);
        CHECK(in_pdf.find(without_spaces(h)) != std::string::npos);
        CHECK(in_epub.find(without_spaces(h)) != std::string::npos);
      }
      const std::vector<std::string> ps = paragraphs(input(c));
      CHECK(ps.size() >= 2);
      for (const std::string& p : ps) {
        CAPTURE(p);
        // Each word, in the paragraph's order: the next one is looked for after the last.
        size_t pdf_at = 0, epub_at = 0;
        for (const std::string& w :
             c.spaced ? words(p) : std::vector<std::string>{without_spaces(p)}) {
          CAPTURE(w);
          pdf_at = in_pdf.find(w, pdf_at);
          epub_at = in_epub.find(w, epub_at);
          CHECK(pdf_at != std::string::npos);
          CHECK(epub_at != std::string::npos);
          pdf_at = pdf_at == std::string::npos ? 0 : pdf_at + w.size();
          epub_at = epub_at == std::string::npos ? 0 : epub_at + w.size();
        }
      }

      if (file == "jats/plos-soil.xml") {
        // The text cites "[1]" and "[2]" as written, and a footnote takes the number 1: the
        // Sources list numbers the references by their labels, not after the footnote.
        const std::string lines = pdftext.out;
        CHECK(lines.find("\n1. Conant RT, Paustian K.") != std::string::npos);
        CHECK(lines.find("\n2. Bossuyt H (2005)") != std::string::npos);
        const std::string xhtml = run("unzip -p " + q(epub) + " 'EPUB/*.xhtml'").out;
        CHECK(xhtml.find("value=\"1\">Conant RT") != std::string::npos);
        CHECK(xhtml.find("value=\"3\"") == std::string::npos);
      }
      if (file == "jats/lists-and-quotes.xml") {
        // Lists in letters and roman numerals: their markers in the PDF, <ol type> in the EPUB.
        const std::string lines = pdftext.out;
        CHECK(lines.find("\na. finding the gaps") != std::string::npos);
        CHECK(lines.find("\nc. writing down what was changed") != std::string::npos);
        CHECK(lines.find("\nII. trials in classrooms") != std::string::npos);
        const std::string xhtml = run("unzip -p " + q(epub) + " 'EPUB/*.xhtml'").out;
        CHECK(xhtml.find("<ol type=\"a\">") != std::string::npos);
        CHECK(xhtml.find("<ol type=\"I\">") != std::string::npos);
      }
      if (file.rfind("jats/", 0) == 0) {
        const Survival s =
            survival(pandoc_plain(c, "body.lua"), pandoc_plain(c, "notes.lua"), pdf, epub);
        std::printf("jats survival  pdf %5.1f%%  epub %5.1f%%  %s\n", s.pdf, s.epub, c.file);
        CHECK(s.pdf >= 99.0);
        CHECK(s.epub >= 99.0);
      }

      const RunResult check = run("qpdf --check " + q(pdf));
      CAPTURE(check.out);
      CHECK(check.code == 0);
      CHECK(check.out.find("No syntax or stream encoding errors found") != std::string::npos);
    }
  }

  TEST_CASE("the EPUBs pass epubcheck") {
    // One book of each shape: the other books repeat these shapes.
    const fs::path dir = scratch("readers-epubcheck");
    std::vector<fs::path> books;
    for (const Case& c : kCases) {
      const std::string file = c.file;
      if (file != "nitf/ap-election.xml" && file != "nitf/storm-photo.xml" &&
          file != "nitf/footnoted-analysis.xml" && file != "nitf/tokyo-ja.xml" &&
          file != "jats/plos-soil.xml" && file != "jats/inline-notes.xml" &&
          file != "jats/japanese-tsunami.xml" && file != "jats/lists-and-quotes.xml")
        continue;
      const fs::path epub = dir / (stem(c) + ".epub");
      REQUIRE(run_galley("epub " + q(input(c)) + " -o " + q(epub) + " --strict").code == 0);
      books.push_back(epub);
    }
    CHECK(books.size() == 8);
    check_epubs(books);
  }

  TEST_CASE("NITF and JATS read from standard input are known by their content") {
    const fs::path dir = scratch("readers-stdin");
    for (const Case& c : {kCases[0], kCases[9]}) {
      const std::string file = c.file;
      CAPTURE(file);
      const fs::path pdf = dir / (stem(c) + ".pdf");
      const RunResult r = run_galley("pdf - -o " + q(pdf) + " < " + q(input(c)));
      CAPTURE(r.err);
      REQUIRE(r.code == 0);
      const std::string info = run("pdfinfo " + q(pdf)).out;
      CHECK(info.find("Title:           " + std::string(c.title) + "\n") != std::string::npos);
    }
  }

  TEST_CASE("a malformed NITF or JATS file is one located error, and nothing is written") {
    const fs::path dir = scratch("readers-malformed");
    for (const char* name : {"broken.nitf", "broken.nxml"}) {
      CAPTURE(name);
      const fs::path in = dir / name, out = dir / (std::string(name) + ".pdf");
      galley::write_file_atomic(
          in, std::string("<?xml version=\"1.0\"?>\n<nitf>\n<body>\n<p>text</b>\n"));
      const RunResult r = run_galley("pdf " + q(in) + " -o " + q(out));
      CAPTURE(r.err);
      CHECK(r.code != 0);
      CHECK(r.err.find(name + std::string(":4:")) != std::string::npos);
      CHECK(r.err.find("XML is not well formed") != std::string::npos);
      CHECK(r.err.find("error:") == r.err.rfind("error:"));
      CHECK_FALSE(fs::exists(out));
    }
  }
}
