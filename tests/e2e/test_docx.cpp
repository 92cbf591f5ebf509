// DOCX articles through `galley pdf` and `galley epub`: Word documents made at test time by
// pandoc from the Markdown in tests/e2e/data/docx, some of them edited afterwards the way
// other word processors write (merged table cells, tracked changes and comments, Google Docs'
// outline levels and fonts). Title, authors, date, headings, notes and figures must reach both
// outputs, qpdf and epubcheck must find nothing wrong, and the words of pandoc's own reading of
// each file must be found in both at 99% or more.
#include "../survival/epub_text.hpp"
#include "../survival/words.hpp"
#include "book_checks.hpp"
#include "run.hpp"
#include "util/files.hpp"

#include <doctest/doctest.h>
#include <zip.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

using namespace e2e;
namespace fs = std::filesystem;

namespace {

fs::path data_dir() {
  return source_dir() / "tests/e2e/data/docx";
}

/// Replaces a part of the package `docx` with what `edit` makes of it.
void edit_part(const fs::path& docx, const std::string& part,
               const std::function<std::string(std::string)>& edit) {
  int err = 0;
  zip_t* z = zip_open(docx.c_str(), 0, &err);
  REQUIRE(z != nullptr);
  zip_stat_t st;
  REQUIRE(zip_stat(z, part.c_str(), 0, &st) == 0);
  zip_file_t* f = zip_fopen(z, part.c_str(), 0);
  REQUIRE(f != nullptr);
  std::string text(st.size, '\0');
  REQUIRE(zip_fread(f, text.data(), st.size) == static_cast<zip_int64_t>(st.size));
  zip_fclose(f);
  const std::string edited = edit(text);
  REQUIRE(edited != text);
  zip_source_t* src = zip_source_buffer(z, edited.data(), edited.size(), 0);
  REQUIRE(src != nullptr);
  REQUIRE(zip_file_add(z, part.c_str(), src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) >= 0);
  REQUIRE(zip_close(z) == 0);
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  REQUIRE(s.find(from) != std::string::npos);
  return replace_all(std::move(s), from, to);
}

std::string cell(const std::string& text, const std::string& pr = "") {
  return "<w:tc><w:tcPr>" + pr + "</w:tcPr><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:tc>";
}

/// Merged cells, which pandoc cannot write: the table of the election story, as Word saves one
/// with a district spanning two rows and a line spanning two columns.
void merge_cells(const fs::path& docx) {
  edit_part(docx, "word/document.xml", [](std::string xml) {
    const size_t begin = xml.find("<w:tbl>"), end = xml.find("</w:tbl>");
    REQUIRE(begin != std::string::npos);
    const std::string table =
        "<w:tbl><w:tblPr><w:tblLook w:firstRow=\"1\"/></w:tblPr><w:tblGrid><w:gridCol/>"
        "<w:gridCol/><w:gridCol/></w:tblGrid>"
        "<w:tr><w:trPr><w:tblHeader/></w:trPr>" +
        cell("District") + cell("Party") + cell("Seats") + "</w:tr><w:tr>" +
        cell("Northfield", "<w:vMerge w:val=\"restart\"/>") + cell("Greens") + cell("12") +
        "</w:tr><w:tr>" + cell("", "<w:vMerge/>") + cell("Liberals") + cell("9") + "</w:tr><w:tr>" +
        cell("Southmoor") + cell("Uncontested seats", "<w:gridSpan w:val=\"2\"/>") +
        "</w:tr><w:tr>" + cell("Overall", "<w:gridSpan w:val=\"2\"/>") + cell("21") +
        "</w:tr></w:tbl>";
    return xml.substr(0, begin) + table + xml.substr(end + 8);
  });
}

/// An editor's tracked changes and a comment on the library story.
void track_changes(const fs::path& docx) {
  edit_part(docx, "word/document.xml", [](std::string xml) {
    const std::string end = "current hours.</w:t></w:r>";
    return replaced(
        xml, end,
        end + "<w:ins w:id=\"901\" w:author=\"Desk\" w:date=\"2026-01-19T10:00:00Z\"><w:r><w:t "
              "xml:space=\"preserve\"> Entry stays free for everyone.</w:t></w:r></w:ins>"
              "<w:del w:id=\"902\" w:author=\"Desk\" w:date=\"2026-01-19T10:00:00Z\"><w:r>"
              "<w:delText xml:space=\"preserve\"> Entry will cost two euros.</w:delText></w:r>"
              "</w:del><w:commentRangeStart w:id=\"7\"/><w:r><w:t xml:space=\"preserve\"> "
              "Parking is free too.</w:t></w:r><w:commentRangeEnd w:id=\"7\"/><w:r>"
              "<w:commentReference w:id=\"7\"/></w:r>");
  });
  edit_part(docx, "word/comments.xml", [](std::string xml) {
    const size_t close = xml.rfind("/>");
    return xml.substr(0, close) +
           "><w:comment w:id=\"7\" w:author=\"Desk\"><w:p><w:r><w:t>Check this with the "
           "council press office</w:t></w:r></w:p></w:comment></w:comments>";
  });
}

/// Google Docs' way: headings as outline levels of ordinary paragraphs, code as a monospace
/// font rather than a character style, no title block but the Title and Subtitle paragraphs.
void as_google_docs(const fs::path& docx) {
  edit_part(docx, "word/document.xml", [](std::string xml) {
    xml = replaced(xml, "<w:pStyle w:val=\"Heading1\" />",
                   "<w:pStyle w:val=\"Normal\" /><w:outlineLvl w:val=\"0\" />");
    return replaced(xml, "<w:rStyle w:val=\"VerbatimChar\" />",
                    "<w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\" />");
  });
}

struct Case {
  const char* file; ///< the Markdown under tests/e2e/data/docx
  const char* title;
  std::vector<std::string> authors;
  const char* date; ///< "" when the document states none
  const char* lang;
  std::vector<std::string> headings;
  int notes = 0;
  std::vector<std::string> figure_alts;
  void (*edit)(const fs::path&) = nullptr;
  std::vector<std::string> absent{}; ///< text that must not reach the outputs
};

const Case kCases[] = {
    {"council-budget.md",
     "City council backs a larger transit budget",
     {"Maria Alvarez", "Tom Becker"},
     "2026-04-27",
     "en-US",
     {"What changes for riders", "Who pays", "What happens next"},
     2,
     {}},
    {"energiebericht.md",
     "Energiebericht 2026 für den Landkreis",
     {"Katrin Müller"},
     "2026-05-14",
     "de-DE",
     {"Zusammenfassung", "Ergebnisse", "Strom", "Wärme", "Ausblick"},
     0,
     {}},
    {"glaciers-fr.md",
     "Le recul des glaciers des Écrins",
     {"Élise Dubois"},
     "2026-02-19",
     "fr-FR",
     {"Une accélération récente", "Ce que disent les modèles"},
     1,
     {"Le front du glacier Blanc photographié en septembre 2025 depuis le refuge"}},
    {"sakura-ja.md",
     "東京で桜が開花、平年より五日早く",
     {"山田花子"},
     "2026-03-21",
     "ja-JP",
     {"見ごろは来週末", "花見客への呼びかけ"},
     1,
     {}},
    {"recetas-es.md",
     "Cómo preparar una tortilla de patatas",
     {"Lucía Fernández"},
     "2026-06-03",
     "es-ES",
     {"Ingredientes", "Preparación", "Consejos"},
     0,
     {}},
    {"election-results.md",
     "Turnout rises in every district",
     {"Priya Raman"},
     "2026-11-04",
     "en-GB",
     {"Counting"},
     0,
     {},
     merge_cells,
     {"placeholder"}},
    {"library-hours.md",
     "Library extends weekend opening hours",
     {"Oliver Grant"},
     "2026-01-20",
     "en",
     {"Why now", "What it costs"},
     0,
     {},
     track_changes,
     {"two euros", "press office"}},
    {"school-lunch.md",
     "Free school lunches reach 40,000 pupils",
     {},
     "",
     "en-US",
     {"How it works", "What parents say", "Next steps"},
     0,
     {},
     as_google_docs},
};

std::string stem(const Case& c) {
  return fs::path(c.file).stem().string();
}

/// The case's DOCX, made by pandoc in `dir` (from the data folder, where its pictures are).
fs::path make_docx(const Case& c, const fs::path& dir) {
  const fs::path docx = dir / (stem(c) + ".docx");
  const RunResult r = run("cd " + q(data_dir()) + " && pandoc -o " + q(docx) + " " + c.file);
  CAPTURE(r.err);
  REQUIRE(r.code == 0);
  if (c.edit)
    c.edit(docx);
  return docx;
}

/// `s` without spaces and line breaks: pdftotext breaks lines, and spaces Japanese text apart.
std::string unspaced(std::string s) {
  std::erase_if(s, [](char c) { return c == ' ' || c == '\n' || c == '\f'; });
  return s;
}

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1))
    ++n;
  return n;
}

