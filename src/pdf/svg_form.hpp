#pragma once
// A page of another PDF as a form XObject (PDF 32000-1 8.10): how an SVG, drawn by cairo into a
// one-page PDF (util/svg.hpp), is placed in galley's PDF as vectors.
#include "pdf/podofo_util.hpp"

#include <string_view>

namespace galley::pdf {

/// Parses `pdf` and copies its first page into `objects` as a form XObject: the page's content
/// stream, its resources and everything they reach, and nothing else (not the other file's
/// catalog, Info dictionary, annotations or structure). The form's /Matrix maps its bounding
/// box, the page's MediaBox, to the unit square, so it is drawn like an image XObject.
PoDoFo::PdfObject* embed_form(PoDoFo::PdfVecObjects& objects, std::string_view pdf);

} // namespace galley::pdf
