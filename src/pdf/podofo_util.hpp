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

/// A real number, a text string and a byte string as galley writes them (raw_real, raw_text,
/// raw_bytes in pdf/raw.hpp), as values of dictionaries PoDoFo holds: PoDoFo's own formatting
/// never applies, so these are written as the pages and structure tree are.
PoDoFo::PdfObject pdf_real(double v);
PoDoFo::PdfObject pdf_text(const std::string& utf8);
PoDoFo::PdfObject pdf_bytes(std::string_view bytes);

/// Replaces the stream of `obj` by packed data, with /Filter /FlateDecode when deflated.
void set_stream(PoDoFo::PdfObject* obj, const StreamData& data);

/// Sets stream data as it is: already encoded (a JPEG for /DCTDecode) or meant to stay plain.
void set_raw_stream(PoDoFo::PdfObject* obj, std::string_view data);

/// [x1 y1 x2 y2]
PoDoFo::PdfArray pdf_rect(double x1, double y1, double x2, double y2);

} // namespace galley::pdf
