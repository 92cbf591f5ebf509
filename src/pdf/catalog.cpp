#include "pdf/catalog.hpp"

#include "pdf/body.hpp"
#include "pdf/metadata.hpp"
#include "pdf/podofo_util.hpp"
#include "pdf/raw.hpp"

namespace galley::pdf {

using namespace PoDoFo;

void add_named_dests(PdfMemDocument& doc, Body& body, const std::vector<PdfReference>& pages,
                     const DestMap& dests) {
  if (dests.empty())
    return;
  // One leaf of name and /XYZ destination pairs, written as text (pdf/raw.hpp): an issue has
  // thousands of anchors. A null zoom keeps the viewer's.
  std::string leaf = "<</Names[";
  for (const auto& [name, target] : dests) {
    raw_bytes(leaf, name);
    leaf += '[';
    raw_ref(leaf, pages[size_t(target.page)]);
    leaf += "/XYZ";
    raw_real(leaf, target.x);
    raw_real(leaf, target.y);
    leaf += " null]";
  }
  leaf += "]>>";
  const PdfReference tree = body.reserve();
  body.set(tree, leaf);
  PdfDictionary root;
  root.AddKey("Dests", tree);
  PdfObject* names_obj = doc.GetObjects().CreateObject(PdfVariant(root));
  doc.GetCatalog()->GetDictionary().AddKey("Names", names_obj->Reference());
}

namespace {

bool is_open(int level) {
  return level == 0;
}

/// Entries shown when `items` are visible and each item is open or closed by its level.
int visible_count(const std::vector<layout::OutlineItem>& items, int level) {
  int n = 0;
  for (const auto& item : items)
    n += 1 + (is_open(level) ? visible_count(item.children, level + 1) : 0);
  return n;
}

/// An outline entry's object number, and its children's.
struct Entry {
  PdfReference ref;
  std::vector<Entry> children;
};

/// The numbers of the entries for `items` and their descendants, in document order: each is
/// written once its next sibling has a number.
std::vector<Entry> reserve_entries(Body& body, const std::vector<layout::OutlineItem>& items) {
  std::vector<Entry> entries;
  entries.reserve(items.size());
  for (const auto& item : items) {
    Entry& entry = entries.emplace_back();
    entry.ref = body.reserve();
    entry.children = reserve_entries(body, item.children);
  }
  return entries;
}

/// Writes the entries for `items` under `parent` (Table 153), linked as siblings, the keys in
/// the order PoDoFo wrote them (sorted).
void write_entries(Body& body, const PdfReference& parent,
                   const std::vector<layout::OutlineItem>& items, const std::vector<Entry>& entries,
                   int level, const DestMap& dests, Diagnostics& diags) {
  std::string d;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const layout::OutlineItem& item = items[i];
    const std::vector<Entry>& children = entries[i].children;
    d = "<<";
    if (!children.empty()) {
      // Positive when open: the visible descendants; negative when closed.
      const int count = visible_count(item.children, level + 1);
      d += "/Count";
      raw_int(d, is_open(level) ? count : -count);
    }
    if (dests.count(item.dest)) {
      d += "/Dest";
      raw_bytes(d, item.dest);
    } else {
      diags.warning({}, "outline entry '" + item.title + "' points to unknown destination '" +
                            item.dest + "'");
    }
    if (!children.empty()) {
      d += "/First";
      raw_ref(d, children.front().ref);
      d += "/Last";
      raw_ref(d, children.back().ref);
    }
    if (i + 1 < items.size()) {
      d += "/Next";
      raw_ref(d, entries[i + 1].ref);
    }
    d += "/Parent";
    raw_ref(d, parent);
    if (i > 0) {
      d += "/Prev";
      raw_ref(d, entries[i - 1].ref);
    }
    d += "/Title";
    raw_text(d, item.title);
    d += ">>";
    body.set(entries[i].ref, d);
    write_entries(body, entries[i].ref, item.children, children, level + 1, dests, diags);
  }
}

/// The value of a decimal label without leading zeros, or 0.
int decimal_value(const std::string& s) {
  if (s.empty() || s.size() > 6 || s[0] == '0')
    return 0;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9')
      return 0;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::string roman(int v) {
  static const std::pair<int, const char*> table[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (const auto& [n, s] : table)
    for (; v >= n; v -= n)
      out += s;
  return out;
}

/// The value of a canonical lowercase roman label ("iv", not "iiii"), or 0.
int roman_value(const std::string& s) {
  if (s.empty() || s.size() > 12 || s.find_first_not_of("ivxlcdm") != std::string::npos)
    return 0;
  for (int v = 1; v < 4000; ++v) {
    if (roman(v) == s)
      return v;
  }
  return 0;
}

} // namespace

void add_outline(PdfMemDocument& doc, Body& body, const std::vector<layout::OutlineItem>& items,
                 const DestMap& dests, Diagnostics& diags) {
  if (items.empty())
    return;
  // Written as text into `body` (pdf/raw.hpp), as the pages are: an issue's outline has an
  // entry for every article and heading, some seven hundred dictionaries for PoDoFo to build
  // and format.
  const PdfReference root = body.reserve();
  const std::vector<Entry> entries = reserve_entries(body, items);
  write_entries(body, root, items, entries, 0, dests, diags);
  std::string d = "<</Type/Outlines/Count";
  raw_int(d, visible_count(items, 0));
  d += "/First";
  raw_ref(d, entries.front().ref);
  d += "/Last";
  raw_ref(d, entries.back().ref);
  d += ">>";
  body.set(root, d);
  PdfDictionary& catalog = doc.GetCatalog()->GetDictionary();
  catalog.AddKey("Outlines", root);
  catalog.AddKey("PageMode", PdfName("UseOutlines"));
}

void add_page_labels(PdfMemDocument& doc, const std::vector<layout::Page>& pages) {
  bool any = false;
  for (const auto& p : pages)
    any = any || !p.label.empty();
  if (!any)
    return;
  // A range continues while labels keep counting up in its style (12.4.2, Table 159);
  // unlabelled pages get their physical page number.
  PdfArray nums;
  char style = 0; // 'D' decimal, 'r' roman, 'P' literal prefix
  int next = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    const std::string& label = pages[i].label;
    int dec = label.empty() ? int(i) + 1 : decimal_value(label);
    int rom = dec ? 0 : roman_value(label);
    if ((dec && style == 'D' && dec == next) || (rom && style == 'r' && rom == next)) {
      ++next;
      continue;
    }
    PdfDictionary range;
    if (dec || rom) {
      style = dec ? 'D' : 'r';
      range.AddKey("S", PdfName(std::string(1, style)));
      int start = dec ? dec : rom;
      if (start != 1)
        range.AddKey("St", pdf_int(start));
      next = start + 1;
    } else {
      style = 'P';
      range.AddKey("P", pdf_text(label));
    }
    nums.push_back(pdf_int(std::int64_t(i)));
    nums.push_back(range);
  }
  PdfDictionary tree;
  tree.AddKey("Nums", nums);
  doc.GetCatalog()->GetDictionary().AddKey("PageLabels", tree);
}

void add_metadata(PdfMemDocument& doc, const layout::DocumentInfo& info,
                  const PdfStandard& standard) {
  // PoDoFo stamps the clock into Info when it creates it: replace the whole dictionary.
  PdfDictionary& d = doc.GetInfo()->GetObject()->GetDictionary();
  d.Clear();
  auto text = [&](const char* key, const std::string& v) {
    if (!v.empty())
      d.AddKey(key, pdf_text(v));
  };
  text("Title", info.title);
  text("Author", info.author);
  text("Subject", info.subject);
  text("Keywords", info.keywords);
  text("Creator", info.creator);
  d.AddKey("Producer", PdfString("galley"));
  std::string date = pdf_date(info.date_epoch);
  d.AddKey("CreationDate", PdfString(date));
  d.AddKey("ModDate", PdfString(date));

  PdfDictionary& catalog = doc.GetCatalog()->GetDictionary();
  // Metadata streams stay uncompressed so that tools which scan for the packet find it.
  PdfObject* xmp = doc.GetObjects().CreateObject("Metadata");
  xmp->GetDictionary().AddKey("Subtype", PdfName("XML"));
  set_raw_stream(xmp, xmp_packet(info, standard));
  catalog.AddKey("Metadata", xmp->Reference());
  if (!info.language.empty())
    catalog.AddKey("Lang", pdf_text(info.language));
  PdfDictionary prefs;
  prefs.AddKey("DisplayDocTitle", PdfVariant(true));
  catalog.AddKey("ViewerPreferences", prefs);
}

} // namespace galley::pdf
