#pragma once
// The --report FILE.json of `galley build`: a machine-readable summary for CI. Everything in it
// is a function of the inputs and the command line except the time fields ("time_ms").
#include "galley/diagnostics.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace galley::cli {

struct ReportOutput {
  std::string path;
  std::string format; ///< "pdf" or "epub"
  std::string input;  ///< the input it was made from, as given
  int article = -1;   ///< --single: the article's 0-based index in the issue
  bool ok = false;    ///< written
  int pages = 0;      ///< PDF pages, or EPUB content documents ("documents" in the JSON)
  std::uint64_t bytes = 0;
  std::string sha256; ///< lowercase hex; empty when not written
  std::int64_t time_ms = 0;
  std::vector<Diagnostic> diagnostics; ///< of its input's loading and of its rendering
  bool cached = false;                 ///< taken from the build cache ("cached" in the JSON)
};

struct ReportRun {
  std::string version;
  std::string shard; ///< "1/1" when not sharded
  bool verify = false;
  bool strict = false;
  int errors = 0; ///< every diagnostic of the run counted once
  int warnings = 0;
  std::int64_t time_ms = 0;
};

/// The report as pretty-printed JSON (2-space indent, keys in a fixed order, newline at end):
/// {"galley": {...run...}, "outputs": [...], "totals": {"outputs", "written", "failed",
/// "pages" (PDF), "documents" (EPUB), "bytes", "errors", "warnings", "time_ms"}}.
std::string report_json(const ReportRun& run, const std::vector<ReportOutput>& outputs);

} // namespace galley::cli
