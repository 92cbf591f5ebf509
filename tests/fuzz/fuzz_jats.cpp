// JATS articles (the .nxml extension, which only the JATS reader owns): front matter, sections,
// tables with their feet, lists, formulas, footnotes and their citations, the reference list.
#include "fuzz_common.hpp"

#include "input/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto path = galley::fuzz::write_input("article.nxml", galley::fuzz::as_view(data, size));
  galley::Diagnostics diags;
  galley::input::load_article(path, {}, diags);
  return 0;
}
