#pragma once
// The inputs of `galley build`: each loaded once, on the main thread, and shared read-only by
// the jobs that render it; or, with --cache, known from the cache's record of its last load
// when none of the files that load read has changed, and loaded only if one of its outputs
// must be rendered after all (docs/ci.md, "Incremental builds").
#include "cli/build_cache.hpp"
#include "cli/build_plan.hpp"
#include "galley/render.hpp"
#include "util/thread_pool.hpp"

#include <array>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace galley::cli {

/// Where the pages of an input's PDF begin, handed from its PDF job to its EPUB job, which
/// marks them (the EPUB's page-list).
class PrintEdition {
public:
  /// Hands the pages over (empty when the PDF failed) and runs what when_published() gave;
  /// only the first call counts.
  void publish(std::vector<model::PrintPage> pages);
  /// Waits for publish().
  std::vector<model::PrintPage> pages();
  /// What publish() does next: start the EPUB job, held back until then (OrderedRun::held).
  void when_published(std::function<void()> then) { then_ = std::move(then); }

private:
  std::mutex mutex_;
  std::condition_variable ready_;
  bool done_ = false;
  std::vector<model::PrintPage> pages_;
  std::function<void()> then_;
};

/// What loading needs to know of the run.
struct LoadSettings {
  render::RenderOptions options;
  bool edition = false;           ///< PDF and EPUB both made: the EPUB gets the PDF's pages
  BuildCache* cache = nullptr;    ///< --cache
  bool trust_records = false;     ///< use the cache's records of loads (not under --verify)
  std::string toolchain;          ///< render::toolchain_text(), for keys
};

struct LoadedInput {
  std::string path; ///< as given
  /// Null when the input is known from the cache's record and not loaded (yet): ensure_issue.
  std::optional<model::Issue> issue;
  model::Issue shell; ///< the issue without its articles, for --single outputs
  /// The fingerprints of the issue's articles that loading took from the cache folder
  /// (render::load), for the layout cache's keys.
  std::vector<std::string> fingerprints;
  /// The blocks of the articles loading took from the cache folder, encoded, which their models
  /// in `issue` are without (render::RenderOptions::article_blocks); empty for an article read.
  std::vector<std::string> blocks;
  style::Style style;
  Diagnostics diags; ///< loading's
  InputInfo info;    ///< what the work list needs
  std::unique_ptr<PrintEdition> edition;
  /// For the cache: every file loading the input and its style read, and the fonts and
  /// dictionaries; the files every article's output is made of too (the style's, the fonts and
  /// dictionaries, some seventy), kept once rather than in each article's list; per article
  /// (for --single), its own files; the resolved style and the issue's own fields as text.
  /// Empty when the input cannot be cached (standard input).
  std::vector<std::filesystem::path> files;
  std::vector<std::filesystem::path> common_files;
  std::vector<std::vector<std::filesystem::path>> article_files;
  /// The common files by name and content (a CacheKey), taken once for all the articles' keys.
  std::string common_key;
  std::string style_text;
  std::string issue_text;
  /// What an output's key holds besides the files, by format (PDF, EPUB), as one CacheKey: the
  /// toolchain, the options, whether an EPUB marks the PDF's pages, the resolved style. Taken
  /// once: the style's text is ten kilobytes, digested again for each of a hundred articles.
  std::array<std::string, 2> output_context;
  bool from_record = false; ///< known from the cache's record of its last load
  /// The record of this load being written to the cache on a worker; waited for before the
  /// build keeps its file digests (Build::keep_for_next_build).
  Task keeping;
  std::unique_ptr<std::once_flag> loaded_late = std::make_unique<std::once_flag>();
};

/// Loads input `path` (or takes it from the cache's record of its last load).
LoadedInput load_input(const std::string& path, const LoadSettings& settings);

/// The issue of an input known from the record, loaded now (once, whichever job asks first):
/// one of its outputs is not in the cache after all. Its files did not change, so neither do
/// its diagnostics, which were reported from the record.
const model::Issue& ensure_issue(LoadedInput& in, const LoadSettings& settings);

} // namespace galley::cli
