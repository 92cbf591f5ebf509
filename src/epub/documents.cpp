// An issue EPUB's article documents kept between writes (EpubMemo::documents_*). Rendering a
// hundred articles' documents was four fifths of writing the bench issue's EPUB in every rebuild
// after one article changed; now a document is rendered only when something it is made from
// changed. Its key holds all that render_article reads: the article (by its fingerprint), the
// resolved style, the id prefix and note offset its place in the book gives it, the publication
// its header names, the PDF pages that begin in it (page-break markers, EPUB 3.3 page-list), and
// the pictures the book carries before it, which decide the hrefs of its own. What rendering
// does besides writing the document is kept with it and done again when it is taken: the
// pictures it shows are shown to the book's image store in the same order (so the book carries
// the same files under the same names), and its diagnostics are reported again.
#include "epub/book.hpp"
#include "model/fingerprint.hpp"

#include <cstdint>

namespace galley::epub {

namespace {

/// A document's key, each text part with its length so that no two keys' parts run together.
Digest128 document_key(const ArticleContext& ctx, const std::string& publication,
                       std::string_view fingerprint, const std::string& style_text) {
  FastDigest k;
  k.text("galley epub article document 1");
  if (fingerprint.empty())
    k.text(model::fingerprint(ctx.article));
  else
    k.text(fingerprint);
  k.text(style_text);
  k.text(ctx.prefix);
  k.number(static_cast<std::uint64_t>(static_cast<std::int64_t>(ctx.note_offset)));
  k.text(publication);
  k.number(ctx.print_pages.size());
  for (const model::PrintPage* p : ctx.print_pages) {
    k.text(p->label);
    k.number(static_cast<std::uint64_t>(static_cast<std::int64_t>(p->block)));
    k.number(static_cast<std::uint64_t>(static_cast<std::int64_t>(p->word)));
  }
  const Digest128 pictures = ctx.images.state();
  k.number(pictures.low);
  k.number(pictures.high);
  return k.finish();
}

/// Shows a kept document's pictures to the image store again; false when one gets another href
/// than it got then (its file now holds another format), and the document must be rendered.
bool show_again(const KeptDocument& kept, ImageStore& images, Diagnostics& diags) {
  // What the store reports was reported when the document was made, and is among its
  // diagnostics; when the document is made again, the store, which reports a file the first
  // time it is shown, says it here.
  Diagnostics again;
  for (const ShownPicture& p : kept.pictures)
    if (images.add(p.ref, p.alt, p.loc, again) != p.href) {
      diags.merge(again);
      return false;
    }
  return true;
}

} // namespace

ArticleDocument article_document(ArticleContext& ctx, const std::string& publication,
                                 std::string_view fingerprint, const std::string& style_text,
                                 EpubMemo* documents, bool take_only) {
  ArticleDocument out;
  Digest128 key;
  if (documents) {
    key = document_key(ctx, publication, fingerprint, style_text);
    auto kept = documents->documents_earlier.find(key);
    // The document's bytes are in the memo deflated, or it is made again.
    if (kept != documents->documents_earlier.end() &&
        documents->deflated_earlier.count(kept->second.xhtml) > 0 &&
        show_again(kept->second, ctx.images, ctx.diags)) {
      out.made = kept->second;
      for (const Diagnostic& d : out.made.diagnostics)
        ctx.diags.report(d);
      documents->documents_made.emplace(key, out.made);
      return out;
    }
  }
  if (take_only) {
    out.done = false;
    return out;
  }
  ctx.images.record_into(&out.made.pictures);
  out.xhtml = render_article(ctx.article, ctx, publication);
  ctx.images.record_into(nullptr);
  out.made.xhtml = fast_digest(out.xhtml);
  out.made.has_math = ctx.has_math;
  for (const TocEntry& h : ctx.headings)
    out.made.headings.push_back({h.text, h.href, h.level});
  out.made.page_breaks = ctx.page_breaks;
  out.made.diagnostics = ctx.diags.all();
  if (documents)
    documents->documents_made.emplace(key, out.made);
  return out;
}

} // namespace galley::epub
