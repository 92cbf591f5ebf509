// End to end: bytes -> Markdown article -> PDF and EPUB in memory, as the library front door
// does it. System fonts are off so that a run does not depend on the machine's fontconfig.
#include "fuzz_common.hpp"

#include "galley/render.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto path = galley::fuzz::write_input("article.md", galley::fuzz::as_view(data, size));
  galley::render::RenderOptions options;
  options.system_fonts = false;
  options.source_date_epoch = 1777248000;
  options.limits.max_pages = 50;
  galley::Diagnostics diags;
  auto issue = galley::render::load({path}, options, diags);
  if (!issue || diags.has_errors())
    return 0;
  auto style = galley::render::resolve_style(*issue, options, diags);
  if (diags.has_errors())
    return 0;
  galley::render::render(*issue, style, galley::render::Format::Pdf, options, diags);
  galley::render::render(*issue, style, galley::render::Format::Epub, options, diags);
  return 0;
}
