#pragma once
// What an earlier write of an EPUB made that a later one may take as it is (EpubOptions::memo):
// its container's entries deflated, by a digest of their bytes; its code blocks' tokens, by a
// digest of their language and code; and its articles' documents, by a digest of everything
// rendering one reads (epub/documents.cpp). Each is what the same input always gives, so taking
// them changes no byte of the book, only what is done again: a rebuild of an issue whose one
// article changed renders, highlights and deflates that article's document, not the hundred
// others'. The export layer keeps an issue's memo in the build cache (export/issue_entry.hpp).
#include "galley/diagnostics.hpp"
#include "galley/model.hpp"
#include "highlight/highlight.hpp"
#include "util/hash.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace galley::epub {

/// An entry's bytes as the container stores them: raw deflate (RFC 1951), with the size and
/// CRC-32 of what it holds.
struct DeflatedEntry {
  std::string packed;
  std::uint64_t size = 0;
  std::uint32_t crc = 0;
};

/// A picture an article's document shows, as the book's image store was asked for it
/// (ImageStore::add), with the href it gave.
struct ShownPicture {
  model::ImageRef ref;
  std::string alt;
  SourceLoc loc;
  std::string href;
};

/// A heading of an article's document, for the table of contents: its text, "#id" and level.
struct KeptHeading {
  std::string text, href;
  int level = 0;
};

/// What rendering an article's document made besides its bytes, which the memo holds deflated
/// (deflated_*) by their digest `xhtml`.
struct KeptDocument {
  Digest128 xhtml;
  bool has_math = false;
  std::vector<KeptHeading> headings;
  std::vector<std::pair<std::string, std::string>> page_breaks; ///< label, "#id"
  std::vector<ShownPicture> pictures;  ///< in the order they were asked for
  std::vector<Diagnostic> diagnostics; ///< what rendering it reported, in order
};

/// write_epub takes what it finds in the `earlier` maps and leaves everything of this write in
/// the `made` maps, for the next.
struct EpubMemo {
  std::map<Digest128, DeflatedEntry> deflated_earlier, deflated_made;
  std::map<Digest128, std::vector<highlight::TokenLine>> tokens_earlier, tokens_made;
  std::map<Digest128, KeptDocument> documents_earlier, documents_made;
};

/// The memo's `made` maps as a record (util/record.hpp), for a later write's `earlier`: the
/// export layer keeps it in the cache between builds.
std::string memo_record(const EpubMemo& memo);

/// Fills the memo's `earlier` maps from a record memo_record wrote; false, with `memo` left as
/// it was, when `bytes` are not one whole record of this format.
bool read_memo_record(std::string_view bytes, EpubMemo& memo);

/// The key of a code block's tokens.
Digest128 code_key(std::string_view language, std::string_view code);

/// highlight::tokenize's lines of `code`, taken from `memo` when it has them (and left in it);
/// tokenized when `memo` is null.
std::vector<highlight::TokenLine> code_tokens(std::string_view language, std::string_view code,
                                              EpubMemo* memo);

} // namespace galley::epub
