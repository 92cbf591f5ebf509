// JSON articles and issues: load_inputs reads a JSON object with `articles` as an issue, any
// other as an article. Two small articles sit beside it so that an issue's entries load.
#include "fuzz_common.hpp"

#include "input/load.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  galley::fuzz::write_input("a.json", R"({"title": "A", "body": "Text of *A*."})");
  galley::fuzz::write_input("b.json", R"({"title": "B", "body_html": "<p>Text of B.</p>"})");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto path = galley::fuzz::write_input("input.json", galley::fuzz::as_view(data, size));
  galley::Diagnostics diags;
  galley::input::load_inputs({path}, {}, diags);
  return 0;
}
