#pragma once
// Shared by the text tests and the benchmark: an engine over the bundled fonts only, sample
// paragraphs, and the items a paragraph turns into (to compare breakers on the same input).
#include "text/collect.hpp"
#include "text/engine.hpp"

#include <string>
#include <vector>

namespace galley::text::testing {

/// Bundled fonts only, no fontconfig: deterministic on every machine.
EngineOptions bundled_options();

/// Plain text of a laid-out line, from the glyphs' cluster texts, in visual order.
std::string line_text(const Line& line);

/// Sample paragraphs: English (the example article's subject), German with long compounds,
/// French.
struct Sample {
  std::string language;
  std::string text;
};
const std::vector<Sample>& sample_paragraphs();

/// A paragraph spec of one EB Garamond span.
ParagraphSpec paragraph(const std::string& text, const std::string& language, double width,
                        double size = 10);

/// The hyphenated Knuth-Plass items of a paragraph, built by text/'s own steps.
class ItemsProbe {
public:
  ItemsProbe();
  ~ItemsProbe();
  std::vector<Item> items(const ParagraphSpec& spec, Diagnostics& diags);

private:
  FontRegistry fonts_;
  Shaper shaper_;
  Itemizer itemizer_;
  Hyphenator hyphenator_;
};

} // namespace galley::text::testing
