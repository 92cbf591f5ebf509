// write_epub: renders the content documents, gathers images and fonts, derives the package
// metadata and zips the book. The steps, in order: dates -> pages -> fonts -> metadata ->
// package, nav, NCX -> container.
#include "epub/writer.hpp"

#include "epub/book.hpp"
#include "style/dump.hpp"
#include "util/dates.hpp"
#include "util/hash.hpp"

#include <charconv>

namespace galley::epub {

namespace {
std::string counter(size_t n) {
  char buf[16];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  std::string s(buf, end);
  while (s.size() < 3) s.insert(s.begin(), '0');
  return s;
}


/// "Nova Chen" -> "Chen, Nova"; names of one word stay as they are.
std::string file_as(const std::string& name) {
  auto space = name.find_last_of(' ');
  if (space == std::string::npos) return name;
  return name.substr(space + 1) + ", " + name.substr(0, space);
}

/// group-position from an issue number as written: "14" -> "14", "Vol. 3, No. 2" -> "3.2".
std::string group_position(const std::string& number) {
  std::string out;
  bool in_digits = false;
  for (char c : number) {
    bool digit = c >= '0' && c <= '9';
    if (digit && !in_digits && !out.empty()) out += '.';
    if (digit) out += c;
    in_digits = digit;
  }
  return out;
}

Metadata derive_metadata(const model::Issue& issue, bool single, std::int64_t epoch) {
  Metadata m;
  m.modified = iso_utc(epoch); // CCYY-MM-DDThh:mm:ssZ, as EPUB 3.3 requires
  auto add_author = [&](const model::Author& au) {
    for (const auto& c : m.creators)
      if (c.name == au.name) return;
    m.creators.push_back({au.name, au.file_as.empty() ? file_as(au.name) : au.file_as,
                          au.role.empty() ? "aut" : au.role});
  };
  auto add_subject = [&](const std::string& tag) {
    for (const auto& s : m.subjects)
      if (s == tag) return;
    m.subjects.push_back(tag);
  };
  if (single) {
    const auto& a = issue.articles.front().meta;
    m.title = a.title;
    m.subtitle = a.subtitle;
    for (const auto& au : a.authors) add_author(au);
    m.language = a.language;
    if (a.date) m.date = model::format_date_iso(*a.date);
    m.publisher = a.publication.empty() ? issue.publication : a.publication;
    for (const auto& t : a.tags) add_subject(t);
    m.description = a.dek;
  } else {
    m.title = issue.title.empty() ? issue.publication : issue.title;
    m.subtitle = issue.subtitle;
    for (const auto& e : issue.editors) m.creators.push_back({e, file_as(e), "edt"});
    for (const auto& a : issue.articles)
      for (const auto& au : a.meta.authors) add_author(au);
    m.language = issue.language;
    if (issue.date) m.date = model::format_date_iso(*issue.date);
    m.publisher = issue.publication;
    for (const auto& a : issue.articles)
      for (const auto& t : a.meta.tags) add_subject(t);
    m.description = issue.description;
    if (!issue.publication.empty()) {
      m.collection = issue.publication;
      m.group_position = group_position(issue.number);
    }
  }
  if (m.title.empty()) m.title = "Untitled";
  if (m.language.empty()) m.language = "en";
  m.identifier = model::publication_identifier(issue);
  if (m.date.empty()) m.date = m.modified.substr(0, 10);
  return m;
}
} // namespace

std::string write_epub(const model::Issue& issue, const style::Style& style,
                       const EpubOptions& options, Diagnostics& diags,
                       std::vector<std::string>* font_files) {
  const bool single = issue.single_article && issue.articles.size() == 1;
  const auto& first_meta = single ? issue.articles.front().meta : model::Meta{};
  const std::int64_t epoch = options.date_epoch;

  ImageStore images;
  std::vector<ContentDoc> docs;
  std::vector<TocEntry> toc;

  // 1. Cover page: the issue's cover, or the single article's.
  const std::optional<model::Cover>& cover = single ? first_meta.cover : issue.cover;
  const std::string& lang = single ? first_meta.language : issue.language;
  const std::string book_title = single ? first_meta.title : issue.title;
  if (cover && (single || style.issue.cover)) {
    std::string href = images.add(cover->image, cover->alt, cover->loc, diags);
    if (!href.empty()) {
      images.mark_cover(href);
      docs.push_back({"cover", "cover.xhtml", render_cover(lang, book_title, href, cover->alt), "",
                      true, "cover", "Cover"});
    }
  }
  // 2. Issue front matter.
  std::vector<std::string> hrefs;
  for (size_t i = 0; i < issue.articles.size(); ++i)
    hrefs.push_back("article-" + counter(i + 1) + ".xhtml");
  if (!single) {
    docs.push_back({"titlepage", "titlepage.xhtml", render_issue_title(issue), "", true, "", ""});
    if (style.issue.contents)
      docs.push_back({"contents", "contents.xhtml", render_contents(issue, hrefs), "", true, "toc",
                      "Contents"});
  }
  // 3. One document per article; its headings feed the table of contents, its page-break
  // markers the page-list. Documents are taken from the memo only when the book embeds no
  // fonts: their subsets are made from the text of every document, which one taken does not
  // bring (it is in the memo deflated).
  const bool embeds = options.embed_fonts || style.epub.embed_fonts;
  EpubMemo* documents = embeds ? nullptr : options.memo;
  const std::string style_text = !documents                   ? std::string()
                                 : options.style_text.empty() ? style::dump_style(style)
                                                              : options.style_text;
  std::vector<TocEntry> page_list;
  for (size_t i = 0; i < issue.articles.size(); ++i) {
    const auto& article = issue.articles[i];
    Diagnostics own;
    std::string_view fingerprint;
    if (i < options.article_fingerprints.size())
      fingerprint = options.article_fingerprints[i];
    auto document = [&](const model::Article& a, bool take_only) {
      ArticleContext ctx{a, style, "a" + std::to_string(i + 1) + "-", images, own, {}, {}, {}};
      ctx.memo = options.memo;
      for (const model::PrintPage& p : options.print_pages)
        if (p.article == static_cast<int>(i))
          ctx.print_pages.push_back(&p);
      if (style.notes.numbering == style::NoteNumbering::PerIssue)
        ctx.note_offset = model::notes_before(issue, i);
      return article_document(ctx, issue.publication, fingerprint, style_text, documents,
                              take_only);
    };
    // An article that may be without its blocks is made whole only when its document is not
    // in the memo.
    ArticleDocument rendered = document(article, static_cast<bool>(options.whole));
    if (!rendered.done)
      rendered = document(options.whole(i), false);
    diags.merge(own);
    const KeptDocument& made = rendered.made;
    ContentDoc doc{"article-" + counter(i + 1),
                   hrefs[i],
                   std::move(rendered.xhtml),
                   made.has_math ? "mathml" : "",
                   true,
                   "",
                   "",
                   made.xhtml};
    if (i == 0) {
      doc.landmark = "bodymatter";
      doc.landmark_label = "Start of content";
    }
    docs.push_back(std::move(doc));
    TocEntry entry{article.meta.title.empty() ? "Untitled" : article.meta.title, hrefs[i], 0, {}};
    std::vector<TocEntry> headings;
    for (const KeptHeading& h : made.headings)
      headings.push_back({h.text, hrefs[i] + h.href, h.level, {}});
    nest_headings(entry, headings);
    toc.push_back(std::move(entry));
    for (const auto& [label, id] : made.page_breaks)
      page_list.push_back({label, hrefs[i] + id, 0, {}});
  }
  if (diags.has_errors()) return {};

  // 4. The navigation document, out of the linear reading order.
  bool toc_landmark = false;
  for (const auto& d : docs) toc_landmark = toc_landmark || d.landmark == "toc";
  docs.push_back({"nav", "nav.xhtml", "", "nav", false, toc_landmark ? "" : "toc", "Contents"});
  Metadata meta = derive_metadata(issue, single, epoch);
  meta.has_images = images.any();
  for (const auto& d : docs) meta.has_math = meta.has_math || d.properties == "mathml";
  meta.all_images_have_alt = images.all_have_alt();
  for (const auto& a : issue.articles)
    meta.has_notes = meta.has_notes || !a.notes.empty();
  for (const auto& t : toc)
    meta.has_sections = meta.has_sections || !t.children.empty();
  meta.certified_by = issue.certified_by;
  // The PDF edition the page-list follows: its document id (pdf/metadata.cpp, xmpMM:DocumentID)
  // is this UUID, derived from the identifier both editions share.
  if (!page_list.empty()) meta.print_source = content_uuid_urn(meta.identifier);
  docs.back().xhtml = build_nav(meta, toc, docs, page_list);

  // 5. Fonts, subset to the characters of every document.
  std::string font_face_css;
  std::vector<Resource> fonts;
  if (options.embed_fonts || style.epub.embed_fonts) {
    std::string text;
    for (const auto& d : docs) text += d.xhtml;
    fonts = embed_fonts(style, options, text, font_face_css, diags);
    if (font_files)
      for (const Resource& f : fonts)
        font_files->push_back(f.source);
  }

  std::vector<const Resource*> resources;
  for (const auto& r : images.items()) resources.push_back(&r);
  for (const auto& r : fonts) resources.push_back(&r);

  // 6. The container, in a fixed order: mimetype, container.xml, package, nav, NCX, CSS,
  // content documents in spine order, images, fonts.
  std::vector<ZipEntry> entries;
  entries.push_back({"mimetype", "application/epub+zip", false});
  entries.push_back({"META-INF/container.xml", build_container_xml(), true});
  entries.push_back({"EPUB/package.opf", build_opf(meta, docs, resources), true});
  entries.push_back({"EPUB/toc.ncx", build_ncx(meta, toc), true});
  entries.push_back({"EPUB/style.css", generate_css(style, font_face_css), true});
  for (auto& d : docs)
    entries.push_back({"EPUB/" + d.href, std::move(d.xhtml), true, d.digest});
  for (const Resource* r : resources) {
    // JPEG, PNG and GIF are compressed already; deflating them again costs time for nothing.
    bool compress = r->media_type == "image/svg+xml" || r->media_type.starts_with("font/");
    entries.push_back({"EPUB/" + r->href, r->data, compress});
  }
  return build_zip(entries, epoch, options.threads, options.memo);
}

} // namespace galley::epub
