// `galley check FILE...`: load and lint, write nothing.
#include "cli/commands.hpp"
#include "cli/common.hpp"

#include <cstdio>
#include <memory>

namespace galley::cli {

void add_check_command(CLI::App& app, int& exit_code) {
  struct State {
    CommonOptions common;
    std::vector<std::string> inputs;
  };
  auto st = std::make_shared<State>();
  auto* cmd = app.add_subcommand("check", "load and lint articles or issue manifests; no output");
  cmd->add_option("inputs", st->inputs, "articles (.md, .xml) or an issue manifest (.yaml)")
      ->required();
  add_output_options(*cmd, st->common);
  add_render_options(*cmd, st->common);
  cmd->callback([st, &exit_code] {
    Diagnostics diags;
    auto ro = render_options(st->common, diags);
    if (diags.has_errors()) {
      print_diagnostics(diags, st->common);
      exit_code = kUsageError;
      return;
    }
    std::vector<std::filesystem::path> paths(st->inputs.begin(), st->inputs.end());
    auto issue = render::load(paths, ro, diags);
    if (issue) render::resolve_style(*issue, ro, diags);
    print_diagnostics(diags, st->common);
    if (!issue || failed(diags, st->common)) {
      exit_code = kInputError;
      return;
    }
    if (!st->common.quiet) {
      const size_t n = issue->articles.size();
      auto count = [](std::size_t k, const char* what) {
        return std::to_string(k) + " " + what + (k == 1 ? "" : "s");
      };
      print_message(count(n, "article") + " checked: " +
                        count(static_cast<std::size_t>(diags.error_count()), "error") + ", " +
                        count(static_cast<std::size_t>(diags.warning_count()), "warning"),
                    st->common);
    }
    exit_code = kOk;
  });
}

} // namespace galley::cli
