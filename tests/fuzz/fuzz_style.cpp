// The style loader, from memory; `extends:` may still name the bundled styles.
#include "fuzz_common.hpp"

#include "galley/style.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  galley::Diagnostics diags;
  galley::style::load_style_text(galley::fuzz::as_view(data, size),
                                 galley::fuzz::scratch_dir() / "style.yaml", diags);
  return 0;
}
