#include "support.hpp"

#include "text/trace.hpp"
#include "util/files.hpp"

#include <doctest/doctest.h>

#include <cstdlib>

using namespace galley;
using namespace galley::text;

namespace {

/// Compares `actual` with the golden file, or rewrites the file when GALLEY_UPDATE_GOLDEN=1
/// (see docs/text.md: that is the only way golden files change).
void check_golden(const std::string& name, const std::string& actual) {
  std::filesystem::path path = std::filesystem::path(GALLEY_TEST_DATA_DIR) / "text" / "data" / name;
  const char* update = std::getenv("GALLEY_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    write_file_atomic(path, actual);
    return;
  }
  auto expected = read_file(path);
  REQUIRE_MESSAGE(expected.has_value(), "missing golden file " << path.string());
  CHECK(*expected == actual);
}

} // namespace

TEST_SUITE("text/trace") {
  TEST_CASE("shape trace lists glyphs, positions and cluster text") {
    Engine engine(testing::bundled_options());
    Diagnostics diags;
    std::string trace =
        trace_shape(engine, "office AV", {"EB Garamond", 400, false}, 10, "en", {}, diags);
    CHECK(trace.find("run face='EB Garamond 400' size=10 x=0") != std::string::npos);
    CHECK(trace.find("    2991 x=4.95 adv=2.58 'f'\n") != std::string::npos);
    check_golden("shape_office.txt", trace);
  }

  TEST_CASE("paragraph trace matches the golden file") {
    Engine engine(testing::bundled_options());
    Diagnostics diags;
    std::string out;
    for (const auto& sample : testing::sample_paragraphs()) {
      ParagraphLayout layout =
          engine.layout_paragraph(testing::paragraph(sample.text, sample.language, 250), diags);
      out += "# " + sample.language + "\n" + trace_paragraph(engine, layout);
    }
    CHECK(diags.empty());
    check_golden("paragraphs.txt", out);
  }
}
