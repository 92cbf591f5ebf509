#include "book_checks.hpp"

#include "run.hpp"
#include "words.hpp"

#include "util/text_utils.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <regex>
#include <set>

namespace fs = std::filesystem;

namespace e2e {

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

} // namespace

std::string without_spaces(std::string s) {
  s.erase(
      std::remove_if(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\n' || c == '\f'; }),
      s.end());
  return s;
}

std::string epub_text(const fs::path& epub) {
  const RunResult r = run("unzip -p " + q(epub) + " 'EPUB/*.xhtml'");
  REQUIRE(r.code == 0);
  std::string text = std::regex_replace(r.out, std::regex("<[^>]*>"), " ");
  for (auto [from, to] : {std::pair{"&lt;", "<"},
                          {"&gt;", ">"},
                          {"&quot;", "\""},
                          {"&#39;", "'"},
                          {"&apos;", "'"},
                          {"&amp;", "&"}})
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + 1))
      text.replace(at, std::string(from).size(), to);
  return galley::collapse_spaces(text);
}

fs::path check_books(const fs::path& input, const std::string& stem, const fs::path& dir,
                     const Expected& e) {
  const fs::path pdf = dir / (stem + ".pdf"), epub = dir / (stem + ".epub");
  for (const fs::path& out : {pdf, epub}) {
    const std::string format = out.extension() == ".pdf" ? "pdf" : "epub";
    // The article's own date dates both outputs when SOURCE_DATE_EPOCH is not set.
    const RunResult r = run((e.date.empty() ? "" : "env -u SOURCE_DATE_EPOCH ") +
                            q(std::getenv("GALLEY_BIN")) + " " + format + " " + q(input) + " -o " +
                            q(out) + (e.remote_images == 0 ? " --strict" : ""));
    CAPTURE(r.err);
    REQUIRE(r.code == 0);
    const std::size_t warnings = count(r.err, "warning:");
    CHECK((warnings > 0) == (e.remote_images > 0));
    CHECK(count(r.err, "' is a remote URL") + count(r.err, "' is not fetched") == warnings);
  }

  const std::string info = run("TZ=UTC pdfinfo -isodates " + q(pdf)).out;
  CAPTURE(info);
  CHECK(info.find("Title:           " + e.title + "\n") != std::string::npos);
  const std::string opf = run("unzip -p " + q(epub) + " EPUB/package.opf").out;
  CHECK(opf.find(">" + e.title + "</dc:title>") != std::string::npos);
  if (!e.date.empty()) {
    CHECK(info.find("CreationDate:    " + e.date + "T00:00:00Z") != std::string::npos);
    CHECK(opf.find("<dc:date>" + e.date) != std::string::npos);
  }
  CHECK(opf.find("<dc:language>" + e.lang + "</dc:language>") != std::string::npos);
  for (const std::string& a : e.authors) {
    CAPTURE(a);
    CHECK(info.find(a) != std::string::npos);
    CHECK(opf.find(">" + a + "</dc:creator>") != std::string::npos);
  }
  CHECK(count(opf, "</dc:creator>") == e.authors.size());

  const RunResult pdftext = run("pdftotext -enc UTF-8 " + q(pdf) + " -");
  REQUIRE(pdftext.code == 0);
  const std::string in_pdf = without_spaces(joined_hyphens(pdftext.out));
  const std::string in_epub = without_spaces(epub_text(epub));
  for (const std::string& h : e.headings) {
    CAPTURE(h);
    CHECK(in_pdf.find(without_spaces(h)) != std::string::npos);
    CHECK(in_epub.find(without_spaces(h)) != std::string::npos);
  }
  for (const std::string& a : e.absent) {
    CAPTURE(a);
    CHECK(in_pdf.find(without_spaces(a)) == std::string::npos);
    CHECK(in_epub.find(without_spaces(a)) == std::string::npos);
  }

  const std::string xhtml = run("unzip -p " + q(epub) + " 'EPUB/*.xhtml'").out;
  CHECK(count(xhtml, "epub:type=\"footnote\"") == static_cast<std::size_t>(e.notes));
  CHECK(count(xhtml, "<figure") == static_cast<std::size_t>(e.figures));
  const RunResult images = run("pdfimages -list " + q(pdf) + " | tail -n +3 | wc -l");
  CHECK(std::atoi(images.out.c_str()) == e.pictures);

  const RunResult check = run("qpdf --check " + q(pdf));
  CAPTURE(check.out);
  CHECK(check.code == 0);
  CHECK(check.out.find("No syntax or stream encoding errors found") != std::string::npos);
  return epub;
}

