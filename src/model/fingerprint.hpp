#pragma once
// A digest of everything an article holds, for the layout cache (export/layout_cache.hpp): two
// articles with the same fingerprint are laid out alike, whether they were read from files, from
// memory or built by a program. Every field of every node goes in, source places included
// (diagnostics name them), so a field added to the model must be added here too
// (tests/model/test_fingerprint.cpp changes each field and expects a new fingerprint).
#include "galley/model.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace galley::model {

/// Lowercase hex SHA-256 over the article's fields. Pictures count by their paths: their content
/// is for the caller to add.
std::string fingerprint(const Article& article);

/// The same over the issue's own fields (its articles left out).
std::string fingerprint_fields(const Issue& issue);

/// Every field of the article as a sealed record (util/record.hpp), the bytes the fingerprint
/// is taken over (without the seal; the fingerprint digests them as they are made, not from a
/// record): the build cache keeps articles so, to take instead of reading them again.
std::string encode_article(const Article& article);

/// The article encode_article wrote; nullopt for a damaged record or one of another model.
std::optional<Article> decode_article(std::string_view record);

/// The article as encode_article writes it but with no blocks: decode_article gives it back
/// with its blocks empty.
std::string encode_outline(const Article& article);

/// An article's blocks alone as a sealed record, for a keeper that stores them apart from the
/// rest of the article: decoding the rest is then cheap, and the blocks are decoded only when
/// something reads them (export/article_cache.hpp).
std::string encode_blocks(const Blocks& blocks);

/// The blocks encode_blocks wrote; nullopt for a damaged record or one of another model.
std::optional<Blocks> decode_blocks(std::string_view record);

} // namespace galley::model
