#pragma once
// One cache entry per issue and set of options, which each build of the issue replaces: what the
// last build made that the next may take where it is the same (the PDF's content streams,
// export/stream_cache.hpp; the EPUB's deflated documents and code tokens, export/epub_cache.hpp).
// The key says where the entry is, not what it holds: each part of it is checked by its own
// digest when it is taken, so the entry never changes an output, only how much is made again.
#include "galley/diagnostics.hpp"
#include "galley/model.hpp"
#include "galley/render.hpp"
#include "util/cache_store.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace galley::render {

class IssueEntry {
public:
  /// The entry of `kind` ("page streams") for `issue` built as `format` with `options`.
  IssueEntry(std::string_view kind, const model::Issue& issue, const RenderOptions& options,
             Format format);
  /// The last build's entry, read into this thread's buffer (CacheStore::read); nullopt when
  /// there is none.
  [[nodiscard]] std::optional<std::string_view> read() const;
  /// Replaces the entry.
  void write(std::string_view bytes) const;
  /// Reports an entry that did not read back whole (a note) and what is made again instead.
  void damaged(Diagnostics& diags, std::string_view made_again) const;

private:
  CacheStore store_;
  std::string kind_, key_;
  SourceLoc where_; ///< the issue
};

} // namespace galley::render
