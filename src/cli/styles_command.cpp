// `galley styles` lists the bundled styles; `galley styles show NAME|FILE` prints one resolved.
#include "cli/commands.hpp"
#include "cli/common.hpp"

#include "galley/style.hpp"
#include "style/dump.hpp"

#include <cstdio>
#include <memory>

namespace galley::cli {

void add_styles_command(CLI::App& app, int& exit_code) {
  struct State {
    CommonOptions common;
    std::string name;
  };
  auto st = std::make_shared<State>();
  auto* cmd = app.add_subcommand("styles", "list the bundled styles");
  add_output_options(*cmd, st->common);
  auto* show = cmd->add_subcommand("show", "print a style with every default filled in");
  show->add_option("style", st->name, "style name or style file")->required();
  show->callback([st, &exit_code] {
    Diagnostics diags;
    auto style = style::load_style(st->name, diags);
    print_diagnostics(diags, st->common);
    if (failed(diags, st->common)) {
      exit_code = kInputError;
      return;
    }
    std::fputs(style::dump_style(style).c_str(), stdout);
    exit_code = kOk;
  });
  cmd->callback([cmd, &exit_code] {
    if (!cmd->get_subcommands().empty()) return;
    for (const auto& s : style::list_bundled_styles())
      std::printf("%-12s %s\n", s.name.c_str(), s.description.c_str());
    exit_code = kOk;
  });
}

} // namespace galley::cli
