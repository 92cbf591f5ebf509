// Break opportunities inside words for narrow measures (WordBreak): identifiers and paths break
// at their separators and camelCase humps, `Anywhere` between any two characters, and neither
// where the span may not break at all.
#include "support.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace galley;
using namespace galley::text;

namespace {

std::vector<std::string> set(const std::string& text, WordBreak wb, double width,
                             bool nobreak = false) {
  Engine engine(testing::bundled_options());
  Diagnostics diags;
  ParagraphSpec spec = testing::paragraph(text, "en", width);
  spec.align = Alignment::Left;
  spec.hyphenation.enabled = false;
  spec.spans[0].word_break = wb;
  spec.spans[0].nobreak = nobreak;
  std::vector<std::string> out;
  for (const Line& l : engine.layout_paragraph(spec, diags).lines)
    out.push_back(testing::line_text(l));
  return out;
}

} // namespace

TEST_SUITE("text/word break") {
  TEST_CASE("identifiers break after separators and before camelCase capitals only") {
    CHECK(set("ServiceAccountTokenVolumeProjection", WordBreak::Normal, 1).size() == 1);
    CHECK(set("ServiceAccountTokenVolumeProjection", WordBreak::Tokens, 1) ==
          std::vector<std::string>{"Service", "Account", "Token", "Volume", "Projection"});
    CHECK(set(":white_check_mark:", WordBreak::Tokens, 1) ==
          std::vector<std::string>{":", "white_", "check_", "mark:"});
    CHECK(set("/var/lib/kubelet", WordBreak::Tokens, 1) ==
          std::vector<std::string>{"/", "var/", "lib/", "kubelet"});
    CHECK(set("NASA", WordBreak::Tokens, 1).size() == 1);
  }

  TEST_CASE("anywhere breaks between characters, but still prefers the spaces") {
    CHECK(set("abc", WordBreak::Anywhere, 1) == std::vector<std::string>{"a", "b", "c"});
    const std::vector<std::string> two = set("one two", WordBreak::Anywhere, 25);
    REQUIRE(two.size() == 2);
    CHECK(two[1] == "two");
  }

  TEST_CASE("no-break spans stay whole whatever the word break") {
    CHECK(set("snake_case_name", WordBreak::Anywhere, 1, true).size() == 1);
  }
}
