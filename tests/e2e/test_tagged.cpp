// Tagged PDF (PDF 32000-1 14.7-14.8, ISO 14289-1): the structure tree read back with
// `pdfinfo -struct-text` from the example article and issue. It must say what the article says,
// in order: the title as H1, each `##` heading as H2 with its text, each figure with its
// alternative text, note markers as References and the notes as Notes; the running heads and
// folios must stay out of it (artifacts).
#include "run.hpp"

#include "util/files.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

using namespace e2e;
namespace fs = std::filesystem;

namespace {

fs::path example(const char* name) {
  return source_dir() / "examples/quantum-dispatch" / name;
}

/// The struct-text as (type, text) pairs, in order: an element's text is the quoted lines
/// indented one step under it (a paragraph's text goes on after a Reference inside it).
struct Element {
  std::string type;
  std::string text;
};

std::vector<Element> structure(const fs::path& pdf) {
  std::istringstream in(run("pdfinfo -struct-text " + q(pdf)).out);
  std::vector<Element> out;
  // "Note <note-000001> (inline)": an element, its ID if it has one, its kind.
  const std::regex element(R"(^(\s*)([A-Za-z][A-Za-z0-9]*)( <[^>]*>)?( \((block|inline)\))?$)");
  const std::regex text(R"#(^(\s*)"(.*)"$)#");
  std::vector<std::pair<std::size_t, std::size_t>> open; // indent, index into out
  std::smatch m;
  for (std::string line; std::getline(in, line);) {
    if (std::regex_match(line, m, element)) {
      while (!open.empty() && open.back().first >= static_cast<std::size_t>(m[1].length()))
        open.pop_back();
      open.emplace_back(static_cast<std::size_t>(m[1].length()), out.size());
      out.push_back({m[2], ""});
    } else if (std::regex_match(line, m, text)) {
      while (!open.empty() && open.back().first >= static_cast<std::size_t>(m[1].length()))
        open.pop_back();
      if (!open.empty())
        out[open.back().second].text += m[2].str();
    }
  }
  return out;
}

std::string without_spaces(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

fs::path make(const char* input, const char* name) {
  const fs::path pdf = scratch(std::string("tagged-") + name) / name;
  const RunResult r = run_galley("pdf " + q(example(input)) + " -o " + q(pdf));
  CAPTURE(r.err);
  REQUIRE(r.code == 0);
  CHECK(run("pdfinfo " + q(pdf)).out.find("Tagged:          yes") != std::string::npos);
  CHECK(run("qpdf --check " + q(pdf)).code == 0);
  return pdf;
}

std::size_t count(const std::vector<Element>& elements, const std::string& type) {
  return static_cast<std::size_t>(std::count_if(elements.begin(), elements.end(),
                                                [&](const Element& e) { return e.type == type; }));
}

} // namespace

TEST_SUITE("e2e/tagged") {
  TEST_CASE("the example article's structure tree says what the article says, in order") {
    const fs::path pdf = make("microsoft-openai.md", "article.pdf");
    const std::vector<Element> tree = structure(pdf);
    REQUIRE(tree.size() > 10);
    CHECK(tree[0].type == "Document");
    CHECK(tree[1].type == "Art");
    // Headings: the title, then the article's `##` lines, in order (pdfinfo joins the lines of
    // a wrapped heading without a space, so spaces are not compared).
    std::vector<std::string> want{"Microsoft and OpenAI Enter the Next Phase"};
    std::istringstream md(galley::read_file(example("microsoft-openai.md")).value_or(""));
    for (std::string line; std::getline(md, line);)
      if (line.rfind("## ", 0) == 0)
        want.push_back(line.substr(3));
    std::vector<std::string> got, levels;
    for (const Element& e : tree)
      if (e.type.size() == 2 && e.type[0] == 'H') {
        got.push_back(without_spaces(e.text));
        levels.push_back(e.type);
      }
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i)
      CHECK(got[i] == without_spaces(want[i]));
    CHECK(levels.front() == "H1");
    CHECK(std::count(levels.begin(), levels.end(), "H2") == static_cast<long>(want.size() - 1));
    // Figures carry their alternative text; the lead image's credit is its caption.
    CHECK(count(tree, "Figure") >= 1);
    const fs::path qdf = pdf.parent_path() / "article.qdf";
    REQUIRE(run("qpdf --qdf --object-streams=disable " + q(pdf) + " " + q(qdf)).code == 0);
    const std::string body = galley::read_file(qdf).value_or("");
    // The alt text has an em dash, so it is written in UTF-16 (7.9.2.2): find its ASCII start.
    std::string utf16 = "/Alt <feff";
    for (char c : std::string("Cover illustration for Microsoft and OpenAI Enter the Next Phase")) {
      char hex[5];
      std::snprintf(hex, sizeof hex, "%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
      utf16 += hex;
    }
    CHECK(body.find(utf16) != std::string::npos);
    CHECK(std::find_if(tree.begin(), tree.end(), [](const Element& e) {
            return e.type == "Caption" && e.text == "Illustration by The Quantum Dispatch";
          }) != tree.end());
    // Each note marker is a Reference holding the Link to its note, the note's number; each
    // note a Note that starts with the Link back, its number, then its text. Every link
    // annotation sits in its Link element (an OBJR, "Object N 0" in pdfinfo's listing).
    std::size_t references = 0, notes = 0;
    for (std::size_t i = 0; i + 1 < tree.size(); ++i) {
      if (tree[i].type == "Reference") {
        ++references;
        CHECK(tree[i + 1].type == "Link");
        CHECK(std::regex_match(tree[i + 1].text, std::regex("[0-9]+")));
      } else if (tree[i].type == "Note") {
        // A cited note's number is its Link back (a note set again on a later page, in its
        // short form, is one Note with the content of both places); a listed source's number
        // is its own text.
        ++notes;
        CAPTURE(tree[i].text);
        const bool linked = tree[i + 1].type == "Link" &&
                            std::regex_match(tree[i + 1].text, std::regex("([0-9]+\\.)+"));
        CHECK((linked || std::regex_search(tree[i].text, std::regex("^[0-9]+\\."))));
        CHECK(tree[i].text.size() > 10);
      }
    }
    CHECK(references >= 6);
    CHECK(notes >= 6);
    const std::string listing = run("pdfinfo -struct " + q(pdf)).out;
    std::size_t objects = 0;
    for (std::size_t at = listing.find("Object "); at != std::string::npos;
         at = listing.find("Object ", at + 1))
      ++objects;
    CHECK(objects >= references + notes);
    // Running heads and folios are artifacts: page 2's first line (the running head) and last
    // (its folio) are no element's text; a bare number is only ever a note's Reference.
    std::istringstream page2(run("pdftotext -f 2 -l 2 " + q(pdf) + " -").out);
    std::vector<std::string> lines;
    for (std::string line; std::getline(page2, line);)
      if (!line.empty() && line != "\f")
        lines.push_back(line);
    REQUIRE(lines.size() > 2);
    CHECK(lines.front() == "The Quantum Dispatch");
    CHECK(lines.back() == "2");
    for (const Element& e : tree) {
      CAPTURE(e.type);
      CHECK(e.text != lines.front());
      if (e.type != "Link")
        CHECK_FALSE(std::regex_match(e.text, std::regex("[0-9]+")));
    }
  }

  TEST_CASE("heading elements go down one level at a time, whatever levels the Markdown skips") {
    const fs::path dir = scratch("tagged-levels");
    galley::write_file_atomic(
        dir / "levels.md",
        "---\ntitle: Levels\n---\n\n### Deep first\n\nText.\n\n##### Deeper\n\nText.\n\n"
        "# Back up\n\nText.\n\n## Under it\n\nText.\n");
    const RunResult r = run_galley("pdf " + q(dir / "levels.md") + " -o " + q(dir / "levels.pdf"));
    CAPTURE(r.err);
    REQUIRE(r.code == 0);
    std::string levels;
    for (const Element& e : structure(dir / "levels.pdf"))
      if (e.type.size() == 2 && e.type[0] == 'H')
        levels += e.type + " ";
    CHECK(levels == "H1 H2 H3 H2 H3 ");
  }

  TEST_CASE("the example issue has one Art per article under one Document") {
    const fs::path pdf = make("issue.yaml", "issue.pdf");
    const std::vector<Element> tree = structure(pdf);
    REQUIRE(!tree.empty());
    CHECK(count(tree, "Document") == 1);
    std::istringstream manifest(galley::read_file(example("issue.yaml")).value_or(""));
    std::size_t articles = 0;
    for (std::string line; std::getline(manifest, line);)
      if (std::regex_search(line, std::regex(R"(^\s+- .*\.(md|xml)\s*$)")))
        ++articles;
    CHECK(count(tree, "Art") == articles);
    // The cover: its picture a Figure, its masthead a paragraph naming the issue.
    REQUIRE(tree.size() > 3);
    CHECK(tree[1].type == "Figure");
    CHECK(tree[2].type == "P");
    CHECK(tree[2].text.find("Edited by Iris Okafor") != std::string::npos);
    // The contents page: its heading, then a TOC with one TOCI per article, each a Link whose
    // text ends with the article's page number.
    CHECK(count(tree, "H1") == articles + 1);
    CHECK(count(tree, "TOC") == 1);
    CHECK(count(tree, "TOCI") == articles);
    for (std::size_t i = 0; i + 1 < tree.size(); ++i)
      if (tree[i].type == "TOCI") {
        CHECK(tree[i + 1].type == "Link");
        CHECK(std::regex_search(tree[i + 1].text, std::regex("[A-Za-z].*[0-9]+$")));
      }
  }

  TEST_CASE("a hyphen a line break inserted reads as a soft hyphen, the text's own as a hyphen") {
    // PDF 32000-1 14.8.2.2.3: in Tagged PDF an incidental word division is a soft hyphen
    // (U+00AD), so that search and read-aloud join the word; the text's own hyphens stay U+002D.
    const fs::path pdf = make("microsoft-openai.md", "hyphens.pdf");
    const std::string raw = run("pdftotext -raw -enc UTF-8 " + q(pdf) + " -").out;
    std::size_t soft = 0;
    for (std::size_t at = raw.find("\u00AD\n"); at != std::string::npos;
         at = raw.find("\u00AD\n", at + 1))
      ++soft;
    CHECK(soft >= 3);
    CHECK(raw.find("-\n") == std::string::npos); // no source line ends with a hyphen
    CHECK(raw.find("revenue-share") != std::string::npos);
  }

  TEST_CASE("a passage in another language is a Span with its Lang; every Note has an ID") {
    const fs::path dir = scratch("tagged-lang");
    const fs::path md = dir / "passages.md";
    galley::write_file_atomic(md, "---\ntitle: Words from elsewhere\nlang: en\n---\n\n"
                                  "The French say <span lang=\"fr\">la vie est belle</span>, the "
                                  "Germans <span lang=\"de\">das Leben ist schön</span>.[^a] "
                                  "And <span lang=\"en\">this</span> is English.[^b]\n\n"
                                  "[^a]: A note.\n[^b]: Another.\n");
    const fs::path pdf = dir / "passages.pdf";
    REQUIRE(run_galley("pdf " + q(md) + " -o " + q(pdf)).code == 0);
    const std::vector<Element> tree = structure(pdf);
    std::vector<std::string> spans;
    for (const Element& e : tree)
      if (e.type == "Span") spans.push_back(e.text);
    CHECK(spans == std::vector<std::string>{"la vie est belle", "das Leben ist schön"});
    const std::string file = run("qpdf --qdf --object-streams=disable " + q(pdf) + " -").out;
    CHECK(file.find("/Lang (fr)") != std::string::npos);
    CHECK(file.find("/Lang (de)") != std::string::npos);
    // ISO 14289-1 7.9: each Note has an ID, found through the structure tree's IDTree.
    const std::string text = run("pdfinfo -struct-text " + q(pdf)).out;
    CHECK(text.find("Note <note-000001>") != std::string::npos);
    CHECK(text.find("Note <note-000002>") != std::string::npos);
    CHECK(file.find("/IDTree") != std::string::npos);
  }
}

