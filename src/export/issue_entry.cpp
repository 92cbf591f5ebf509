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

std::optional<std::string_view> IssueEntry::read() const {
  return store_.read(key_);
}

void IssueEntry::write(std::string_view bytes) const {
  store_.store(key_, bytes);
}

void IssueEntry::damaged(Diagnostics& diags, std::string_view made_again) const {
  diags.note(where_, "the cache entry " + key_ + " of the issue's " + kind_ + " is damaged; " +
                         std::string(made_again));
}

} // namespace galley::render
