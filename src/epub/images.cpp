// Images carried in the book. Policy (docs/epub.md): JPEG, PNG, GIF and SVG, core media types
// of every EPUB 3 ("Core media types"), are copied untouched, but for SVG, which is cleaned
// first (util/svg_clean.cpp). AVIF is a core media type of no EPUB version, and WebP only of
// EPUB 3.3, not of the EPUB 3.2 that epubcheck 4.2.6 and many reading systems follow: a book
// carrying either would need a core-type fallback. Each is decoded (util/image_pixels.hpp) and
// stored as a PNG, which keeps every pixel and the alpha channel. Remote images are never fetched.
#include "epub/book.hpp"
#include "util/files.hpp"
#include "util/image_info.hpp"
#include "util/image_pixels.hpp"
#include "util/svg.hpp"

#include <charconv>

namespace galley::epub {

namespace {
std::string_view extension(ImageFormat f) {
  switch (f) {
  case ImageFormat::Jpeg: return ".jpg";
  case ImageFormat::Png: return ".png";
  case ImageFormat::Gif: return ".gif";
  case ImageFormat::Svg: return ".svg";
  default: return "";
  }
}
} // namespace

std::string ImageStore::add(const model::ImageRef& ref, const std::string& alt,
                            const SourceLoc& loc, Diagnostics& diags) {
  std::string href = add_unlogged(ref, alt, loc, diags);
  if (log_)
    log_->push_back({ref, alt, loc, href});
  return href;
}

Digest128 ImageStore::state() const {
  FastDigest d;
  for (const auto& [path, index] : by_path_) {
    d.text(path);
    d.text(items_[index].href);
  }
  return d.finish();
}

std::string ImageStore::add_unlogged(const model::ImageRef& ref, const std::string& alt,
                                     const SourceLoc& loc, Diagnostics& diags) {
  if (ref.remote) {
    diags.warning(loc, "remote image '" + ref.src + "' is not fetched; its alt text is shown",
                  "download it and refer to the local file");
    return "";
  }
  if (ref.path.empty()) {
    diags.error(loc, "image '" + ref.src + "' not found");
    return "";
  }
  if (alt.empty()) all_alt_ = false;
  ++shown_;
  if (auto it = by_path_.find(ref.path); it != by_path_.end()) return items_[it->second].href;

  std::string why;
  auto data = read_file(ref.path, &why);
  if (!data) {
    diags.error(loc, "image '" + ref.src + "' cannot be read: " + why);
    return "";
  }
  ImageInfo info = probe_image(*data);
  if (info.error.empty() &&
      (info.format == ImageFormat::Webp || info.format == ImageFormat::Avif)) {
    // The loader has decoded this file already and checked its size against the limits.
    std::string error;
    std::optional<Pixels> pixels = decode_pixels(*data, info, error);
    if (!pixels) {
      diags.error(loc, "image '" + ref.src + "' is unusable: " + error);
      return "";
    }
    *data = encode_png(*pixels);
    info.format = ImageFormat::Png;
  }
  if (!info.error.empty() || extension(info.format).empty()) {
    diags.error(loc, "image '" + ref.src + "' is unusable: " +
                         (info.error.empty() ? std::string("unsupported format") : info.error));
    return "";
  }
  if (info.format == ImageFormat::Svg) {
    std::string removed, error;
    std::optional<std::string> clean = clean_svg(*data, removed, error);
    if (!clean) {
      diags.error(loc, "image '" + ref.src + "' is unusable: " + error);
      return "";
    }
    if (!removed.empty())
      diags.warning(loc, "SVG image '" + ref.src + "': removed " + removed +
                             "; a reading system would run or fetch them");
    *data = std::move(*clean);
  }
  char num[16];
  auto [end, ec] = std::to_chars(num, num + sizeof num, items_.size() + 1);
  std::string n(num, end);
  while (n.size() < 3) n.insert(n.begin(), '0');
  Resource r;
  r.id = "img-" + n;
  r.href = "images/img-" + n + std::string(extension(info.format));
  r.media_type = std::string(media_type(info.format));
  r.data = std::move(*data);
  by_path_.emplace(ref.path, items_.size());
  items_.push_back(std::move(r));
  return items_.back().href;
}

void ImageStore::mark_cover(const std::string& href) {
  for (auto& r : items_)
    if (r.href == href) r.properties = "cover-image";
}

} // namespace galley::epub
