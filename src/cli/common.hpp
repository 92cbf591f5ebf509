#pragma once
// What every subcommand shares: exit codes, diagnostics output, common options.
#include "galley/diagnostics.hpp"
#include "galley/render.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace galley::cli {

/// The exit codes README.md and docs/galley.1 promise.
enum ExitCode : int { kOk = 0, kInputError = 1, kUsageError = 2, kInternalError = 3 };

struct CommonOptions {
  std::string diagnostics_format = "text"; ///< "text" or "json"
  bool quiet = false;
  bool verbose = false;
  bool strict = false; ///< warnings count as errors
  std::vector<std::string> allow_paths;
  std::string style;
  bool no_system_fonts = false;
  Limits limits; ///< --max-* options (docs/limits.md)
};

/// Adds --diagnostics, --quiet, --verbose, --strict to `cmd`.
void add_output_options(CLI::App& cmd, CommonOptions& o);
/// Adds --style, --allow-path, --no-system-fonts and the --max-* limit options to `cmd`.
void add_render_options(CLI::App& cmd, CommonOptions& o);

/// Prints diagnostics to stderr in the chosen format (notes only with --verbose).
void print_diagnostics(const Diagnostics& diags, const CommonOptions& o);

/// True when the diagnostics should fail the run: errors, or warnings under --strict.
bool failed(const Diagnostics& diags, const CommonOptions& o);

/// RenderOptions from the common options and the environment (SOURCE_DATE_EPOCH). A malformed
/// SOURCE_DATE_EPOCH is reported to `diags` as an error.
render::RenderOptions render_options(const CommonOptions& o, Diagnostics& diags);

/// An error when `output` names one of `inputs` (an input is never overwritten): the same path,
/// a symbolic link to it, or another hard link to the same file.
bool refuse_output_over_input(const std::filesystem::path& output,
                              const std::vector<std::string>& inputs, Diagnostics& diags);

} // namespace galley::cli