/// The words of pandoc's plain-text reading of `docx` with a filter of the survival test
/// (body.lua: the body without pictures' alt text and notes; notes.lua: the notes alone).
std::vector<std::string> pandoc_words(const fs::path& docx, const char* filter) {
  const RunResult r = run("pandoc -t plain --wrap=none -L " +
                          q(source_dir() / "tests/survival" / filter) + " " + q(docx));
  REQUIRE(r.code == 0);
  return survival::words(r.out);
}

} // namespace

TEST_SUITE("e2e/docx") {
  TEST_CASE("DOCX articles reach the PDF and the EPUB whole") {
    const fs::path dir = scratch("docx");
    std::vector<fs::path> books;
    for (const Case& c : kCases) {
      const std::string file = c.file;
      CAPTURE(file);
      const fs::path docx = make_docx(c, dir);
      const fs::path pdf = dir / (stem(c) + ".pdf"), epub = dir / (stem(c) + ".epub");
      // The article's own date dates both outputs when SOURCE_DATE_EPOCH is not set.
      for (const fs::path& out : {pdf, epub}) {
        const std::string format = out.extension() == ".pdf" ? "pdf" : "epub";
        const RunResult r =
            run("env -u SOURCE_DATE_EPOCH " + q(std::getenv("GALLEY_BIN")) + " " + format + " " +
                q(docx) + " -o " + q(out) + (c.edit == track_changes ? "" : " --strict"));
        CAPTURE(r.err);
        REQUIRE(r.code == 0);
        if (c.edit == track_changes) {
          // One warning for the document, saying what was done with its revisions.
          CHECK(count(r.err, "warning:") == 1);
          CHECK(r.err.find("tracked changes and comments") != std::string::npos);
        } else {
          CHECK(r.err.find("warning") == std::string::npos);
        }
      }
      books.push_back(epub);

      const std::string info = run("TZ=UTC pdfinfo -isodates " + q(pdf)).out;
      CAPTURE(info);
      CHECK(info.find("Title:           " + std::string(c.title) + "\n") != std::string::npos);
      const std::string opf = run("unzip -p " + q(epub) + " EPUB/package.opf").out;
      CHECK(opf.find(">" + std::string(c.title) + "</dc:title>") != std::string::npos);
      CHECK(opf.find("<dc:language>" + std::string(c.lang) + "</dc:language>") !=
            std::string::npos);
      if (*c.date) {
        CHECK(info.find("CreationDate:    " + std::string(c.date) + "T00:00:00Z") !=
              std::string::npos);
        CHECK(opf.find("<dc:date>" + std::string(c.date)) != std::string::npos);
      } else {
        // No date from the file's creation time (pandoc wrote it into docProps/core.xml): the
        // outputs are dated at the epoch, as any undated article's are.
        CHECK(info.find("CreationDate:    1970-01-01T00:00:00Z") != std::string::npos);
      }
      for (const std::string& a : c.authors) {
        CAPTURE(a);
        CHECK(info.find(a) != std::string::npos);
        CHECK(opf.find(">" + a + "</dc:creator>") != std::string::npos);
      }
      if (c.authors.empty())
        CHECK(opf.find("</dc:creator>") == std::string::npos);

      const RunResult pdftext = run("pdftotext -enc UTF-8 " + q(pdf) + " -");
      REQUIRE(pdftext.code == 0);
      const std::string in_pdf = joined_hyphens(pdftext.out), in_epub = survival::epub_text(epub);
      const std::string xhtml = run("unzip -p " + q(epub) + " 'EPUB/*.xhtml'").out;
      for (const std::string& h : c.headings) {
        CAPTURE(h);
        CHECK(unspaced(in_pdf).find(unspaced(h)) != std::string::npos);
        CHECK(xhtml.find(">" + h + "</h") != std::string::npos);
      }
      CHECK(count(xhtml, "epub:type=\"footnote\"") == static_cast<size_t>(c.notes));
      CHECK(count(xhtml, "<figure") == c.figure_alts.size());
      for (const std::string& alt : c.figure_alts) {
        CAPTURE(alt);
        CHECK(xhtml.find("alt=\"" + alt + "\"") != std::string::npos);
        const RunResult images = run("pdfimages -list " + q(pdf));
        CHECK(count(images.out, "\n") >= 3); // two lines of heading, then one per image
      }
      for (const std::string& gone : c.absent) {
        CAPTURE(gone);
        CHECK(in_pdf.find(gone) == std::string::npos);
        CHECK(in_epub.find(gone) == std::string::npos);
      }

      const std::vector<std::string> body = pandoc_words(docx, "body.lua"),
                                     notes = pandoc_words(docx, "notes.lua");
      CHECK(body.size() > 20);
      const std::string raw = run("pdftotext -raw -enc UTF-8 " + q(pdf) + " -").out;
      std::vector<std::string> lacking;
      const survival::Share in_pdf_share =
          survival::pdf_share(body, notes, survival::words(survival::join_hyphenated_lines(in_pdf)),
                              survival::words(raw), &lacking);
      CAPTURE(lacking);
      CHECK(in_pdf_share.percent() >= 99.0);
      CAPTURE(survival::absent_from(body, notes, survival::words(in_epub)));
      CHECK(survival::share(body, notes, survival::words(in_epub)).percent() >= 99.0);

      const RunResult check = run("qpdf --check " + q(pdf));
      CAPTURE(check.out);
      CHECK(check.code == 0);
      CHECK(check.out.find("No syntax or stream encoding errors found") != std::string::npos);
    }

    check_epubs(books);
  }

  TEST_CASE("the merged cells keep their table's columns in both outputs") {
    const fs::path dir = scratch("docx-merged");
    const fs::path docx = make_docx(kCases[5], dir), epub = dir / "merged.epub";
    REQUIRE(run_galley("epub " + q(docx) + " -o " + q(epub) + " --strict").code == 0);
    const std::string xhtml = run("unzip -p " + q(epub) + " 'EPUB/*.xhtml'").out;
    const size_t table = xhtml.find("<table"), end = xhtml.find("</table>");
    REQUIRE(table != std::string::npos);
    const std::string t = xhtml.substr(table, end - table);
    CHECK(count(t, "<tr") == 5);
    CHECK(count(t, "<th ") == 3); // the header row, and nothing else
    CHECK(count(t, "<td>") + count(t, "<td/>") == 12);
    CHECK(count(t, "Northfield") == 1);
    CHECK(t.find("Uncontested seats") != std::string::npos);
  }

  TEST_CASE("a DOCX read from standard input is known by its bytes, pictures and all") {
    const fs::path dir = scratch("docx-stdin");
    const fs::path docx = make_docx(kCases[2], dir), pdf = dir / "stdin.pdf";
    const RunResult r = run_galley("pdf - -o " + q(pdf) + " --strict < " + q(docx));
    CAPTURE(r.err);
    REQUIRE(r.code == 0);
    CHECK(run("pdfinfo " + q(pdf)).out.find("Title:           " + std::string(kCases[2].title)) !=
          std::string::npos);
    CHECK(count(run("pdfimages -list " + q(pdf)).out, " jpeg ") == 1);
  }

  TEST_CASE("a corrupt DOCX is one error at the file, and nothing is written") {
    const fs::path dir = scratch("docx-corrupt");
    const fs::path docx = make_docx(kCases[0], dir);
    const std::string bytes = galley::read_file(docx).value();
    const fs::path cut = dir / "cut.docx", pdf = dir / "cut.pdf";
    galley::write_file_atomic(cut, bytes.substr(0, bytes.size() * 2 / 3));
    const RunResult r = run_galley("pdf " + q(cut) + " -o " + q(pdf));
    CAPTURE(r.err);
    CHECK(r.code == 1);
    CHECK(r.err.find(cut.string() + ": error: the DOCX file is corrupt") != std::string::npos);
    CHECK(count(r.err, "error:") == 1);
    CHECK_FALSE(fs::exists(pdf));
  }
}
