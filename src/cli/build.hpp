#pragma once
// The run of `galley build` (build_command.cpp) and the job that makes one output of it
// (build_job.cpp): what they share, private to the command.
#include "cli/build_cache.hpp"
#include "cli/build_inputs.hpp"
#include "cli/build_plan.hpp"
#include "cli/common.hpp"
#include "cli/outputs.hpp"

#include "galley/diagnostics.hpp"
#include "galley/render.hpp"
#include "util/cache_store.hpp"

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace galley::cli {

using Clock = std::chrono::steady_clock;

inline std::int64_t ms_since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

struct BuildState {
  CommonOptions common;
  std::vector<std::string> inputs;
  std::vector<std::string> formats{"pdf", "epub"};
  std::string out_dir;
  unsigned jobs = 0;
  std::string name{kDefaultNamePattern};
  bool single = false;
  std::string shard;
  std::string report;
  bool verify = false;
  bool no_page_list = false;
  std::optional<std::string> cache; ///< --cache: the folder, empty for the default
  std::string depfile;
};

/// What one job produced; filled on a worker thread, read on the main thread once done.
struct JobResult {
  Diagnostics diags; ///< its input's loading, then its rendering
  bool ok = false;
  bool cached = false; ///< made from the cache, not rendered
  bool internal_error = false;
  int pages = 0;
  std::uint64_t bytes = 0;
  std::string sha256;
  std::int64_t time_ms = 0;
};

class Build {
public:
  explicit Build(const BuildState& st) : st_(st), started_(Clock::now()) {}
  int run();

private:
  int usage_error(Diagnostics& diags) {
    print_diagnostics(diags, st_.common);
    return kUsageError;
  }
  void load_inputs();
  void render_job(std::size_t i);
  /// The output from the cache, or nullopt. `in_place`: the output file holds it already, and
  /// its bytes were not read (the result's bytes are empty).
  std::optional<render::Rendered> from_cache(std::size_t i, const std::string& key, JobResult& r,
                                             bool& in_place);
  void open_cache(Diagnostics& usage);
  void write_depfile() const;
  /// Keeps the file digests, long dates and font scans this build took for the next one.
  void keep_for_next_build();
  std::string report_text(const std::vector<JobResult>& results) const;

  const BuildState& st_;
  Clock::time_point started_;
  render::RenderOptions options_;
  std::vector<std::string> formats_;
  Shard shard_;
  LoadSettings load_settings_;
  std::vector<LoadedInput> loaded_;
  Plan plan_;
  OutputGuard guard_; ///< every output and the report, checked before anything is written
  std::vector<JobResult> results_;
  std::unique_ptr<BuildCache> cache_;
  std::vector<KnownDigest> seeded_digests_; ///< the file digests the cache held at the start
  std::vector<model::LongDate> seeded_dates_; ///< the long dates it held, for this toolchain
  std::vector<text::ScannedFont> seeded_fonts_; ///< the font scans it held, likewise
  std::array<std::string, 2> options_text_; ///< the options that change a PDF's, an EPUB's bytes
  std::string toolchain_;  ///< galley's and its libraries' versions, for cache keys
  DigestSnapshot digests_; ///< the files of the outputs' keys, each hashed or stat'ed once
  /// By input: starts the articles' own outputs, held back while its issue PDF lays out its
  /// articles; empty when none is held.
  std::vector<std::function<void()>> start_articles_;
};

} // namespace galley::cli
