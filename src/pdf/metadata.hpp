#pragma once
// Document metadata text: PDF dates (7.9.4) and the XMP packet (14.3.2, ISO 16684-1).
#include "layout/frame.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace galley::pdf {

/// "D:YYYYMMDDHHmmSSZ" in UTC (PDF 32000-1 7.9.4).
std::string pdf_date(std::int64_t epoch_seconds);

/// Splits "A, B and C" into {"A", "B", "C"}.
std::vector<std::string> split_authors(const std::string& authors);

/// The XMP packet for the Metadata stream of the catalog: dc:title, dc:creator,
/// dc:description, dc:language, pdf:Keywords, pdf:Producer, xmp dates and tool. UTF-8.
std::string xmp_packet(const layout::DocumentInfo& info);

} // namespace galley::pdf
