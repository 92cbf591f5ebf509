// One output of `galley build`: its cache key, the output from the cache or rendered, checked
// (--verify), written and kept in the cache; the hand-overs to the jobs that wait on it (an
// EPUB on its PDF's pages, the articles' own PDFs on their issue's layout).
#include "cli/build.hpp"

#include "export/cache_keys.hpp"
#include "util/files.hpp"
#include "util/hash.hpp"
#include "util/thread_pool.hpp"

#include <algorithm>
#include <exception>
#include <utility>

namespace galley::cli {

namespace {

/// "first difference at byte N" for --verify.
std::size_t first_difference(const std::string& a, const std::string& b) {
  std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i)
    if (a[i] != b[i])
      return i;
  return n;
}

} // namespace

void Build::render_job(std::size_t i) {
  auto start = Clock::now();
  const PlannedOutput& out = plan_.outputs[i];
  LoadedInput& in = loaded_[out.input];
  JobResult& r = results_[i];
  r.diags.merge(in.diags);
  // The PDF's pages go to the EPUB job as soon as they are known, and however this job ends,
  // or the EPUB job would never start.
  struct Handover {
    PrintEdition* to = nullptr;
    std::vector<model::PrintPage> pages;
    void now() {
      if (to)
        to->publish(std::move(pages));
      to = nullptr;
    }
    ~Handover() { now(); }
  } handover{out.format == "pdf" && out.article < 0 ? in.edition.get() : nullptr, {}};
  // The articles' own outputs start once the issue's articles are laid out, or when this job
  // ends first, however it ends.
  struct Gate {
    std::function<void()> start;
    void open() {
      if (start)
        std::exchange(start, nullptr)();
    }
    ~Gate() { open(); }
  } gate{out.format == "pdf" && out.article < 0 ? std::move(start_articles_[out.input]) : nullptr};
  if ((!in.issue && !in.from_record) || failed(in.diags, st_.common))
    return;
  std::string key;
  if (cache_ && !in.files.empty()) {
    CacheKey k("galley output");
    k.text(in.output_context[out.format == "pdf" ? 0 : 1]);
    // An article's own output depends on its files and the issue's fields, not on where it
    // stands in the issue nor on the other articles.
    k.number(out.article >= 0);
    if (out.article >= 0) {
      k.text(in.issue_text);
      k.files(in.article_files[static_cast<std::size_t>(out.article)], &digests_);
      k.text(in.common_key);
    } else {
      k.files(in.files, &digests_);
    }
    key = k.finish();
  }
  try {
    std::optional<render::Rendered> result;
    std::string rendered_sha256; ///< of a result rendered here, taken once for cache and report
    /// Takes rendered_sha256 on a free worker while this one checks and writes the output.
    Task hashing;
    /// A result rendered here, to keep in the cache once its output is written, as a link to
    /// the output where the file system allows (BuildCache::store), or as a copy.
    std::optional<CachedOutput> to_keep;
    auto keep = [&](const std::filesystem::path* written) {
      if (to_keep)
        cache_->store(key, std::move(*to_keep), result->bytes, rendered_sha256, written);
      to_keep.reset();
    };
    // An output file that holds the cached output already is neither read nor written.
    bool in_place = false;
    // --verify renders twice whatever the cache holds: it checks the renderer, not the cache.
    if (!key.empty() && !st_.verify)
      result = from_cache(i, key, r, in_place);
    model::Issue single;
    const model::Issue* issue = result ? nullptr : &ensure_issue(in, load_settings_);
    if (issue && out.article >= 0) {
      single = in.shell;
      const auto& article = in.issue->articles[static_cast<std::size_t>(out.article)];
      single.articles.push_back(article);
      single.source_path = article.source_path;
      issue = &single;
    }
    auto format = out.format == "pdf" ? render::Format::Pdf : render::Format::Epub;
    render::RenderOptions options = options_;
    if (!result) {
      options.style_text = in.style_text;
      if (out.article < 0) {
        options.article_fingerprints = in.fingerprints;
        options.article_blocks = {in.blocks.begin(), in.blocks.end()};
        options.article_files = in.article_files;
      } else if (const auto a = static_cast<std::size_t>(out.article); a < in.fingerprints.size()) {
        options.article_fingerprints = {in.fingerprints[a]};
        if (a < in.blocks.size())
          options.article_blocks = {in.blocks[a]};
        if (a < in.article_files.size())
          options.article_files = {in.article_files[a]};
      }
      if (format == render::Format::Epub && in.edition)
        options.print_pages = in.edition->pages();
      // The EPUB starts while the PDF is written. The pages are the layout's, so the EPUB's
      // bytes do not depend on whether writing the PDF then fails (its cache key does not).
      if (handover.to)
        options.on_print_pages = [&](const std::vector<model::PrintPage>& pages) {
          if (!failed(r.diags, st_.common)) {
            handover.pages = pages;
            handover.now();
          }
        };
      if (gate.start)
        options.on_laid_out = [&gate] { gate.open(); };
      Diagnostics rendering;
      result = render::render(*issue, in.style, format, options, rendering);
      if (result)
        hashing = Task::ahead([&] { rendered_sha256 = sha256_hex(result->bytes); });
      if (result && !key.empty() && !rendering.has_errors()) {
        std::vector<std::pair<std::string, std::string>> fonts;
        for (const std::string& f : result->font_files)
          fonts.emplace_back(f, digests_.digest(f));
        to_keep = CachedOutput{
            {}, 0, result->pages, result->print_pages, rendering.all(), std::move(fonts)};
      }
      r.diags.merge(rendering);
    }
    if (result && handover.to && !failed(r.diags, st_.common))
      handover.pages = result->print_pages;
    handover.now();
    if (result && st_.verify) {
      // The second render keeps nothing and takes nothing from the cache folder: it also
      // checks what the first took from there (the issue's articles, laid out).
      render::RenderOptions fresh = options;
      fresh.cache_dir.clear();
      fresh.on_print_pages = nullptr;
      fresh.on_laid_out = nullptr;
      Diagnostics again;
      auto second = render::render(*issue, in.style, format, fresh, again);
      if (!second || second->bytes != result->bytes) {
        std::size_t at = second ? first_difference(result->bytes, second->bytes) : 0;
        r.diags.error({out.path.string()},
                      "output is not reproducible: a second render differs at byte " +
                          std::to_string(at));
      }
    }
    if (result && !failed(r.diags, st_.common)) {
      r.pages = result->pages;
      const bool safe = guard_.safe_to_write(out.path, r.diags);
      const bool write = safe && !in_place && !(r.cached && holds(out.path, result->bytes));
      if (write)
        write_output(out.path, result->bytes);
      hashing.wait();
      if (!in_place) {
        r.sha256 = rendered_sha256.empty() ? sha256_hex(result->bytes) : rendered_sha256;
        r.bytes = result->bytes.size();
      }
      if (safe) {
        keep(write ? &out.path : nullptr);
        if (cache_ && !in_place)
          cache_->mark_placed(out.path, r.sha256);
        r.ok = true;
      }
    }
    hashing.wait();
    keep(nullptr);
  } catch (const std::exception& e) {
    // galley::Error (I/O) or anything unexpected: this output fails, the others go on.
    r.internal_error = true;
    r.ok = false;
    r.diags.error({out.path.string()}, e.what());
  }
  r.time_ms = ms_since(start);
}

