#pragma once
// An issue EPUB's memo (epub/memo.hpp), kept in the cache (RenderOptions::cache_dir) beside its
// articles' pages and its PDF's streams, so that the next build of the issue deflates and
// highlights only what changed. One entry per issue and set of options, replaced by each build:
// what it holds never changes the book, only how much is made again (docs/ci.md, "Incremental
// builds").
#include "epub/memo.hpp"
#include "export/issue_entry.hpp"
#include "galley/diagnostics.hpp"
#include "galley/model.hpp"
#include "galley/render.hpp"

#include <string>

namespace galley::render {

class EpubCache {
public:
  EpubCache(const model::Issue& issue, const RenderOptions& options);

  /// Fills the memo's `earlier` maps from the last build; a damaged entry is reported (a note)
  /// and left out.
  void load(epub::EpubMemo& memo, Diagnostics& diags) const;

  /// Keeps the memo's `made` maps, in place of the last build's.
  void store(const epub::EpubMemo& memo) const;

private:
  IssueEntry entry_;
};

} // namespace galley::render
