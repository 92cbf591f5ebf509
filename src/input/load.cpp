#include "input/load.hpp"

#include "input/finalize.hpp"
#include "input/json_value.hpp"
#include "input/manifest.hpp"
#include "input/readers.hpp"
#include "input/text_file.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <cctype>

namespace galley::input {

namespace fs = std::filesystem;

namespace {

std::string lower_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  for (auto& c : ext)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

} // namespace

bool is_manifest_path(const fs::path& p) {
  std::string ext = lower_extension(p);
  // JSON names articles and issues alike: an issue is the one that lists articles.
  return ext == ".yaml" || ext == ".yml" || (ext == ".json" && is_json_manifest(p));
}

std::optional<model::Article> load_article_with(const fs::path& path, const std::string& display,
                                                const std::vector<fs::path>& extra_roots,
                                                const LoadOptions& options, Diagnostics& diags) {
  const bool from_stdin = path == kStdinPath;
  auto text = from_stdin ? read_text_stdin(display, options, diags)
                         : read_text_file(path, display, options, diags);
  if (!text)
    return std::nullopt;
  ArticleContext ctx;
  ctx.display = display;
  // Standard input has no folder of its own: its relative paths name files from the current one.
  ctx.base_dir = from_stdin ? absolute_normal(fs::current_path()) : absolute_normal(path).parent_path();
  ctx.roots.push_back(ctx.base_dir);
  for (const auto& r : extra_roots)
    ctx.roots.push_back(absolute_normal(r));
  for (const auto& r : options.allowed_roots)
    ctx.roots.push_back(absolute_normal(r));
  for (const auto& r : options.resource_paths)
    ctx.roots.push_back(absolute_normal(r));
  ctx.options = &options;

  ArticleDraft draft;
  if (!read_article_text(*text, lower_extension(path), ctx, draft, diags))
    return std::nullopt;
  finalize_article(draft, ctx, diags);
  draft.article.source_path = display;
  draft.article.base_dir = ctx.base_dir.string();
  return std::move(draft.article);
}

std::optional<model::Article> load_article(const fs::path& path, const LoadOptions& options,
                                           Diagnostics& diags) {
  const std::string display = path == kStdinPath ? kStdinName : path.generic_string();
  return load_article_with(path, display, {}, options, diags);
}

std::optional<model::Issue> load_inputs(const std::vector<fs::path>& paths,
                                        const LoadOptions& options, Diagnostics& diags) {
  if (paths.empty()) {
    diags.error({}, "no input files");
    return std::nullopt;
  }
  if (std::any_of(paths.begin(), paths.end(), is_manifest_path)) {
    if (paths.size() > 1) {
      diags.error({}, "an issue manifest must be the only input");
      return std::nullopt;
    }
    return load_manifest(paths.front(), options, diags);
  }
  model::Issue issue;
  std::vector<fs::path> seen;
  for (const auto& p : paths) {
    fs::path key = absolute_normal(p);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
      diags.error({p.generic_string()}, "article is given twice");
      continue;
    }
    seen.push_back(key);
    if (auto a = load_article(p, options, diags))
      issue.articles.push_back(std::move(*a));
  }
  if (issue.articles.empty())
    return std::nullopt;
  const model::Article& first = issue.articles.front();
  const model::Meta& m = first.meta;
  issue.publication = m.publication;
  issue.language = m.language;
  issue.date = m.date;
  issue.source_path = first.source_path;
  issue.loc = {first.source_path};
  if (issue.articles.size() == 1) {
    // An article book: the issue's metadata is the article's.
    issue.single_article = true;
    issue.title = m.title;
    issue.subtitle = m.subtitle;
    issue.description = m.dek;
    issue.cover = m.cover;
    issue.identifier = m.identifier;
    issue.editors.clear();
  } else {
    issue.title = m.publication.empty() ? m.title : m.publication;
  }
  return issue;
}

} // namespace galley::input
