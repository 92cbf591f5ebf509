#pragma once
// One cache entry per issue and set of options, which each build of the issue replaces: what the
// last build made that the next may take where it is the same, the PDF's content streams
// (pdf::StreamMemo) and the EPUB's deflated documents and code tokens (epub::EpubMemo). Each
// stage writes and reads its memo as a record; this says where the record is. The key names
// the place, not what the entry holds: each part of it is checked by its own digest when it is
// taken, so an entry never changes an output, only how much is made again (docs/ci.md,
// "Incremental builds"). A single article, made whole when it changes, keeps none.
#include "galley/diagnostics.hpp"
#include "galley/model.hpp"
#include "galley/render.hpp"
#include "util/cache_store.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace galley::render {

class IssueEntry {
public:
  /// The entry of `kind` ("page streams") for `issue` built as `format` with `options`.
  IssueEntry(std::string_view kind, const model::Issue& issue, const RenderOptions& options,
             Format format);
  /// Hands the last build's entry, when there is one, to `read` (a memo's reader); one that
  /// does not read back whole is reported (a note) and what it held is made again.
  void load(const std::function<bool(std::string_view)>& read, Diagnostics& diags) const;
  /// Replaces the entry.
  void write(std::string_view bytes) const;

private:
  CacheStore store_;
  std::string kind_, key_;
  SourceLoc where_; ///< the issue
};

} // namespace galley::render
