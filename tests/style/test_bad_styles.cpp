// Runs every file in tests/corpus/bad-styles. Each file says what it must produce in comments:
//   # expect: LINE:COL: message substring
//   # expect: other-file.yaml:LINE:COL: message substring   (a problem found in another file)
// The style must report exactly these errors (the hint counts as part of the message).
#include "galley/style.hpp"
#include "util/files.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <charconv>
#include <filesystem>

using namespace galley;
using namespace galley::style;

namespace {

struct Expectation {
  std::string file; ///< "" for the style itself
  int line = 0, column = 0;
  std::string text;
};

int to_int(std::string_view s) {
  int v = -1;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

std::vector<Expectation> expectations(const std::string& source) {
  std::vector<Expectation> out;
  const std::string marker = "# expect: ";
  for (size_t at = source.find(marker); at != std::string::npos;
       at = source.find(marker, at + 1)) {
    size_t end = source.find('\n', at);
    std::string line = source.substr(at + marker.size(), end - at - marker.size());
    Expectation e;
    size_t colon = line.find(':');
    if (to_int(line.substr(0, colon)) < 0) { // a file name comes first
      e.file = line.substr(0, colon);
      line.erase(0, colon + 1);
    }
    size_t second = line.find(':');
    size_t third = line.find(':', second + 1);
    e.line = to_int(line.substr(0, second));
    e.column = to_int(line.substr(second + 1, third - second - 1));
    e.text = line.substr(third + 2);
    out.push_back(e);
  }
  return out;
}

} // namespace

TEST_SUITE("style/bad-styles") {
  TEST_CASE("every bad style reports its diagnostics at the right place") {
    std::filesystem::path dir = std::filesystem::path(GALLEY_TEST_DATA_DIR) / "corpus/bad-styles";
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
      if (entry.path().extension() == ".yaml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    CHECK(files.size() >= 12);
    for (const auto& file : files) {
      CAPTURE(file.filename().string());
      std::optional<std::string> source = read_file(file);
      REQUIRE(source);
      std::vector<Expectation> expected = expectations(*source);
      REQUIRE(!expected.empty());
      Diagnostics diags;
      load_style(file.string(), diags);
      std::string got;
      for (const auto& d : diags.all()) got += format_text(d) + "\n";
      CAPTURE(got);
      CHECK(diags.error_count() == static_cast<int>(expected.size()));
      for (const auto& e : expected) {
        CAPTURE(e.text);
        std::string want_file = e.file.empty() ? file.filename().string() : e.file;
        bool found = std::any_of(diags.all().begin(), diags.all().end(), [&](const Diagnostic& d) {
          return std::filesystem::path(d.loc.file).filename() == want_file &&
                 d.loc.line == e.line && d.loc.column == e.column &&
                 (d.message + " " + d.hint).find(e.text) != std::string::npos;
        });
        CHECK(found);
      }
    }
  }
}
