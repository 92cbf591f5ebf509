// `galley report merge REPORT.json... -o MERGED.json`: the reports of a sharded build's shards
// as one report (cli/report_merge.hpp).
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/outputs.hpp"
#include "cli/report_merge.hpp"

#include "util/files.hpp"

#include <memory>

namespace galley::cli {

void add_report_command(CLI::App& app, int& exit_code) {
  struct State {
    CommonOptions common;
    std::vector<std::string> reports;
    std::string output;
  };
  auto st = std::make_shared<State>();
  auto* report = app.add_subcommand("report", "work with the --report files of galley build");
  report->require_subcommand(1);
  auto* merge = report->add_subcommand(
      "merge", "join the reports of the shards of one build into the report of the whole build");
  merge->add_option("reports", st->reports, "the --report file of every shard")->required();
  merge->add_option("-o,--output", st->output, "the merged report ('-': standard output)")
      ->required();
  add_output_options(*merge, st->common);
  merge->callback([st, &exit_code] {
    Diagnostics diags;
    OutputGuard guard;
    if (!guard.claim(st->output, st->reports, diags)) {
      print_diagnostics(diags, st->common);
      exit_code = kUsageError;
      return;
    }
    std::vector<ReportFile> files;
    for (const auto& path : st->reports) {
      std::string why;
      if (auto text = read_file(path, &why))
        files.push_back({path, std::move(*text)});
      else
        diags.error({path}, "cannot read the report: " + why);
    }
    auto merged = diags.has_errors() ? std::nullopt : merge_reports(files, diags);
    print_diagnostics(diags, st->common);
    if (!merged) {
      exit_code = kInputError;
      return;
    }
    write_output(st->output, *merged);
    if (!st->common.quiet)
      print_message("merged " + std::to_string(files.size()) + " report" +
                        (files.size() == 1 ? "" : "s") + " into " + st->output,
                    st->common);
    exit_code = kOk;
  });
}

} // namespace galley::cli