void check_epubs(const std::vector<fs::path>& books, int warnings) {
  std::string cmd = kEpubcheckBatch;
  for (const fs::path& b : books)
    cmd += " " + q(b);
  const RunResult check = run(cmd + " 2>&1");
  CAPTURE(check.out);
  CHECK(check.code == 0);
  for (const fs::path& b : books) {
    CAPTURE(b);
    CHECK(check.out.find("verdict: " + b.string() + ": 0 fatals / 0 errors / " +
                         std::to_string(warnings) + " warnings") != std::string::npos);
  }
}

Survival survival(const std::string& reference, const std::string& notes, const fs::path& pdf,
                  const fs::path& epub) {
  const std::vector<std::string> body = ::survival::words(reference);
  const std::vector<std::string> note_words = ::survival::words(notes);
  const RunResult text = run("pdftotext -enc UTF-8 -nopgbrk " + q(pdf) + " -");
  const RunResult raw = run("pdftotext -raw -enc UTF-8 -nopgbrk " + q(pdf) + " -");
  REQUIRE(text.code == 0);
  REQUIRE(raw.code == 0);
  const std::size_t total = body.size() + note_words.size();
  auto share = [&](const std::vector<std::string>& in, const std::vector<std::string>& also) {
    std::size_t found =
        ::survival::matched_in_order(body, in) + ::survival::matched_in_order(note_words, in);
    std::multiset<std::string> have(in.begin(), in.end()), in_also(also.begin(), also.end());
    for (const auto* part : {&body, &note_words})
      for (const std::string& w : *part) {
        if (auto it = have.find(w); it != have.end()) {
          have.erase(it);
        } else if (auto a = in_also.find(w); a != in_also.end() && found < total) {
          in_also.erase(a);
          ++found;
        }
      }
    return total == 0 ? 100.0 : 100.0 * static_cast<double>(found) / static_cast<double>(total);
  };
  // An article's worth of words, not an empty reading (a short software note has some fifty).
  CHECK(body.size() > 40);
  // pdftotext reads a note's number, set as a superscript after a word, as part of the word
  // ("values1", "compiles.1", "[2].1"): a word the reference lacks is parted from a number of one
  // or two digits at its end when what stands before the number is a word of the reference.
  const std::set<std::string> known = [&] {
    std::set<std::string> all(body.begin(), body.end());
    all.insert(note_words.begin(), note_words.end());
    return all;
  }();
  auto pdf_words = [&](const std::string& t) {
    std::vector<std::string> out;
    for (std::string& w : ::survival::words(::survival::join_hyphenated_lines(t))) {
      const std::size_t digits = w.size() - w.find_last_not_of("0123456789") - 1;
      if (!known.count(w) && digits >= 1 && digits <= 2 && digits < w.size()) {
        const std::vector<std::string> before = ::survival::words(w.substr(0, w.size() - digits));
        if (before.size() == 1 && known.count(before.front())) {
          out.push_back(before.front());
          out.push_back(w.substr(w.size() - digits));
          continue;
        }
      }
      out.push_back(std::move(w));
    }
    return out;
  };
  return {share(pdf_words(text.out), pdf_words(raw.out)),
          share(::survival::words(epub_text(epub)), {})};
}

} // namespace e2e
