#pragma once
// Document-level structures (PDF 32000-1 7.7.2 and 12.3): named destinations, the outline,
// page labels, the Info dictionary, XMP metadata, /Lang and viewer preferences.
#include "galley/diagnostics.hpp"
#include "galley/pdf_standard.hpp"
#include "layout/frame.hpp"

#include <map>
#include <string>
#include <vector>

namespace PoDoFo {
class PdfMemDocument;
class PdfObject;
class PdfReference;
} // namespace PoDoFo

namespace galley::pdf {

class Body;

/// Where a named destination points: a page index and a point in PDF user space.
struct DestTarget {
  int page = 0;
  double x = 0, y = 0;
};
/// Sorted by name: name trees need sorted keys (7.9.6).
using DestMap = std::map<std::string, DestTarget>;

/// Catalog /Names /Dests: a name tree with one leaf, each value an /XYZ destination (12.3.2.2);
/// the leaf's value goes into `body`.
void add_named_dests(PoDoFo::PdfMemDocument& doc, Body& body,
                     const std::vector<PoDoFo::PdfReference>& pages, const DestMap& dests);

/// The document outline (12.3.3), its entries' values in `body`. Items whose destination is
/// unknown are kept without one and reported as warnings. Top-level entries are open; deeper
/// ones closed.
void add_outline(PoDoFo::PdfMemDocument& doc, Body& body,
                 const std::vector<layout::OutlineItem>& items, const DestMap& dests,
                 Diagnostics& diags);

/// Catalog /PageLabels (12.4.2) when any page has a label: decimal and lowercase roman runs
/// become numbering ranges, other labels literal prefixes.
void add_page_labels(PoDoFo::PdfMemDocument& doc, const std::vector<layout::Page>& pages);

/// Info dictionary (14.3.3), XMP Metadata stream (14.3.2) with the claims of `standard`, /Lang
/// (14.9.2.1) and /ViewerPreferences /DisplayDocTitle (12.2). Dates come from info.date_epoch
/// only.
void add_metadata(PoDoFo::PdfMemDocument& doc, const layout::DocumentInfo& info,
                  const PdfStandard& standard);

} // namespace galley::pdf
