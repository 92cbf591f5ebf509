// HTML articles: pages and fragments, their metadata (JSON-LD included) and footnotes.
#include "fuzz_common.hpp"

#include "input/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto path = galley::fuzz::write_input("page.html", galley::fuzz::as_view(data, size));
  galley::Diagnostics diags;
  galley::input::load_article(path, {}, diags);
  return 0;
}
