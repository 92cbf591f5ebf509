#pragma once
// The structure tree of a tagged PDF (PDF 32000-1 14.7, 14.8; ISO 14289-1 7.1): one StructElem
// per layout::StructElement, their content as marked-content references, the parent tree that
// leads from each MCID back to its element, and the catalog's /MarkInfo.
#include "layout/frame.hpp"

#include <podofo/podofo.h>

#include <cstdint>
#include <vector>

namespace galley::pdf {

class Body;

/// A link annotation and the Link element it belongs to.
struct Annotation {
  int element = -1;
  std::size_t page = 0;
  PoDoFo::PdfReference ref;
};

/// Writes the tree of `structure` into `doc`, its elements' values into `body`. `pages` are the
/// page objects, `marked[p]` the element of each MCID of page p (PageContent::marked),
/// `annotations` the link annotations to reference from their elements (OBJR, 14.7.4.3). Page p is
/// key p of the parent tree, so the caller gives each page /StructParents p; the annotations' keys
/// follow the pages' and are returned, one for each annotation, -1 for one whose element is not in
/// the tree. The elements' values are written on up to `threads` threads.
std::vector<std::int64_t> add_structure_tree(PoDoFo::PdfMemDocument& doc, Body& body,
                                             const std::vector<layout::StructElement>& structure,
                                             const std::vector<PoDoFo::PdfReference>& pages,
                                             const std::vector<std::vector<int>>& marked,
                                             const std::vector<Annotation>& annotations,
                                             unsigned threads);

} // namespace galley::pdf