std::optional<render::Rendered> Build::from_cache(std::size_t i, const std::string& key,
                                                  JobResult& r, bool& in_place) {
  const std::filesystem::path& path = plan_.outputs[i].path;
  CachedOutput entry;
  switch (cache_->find(key, entry)) {
  case BuildCache::Found::Miss:
    return std::nullopt;
  case BuildCache::Found::Damaged:
    r.diags.note({path.string()}, "the cache entry " + key + " is damaged; rendering again");
    return std::nullopt;
  case BuildCache::Found::Hit:
    break;
  }
  // The fonts by the build's snapshot: the articles' outputs of an issue share theirs, and a
  // stat of each font for each of a hundred outputs was a fifth of checking them.
  for (const auto& [font, digest] : entry.fonts)
    if (digests_.digest(font) != digest) {
      r.diags.note({path.string()},
                   "the font '" + font +
                       "' changed since the cached output was made; rendering again");
      return std::nullopt;
    }
  render::Rendered rendered{{}, entry.pages, std::move(entry.print_pages), {}};
  in_place = cache_->placed(path, entry.sha256);
  if (!in_place) {
    std::optional<std::string> bytes = cache_->bytes(entry);
    if (!bytes) {
      r.diags.note({path.string()},
                   "the cache entry " + key + " is damaged (its bytes); rendering again");
      return std::nullopt;
    }
    rendered.bytes = std::move(*bytes);
  }
  for (auto& d : entry.diagnostics)
    r.diags.report(std::move(d));
  r.cached = true;
  r.sha256 = entry.sha256;
  r.bytes = entry.size;
  return rendered;
}

} // namespace galley::cli
