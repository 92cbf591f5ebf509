// One article in each of thirteen languages (tests/e2e/data/scripts/, written as their
// newsrooms write: own punctuation, one bold and one italic phrase each), each through
// `galley pdf` and `galley epub` under --strict. Every paragraph must be drawn and read back
// as written, the EPUB must carry the article's language and direction, Cyrillic, Greek and
// Romance body text must be hyphenated, and Russian must be spaced nearly like English.
#include "book_checks.hpp"
#include "pages.hpp"
#include "run.hpp"
#include "util/files.hpp"
#include "util/text_utils.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

using namespace e2e;
namespace fs = std::filesystem;

namespace {

struct Language {
  const char* code;
  bool rtl = false;
  bool spaced = true; ///< words are separated by spaces (not Chinese, Japanese, Thai)
};

const Language kLanguages[] = {
    {"ja", false, false}, {"zh", false, false}, {"ko"}, {"ru"}, {"el"}, {"uk"}, {"ar", true},
    {"he", true},         {"hi"},               {"th", false, false}, {"es"}, {"it"}, {"en"}};

fs::path article(const Language& l) {
  return source_dir() / "tests/e2e/data/scripts" / (std::string(l.code) + ".md");
}

/// The article's paragraphs and headings as a reader sees them: the lines after the front
/// matter, without the heading marks and the emphasis stars.
std::vector<std::string> paragraphs(const fs::path& md) {
  std::istringstream in(galley::read_file(md).value_or(""));
  std::string line;
  std::vector<std::string> out;
  int fences = 0;
  while (std::getline(in, line)) {
    if (line == "---") {
      ++fences;
      continue;
    }
    if (fences < 2 || line.empty())
      continue;
    if (line.rfind("## ", 0) == 0)
      line = line.substr(3);
    out.push_back(replace_all(line, "*", ""));
  }
  return out;
}

/// Text with bidi marks removed and white space collapsed to single spaces.
std::string collapsed(const std::string& text) {
  std::string s = text;
  for (const char* mark : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u200E", "\u200F"})
    s = replace_all(s, mark, "");
  return galley::collapse_spaces(s);
}

/// pdftotext's text of a PDF, with the page number between a paragraph's last line on one page
/// and its first on the next taken out, and the words a line break hyphenated joined again:
/// their hyphen is a soft hyphen, U+00AD (PDF 32000-1 14.8.2.2.3), which tells them apart from
/// the text's own.
std::string pdf_text(const fs::path& pdf) {
  const RunResult r = run("pdftotext -enc UTF-8 " + q(pdf) + " -");
  REQUIRE(r.code == 0);
  static const std::regex folio("\n+[0-9]+\n+\f");
  return joined_hyphens(std::regex_replace(r.out, folio, "\n"));
}

/// Words of a right-to-left text, without its sentence punctuation: pdftotext moves the
/// punctuation of a right-to-left line to the other end.
std::string rtl_words(const std::string& text) {
  std::string s = collapsed(text);
  for (const char* mark : {".", ",", ":", "!", "\u060C", "\u061B", "\u061F", "?", "\u05BE"})
    s = replace_all(s, mark, " ");
  return collapsed(s);
}

/// The lines that end with the soft hyphen of a word the line break split.
int hyphenated_lines(const fs::path& pdf) {
  const RunResult r = run("pdftotext -raw -enc UTF-8 " + q(pdf) + " -");
  int count = 0;
  for (size_t at = r.out.find("\u00AD\n"); at != std::string::npos;
       at = r.out.find("\u00AD\n", at + 1))
    ++count;
  return count;
}

} // namespace

TEST_SUITE("e2e/languages") {
  TEST_CASE("an article in each language is drawn, reads back as written, and keeps its language") {
    const fs::path dir = scratch("languages");
    for (const Language& l : kLanguages) {
      CAPTURE(l.code);
      const fs::path source = article(l);
      const fs::path pdf = dir / (std::string(l.code) + ".pdf");
      RunResult r = run_galley("pdf " + q(source) + " -o " + q(pdf) + " --strict");
      CAPTURE(r.err);
      REQUIRE(r.code == 0);
      CHECK(r.err.find("warning") == std::string::npos);

      // Drawn: ink inside every line pdftotext finds, at least a pixel per four points of the
      // line's width (set lines have one or more per point; the grey byline half of that).
      const std::vector<TextLine> lines = text_lines(pdf);
      REQUIRE(lines.size() > 5);
      const std::vector<int> ink = ink_in(pdf, lines);
      for (std::size_t i = 0; i < ink.size(); ++i) {
        CAPTURE(i);
        CHECK(ink[i] > (lines[i].box.x1 - lines[i].box.x0) / 4);
      }

      // Read back: each paragraph and heading, line breaks aside.
      const std::string text = pdf_text(pdf);
      CHECK(text.find("\uFFFD") == std::string::npos);
      for (const std::string& p : paragraphs(source)) {
        CAPTURE(p);
        if (l.rtl)
          CHECK(rtl_words(text).find(rtl_words(p)) != std::string::npos);
        else if (l.spaced)
          CHECK(collapsed(text).find(collapsed(p)) != std::string::npos);
        else
          CHECK(without_spaces(text).find(without_spaces(p)) != std::string::npos);
      }
    }
  }

  TEST_CASE("Chinese, Japanese and Korean are set in their own face, italics upright") {
    const fs::path dir = scratch("languages-cjk");
    for (const auto& [code, face] : {std::pair{"ja", "CJKjp"}, {"zh", "CJKsc"}, {"ko", "CJKkr"}}) {
      CAPTURE(code);
      const fs::path pdf = dir / (std::string(code) + ".pdf");
      REQUIRE(run_galley("pdf " + q(article({code})) + " -o " + q(pdf)).code == 0);
      const std::string fonts = run("pdffonts " + q(pdf)).out;
      CAPTURE(fonts);
      // The body is a serif: its ideographs are Noto Serif CJK, in the language's own forms;
      // the bold phrase is its bold; the italic phrase has no CJK italic to use and is upright.
      CHECK(fonts.find(std::string("NotoSerif") + face + "-Regular") != std::string::npos);
      CHECK(fonts.find(std::string("NotoSerif") + face + "-Bold") != std::string::npos);
      for (const char* other : {"CJKjp", "CJKsc", "CJKkr", "CJKtc"})
        if (std::string(other) != face)
          CHECK(fonts.find(other) == std::string::npos);
      CHECK(fonts.find("Italic") == std::string::npos);
      // No slanted text matrix anywhere: every Tm is 1 0 0 1 x y.
      const std::string content = run("qpdf --qdf --object-streams=disable " + q(pdf) + " -").out;
      for (size_t at = content.find(" Tm\n"); at != std::string::npos; at = content.find(" Tm\n", at + 1)) {
        const size_t start = content.rfind('\n', at) + 1;
        CHECK(content.compare(start, 8, "1 0 0 1 ") == 0);
      }
    }
  }

  TEST_CASE("Russian, Greek, Spanish and Italian are hyphenated, and Russian is spaced like English") {
    const fs::path dir = scratch("languages-spacing");
    std::vector<double> p95;
    for (const char* code : {"ru", "el", "es", "it", "en"}) {
      CAPTURE(code);
      const fs::path pdf = dir / (std::string(code) + ".pdf");
      REQUIRE(run_galley("pdf " + q(article({code})) + " -o " + q(pdf)).code == 0);
      if (std::string(code) != "en")
        CHECK(hyphenated_lines(pdf) >= 1);
      const std::vector<double> gaps = justified_gaps(text_lines(pdf));
      REQUIRE(gaps.size() > 50);
      p95.push_back(percentile(gaps, 0.95));
    }
    const double russian = p95.front(), english = p95.back();
    CAPTURE(russian);
    CAPTURE(english);
    // Within 10% of English at the 95th percentile: 7.8% (3.78 pt against 3.51 pt), with
    // Russian's own limit of four hyphenated lines in a row (text::consecutive_hyphens); it
    // was 10.3% with English's two, which Russian's long words feel more. Gentium Plus's space
    // is itself 10% wider than EB Garamond's.
    CHECK(russian <= english * 1.10);
    CHECK(russian >= english * 0.90);
  }

  TEST_CASE("the EPUB of each article says its language and direction") {
    const fs::path dir = scratch("languages-epub");
    for (const Language& l : kLanguages) {
      CAPTURE(l.code);
      const fs::path epub = dir / (std::string(l.code) + ".epub");
      REQUIRE(run_galley("epub " + q(article(l)) + " -o " + q(epub) + " --strict").code == 0);
      const std::string opf = run("unzip -p " + q(epub) + " EPUB/package.opf").out;
      const std::string xhtml = run("unzip -p " + q(epub) + " EPUB/article-001.xhtml").out;
      const std::string lang = l.code == std::string("zh") ? "zh-Hans" : l.code;
      CHECK(opf.find("<dc:language>" + lang + "</dc:language>") != std::string::npos);
      CHECK(xhtml.find("lang=\"" + lang + "\"") != std::string::npos);
      CHECK(xhtml.find(std::string("dir=\"") + (l.rtl ? "rtl" : "ltr") + "\"") != std::string::npos);
      CHECK((opf.find("page-progression-direction=\"rtl\"") != std::string::npos) == l.rtl);
      for (const std::string& p : paragraphs(article(l))) {
        // The paragraph's first words reach the document (emphasis splits the rest into elements).
        const std::string start = p.substr(0, std::min<size_t>(p.size(), 12));
        CHECK_MESSAGE(xhtml.find(start) != std::string::npos, start);
      }
    }
    // epubcheck on the two right-to-left books and one CJK book: the checks above are the same
    // for every language.
    check_epubs({dir / "ar.epub", dir / "he.epub", dir / "ja.epub"});
  }
}
