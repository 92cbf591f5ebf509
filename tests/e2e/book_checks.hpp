#pragma once
// Reading an article's outputs back for the reader suites (test_readers.cpp, test_html_reader.cpp,
// test_json_reader.cpp): the EPUB's text, the PDF's and the EPUB's metadata and counts, and the
// share of a reference text's words each output keeps.
#include <filesystem>
#include <string>
#include <vector>

namespace e2e {

/// `s` without spaces, line and page breaks: how the readers' tests compare headings and
/// paragraphs of scripts that pdftotext spaces differently.
std::string without_spaces(std::string s);

/// The text of every XHTML document of the EPUB, tags taken out.
std::string epub_text(const std::filesystem::path& epub);

/// What one article's books must show.
struct Expected {
  std::string title;
  std::vector<std::string> authors;
  std::string date; ///< ISO; empty when the article has none
  std::string lang;
  std::vector<std::string> headings;
  int notes = 0;
  int figures = 0;                 ///< <figure> elements of the EPUB
  int pictures = 0;                ///< images in the PDF (figures whose file is on disk)
  std::vector<std::string> absent; ///< text of the page around the article
  /// Remote images: both outputs warn that they are not fetched, and warn of nothing else.
  int remote_images = 0;
};

/// Makes `input`'s PDF and EPUB in `dir` (named after `stem`) and checks them against `e`:
/// the exit code and warnings, qpdf, the PDF's Info and the EPUB's package, headings, notes,
/// figures, and nothing of `e.absent` in either. Returns the EPUB's path.
std::filesystem::path check_books(const std::filesystem::path& input, const std::string& stem,
                                  const std::filesystem::path& dir, const Expected& e);

/// Runs epubcheck on every book, all in one Java machine, and checks that none has an error and
/// that each has exactly `warnings` warnings.
void check_epubs(const std::vector<std::filesystem::path>& books, int warnings = 0);

/// The share, in percent, of `reference`'s words (the survival test's word rules) found in
/// order in the PDF's and in the EPUB's text; `notes` are matched on their own. As in the
/// survival test, a word the PDF's reading lacks counts when pdftotext's raw mode finds it.
struct Survival {
  double pdf = 0;
  double epub = 0;
};
Survival survival(const std::string& reference, const std::string& notes,
                  const std::filesystem::path& pdf, const std::filesystem::path& epub);

} // namespace e2e
