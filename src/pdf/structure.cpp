#include "pdf/structure.hpp"

#include "pdf/podofo_util.hpp"

#include <cstdint>
#include <cstdio>
#include <limits>

namespace galley::pdf {

namespace {

using namespace PoDoFo;

/// Where a piece of content comes in the document: its page, then its MCID.
using Key = std::uint64_t;
constexpr Key kNoContent = std::numeric_limits<Key>::max();

Key key_of(std::size_t page, std::size_t mcid) {
  return (static_cast<Key>(page) << 32) | static_cast<Key>(mcid);
}

struct Content {
  Key key;
  std::size_t page, mcid;
};

} // namespace

void add_structure_tree(PdfMemDocument& doc, const std::vector<layout::StructElement>& structure,
                        const std::vector<PdfObject*>& pages,
                        const std::vector<std::vector<int>>& marked,
                        const std::vector<Annotation>& annotations) {
  if (structure.empty())
    return;
  PdfVecObjects& objects = doc.GetObjects();
  const std::size_t n = structure.size();

  // Each element's own content, in document order, and the first content of its subtree.
  std::vector<std::vector<Content>> own(n);
  std::vector<Key> first(n, kNoContent);
  for (std::size_t p = 0; p < marked.size(); ++p)
    for (std::size_t m = 0; m < marked[p].size(); ++m) {
      const auto e = static_cast<std::size_t>(marked[p][m]);
      own[e].push_back({key_of(p, m), p, m});
      first[e] = std::min(first[e], key_of(p, m));
    }
  std::vector<std::vector<std::size_t>> children(n);
  // Parents come before their children (layout::Document::structure).
  for (std::size_t e = n; e-- > 1;) {
    const int parent = structure[e].parent;
    if (parent < 0 || static_cast<std::size_t>(parent) >= e)
      continue;
    first[std::size_t(parent)] = std::min(first[std::size_t(parent)], first[e]);
  }
  // An element with nothing on any page is left out (a note marker of a line that layout set
  // and then set again, say), but for table cells, which keep every row's columns.
  auto kept = [&](std::size_t e) {
    return e == 0 || first[e] != kNoContent || structure[e].type == "TD" ||
           structure[e].type == "TH" || structure[e].type == "TR";
  };
  PdfObject* root = objects.CreateObject("StructTreeRoot");
  std::vector<PdfObject*> elems(n, nullptr);
  // Without the optional /Type /StructElem (Table 323): an issue has tens of thousands.
  for (std::size_t e = 0; e < n; ++e)
    if (kept(e))
      elems[e] = objects.CreateObject(PdfVariant(PdfDictionary()));
  for (std::size_t e = 1; e < n; ++e)
    if (kept(e) && structure[e].parent >= 0 && static_cast<std::size_t>(structure[e].parent) < e &&
        elems[std::size_t(structure[e].parent)] != nullptr)
      children[std::size_t(structure[e].parent)].push_back(e);

  std::vector<std::vector<const Annotation*>> annotated(n);
  for (const Annotation& a : annotations)
    if (a.element >= 0 && static_cast<std::size_t>(a.element) < n && elems[std::size_t(a.element)])
      annotated[std::size_t(a.element)].push_back(&a);

  // Each Note has an element identifier (ISO 14289-1 7.9), found through the root's IDTree, a
  // name tree whose keys sort as the zero-padded numbers do (PDF 32000-1 14.7.2, 7.9.6).
  PdfArray ids;
  int notes = 0;
  for (std::size_t e = 0; e < n; ++e) {
    if (elems[e] == nullptr)
      continue;
    const layout::StructElement& s = structure[e];
    PdfDictionary& d = elems[e]->GetDictionary();
    d.AddKey("S", PdfName(s.type));
    if (s.type == "Note") {
      char id[24];
      std::snprintf(id, sizeof id, "note-%06d", ++notes);
      d.AddKey("ID", PdfString(id));
      ids.push_back(PdfString(id));
      ids.push_back(elems[e]->Reference());
    }
    d.AddKey("P",
             e == 0 ? root->Reference() : elems[std::size_t(std::max(0, s.parent))]->Reference());
    if (!s.alt.empty())
      d.AddKey("Alt", pdf_text(s.alt)); // 14.9.3
    if (!s.lang.empty())
      d.AddKey("Lang", pdf_text(s.lang)); // 14.9.2.1
    if (s.column_header) {
      PdfDictionary table;
      table.AddKey("O", PdfName("Table"));
      table.AddKey("Scope", PdfName("Column")); // 14.8.5.7, Table 349
      d.AddKey("A", table);
    }
    // Kids in reading order: the children as layout made them, the element's own content
    // between them where it comes on the pages (the text of a paragraph around its note
    // references).
    // Content on the element's own page (/Pg, that of its first content) is an MCID alone,
    // content on a later page a marked-content reference naming its page (14.7.4.2).
    PdfArray kids;
    std::size_t next = 0;
    const std::size_t home = own[e].empty() ? 0 : own[e].front().page;
    if (!own[e].empty())
      d.AddKey("Pg", pages[home]->Reference());
    auto content_before = [&](Key limit) {
      for (; next < own[e].size() && own[e][next].key < limit; ++next) {
        const auto mcid = pdf_int(static_cast<std::int64_t>(own[e][next].mcid));
        if (own[e][next].page == home) {
          kids.push_back(mcid);
          continue;
        }
        PdfDictionary mcr;
        mcr.AddKey("Type", PdfName("MCR"));
        mcr.AddKey("Pg", pages[own[e][next].page]->Reference());
        mcr.AddKey("MCID", mcid);
        kids.push_back(mcr);
      }
    };
    for (std::size_t child : children[e]) {
      if (first[child] != kNoContent)
        content_before(first[child]);
      kids.push_back(elems[child]->Reference());
    }
    content_before(kNoContent);
    for (const Annotation* a : annotated[e]) {
      PdfDictionary objr;
      objr.AddKey("Type", PdfName("OBJR"));
      objr.AddKey("Obj", a->annot->Reference());
      objr.AddKey("Pg", pages[a->page]->Reference());
      kids.push_back(objr);
    }
    if (kids.size() == 1)
      d.AddKey("K", kids.front());
    else if (!kids.empty())
      d.AddKey("K", kids);
  }

  // The parent tree (14.7.4.4): page p's MCIDs lead to their elements.
  PdfArray nums;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    pages[p]->GetDictionary().AddKey("StructParents", pdf_int(static_cast<std::int64_t>(p)));
    // Annotations are visited in structure order (12.5, /Tabs; ISO 14289-1 7.18.3).
    pages[p]->GetDictionary().AddKey("Tabs", PdfName("S"));
    PdfArray parents;
    if (p < marked.size())
      for (int e : marked[p])
        parents.push_back(elems[static_cast<std::size_t>(e)]->Reference());
    nums.push_back(pdf_int(static_cast<std::int64_t>(p)));
    nums.push_back(parents);
  }
  for (std::size_t k = 0; k < annotations.size(); ++k) {
    const auto e = static_cast<std::size_t>(annotations[k].element);
    if (annotations[k].element < 0 || e >= n || elems[e] == nullptr)
      continue;
    const auto key = static_cast<std::int64_t>(pages.size() + k);
    annotations[k].annot->GetDictionary().AddKey("StructParent", pdf_int(key));
    nums.push_back(pdf_int(key));
    nums.push_back(elems[e]->Reference());
  }
  PdfDictionary parent_tree;
  parent_tree.AddKey("Nums", nums);
  PdfDictionary& r = root->GetDictionary();
  r.AddKey("K", elems[0]->Reference());
  r.AddKey("ParentTree", parent_tree);
  if (!ids.empty()) {
    PdfDictionary id_tree;
    id_tree.AddKey("Names", ids);
    r.AddKey("IDTree", id_tree);
  }
  r.AddKey("ParentTreeNextKey",
           pdf_int(static_cast<std::int64_t>(pages.size() + annotations.size())));

  PdfDictionary& catalog = doc.GetCatalog()->GetDictionary();
  catalog.AddKey("StructTreeRoot", root->Reference());
  PdfDictionary mark_info;
  mark_info.AddKey("Marked", PdfVariant(true)); // 14.7.1
  catalog.AddKey("MarkInfo", mark_info);
}

} // namespace galley::pdf
