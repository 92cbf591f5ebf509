#include "export/layout_cache.hpp"

#include "export/cache_keys.hpp"
#include "model/fingerprint.hpp"
#include "style/dump.hpp"

namespace galley::render {

LayoutCache::LayoutCache(const model::Issue& issue, const style::Style& style,
                         const RenderOptions& options)
    : issue_(issue), store_(options.cache_dir) {
  // Digested once: a key of each of a hundred articles holds this part by its digest.
  CacheKey w("article layout context");
  w.text(toolchain_text());
  w.text(options_text(options, Format::Pdf));
  w.text(style::dump_style(style));
  w.text(model::fingerprint_fields(issue));
  w.files(typesetting_files(style));
  common_ = w.finish();
}

std::string LayoutCache::key(std::size_t index) const {
  CacheKey k("galley article layout");
  k.text(common_);
  k.text(layout::article_key(issue_, index));
  k.number(model::notes_before(issue_, index));
  // The article by what it holds, however it was made; its pictures by their content.
  k.text(model::fingerprint(issue_.articles[index]));
  k.files(article_files(issue_.articles[index]));
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
    if (font_digests_.digest(fonts[f].path) != article->font_digests[f])
      return Found::Miss;
  for (layout::NodePage& m : article->pages.page_map)
    m.article = static_cast<int>(index);
  out = std::move(*article);
  return Found::Hit;
}

void LayoutCache::store(const std::string& key, layout::LaidOutArticle article) const {
  article.font_digests.clear();
  for (const layout::FontResource& f : article.pages.fonts)
    article.font_digests.push_back(font_digests_.digest(f.path));
  store_.store(key, layout::encode_article(article));
}

} // namespace galley::render
