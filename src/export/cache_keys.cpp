#include "export/cache_keys.hpp"

#include "galley/version.hpp"
#include "model/walk.hpp"
#include "text/engine.hpp"
#include "text/hyphenate.hpp"
#include "util/files.hpp"
#include "util/folder_files.hpp"
#include "util/record.hpp"

#include <algorithm>

namespace galley::render {

namespace fs = std::filesystem;

std::string toolchain_text() {
  // The same for the whole process: made once, not for each key.
  static const std::string text = [] {
    std::string s = std::string("galley ") + version();
    for (const LibraryVersion& l : library_versions())
      s += "\n" + l.name + " " + l.version;
    return s;
  }();
  return text;
}

std::string options_text(const RenderOptions& o, Format format) {
  const Limits& l = o.limits;
  RecordWriter w("render options");
  w.text(format_extension(format));
  w.text(o.source_date_epoch ? std::to_string(*o.source_date_epoch) : "");
  w.number(o.system_fonts);
  if (format == Format::Epub) {
    w.number(o.embed_fonts);
  } else {
    w.number(static_cast<std::uint64_t>(o.pdf_standard.archive));
    w.number(o.pdf_standard.ua);
  }
  for (std::uint64_t v : {std::uint64_t(l.max_file_size), std::uint64_t(l.max_nesting),
                          std::uint64_t(l.max_value_nodes), std::uint64_t(l.max_notes),
                          std::uint64_t(l.max_image_file_size), std::uint64_t(l.max_image_side),
                          std::uint64_t(l.max_image_pixels), std::uint64_t(l.max_pages)})
    w.number(v);
  return w.seal();
}

std::vector<fs::path> article_files(const model::Article& article) {
  std::vector<fs::path> out;
  if (!article.source_path.empty())
    out.push_back(absolute_normal(article.source_path));
  model::for_each_picture(article, [&](const model::ImageRef& r, bool) {
    if (!r.remote && !r.path.empty())
      out.push_back(absolute_normal(r.path));
  });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace {

/// The files under `dir` of those extensions (util/folder_files.hpp), absolute and normal.
void add_files(const fs::path& dir, const std::vector<std::string>& extensions,
               std::vector<fs::path>& out) {
  for (const fs::path& file : files_under(dir, extensions))
    out.push_back(absolute_normal(file));
}

} // namespace

std::vector<fs::path> typesetting_files(const style::Style& style) {
  std::vector<fs::path> out;
  for (const auto& face : style.fonts.faces)
    out.push_back(absolute_normal(face.path));
  add_files(text::bundled_fonts_dir(), {".ttf", ".otf", ".ttc", ".otc"}, out);
  add_files(text::default_dictionary_dir(), {".dic"}, out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

} // namespace galley::render
