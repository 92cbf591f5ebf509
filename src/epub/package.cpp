// The package document (EPUB 3.3 section 5), the navigation document (section 7) and the
// EPUB 2 NCX that older reading systems still use for their table of contents.
#include "epub/book.hpp"
#include "text/direction.hpp"

#include <charconv>

namespace galley::epub {

namespace {
std::string int_str(int v) {
  char buf[16];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return {buf, end};
}

pugi::xml_node add_meta(pugi::xml_node metadata, const char* property, const std::string& value,
                        const std::string& refines = {}) {
  auto m = metadata.append_child("meta");
  if (!refines.empty()) m.append_attribute("refines") = ("#" + refines).c_str();
  m.append_attribute("property") = property;
  add_text(m, value);
  return m;
}

pugi::xml_node add_dc(pugi::xml_node metadata, const char* name, const std::string& value,
                      const std::string& id = {}) {
  auto el = metadata.append_child(name);
  if (!id.empty()) el.append_attribute("id") = id.c_str();
  add_text(el, value);
  return el;
}

/// Accessibility metadata (EPUB Accessibility 1.1, schema.org properties) claimed only from
/// what the content shows: images decide the access modes and the alternativeText claim.
void add_accessibility(pugi::xml_node metadata, const Metadata& meta) {
  add_meta(metadata, "schema:accessMode", "textual");
  if (meta.has_images) add_meta(metadata, "schema:accessMode", "visual");
  bool text_suffices = !meta.has_images || meta.all_images_have_alt;
  if (text_suffices) add_meta(metadata, "schema:accessModeSufficient", "textual");
  if (meta.has_images) add_meta(metadata, "schema:accessModeSufficient", "textual,visual");
  if (meta.has_images && meta.all_images_have_alt)
    add_meta(metadata, "schema:accessibilityFeature", "alternativeText");
  for (const char* f : {"tableOfContents", "readingOrder", "structuralNavigation"})
    add_meta(metadata, "schema:accessibilityFeature", f);
  // Formulas as MathML, each with its TeX source as alternative text.
  if (meta.has_math) add_meta(metadata, "schema:accessibilityFeature", "MathML");
  if (!meta.print_source.empty())
    for (const char* f : {"pageBreakMarkers", "pageNavigation"})
      add_meta(metadata, "schema:accessibilityFeature", f);
  add_meta(metadata, "schema:accessibilityHazard", "none");
  // The summary says only what is true of this book.
  std::string summary = meta.has_sections
                            ? "A navigable table of contents lists every article and its "
                              "sections; headings mark the structure"
                            : "A navigable table of contents lists every article";
  summary += ", and the reading order follows the text.";
  if (!meta.has_images) summary += " The publication has no images.";
  else if (meta.all_images_have_alt) summary += " Every image has a text alternative.";
  else summary += " Some images have no text alternative.";
  if (meta.has_notes)
    summary += " Notes are linked from the text and back.";
  if (!meta.print_source.empty())
    summary += " Page-break markers and a page list give the pages of the PDF edition.";
  add_meta(metadata, "schema:accessibilitySummary", summary);
  // The claim (EPUB Accessibility 1.1, 5.1); the certifier, when the publisher names one (5.2).
  // A book with an image lacking its alternative text cannot claim WCAG's level A.
  if (text_suffices) {
    add_meta(metadata, "dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");
    if (!meta.certified_by.empty())
      add_meta(metadata, "a11y:certifiedBy", meta.certified_by);
  }
}

void toc_list(pugi::xml_node parent, const std::vector<TocEntry>& entries) {
  auto ol = parent.append_child("ol");
  for (const auto& e : entries) {
    auto li = ol.append_child("li");
    auto a = li.append_child("a");
    a.append_attribute("href") = e.href.c_str();
    add_text(a, e.text.empty() ? std::string("Section") : e.text);
    if (!e.children.empty()) toc_list(li, e.children);
  }
}

int depth(const std::vector<TocEntry>& entries) {
  int d = 0;
  for (const auto& e : entries) d = std::max(d, 1 + depth(e.children));
  return d;
}

void ncx_points(pugi::xml_node parent, const std::vector<TocEntry>& entries, int& order) {
  for (const auto& e : entries) {
    auto np = parent.append_child("navPoint");
    np.append_attribute("id") = ("np-" + int_str(order)).c_str();
    np.append_attribute("playOrder") = order;
    ++order;
    add_text(np.append_child("navLabel").append_child("text"),
             e.text.empty() ? std::string("Section") : e.text);
    np.append_child("content").append_attribute("src") = e.href.c_str();
    ncx_points(np, e.children, order);
  }
}
} // namespace

std::string build_container_xml() {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto c = doc.append_child("container");
  c.append_attribute("version") = "1.0";
  c.append_attribute("xmlns") = "urn:oasis:names:tc:opendocument:xmlns:container";
  auto rf = c.append_child("rootfiles").append_child("rootfile");
  rf.append_attribute("full-path") = "EPUB/package.opf";
  rf.append_attribute("media-type") = "application/oebps-package+xml";
  return serialize(doc, true);
}

std::string build_opf(const Metadata& meta, const std::vector<ContentDoc>& docs,
                      const std::vector<const Resource*>& resources) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto pkg = doc.append_child("package");
  pkg.append_attribute("xmlns") = "http://www.idpf.org/2007/opf";
  pkg.append_attribute("version") = "3.0";
  pkg.append_attribute("unique-identifier") = "pub-id";
  pkg.append_attribute("xml:lang") = meta.language.c_str();

