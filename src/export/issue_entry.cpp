#include "export/issue_entry.hpp"

#include "export/cache_keys.hpp"

namespace galley::render {

IssueEntry::IssueEntry(std::string_view kind, const model::Issue& issue,
                       const RenderOptions& options, Format format)
    : store_(options.cache_dir), kind_(kind), where_(issue.loc) {
  CacheKey k("galley issue entry");
  k.text(kind);
  k.text(toolchain_text());
  k.text(options_text(options, format));
  k.text(issue.source_path);
  k.text(model::publication_identifier(issue));
  key_ = k.finish();
}

void IssueEntry::load(const std::function<bool(std::string_view)>& read, Diagnostics& diags) const {
  std::optional<std::string_view> bytes = store_.read(key_);
  if (bytes && !read(*bytes))
    diags.note(where_, "the cache entry " + key_ + " of the issue's " + kind_ +
                           " is damaged; making them again");
}

void IssueEntry::write(std::string_view bytes) const {
  store_.store(key_, bytes);
}

} // namespace galley::render
