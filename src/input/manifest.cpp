#include "input/manifest.hpp"

#include "input/images.hpp"
#include "input/json_value.hpp"
#include "input/meta.hpp"
#include "input/text_file.hpp"
#include "input/value.hpp"
#include "util/files.hpp"
#include "util/parallel.hpp"
#include "util/read_log.hpp"
#include "util/text_utils.hpp"

#include <algorithm>
#include <unordered_map>

namespace galley::input {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kManifestKeys{
    "title",       "subtitle", "publication", "number", "date",       "lang",     "language",
    "description", "editors",  "style",       "cover",  "identifier", "articles", "certified-by"};

struct ArticleEntry {
  fs::path path;
  std::string display;
  SourceLoc loc;
};

/// Articles named by a manifest come from its folder or an --allow-path folder, never from
/// elsewhere through `../`, an absolute path or a symbolic link.
bool article_allowed(const std::string& name, const fs::path& path,
                     const std::vector<fs::path>& roots, const SourceLoc& loc, Diagnostics& diags) {
  bool by_link = false;
  if (inside_roots(path, roots, by_link))
    return true;
  const char* hint = "move the article next to the manifest, or allow its folder with --allow-path";
  if (by_link)
    diags.error(loc, "article '" + name + "' links to a file outside the allowed folders", hint);
  else if (fs::path(name).is_absolute())
    diags.error(loc, "article '" + name + "' is an absolute path outside the manifest's folder",
                hint);
  else
    diags.error(loc, "article '" + name + "' leaves the manifest's folder", hint);
  return false;
}

void read_articles(const Entry& e, const fs::path& dir, const std::string& display_dir,
                   const std::vector<fs::path>& roots, std::vector<ArticleEntry>& out,
                   Diagnostics& diags) {
  if (e.value.kind != ValueKind::List) {
    diags.error(e.value.loc.line ? e.value.loc : e.key_loc,
                "'articles' must be a list of file names, got " +
                    std::string(kind_phrase(e.value.kind)));
    return;
  }
  // Each article's first line by its path, for the duplicate check: a hundred articles compared
  // each with all before it was a quarter of reading the list.
  std::unordered_map<std::string, int> first_line;
  for (const ArticleEntry& o : out)
    first_line.emplace(o.path.native(), o.loc.line);
  for (const auto& v : e.value.list) {
    if (v.kind != ValueKind::Scalar || v.scalar.empty()) {
      diags.error(v.loc,
                  "each article must be a file name, got " + std::string(kind_phrase(v.kind)));
      continue;
    }
    ArticleEntry a;
    a.path = absolute_normal(dir / v.scalar);
    a.display = (fs::path(display_dir) / v.scalar).lexically_normal().generic_string();
    a.loc = v.loc;
    if (!article_allowed(v.scalar, a.path, roots, a.loc, diags))
      continue;
    auto [dup, first] = first_line.emplace(a.path.native(), a.loc.line);
    if (!first) {
      diags.error(a.loc, "article '" + v.scalar + "' is listed twice (first at line " +
                             std::to_string(dup->second) + ")");
      continue;
    }
    std::error_code ec;
    if (!fs::is_regular_file(a.path, ec)) {
      fs::path shown = fs::path(a.display).parent_path();
      diags.error(a.loc, "article '" + v.scalar + "' not found (looked in " +
                             (shown.empty() ? std::string(".") : shown.generic_string()) + ")");
      out.push_back({a.path, a.display, a.loc}); // still counts for the duplicate check
      out.back().display.clear();
      continue;
    }
    // The check above was on the name; the article itself is read later, and that read must
    // open what lies beneath the roots at that moment, not whatever the name then points to.
    confine_reads(a.path, roots);
    out.push_back(std::move(a));
  }
}

} // namespace

const std::vector<std::string>& manifest_keys() {
  return kManifestKeys;
}