  auto md = pkg.append_child("metadata");
  md.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
  add_dc(md, "dc:identifier", meta.identifier, "pub-id");
  add_dc(md, "dc:title", meta.title, "title");
  add_meta(md, "title-type", "main", "title");
  if (!meta.subtitle.empty()) {
    add_dc(md, "dc:title", meta.subtitle, "subtitle");
    add_meta(md, "title-type", "subtitle", "subtitle");
  }
  for (size_t i = 0; i < meta.creators.size(); ++i) {
    const auto& c = meta.creators[i];
    std::string id = "creator-" + int_str(static_cast<int>(i) + 1);
    add_dc(md, "dc:creator", c.name, id);
    add_meta(md, "role", c.role.empty() ? "aut" : c.role, id).append_attribute("scheme") =
        "marc:relators";
    if (!c.file_as.empty()) add_meta(md, "file-as", c.file_as, id);
    add_meta(md, "display-seq", int_str(static_cast<int>(i) + 1), id);
  }
  add_dc(md, "dc:language", meta.language);
  if (!meta.print_source.empty()) {
    // The edition the page-break markers follow (EPUB 3.3, D.3: source-of "pagination").
    add_dc(md, "dc:source", meta.print_source, "print-source");
    add_meta(md, "source-of", "pagination", "print-source");
  }
  if (!meta.date.empty()) add_dc(md, "dc:date", meta.date);
  add_meta(md, "dcterms:modified", meta.modified);
  if (!meta.publisher.empty()) add_dc(md, "dc:publisher", meta.publisher);
  for (const auto& s : meta.subjects) add_dc(md, "dc:subject", s);
  if (!meta.description.empty()) add_dc(md, "dc:description", meta.description);
  if (!meta.collection.empty()) {
    // EPUB 3.3 meta properties vocabulary, collection-type: "series" is a sequence of related
    // works, which the issues of a periodical are.
    add_meta(md, "belongs-to-collection", meta.collection).append_attribute("id") = "collection";
    add_meta(md, "collection-type", "series", "collection");
    if (!meta.group_position.empty())
      add_meta(md, "group-position", meta.group_position, "collection");
  }
  for (const Resource* r : resources)
    if (r->properties == "cover-image") {
      // The EPUB 2 cover hint: still what several reading systems use for the library thumbnail.
      auto m = md.append_child("meta");
      m.append_attribute("name") = "cover";
      m.append_attribute("content") = r->id.c_str();
    }
  add_accessibility(md, meta);

  auto manifest = pkg.append_child("manifest");
  auto item = [&](const std::string& id, const std::string& href, const char* type,
                  const std::string& props) {
    auto it = manifest.append_child("item");
    it.append_attribute("id") = id.c_str();
    it.append_attribute("href") = href.c_str();
    it.append_attribute("media-type") = type;
    if (!props.empty()) it.append_attribute("properties") = props.c_str();
  };
  item("ncx", "toc.ncx", "application/x-dtbncx+xml", "");
  item("css", "style.css", "text/css", "");
  for (const auto& d : docs) item(d.id, d.href, "application/xhtml+xml", d.properties);
  for (const Resource* r : resources) item(r->id, r->href, r->media_type.c_str(), r->properties);

