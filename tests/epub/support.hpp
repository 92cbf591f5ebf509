#pragma once
// Helpers for the epub tests: models built in code, reading an EPUB back (libzip + pugixml),
// and running epubcheck.
#include "epub/writer.hpp"
#include "galley/model.hpp"

#include <filesystem>
#include <map>
#include <pugixml.hpp>
#include <string>
#include <vector>

namespace galley::epub::test {

std::filesystem::path data_dir();

/// An inline run of plain text.
model::Inlines text(const std::string& s);

/// An article that uses every block and inline kind, cites two notes (one twice), has one
/// uncited source, a figure (PNG), an inline image (GIF), an SVG figure and a JPEG cover.
model::Article full_article(int n = 1);
/// A short article without images.
model::Article plain_article(int n);
/// An issue of `articles` (numbered 1..), with a cover unless `with_cover` is false.
model::Issue make_issue(std::vector<model::Article> articles, bool with_cover = true);
model::Issue single(model::Article a);

struct Unzipped {
  std::vector<std::string> names; ///< in archive order
  std::map<std::string, std::string> files;
  std::map<std::string, bool> stored; ///< entry written without compression
};
Unzipped unzip(const std::string& epub);

/// Parses `xml`, failing the test when it is not well-formed.
void parse(pugi::xml_document& doc, const std::string& xml);

/// Runs epubcheck 4.2.6 on each file (one JVM each) and returns each report.
struct CheckReport {
  int errors = 0;
  int warnings = 0;
  std::string text;
};
CheckReport epubcheck(const std::filesystem::path& file);

std::string build(const model::Issue& issue, Diagnostics& diags, EpubOptions options = {});

} // namespace galley::epub::test
