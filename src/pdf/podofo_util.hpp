#pragma once
// Internal helpers over PoDoFo 0.9.8, the object model and serialiser behind the writer. Only
// the writer's .cpp files include this; the public header stays free of PoDoFo.
#include "pdf/pack.hpp"

#include <podofo/podofo.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace galley::pdf {

/// An integer object (PdfVariant(int) is ambiguous in 0.9.8).
inline PoDoFo::PdfObject pdf_int(std::int64_t v) {
  return PoDoFo::PdfObject(PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(v)));
}

/// A real number in our own shortest fixed form (7.3.3), written as raw data so PoDoFo's
/// formatting never applies.
PoDoFo::PdfObject pdf_real(double v);

/// A text string (7.9.2.2): PDFDocEncoding when plain printable ASCII, else UTF-16BE with BOM.
PoDoFo::PdfString pdf_text(const std::string& utf8);

/// A byte string kept exactly (destination names, URIs).
PoDoFo::PdfString pdf_bytes(std::string_view bytes);

/// Replaces the stream of `obj` by packed data, with /Filter /FlateDecode when deflated.
void set_stream(PoDoFo::PdfObject* obj, const StreamData& data);

/// Sets stream data as it is: already encoded (a JPEG for /DCTDecode) or meant to stay plain.
void set_raw_stream(PoDoFo::PdfObject* obj, std::string_view data);

/// [x1 y1 x2 y2]
PoDoFo::PdfArray pdf_rect(double x1, double y1, double x2, double y2);

} // namespace galley::pdf
