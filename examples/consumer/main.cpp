// article-to-pdf ARTICLE OUTPUT.pdf: the smallest program built on the galley library. It loads
// an article, resolves its style, renders a PDF in memory and writes it.
#include <galley/error.hpp>
#include <galley/render.hpp>

#include <cstdio>
#include <fstream>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: article-to-pdf ARTICLE OUTPUT.pdf\n");
    return 2;
  }
  galley::render::RenderOptions options;
  galley::Diagnostics diags;
  std::optional<galley::render::Rendered> pdf;
  // Problems with the article are diagnostics; galley::Error is a failure of galley itself
  // (its data not found, out of memory, I/O).
  try {
    auto issue = galley::render::load({argv[1]}, options, diags);
    if (issue) {
      auto style = galley::render::resolve_style(*issue, options, diags);
      pdf = galley::render::render(*issue, style, galley::render::Format::Pdf, options, diags);
    }
  } catch (const galley::Error& e) {
    std::fprintf(stderr, "galley: %s\n", e.what());
    return 3;
  }
  for (const auto& d : diags.all())
    std::fprintf(stderr, "%s\n", galley::format_text(d).c_str());
  if (!pdf)
    return 1;
  std::ofstream out(argv[2], std::ios::binary);
  out.write(pdf->bytes.data(), static_cast<std::streamsize>(pdf->bytes.size()));
  if (!out.flush()) {
    std::fprintf(stderr, "cannot write %s\n", argv[2]);
    return 3;
  }
  std::printf("%s: %d pages, %zu bytes\n", argv[2], pdf->pages, pdf->bytes.size());
  return 0;
}