std::optional<model::Issue> load_manifest(const fs::path& path, const LoadOptions& options,
                                          Diagnostics& diags, std::vector<KeptArticle>* kept) {
  if (kept)
    kept->clear();
  const std::string display = path.generic_string();
  auto text = read_text_file(path, display, options, diags);
  if (!text)
    return std::nullopt;
  auto root = ascii_lower(path.extension().string()) == ".json"
                  ? parse_json(*text, display, options.limits, diags)
                  : parse_yaml(*text, display, 1, options.limits, diags);
  if (!root)
    return std::nullopt;
  if (root->kind != ValueKind::Map) {
    diags.error({display, 1, 1}, "an issue manifest must be a map of keys, got " +
                                     std::string(kind_phrase(root->kind)));
    return std::nullopt;
  }
  const fs::path dir = absolute_normal(path).parent_path();
  const std::string display_dir = fs::path(display).parent_path().generic_string();

  std::vector<fs::path> roots{dir};
  for (const auto& r : options.allowed_roots)
    roots.push_back(absolute_normal(r));
  for (const auto& r : options.resource_paths)
    roots.push_back(absolute_normal(r));

  model::Issue issue;
  issue.source_path = display;
  issue.loc = {display, 1, 1};
  std::vector<ArticleEntry> entries;
  bool has_articles = false;
  for (const auto& e : root->map) {
    const std::string& k = e.key;
    if (std::find(kManifestKeys.begin(), kManifestKeys.end(), k) == kManifestKeys.end()) {
      warn_unknown_key(e, "manifest", kManifestKeys, diags);
    } else if (k == "articles") {
      has_articles = true;
      read_articles(e, dir, display_dir, roots, entries, diags);
    } else if (k == "date") {
      issue.date = date_field(e, diags);
    } else if (k == "cover") {
      issue.cover = cover_field(e, diags);
    } else if (k == "editors") {
      issue.editors = string_list_field(e, diags);
    } else if (auto s = string_field(e, diags)) {
      if (k == "title")
        issue.title = *s;
      else if (k == "subtitle")
        issue.subtitle = *s;
      else if (k == "publication")
        issue.publication = *s;
      else if (k == "number")
        issue.number = *s;
      else if (k == "description")
        issue.description = *s;
      else if (k == "certified-by")
        issue.certified_by = *s;
      else if (k == "style")
        issue.style = *s;
      else if (k == "identifier")
        issue.identifier = *s;
      else if (auto tag = language_tag(*s, e.value.loc, diags))
        issue.language = *tag; // lang, language
    }
  }
  if (issue.title.empty())
    diags.error({display, 1, 1}, "issue manifest has no title");
  if (!has_articles || entries.empty())
    diags.error({display, 1, 1}, "issue manifest lists no articles",
                "add 'articles:' with file names");

  ArticleContext ctx;
  ctx.display = display;
  ctx.base_dir = dir;
  ctx.roots = roots;
  ctx.options = &options;
  if (issue.cover) {
    const int errors = diags.error_count();
    resolve_image(issue.cover->image, issue.cover->loc, "cover image", ctx, diags);
    issue.cover->alt = collapse_spaces(issue.cover->alt);
    const bool missing = issue.cover->image.path.empty() && !issue.cover->image.remote;
    if (missing && diags.error_count() == errors)
      issue.cover.reset(); // the warning said it is missing; the issue goes without a cover
    else if (issue.cover->alt.empty())
      diags.warning(issue.cover->loc,
                    "cover image '" + issue.cover->image.src + "' has no alt text");
  }
  if (options.on_fields)
    options.on_fields(issue);
  // The articles are read in parallel, each reporting to its own sink, merged in manifest
  // order. What a worker read is logged again on this thread, whose logs (a depfile, the
  // build cache's keys) must hold every file the issue is made of.
  std::vector<std::optional<model::Article>> articles(entries.size());
  std::vector<Diagnostics> sinks(entries.size());
  std::vector<std::vector<fs::path>> read(entries.size());
  std::vector<KeptArticle> kept_keys(entries.size());
  parallel_for(entries.size(), options.threads, [&](std::size_t i, unsigned) {
    const ArticleEntry& a = entries[i];
    if (a.display.empty())
      return; // not found, already reported
    const ArticleMemo::Place place{a.path, a.display, dir};
    if (options.memo)
      if (std::optional<ArticleMemo::Kept> found =
              options.memo->find(place, !(options.defer_blocks && kept))) {
        articles[i] = std::move(found->article);
        read[i] = std::move(found->read);
        kept_keys[i] = {std::move(found->fingerprint), std::move(found->files),
                        std::move(found->blocks)};
        return;
      }
    ReadLog log;
    articles[i] = load_article_with(a.path, a.display, {dir}, options, sinks[i]);
    read[i] = log.paths();
    // Only a clean read is kept: a picture it missed may be there next time.
    if (options.memo && articles[i] && sinks[i].all().empty())
      options.memo->keep(place, {*articles[i], read[i], {}, {}, {}});
  });
  for (std::size_t i = 0; i < entries.size(); ++i) {
    for (const fs::path& p : read[i])
      log_read(p);
    diags.merge(sinks[i]);
    if (!articles[i])
      continue;
    issue.articles.push_back(std::move(*articles[i]));
    if (kept)
      kept->push_back(std::move(kept_keys[i]));
  }
  return issue;
}

} // namespace galley::input
