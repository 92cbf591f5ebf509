#pragma once
// What PDF/A-2 (ISO 19005-2) asks of a file beyond what galley always writes: an output intent
// with an embedded ICC profile (6.2.3), and the conformance claims in the XMP metadata (6.6.4;
// pdfuaid for PDF/UA-1, ISO 14289-1 5), which metadata.cpp writes from the same PdfStandard.
#include "galley/pdf_standard.hpp"

#include <podofo/podofo.h>

namespace galley::pdf {

/// Adds /OutputIntents to the catalog: GTS_PDFA1 with the sRGB IEC 61966-2.1 profile, which
/// every colour galley draws (DeviceRGB, DeviceGray) is then read against.
void add_output_intent(PoDoFo::PdfMemDocument& doc, bool compress);

} // namespace galley::pdf
