#include "cli/build_inputs.hpp"

#include "export/article_cache.hpp"
#include "export/cache_keys.hpp"
#include "galley/error.hpp"
#include "input/load.hpp"
#include "model/fingerprint.hpp"
#include "style/dump.hpp"
#include "util/cache_store.hpp"
#include "util/files.hpp"
#include "util/parallel.hpp"
#include "util/read_log.hpp"
#include "util/thread_pool.hpp"

namespace galley::cli {

namespace fs = std::filesystem;

void PrintEdition::publish(std::vector<model::PrintPage> pages) {
  {
    std::lock_guard lock(mutex_);
    if (done_)
      return;
    pages_ = std::move(pages);
    done_ = true;
  }
  ready_.notify_all();
  if (then_)
    then_();
}

std::vector<model::PrintPage> PrintEdition::pages() {
  std::unique_lock lock(mutex_);
  ready_.wait(lock, [this] { return done_; });
  return pages_;
}

namespace {

InputInfo describe(const std::string& path, const std::optional<model::Issue>& issue) {
  InputInfo info;
  info.path = path;
  info.manifest = issue ? !issue->single_article : input::is_manifest_path(path);
  info.slug = fs::path(path).stem().string();
  if (issue && issue->single_article && !issue->articles.empty())
    info.slug = issue->articles.front().meta.slug;
  if (issue && info.manifest)
    for (const auto& a : issue->articles)
      info.articles.push_back({fs::path(a.source_path).stem().string(), a.meta.slug});
  return info;
}

/// The key of an input's record: what loading it depends on besides the files it reads.
std::string record_key(const std::string& path, const LoadSettings& s) {
  CacheKey k("galley input");
  k.text(s.toolchain);
  k.text(absolute_normal(path).string());
  k.text(render::options_text(s.options, render::Format::Pdf)); // the limits, among others
  k.text(s.options.style);
  k.number(static_cast<std::int64_t>(s.options.allowed_roots.size()));
  for (const auto& root : s.options.allowed_roots) k.text(absolute_normal(root).string());
  return k.finish();
}

std::vector<std::string> strings(const std::vector<fs::path>& paths) {
  return {paths.begin(), paths.end()};
}

std::vector<fs::path> paths(const std::vector<std::string>& strings) {
  return {strings.begin(), strings.end()};
}

/// An input's style, with what its cache keys need of it: the files of its `extends:` chain,
/// the fonts and dictionaries it may set with (render::typesetting_files) and its text. The
/// style itself moves to LoadedInput::style.
struct ResolvedStyle {
  style::Style style;
  std::vector<fs::path> files;
  std::vector<fs::path> typesetting;
  std::string text;
};

/// Resolves the style of `issue`, which needs only its fields, on the calling thread.
ResolvedStyle resolve(const model::Issue& issue, const LoadSettings& s, Diagnostics& diags) {
  ResolvedStyle out;
  ReadLog log;
  out.style = render::resolve_style(issue, s.options, diags);
  out.files = log.paths();
  out.typesetting = render::typesetting_files(out.style);
  out.text = style::dump_style(out.style);
  return out;
}

/// Fills in what cache keys need of a loaded input, on `threads` threads; an article's files
/// as the cache folder kept them with it, when it did (`kept_files`, empty otherwise).
void remember_files(LoadedInput& in, std::vector<fs::path> read, const ResolvedStyle& style,
                    std::vector<std::vector<fs::path>> kept_files, unsigned threads) {
  std::vector<fs::path> common = style.typesetting;
  common.insert(common.end(), style.files.begin(), style.files.end());
  in.files = std::move(read);
  in.files.insert(in.files.end(), common.begin(), common.end());
  in.common_files = std::move(common);
  // The other articles' models walked for their pictures, on the workers, which wait for this
  // thread.
  const std::vector<model::Article>& articles = in.issue->articles;
  in.article_files = std::move(kept_files);
  in.article_files.resize(articles.size());
  std::vector<std::size_t> walked;
  for (std::size_t i = 0; i < articles.size(); ++i)
    if (in.article_files[i].empty())
      walked.push_back(i);
  parallel_for(walked.size(), threads, [&](std::size_t k, unsigned) {
    in.article_files[walked[k]] = render::article_files(articles[walked[k]]);
  });
  in.style_text = style.text;
  in.issue_text = model::fingerprint_fields(in.shell);
}

/// Loads the issue and resolves its style (in `style`; the files the cache folder kept with each
/// article in `kept_files`, when given); false when the issue has errors.
bool load_issue(LoadedInput& in, const LoadSettings& s, Diagnostics& diags, ResolvedStyle& style,
                std::vector<std::vector<fs::path>>* kept_files = nullptr) {
  std::vector<input::KeptArticle> kept;
  // A manifest's style depends on its fields alone: a worker resolves it while the articles are
  // read, rather than this thread after them (2 ms of a rebuild after one article changed). What
  // it read is logged again here, whose logs must hold every file the input is made of, and
  // what it reported follows the issue's diagnostics, as it would resolved after.
  std::optional<ResolvedStyle> ahead;
  Diagnostics ahead_diags;
  Task resolving;
  auto on_fields = [&](const model::Issue& fields) {
    resolving = Task::ahead(
        [&ahead, &ahead_diags, &s, fields] { ahead = resolve(fields, s, ahead_diags); });
  };
  in.issue = render::load_kept({fs::path(in.path)}, s.options, diags, &kept, true, on_fields);
  resolving.wait();
  in.fingerprints.clear();
  in.blocks.clear();
  for (input::KeptArticle& k : kept) {
    in.fingerprints.push_back(std::move(k.fingerprint));
    in.blocks.push_back(std::move(k.blocks));
    if (kept_files)
      kept_files->push_back(std::move(k.files));
  }
  if (!in.issue) return false;
  if (ahead) {
    for (const fs::path& p : ahead->files)
      log_read(p);
    diags.merge(ahead_diags);
    style = std::move(*ahead);
  } else {
    style = resolve(*in.issue, s, diags);
  }
  in.style = std::move(style.style);
  // The shell is the issue's fields alone: its articles are set aside while it is copied.
  std::vector<model::Article> articles = std::move(in.issue->articles);
  in.shell = *in.issue;
  in.issue->articles = std::move(articles);
  in.shell.single_article = true;
  return true;
}

} // namespace

LoadedInput load_input(const std::string& path, const LoadSettings& s) {
  LoadedInput in;
  in.path = path;
  if (s.edition) in.edition = std::make_unique<PrintEdition>();
  const bool cacheable = s.cache != nullptr && path != "-";
  // A site-root picture is looked up in the resource folders in turn: one added to an earlier
  // folder changes the load without changing a file it read, so such loads are not recorded.
  std::string key;
  if (cacheable && s.trust_records && s.options.resource_paths.empty()) {
    key = record_key(path, s);
    std::optional<CachedInput> rec = s.cache->find_input(key);
    bool same = rec.has_value();
    for (std::size_t i = 0; same && i < rec->sources.size(); ++i)
      same = file_digest(rec->sources[i].first) == rec->sources[i].second;
    if (same) {
      in.info = std::move(rec->info);
      in.info.path = path;
      in.files = paths(rec->files);
      in.common_files = paths(rec->common_files);
      for (const auto& files : rec->article_files) in.article_files.push_back(paths(files));
      in.style_text = std::move(rec->style_text);
      in.issue_text = std::move(rec->issue_text);
      in.from_record = true;
      return in;
    }
  }
  ReadLog log;
  Diagnostics diags;
  ResolvedStyle style;
  std::vector<std::vector<fs::path>> kept_files;
  bool ok = load_issue(in, s, diags, style, &kept_files);
  in.diags = std::move(diags);
  in.info = describe(path, in.issue);
  if (!ok || !cacheable) return in;
  std::vector<fs::path> read = log.paths();
  remember_files(in, read, style, std::move(kept_files), s.options.threads);
  if (!key.empty() && in.diags.all().empty()) {
    // The files' digests as loading found them (taken later, an edit made meanwhile would pass
    // for what was loaded). Only a later build reads the record: a worker writes it while this
    // thread plans the outputs.
    CachedInput rec;
    for (const auto& f : read) rec.sources.emplace_back(f.string(), file_digest(f));
    rec.info = in.info;
    rec.files = strings(in.files);
    rec.common_files = strings(in.common_files);
    for (const auto& files : in.article_files) rec.article_files.push_back(strings(files));
    rec.style_text = in.style_text;
    rec.issue_text = in.issue_text;
    in.keeping = Task([cache = s.cache, key = std::move(key), rec = std::move(rec)] {
      cache->store_input(key, rec);
    });
  }
  return in;
}

const model::Issue& ensure_issue(LoadedInput& in, const LoadSettings& s) {
  std::call_once(*in.loaded_late, [&] {
    if (in.issue) return;
    Diagnostics again;
    ResolvedStyle style;
    if (!load_issue(in, s, again, style) || again.has_errors())
      throw Error("'" + in.path + "' changed while galley was building it");
  });
  return *in.issue;
}

} // namespace galley::cli
