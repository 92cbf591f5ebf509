#include "export/layout_cache.hpp"

#include "export/cache_keys.hpp"
#include "model/fingerprint.hpp"
#include "style/dump.hpp"

namespace galley::render {

LayoutCache::LayoutCache(const model::Issue& issue, const style::Style& style,
                         const RenderOptions& options)
    : issue_(issue), fingerprints_(options.article_fingerprints),
      kept_files_(options.article_files), store_(options.cache_dir),
      notes_through_issue_(style.notes.numbering == style::NoteNumbering::PerIssue) {
  // Digested once: a key of each of a hundred articles holds this part by its digest.
  CacheKey w("article layout context");
  w.text(toolchain_text());
  w.text(options_text(options, Format::Pdf));
  w.text(options.style_text.empty() ? style::dump_style(style) : options.style_text);
  w.files(typesetting_files(style));
  common_ = w.finish();
}

std::string LayoutCache::key(std::size_t index) const {
  CacheKey k("galley article layout");
  k.text(common_);
  // Of the issue, an article's layout reads its anchor prefix, the notes numbered before it
  // when they are numbered through the issue, and whether its language is the issue's
  // (layout_article): only that, so that an article's own PDF takes the pages its issue set.
  k.text(layout::article_key(issue_, index));
  k.number(notes_through_issue_ ? model::notes_before(issue_, index) : 0);
  const model::Article& article = issue_.articles[index];
  k.number(article.meta.language == issue_.language);
  // The article by what it holds, however it was made; its pictures by their content.
  const bool known = index < fingerprints_.size() && !fingerprints_[index].empty();
  k.text(known ? fingerprints_[index] : model::fingerprint(article));
  if (index < kept_files_.size() && !kept_files_[index].empty())
    k.files(kept_files_[index], &digests_);
  else
    k.files(article_files(article), &digests_);
  return k.finish();
}

LayoutCache::Found LayoutCache::find(const std::string& key, std::size_t index,
                                     layout::LaidOutArticle& out) const {
  // Mapped (read_shared), and the pages' glyph runs view the mapping (GlyphList).
  std::optional<SharedBytes> entry = store_.share(key);
  if (!entry)
    return Found::Miss;
  std::optional<layout::LaidOutArticle> article =
      layout::decode_article(entry->bytes, std::move(entry->owner));
  if (!article)
    return Found::Damaged;
  const std::vector<layout::FontResource>& fonts = article->pages.fonts;
  if (article->font_digests.size() != fonts.size())
    return Found::Damaged;
  for (std::size_t f = 0; f < fonts.size(); ++f)
    if (digests_.digest(fonts[f].path) != article->font_digests[f])
      return Found::Miss;
  for (layout::NodePage& m : article->pages.page_map)
    m.article = static_cast<int>(index);
  out = std::move(*article);
  return Found::Hit;
}

void LayoutCache::store(const std::string& key, layout::LaidOutArticle article) const {
  article.font_digests.clear();
  for (const layout::FontResource& f : article.pages.fonts)
    article.font_digests.push_back(digests_.digest(f.path));
  store_.store(key, layout::encode_article(article));
}

} // namespace galley::render
