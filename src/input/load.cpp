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

namespace {

// An article's bytes read into the model: `base_dir` is where its relative paths start and
// the first of its roots; the reader is the one `extension` and the content choose. A binary
// format (DOCX) takes the bytes as they are; every other reader takes checked text.
std::optional<model::Article> read_article(std::string bytes, const std::string& display,
                                           const fs::path& base_dir, const std::string& extension,
                                           const std::vector<fs::path>& extra_roots,
                                           const LoadOptions& options, Diagnostics& diags) {
  const Reader* binary = binary_reader(extension, bytes);
  auto text = binary ? std::optional<std::string>(std::move(bytes))
                     : text_from_bytes(bytes, display, options, diags);
  if (!text)
    return std::nullopt;
  ArticleContext ctx;
  ctx.display = display;
  ctx.base_dir = base_dir;
  ctx.roots.push_back(ctx.base_dir);
  for (const auto& r : extra_roots)
    ctx.roots.push_back(absolute_normal(r));
  for (const auto& r : options.allowed_roots)
    ctx.roots.push_back(absolute_normal(r));
  for (const auto& r : options.resource_paths)
    ctx.roots.push_back(absolute_normal(r));
  ctx.options = &options;

  ArticleDraft draft;
  const bool usable = binary ? binary->read(*text, nullptr, ctx, draft, diags)
                             : read_article_text(*text, extension, ctx, draft, diags);
  if (!usable)
    return std::nullopt;
  finalize_article(draft, ctx, diags);
  draft.article.source_path = display;
  draft.article.base_dir = ctx.base_dir.string();
  return std::move(draft.article);
}

} // namespace

std::optional<model::Article> load_article_with(const fs::path& path, const std::string& display,
                                                const std::vector<fs::path>& extra_roots,
                                                const LoadOptions& options, Diagnostics& diags) {
  const bool from_stdin = path == kStdinPath;
  auto bytes = from_stdin ? read_input_stdin(display, options, diags)
                          : read_input_file(path, display, options, diags);
  if (!bytes)
    return std::nullopt;
  // Standard input has no folder of its own: its relative paths name files from the current one.
  const fs::path base_dir =
      from_stdin ? absolute_normal(fs::current_path()) : absolute_normal(path).parent_path();
  return read_article(std::move(*bytes), display, base_dir, lower_extension(path), extra_roots,
                      options, diags);
}

std::optional<model::Article> load_article_bytes(std::string_view bytes, const std::string& name,
                                                 const fs::path& base_dir,
                                                 const LoadOptions& options, Diagnostics& diags) {
  if (bytes.size() > options.limits.max_file_size) {
    diags.error({name}, "file is too large (the limit is " +
                            std::to_string(options.limits.max_file_size) + " bytes)");
    return std::nullopt;
  }
  return read_article(std::string(bytes), name, absolute_normal(base_dir), lower_extension(name),
                      {}, options, diags);
}

std::optional<model::Article> load_article(const fs::path& path, const LoadOptions& options,
                                           Diagnostics& diags) {
  const std::string display = path == kStdinPath ? kStdinName : path.generic_string();
  return load_article_with(path, display, {}, options, diags);
}

std::optional<model::Issue> load_inputs(const std::vector<fs::path>& paths,
                                        const LoadOptions& options, Diagnostics& diags,
                                        std::vector<KeptArticle>* kept) {
  if (paths.empty()) {
    diags.error({}, "no input files");
    return std::nullopt;
  }
  if (std::any_of(paths.begin(), paths.end(), is_manifest_path)) {
    if (paths.size() > 1) {
      diags.error({}, "an issue manifest must be the only input");
      return std::nullopt;
    }
    return load_manifest(paths.front(), options, diags, kept);
  }
  std::vector<model::Article> articles;
  std::vector<fs::path> seen;
  for (const auto& p : paths) {
    fs::path key = absolute_normal(p);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
      diags.error({p.generic_string()}, "article is given twice");
      continue;
    }
    seen.push_back(key);
    if (auto a = load_article(p, options, diags))
      articles.push_back(std::move(*a));
  }
  if (articles.empty())
    return std::nullopt;
  return issue_of_articles(std::move(articles));
}

model::Issue issue_of_articles(std::vector<model::Article> articles) {
  model::Issue issue;
  issue.articles = std::move(articles);
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
