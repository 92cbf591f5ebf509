#pragma once
// What a PDF claims to conform to (`--pdf-standard`; docs/pdf.md, "Standards"). The claim is
// written into the file's XMP metadata, and the writer adds what each standard requires.
#include <optional>
#include <string>
#include <string_view>

namespace galley {

struct PdfStandard {
  /// PDF/A-2 (ISO 19005-2): level b (the look is kept) or u (and every glyph reads as Unicode).
  enum class Archive { None, A2b, A2u };
  Archive archive = Archive::A2u;
  /// PDF/UA-1 (ISO 14289-1): claimed in the metadata. Every PDF galley writes is tagged, with
  /// what PDF/UA asks of the structure (docs/pdf.md, "Tagged PDF").
  bool ua = true;
};

/// The standards a list names: "none", or a-2b, a-2u, ua-1 joined by commas (at most one level
/// of PDF/A). nullopt, with the reason in `error`, when the list is not one.
std::optional<PdfStandard> parse_pdf_standard(std::string_view list, std::string& error);

} // namespace galley
