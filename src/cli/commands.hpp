#pragma once
// One function per subcommand: each adds its options to the parser and returns the callback
// that runs it (the exit code goes to `exit_code`).
#include <CLI/CLI.hpp>

namespace galley::cli {

void add_check_command(CLI::App& app, int& exit_code);
void add_convert_commands(CLI::App& app, int& exit_code); ///< `pdf` and `epub`
void add_shape_command(CLI::App& app, int& exit_code);
void add_styles_command(CLI::App& app, int& exit_code);
void add_build_command(CLI::App& app, int& exit_code);
void add_init_command(CLI::App& app, int& exit_code); ///< `init DIR`: a publication to start from
void add_report_command(CLI::App& app, int& exit_code); ///< `report merge`: shards' reports as one
void add_watch_command(CLI::App& app, int& exit_code);  ///< `watch`: build, then on every change
/// `cache prune`: the build cache's entries not used for a while, or past a size
void add_cache_command(CLI::App& app, int& exit_code);

} // namespace galley::cli
