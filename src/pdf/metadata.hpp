#pragma once
// Document metadata text: PDF dates (7.9.4) and the XMP packet (14.3.2, ISO 16684-1).
#include "galley/pdf_standard.hpp"
#include "layout/frame.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace galley::pdf {

/// "D:YYYYMMDDHHmmSSZ" in UTC (PDF 32000-1 7.9.4).
std::string pdf_date(std::int64_t epoch_seconds);

/// The XMP packet for the Metadata stream of the catalog: dc:title, dc:creator,
/// dc:description, dc:language, pdf:Keywords, pdf:Producer, xmp dates and tool, and the claims
/// of `standard` (pdfaid, pdfuaid). UTF-8.
std::string xmp_packet(const layout::DocumentInfo& info, const PdfStandard& standard);

} // namespace galley::pdf
