#include "pdf/structure.hpp"

#include "pdf/body.hpp"
#include "pdf/raw.hpp"
#include "util/parallel.hpp"

#include <cstdint>
#include <cstdio>
#include <limits>
#include <span>

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

/// Values grouped by owner in one array (compressed rows): those of owner o are
/// items[start[o]] to items[start[o + 1]], in the order they were added. An issue has some twenty
/// thousand elements, and a vector of each's content, children and annotations was sixty
/// thousand allocations to make, fault in and free.
template <class T> struct Rows {
  std::vector<std::size_t> start;
  std::vector<T> items;
  [[nodiscard]] std::span<const T> of(std::size_t owner) const {
    return {items.data() + start[owner], start[owner + 1] - start[owner]};
  }
};

/// The rows of `owners` owners that `walk(add)` gives, calling add(owner, value) for each value in
/// order: it is walked twice, to count, then to place.
template <class T, class Walk> Rows<T> group(std::size_t owners, const Walk& walk) {
  Rows<T> rows;
  rows.start.assign(owners + 1, 0);
  walk([&](std::size_t owner, const T&) { ++rows.start[owner + 1]; });
  for (std::size_t o = 0; o < owners; ++o)
    rows.start[o + 1] += rows.start[o];
  rows.items.resize(rows.start[owners]);
  std::vector<std::size_t> next(rows.start.begin(), rows.start.end() - 1);
  walk([&](std::size_t owner, const T& value) { rows.items[next[owner]++] = value; });
  return rows;
}

/// Elements below this many are written by one thread: a part smaller than that would cost more
/// to hand over than to write.
constexpr std::size_t kElementsPerPart = 2048;

/// A Note's identifier: "note-" and its number among the notes, zero-padded to six digits.
std::string note_id(int number) {
  char id[24];
  std::snprintf(id, sizeof id, "note-%06d", number);
  return id;
}

} // namespace

std::vector<std::int64_t> add_structure_tree(PdfMemDocument& doc, Body& body,
                                             const std::vector<layout::StructElement>& structure,
                                             const std::vector<PdfReference>& pages,
                                             const std::vector<std::vector<int>>& marked,
                                             const std::vector<Annotation>& annotations,
                                             unsigned threads) {
  std::vector<std::int64_t> keys(annotations.size(), -1);
  if (structure.empty())
    return keys;
  const std::size_t n = structure.size();

  // Each element's own content, in document order, and the first content of its subtree.
  const Rows<Content> own = group<Content>(n, [&](const auto& add) {
    for (std::size_t p = 0; p < marked.size(); ++p)
      for (std::size_t m = 0; m < marked[p].size(); ++m)
        add(static_cast<std::size_t>(marked[p][m]), Content{key_of(p, m), p, m});
  });
  std::vector<Key> first(n, kNoContent);
  for (std::size_t e = 0; e < n; ++e)
    if (!own.of(e).empty())
      first[e] = own.of(e).front().key;
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
  const Rows<std::size_t> children = group<std::size_t>(n, [&](const auto& add) {
    for (std::size_t e = 1; e < n; ++e) {
      const int parent = structure[e].parent;
      if (in_tree[e] && parent >= 0 && std::size_t(parent) < e && in_tree[std::size_t(parent)])
        add(std::size_t(parent), e);
    }
  });
  const Rows<const Annotation*> annotated = group<const Annotation*>(n, [&](const auto& add) {
    for (const Annotation& a : annotations)
      if (a.element >= 0 && static_cast<std::size_t>(a.element) < n &&
          in_tree[std::size_t(a.element)])
        add(std::size_t(a.element), &a);
  });

  // Each Note has an element identifier (ISO 14289-1 7.9), found through the root's IDTree, a
  // name tree whose keys sort as the zero-padded numbers do (PDF 32000-1 14.7.2, 7.9.6).
  std::vector<int> note_of(n, 0);
  std::string ids;
  int notes = 0;
  for (std::size_t e = 0; e < n; ++e)
    if (in_tree[e] && structure[e].type == "Note") {
      note_of[e] = ++notes;
      raw_bytes(ids, note_id(notes));
      raw_ref(ids, refs[e]);
    }
  // The value of element e, appended to `d`.
  auto write_element = [&](std::size_t e, std::string& d, std::string& kids) {
    const layout::StructElement& s = structure[e];
    // Without the optional /Type /StructElem (Table 323): an issue has tens of thousands.
    d += "<<";
    raw_name(d, "S");
    raw_name(d, s.type);
    if (note_of[e] > 0) {
      d += "/ID";
      raw_bytes(d, note_id(note_of[e]));
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
    const std::span<const Content> content = own.of(e);
    const std::size_t home = content.empty() ? 0 : content.front().page;
    if (!content.empty()) {
      d += "/Pg";
      raw_ref(d, pages[home]);
    }
    auto content_before = [&](Key limit) {
      for (; next < content.size() && content[next].key < limit; ++next, ++count) {
        const auto mcid = static_cast<std::int64_t>(content[next].mcid);
        if (content[next].page == home) {
          raw_int(kids, mcid);
          continue;
        }
        kids += "<</Type/MCR/Pg";
        raw_ref(kids, pages[content[next].page]);
        kids += "/MCID";
        raw_int(kids, mcid);
        kids += ">>";
      }
    };
    for (std::size_t child : children.of(e)) {
      if (first[child] != kNoContent)
        content_before(first[child]);
      raw_ref(kids, refs[child]);
      ++count;
    }
    content_before(kNoContent);
    for (const Annotation* a : annotated.of(e)) {
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
  };
  // An issue has some twenty thousand elements: they are written in consecutive parts on the
  // threads, each part into a text of its own, and given to the body in order.
  const std::size_t parts = worker_count(n / kElementsPerPart + 1, threads);
  std::vector<std::string> texts(parts);
  std::vector<std::size_t> ends(n, 0); // where element e's value ends in its part's text
  parallel_for(parts, threads, [&](std::size_t k, unsigned) {
    std::string kids;
    texts[k].reserve((n * (k + 1) / parts - n * k / parts) * 96);
    for (std::size_t e = n * k / parts; e < n * (k + 1) / parts; ++e) {
      if (in_tree[e])
        write_element(e, texts[k], kids);
      ends[e] = texts[k].size();
    }
  });
  for (std::size_t k = 0; k < parts; ++k) {
    const std::string_view text = body.hold(std::move(texts[k]));
    std::size_t from = 0;
    for (std::size_t e = n * k / parts; e < n * (k + 1) / parts; ++e) {
      if (in_tree[e])
        body.set_held(refs[e], text.substr(from, ends[e] - from));
      from = ends[e];
    }
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
