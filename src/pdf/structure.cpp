#include "pdf/structure.hpp"

#include "pdf/body.hpp"
#include "pdf/raw.hpp"

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

std::vector<std::int64_t> add_structure_tree(PdfMemDocument& doc, Body& body,
                                             const std::vector<layout::StructElement>& structure,
                                             const std::vector<PdfReference>& pages,
                                             const std::vector<std::vector<int>>& marked,
                                             const std::vector<Annotation>& annotations) {
  std::vector<std::int64_t> keys(annotations.size(), -1);
  if (structure.empty())
    return keys;
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
  const PdfReference root_ref = body.reserve();
  std::vector<bool> in_tree(n, false);
  std::vector<PdfReference> refs(n);
  for (std::size_t e = 0; e < n; ++e)
    if (kept(e)) {
      in_tree[e] = true;
      refs[e] = body.reserve();
    }
  for (std::size_t e = 1; e < n; ++e)
    if (kept(e) && structure[e].parent >= 0 && static_cast<std::size_t>(structure[e].parent) < e &&
        in_tree[std::size_t(structure[e].parent)])
      children[std::size_t(structure[e].parent)].push_back(e);

  std::vector<std::vector<const Annotation*>> annotated(n);
  for (const Annotation& a : annotations)
    if (a.element >= 0 && static_cast<std::size_t>(a.element) < n &&
        in_tree[std::size_t(a.element)])
      annotated[std::size_t(a.element)].push_back(&a);

  // Each Note has an element identifier (ISO 14289-1 7.9), found through the root's IDTree, a
  // name tree whose keys sort as the zero-padded numbers do (PDF 32000-1 14.7.2, 7.9.6).
  std::string ids;
  int notes = 0;
  std::string d, kids;
  for (std::size_t e = 0; e < n; ++e) {
    if (!in_tree[e])
      continue;
    const layout::StructElement& s = structure[e];
    // Without the optional /Type /StructElem (Table 323): an issue has tens of thousands.
    d = "<<";
    raw_name(d, "S");
    raw_name(d, s.type);
    if (s.type == "Note") {
      char id[24];
      std::snprintf(id, sizeof id, "note-%06d", ++notes);
      d += "/ID";
      raw_bytes(d, id);
      raw_bytes(ids, id);
      raw_ref(ids, refs[e]);
    }
    d += "/P";
    raw_ref(d, e == 0 ? root_ref : refs[std::size_t(std::max(0, s.parent))]);
    if (!s.alt.empty()) {
      d += "/Alt"; // 14.9.3
      raw_text(d, s.alt);
    }
    if (!s.lang.empty()) {
      d += "/Lang"; // 14.9.2.1
      raw_text(d, s.lang);
    }
    if (s.column_header)
      d += "/A<</O/Table/Scope/Column>>"; // 14.8.5.7, Table 349
    // Kids in reading order: the children as layout made them, the element's own content
    // between them where it comes on the pages (the text of a paragraph around its note
    // references).
    // Content on the element's own page (/Pg, that of its first content) is an MCID alone,
    // content on a later page a marked-content reference naming its page (14.7.4.2).
    kids.clear();
    std::size_t count = 0;
    std::size_t next = 0;
    const std::size_t home = own[e].empty() ? 0 : own[e].front().page;
    if (!own[e].empty()) {
      d += "/Pg";
      raw_ref(d, pages[home]);
    }
    auto content_before = [&](Key limit) {
      for (; next < own[e].size() && own[e][next].key < limit; ++next, ++count) {
        const auto mcid = static_cast<std::int64_t>(own[e][next].mcid);
        if (own[e][next].page == home) {
          raw_int(kids, mcid);
          continue;
        }
        kids += "<</Type/MCR/Pg";
        raw_ref(kids, pages[own[e][next].page]);
        kids += "/MCID";
        raw_int(kids, mcid);
        kids += ">>";
      }
    };
    for (std::size_t child : children[e]) {
      if (first[child] != kNoContent)
        content_before(first[child]);
      raw_ref(kids, refs[child]);
      ++count;
    }
    content_before(kNoContent);
    for (const Annotation* a : annotated[e]) {
      kids += "<</Type/OBJR/Obj";
      raw_ref(kids, a->ref);
      kids += "/Pg";
      raw_ref(kids, pages[a->page]);
      kids += ">>";
      ++count;
    }
    if (count == 1) {
      d += "/K";
      d += kids;
    } else if (count > 1) {
      d += "/K[";
      d += kids;
      d += ']';
    }
    d += ">>";
    body.set(refs[e], d);
  }

  // The parent tree (14.7.4.4): page p's MCIDs lead to their elements.
  std::string r = "<</Type/StructTreeRoot/K";
  raw_ref(r, refs[0]);
  r += "/ParentTree<</Nums[";
  for (std::size_t p = 0; p < pages.size(); ++p) {
    raw_int(r, static_cast<std::int64_t>(p));
    r += '[';
    if (p < marked.size())
      for (int e : marked[p])
        raw_ref(r, refs[static_cast<std::size_t>(e)]);
    r += ']';
  }
  for (std::size_t k = 0; k < annotations.size(); ++k) {
    const auto e = static_cast<std::size_t>(annotations[k].element);
    if (annotations[k].element < 0 || e >= n || !in_tree[e])
      continue;
    keys[k] = static_cast<std::int64_t>(pages.size() + k);
    raw_int(r, keys[k]);
    raw_ref(r, refs[e]);
  }
  r += "]>>";
  if (!ids.empty()) {
    r += "/IDTree<</Names[";
    r += ids;
    r += "]>>";
  }
  r += "/ParentTreeNextKey";
  raw_int(r, static_cast<std::int64_t>(pages.size() + annotations.size()));
  r += ">>";
  body.set(root_ref, r);

  PdfDictionary& catalog = doc.GetCatalog()->GetDictionary();
  catalog.AddKey("StructTreeRoot", root_ref);
  PdfDictionary mark_info;
  mark_info.AddKey("Marked", PdfVariant(true)); // 14.7.1
  catalog.AddKey("MarkInfo", mark_info);
  return keys;
}

} // namespace galley::pdf
