#pragma once
// What the keys of galley's caches are made of (docs/ci.md, "Incremental builds"): the build
// cache of whole outputs (cli/build_cache.hpp) and the layout cache of an issue's articles
// (export/layout_cache.hpp) name the same things in the same way.
#include "galley/model.hpp"
#include "galley/render.hpp"
#include "galley/style.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace galley::render {

/// galley's version and the version of every library it was built with: a new HarfBuzz may
/// shape differently, so an entry made with another is not used.
std::string toolchain_text();

/// The render options that change the bytes of an output of `format`, as text (a PDF standard
/// changes no EPUB). What changes which files are read (--allow-path, --resource-path) shows in
/// the files themselves.
std::string options_text(const RenderOptions& options, Format format);

/// The files an article is made of: its own file and every picture it shows (figures, inline
/// images, cover, portraits), sorted, each once.
std::vector<std::filesystem::path> article_files(const model::Article& article);

/// The files text may be set with: the bundled fonts, the faces the style names, and the
/// hyphenation dictionaries. System fonts that fontconfig finds are not among them (a key does
/// not change when one is installed; docs/ci.md).
std::vector<std::filesystem::path> typesetting_files(const style::Style& style);

} // namespace galley::render
