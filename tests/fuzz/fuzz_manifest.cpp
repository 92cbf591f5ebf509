// Issue manifests. Two small articles sit beside the manifest so that entries naming them load.
#include "fuzz_common.hpp"

#include "input/load.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  galley::fuzz::write_input("a.md", "---\ntitle: A\n---\n\nText of A.\n");
  galley::fuzz::write_input("b.xml", "<article><meta><title>B</title></meta>"
                                     "<body><p>Text of B.</p></body></article>\n");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto path = galley::fuzz::write_input("issue.yaml", galley::fuzz::as_view(data, size));
  galley::Diagnostics diags;
  galley::input::load_manifest(path, {}, diags);
  return 0;
}