  auto spine = pkg.append_child("spine");
  spine.append_attribute("toc") = "ncx";
  // EPUB 3.3, 5.6.1: a book in a right-to-left language turns its pages from right to left.
  if (text::right_to_left(meta.language)) spine.append_attribute("page-progression-direction") = "rtl";
  for (const auto& d : docs) {
    auto ref = spine.append_child("itemref");
    ref.append_attribute("idref") = d.id.c_str();
    if (!d.linear) ref.append_attribute("linear") = "no";
  }
  return serialize(doc, true);
}

void nest_headings(TocEntry& parent, const std::vector<TocEntry>& flat) {
  // A stack of open entries: each heading becomes a child of the nearest earlier heading with
  // a lower level, so skipped levels (h2 then h4) still nest once.
  std::vector<TocEntry*> stack{&parent};
  for (const auto& h : flat) {
    while (stack.size() > 1 && stack.back()->level >= h.level) stack.pop_back();
    stack.back()->children.push_back(h);
    stack.push_back(&stack.back()->children.back());
  }
}

std::string build_nav(const Metadata& meta, const std::vector<TocEntry>& toc,
                      const std::vector<ContentDoc>& docs, const std::vector<TocEntry>& pages) {
  pugi::xml_document doc;
  auto body = start_xhtml(doc, meta.language, meta.title, "frontmatter");
  auto nav = body.append_child("nav");
  nav.append_attribute("epub:type") = "toc";
  nav.append_attribute("role") = "doc-toc";
  nav.append_attribute("id") = "toc";
  add_text(nav.append_child("h1"), "Contents");
  toc_list(nav, toc);

  auto landmarks = body.append_child("nav");
  landmarks.append_attribute("epub:type") = "landmarks";
  landmarks.append_attribute("id") = "landmarks";
  landmarks.append_attribute("hidden") = "hidden";
  add_text(landmarks.append_child("h2"), "Landmarks");
  auto ol = landmarks.append_child("ol");
  for (const auto& d : docs) {
    if (d.landmark.empty()) continue;
    auto a = ol.append_child("li").append_child("a");
    a.append_attribute("epub:type") = d.landmark.c_str();
    a.append_attribute("href") = (d.landmark == "toc" && d.id == "nav" ? d.href + "#toc" : d.href).c_str();
    add_text(a, d.landmark_label);
  }
  if (!pages.empty()) {
    // The page-list (EPUB 3.3, 7.4.2.2): reading systems offer it as "go to page", not as
    // a table of contents to read, so it is hidden like the landmarks.
    auto list = body.append_child("nav");
    list.append_attribute("epub:type") = "page-list";
    list.append_attribute("role") = "doc-pagelist";
    list.append_attribute("id") = "page-list";
    list.append_attribute("hidden") = "hidden";
    add_text(list.append_child("h2"), "Pages");
    toc_list(list, pages);
  }
  return serialize(doc, false);
}

std::string build_ncx(const Metadata& meta, const std::vector<TocEntry>& toc) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto ncx = doc.append_child("ncx");
  ncx.append_attribute("xmlns") = "http://www.daisy.org/z3986/2005/ncx/";
  ncx.append_attribute("version") = "2005-1";
  ncx.append_attribute("xml:lang") = meta.language.c_str();
  auto head = ncx.append_child("head");
  auto hmeta = [&](const char* name, const std::string& content) {
    auto m = head.append_child("meta");
    m.append_attribute("name") = name;
    m.append_attribute("content") = content.c_str();
  };
  hmeta("dtb:uid", meta.identifier);
  hmeta("dtb:depth", int_str(std::max(1, depth(toc))));
  hmeta("dtb:totalPageCount", "0");
  hmeta("dtb:maxPageNumber", "0");
  add_text(ncx.append_child("docTitle").append_child("text"), meta.title);
  int order = 1;
  ncx_points(ncx.append_child("navMap"), toc, order);
  return serialize(doc, true);
}

} // namespace galley::epub
