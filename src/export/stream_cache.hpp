#pragma once
// The content streams of an issue PDF's last build (pdf/content_key.hpp), kept in the cache
// (RenderOptions::cache_dir) beside its articles' pages, so that the next build of the issue
// makes and packs only the streams of pages that changed. One entry per issue and set of
// options, replaced by each build: which streams it holds never changes the output, only how
// many are made again (docs/ci.md, "Incremental builds").
#include "export/issue_entry.hpp"
#include "galley/diagnostics.hpp"
#include "galley/model.hpp"
#include "galley/render.hpp"
#include "pdf/content_key.hpp"

#include <string>

namespace galley::render {

class StreamCache {
public:
  StreamCache(const model::Issue& issue, const RenderOptions& options);

  /// Fills `memo.earlier` with the streams of the last build; a damaged entry is reported (a
  /// note) and left out.
  void load(pdf::StreamMemo& memo, Diagnostics& diags) const;

  /// Keeps `memo.made`, the streams of this build, in place of the last build's.
  void store(const pdf::StreamMemo& memo) const;

private:
  IssueEntry entry_;
};

} // namespace galley::render
