// NITF news articles (the .nitf extension, which only the NITF reader owns): the head's
// metadata, the body's head (headlines, bylines, dates), blocks, media and notes.
#include "fuzz_common.hpp"

#include "input/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto path = galley::fuzz::write_input("article.nitf", galley::fuzz::as_view(data, size));
  galley::Diagnostics diags;
  galley::input::load_article(path, {}, diags);
  return 0;
}
