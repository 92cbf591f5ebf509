#include "export/resource_cache.hpp"

#include "export/cache_keys.hpp"

namespace galley::render {

ResourceCache::ResourceCache(const RenderOptions& options) : store_(options.cache_dir) {
  // Digested once: a key of each of a hundred articles holds this part by its digest.
  CacheKey w("prepared resources context");
  w.text(toolchain_text());
  w.text(options_text(options, Format::Pdf));
  common_ = w.finish();
  kept_.find_image = [this](const std::string& path) -> std::shared_ptr<const pdf::PreparedImage> {
    std::optional<std::string> bytes = store_.load(image_key(path));
    if (!bytes)
      return nullptr;
    std::optional<pdf::PreparedImage> image = pdf::read_image_record(*bytes);
    if (!image)
      return nullptr;
    return std::make_shared<const pdf::PreparedImage>(std::move(*image));
  };
  kept_.keep_image = [this](const std::string& path, const pdf::PreparedImage& image) {
    store_.store(image_key(path), pdf::image_record(image));
  };
  kept_.find_font = [this](const layout::FontResource& res,
                           const pdf::FontUsage& usage) -> std::optional<pdf::PreparedFont> {
    std::optional<std::string> bytes = store_.load(font_key(res, usage));
    if (!bytes)
      return std::nullopt;
    return pdf::read_font_record(*bytes);
  };
  kept_.keep_font = [this](const layout::FontResource& res, const pdf::FontUsage& usage,
                           const pdf::PreparedFont& font) {
    std::string record = pdf::font_record(font);
    if (!record.empty())
      store_.store(font_key(res, usage), record);
  };
}

std::string ResourceCache::image_key(const std::string& path) const {
  CacheKey k("galley prepared image");
  k.text(common_);
  k.text(file_digest(path));
  return k.finish();
}

std::string ResourceCache::font_key(const layout::FontResource& res,
                                    const pdf::FontUsage& usage) const {
  CacheKey k("galley prepared font");
  k.text(common_);
  k.text(file_digest(res.path));
  k.number(res.face_index);
  // The subset's tag, widths and ToUnicode map are made from the glyphs and their text.
  k.number(static_cast<std::int64_t>(usage.glyphs.size()));
  for (const auto& [id, text] : usage.glyphs) {
    k.number(id);
    k.text(text);
  }
  return k.finish();
}

} // namespace galley::render
