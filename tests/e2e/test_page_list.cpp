// The EPUB's page-list from the real PDF pages: `galley build --format pdf,epub` marks in the
// EPUB where each page of the PDF's articles begins. Read back from both outputs: the page-list
// has one entry per article page, and each marker stands just before the words that
// `pdftotext` finds first on that page (after the running head, which is an artifact).
#include "book_checks.hpp"
#include "run.hpp"

#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace e2e;
namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

/// Text without white space: lines are wrapped differently in the two outputs, and Chinese
/// and Japanese have no spaces to split words at.
std::string squeezed(const std::string& s) {
  std::string out;
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c))) out += c;
  return out;
}

std::string text_of(pugi::xml_node n) {
  std::string s;
  for (const pugi::xpath_node& t : n.select_nodes(".//text()")) s += t.node().value();
  return s;
}

struct Book {
  fs::path dir; ///< the unzipped EPUB
  struct Entry {
    std::string label, doc, id;
  };
  std::vector<Entry> pages;
  std::set<std::string> heads; ///< what a running head may say: publication and titles, lowercase

  explicit Book(const fs::path& epub) : dir(epub.string() + ".d") {
    run("unzip -q -o " + q(epub) + " -d " + q(dir));
    pugi::xml_document nav;
    REQUIRE(nav.load_file((dir / "EPUB/nav.xhtml").c_str()));
    for (auto a : nav.select_nodes("//*[@epub:type='page-list']//a")) {
      std::string href = a.node().attribute("href").value();
      auto hash = href.find('#');
      pages.push_back({a.node().child_value(), href.substr(0, hash), href.substr(hash + 1)});
    }
    for (const auto& e : fs::directory_iterator(dir / "EPUB")) {
      if (e.path().extension() != ".xhtml") continue;
      pugi::xml_document d;
      d.load_file(e.path().c_str());
      for (auto n : d.select_nodes("//*[local-name()='h1' or @class='publication']"))
        heads.insert(lower(text_of(n.node())));
    }
  }

  /// The text after the marker with this id, note markers left out; `title` is set to the
  /// article's title when the marker stands in its opening (its header).
  std::string text_after(const Entry& e, std::string& title) const {
    pugi::xml_document d;
    REQUIRE(d.load_file((dir / "EPUB" / e.doc).c_str()));
    pugi::xml_node marker = d.select_node(("//*[@id='" + e.id + "']").c_str()).node();
    REQUIRE(marker);
    CHECK(std::string(marker.attribute("epub:type").value()) == "pagebreak");
    CHECK(std::string(marker.attribute("role").value()) == "doc-pagebreak");
    CHECK(std::string(marker.attribute("aria-label").value()) == e.label);
    if (std::string(marker.parent().parent().name()) == "header")
      title = text_of(marker.parent().parent().child("h1"));
    std::string text;
    for (pugi::xml_node n = marker; n && text.size() < 400;) {
      if (n.type() == pugi::node_pcdata) text += std::string(n.value()) + " ";
      const bool skip = std::string(n.attribute("class").value()) == "noteref";
      if (!skip && n.first_child()) {
        n = n.first_child();
        continue;
      }
      while (n && !n.next_sibling()) n = n.parent();
      if (n) n = n.next_sibling();
    }
    return text;
  }
};

/// A page's text from `pdftotext`, without its running head (the first line, on every page but
/// an article's first: `opening`) and without list numbers and bullets that start it (the
/// EPUB's come from CSS).
std::string pdf_page_text(const fs::path& pdf, const std::string& page, const Book& book,
                          bool opening) {
  std::istringstream in(run("pdftotext -f " + page + " -l " + page + " " + q(pdf) + " -").out);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!squeezed(line).empty()) lines.push_back(line);
  if (!opening && !lines.empty() && book.heads.count(lower(lines.front())) > 0)
    lines.erase(lines.begin());
  std::istringstream words(lines.empty() ? std::string() : lines.front());
  std::string first;
  words >> first;
  const bool label = first == "\u2022" || first == "\u2013" || first == "\u25E6" ||
                     (!first.empty() && first.back() == '.' &&
                      std::all_of(first.begin(), first.end() - 1, ::isdigit) && first.size() > 1);
  if (label) lines.front().erase(0, lines.front().find(first) + first.size());
  std::string text;
  for (const std::string& l : lines) text += l + "\n";
  return text;
}

int pdf_pages(const fs::path& pdf) {
  std::string info = run("pdfinfo " + q(pdf)).out;
  auto at = info.find("Pages:");
  return at == std::string::npos ? 0 : std::stoi(info.substr(at + 6));
}

