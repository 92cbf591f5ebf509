#pragma once
// `galley report merge`: the --report files of the shards of one build joined into the report
// one machine would have written (docs/ci.md, "Merging the shards' reports").
#include "galley/diagnostics.hpp"

#include <optional>
#include <string>
#include <vector>

namespace galley::cli {

/// One report to merge: the name it is shown under in diagnostics, and its text.
struct ReportFile {
  std::string name;
  std::string text;
};

/// The merged report (report_json's form), or nullopt after one located error per problem:
/// a file that is not a galley report, reports of different galley versions, shard counts,
/// --verify or --strict, a shard given twice or missing, an output in two shards, or shards
/// whose sizes no single build's round-robin deal gives.
std::optional<std::string> merge_reports(const std::vector<ReportFile>& files, Diagnostics& diags);

} // namespace galley::cli
