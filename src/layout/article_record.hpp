#pragma once
// An article's laid-out pages as a sealed record (util/record.hpp), and back: the entries of
// the layout cache (export/layout_cache.hpp), so that an issue whose articles did not change
// is joined from pages set before. Every field goes in as it is (a double by its bits), so
// pages read back are the pages written and the PDF made from them is byte for byte the same.
#include "galley/diagnostics.hpp"
#include "layout/layout.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace galley::layout {

/// Pages, what laying them out reported, and the content digests of the font files they are
/// set with (pages.fonts, in order): a face fontconfig found is not part of the cache key, so
/// the layout cache checks these before it uses the pages.
struct LaidOutArticle {
  ArticlePages pages;
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> font_digests;
};

std::string encode_article(const LaidOutArticle& article);

/// nullopt when the record does not read back whole (truncated, altered, another format). With
/// an `owner` that holds the record, the glyph runs view its bytes and share the owner
/// (GlyphList::from_bytes) rather than copy them.
std::optional<LaidOutArticle> decode_article(std::string_view record,
                                             std::shared_ptr<const void> owner = {});

} // namespace galley::layout