/// Every page-list entry's marker is followed by the text its PDF page begins with: the first
/// 24 bytes of both, spaces squeezed out.
void check_markers(const fs::path& pdf, const Book& book) {
  for (const Book::Entry& e : book.pages) {
    CAPTURE(e.label);
    std::string title;
    const std::string epub = squeezed(book.text_after(e, title));
    const std::string page = squeezed(pdf_page_text(pdf, e.label, book, !title.empty()));
    CAPTURE(epub.substr(0, 80));
    CAPTURE(page.substr(0, 80));
    if (!title.empty()) {
      // An article's first page: the marker opens the article, before its title (after the
      // publication's name at most), and the page shows the title.
      CHECK(epub.find(squeezed(title)) < 40);
      CHECK(lower(page).find(lower(squeezed(title))) != std::string::npos);
      continue;
    }
    REQUIRE(epub.size() >= 24);
    CHECK(page.compare(0, 24, epub, 0, 24) == 0);
  }
}

} // namespace

TEST_SUITE("e2e/page-list") {
  TEST_CASE("the example issue: one marker per article page, before the page's first words") {
    const fs::path dir = scratch("page-list-issue");
    const RunResult r = run_galley("build " + q(source_dir() / "examples/quantum-dispatch/issue.yaml") +
                                   " -o " + q(dir) + " -q");
    REQUIRE(r.code == 0);
    const fs::path pdf = dir / "issue.pdf", epub = dir / "issue.epub";
    const Book book(epub);
    const int pages = pdf_pages(pdf);
    REQUIRE(!book.pages.empty());
    // The articles' pages, in order, to the last page; the page before them is the contents.
    const int first = std::stoi(book.pages.front().label);
    CHECK(static_cast<int>(book.pages.size()) == pages - first + 1);
    for (std::size_t i = 0; i < book.pages.size(); ++i)
      CHECK(book.pages[i].label == std::to_string(first + static_cast<int>(i)));
    CHECK(run("pdftotext -f " + std::to_string(first - 1) + " -l " + std::to_string(first - 1) +
              " " + q(pdf) + " -")
              .out.find("Contents") != std::string::npos);
    check_markers(pdf, book);

    // The package names the PDF edition as the pages' source (EPUB 3.3, source-of), and says
    // what a reader gains.
    const std::string opf = run("unzip -p " + q(epub) + " EPUB/package.opf").out;
    CHECK(opf.find("<dc:source id=\"print-source\">urn:uuid:") != std::string::npos);
    CHECK(opf.find("<meta refines=\"#print-source\" property=\"source-of\">pagination</meta>") !=
          std::string::npos);
    CHECK(opf.find(">pageBreakMarkers<") != std::string::npos);
    CHECK(opf.find(">pageNavigation<") != std::string::npos);
    // The PDF's document id is the UUID dc:source names.
    const std::string marker = "<dc:source id=\"print-source\">urn:uuid:";
    const std::string source = opf.substr(opf.find(marker) + marker.size(), 36);
    CHECK(run("qpdf --qdf --object-streams=disable " + q(pdf) + " -").out.find("uuid:" + source) !=
          std::string::npos);
    check_epubs({epub});
  }

  TEST_CASE("articles written elsewhere: lists, code, notes and Japanese across pages") {
    const fs::path dir = scratch("page-list-corpus");
    for (const char* file : {"hugo/release-notes-0-9.md", "pandoc/attributes-tutorial.md",
                             "github/README-photosort.md", "github/CHANGELOG.md",
                             "hexo/ja-kamogawa-sanpo.md"}) {
      CAPTURE(file);
      const fs::path out = dir / fs::path(file).stem();
      REQUIRE(run_galley("build " + q(source_dir() / "tests/corpus/markdown" / file) + " -o " +
                         q(out) + " -q")
                  .code == 0);
      const std::string stem = fs::path(file).stem().string();
      const Book book(out / (stem + ".epub"));
      CHECK(static_cast<int>(book.pages.size()) == pdf_pages(out / (stem + ".pdf")));
      check_markers(out / (stem + ".pdf"), book);
    }
  }

  TEST_CASE("no page-list without the PDF, or when asked for none") {
    const fs::path dir = scratch("page-list-none");
    const fs::path article = source_dir() / "examples/quantum-dispatch/microsoft-openai.md";
    REQUIRE(run_galley("build " + q(article) + " --format epub -o " + q(dir / "epub") + " -q").code == 0);
    REQUIRE(run_galley("build " + q(article) + " --no-page-list -o " + q(dir / "both") + " -q").code == 0);
    for (const fs::path& epub : {dir / "epub/microsoft-openai.epub", dir / "both/microsoft-openai.epub"}) {
      CAPTURE(epub);
      const std::string all = run("unzip -p " + q(epub)).out;
      CHECK(all.find("pagebreak") == std::string::npos);
      CHECK(all.find("page-list") == std::string::npos);
      CHECK(all.find("dc:source") == std::string::npos);
    }
    REQUIRE(run_galley("build " + q(article) + " -o " + q(dir / "list") + " -q").code == 0);
    CHECK(run("unzip -p " + q(dir / "list/microsoft-openai.epub")).out.find("doc-pagebreak") !=
          std::string::npos);
  }
}
