#pragma once
// What every subcommand shares: exit codes, diagnostics output, common options.
#include "galley/diagnostics.hpp"
#include "galley/render.hpp"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
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
  std::vector<std::string> resource_paths;
  std::string style;
  bool no_system_fonts = false;
  Limits limits; ///< --max-* options (docs/limits.md)
  PdfStandard pdf_standard; ///< --pdf-standard, for the commands that write PDF
};

/// Adds --diagnostics, --quiet, --verbose, --strict to `cmd`.
void add_output_options(CLI::App& cmd, CommonOptions& o);
/// A validator for whole-number options: digits only, from `lo` to `hi`, checked before the
/// value is converted, so "99999999999999999999" is refused instead of wrapping around.
CLI::Validator whole_number(std::uint64_t lo, std::uint64_t hi);

/// Adds --style, --allow-path, --resource-path, --no-system-fonts and the --max-* limit options to `cmd`.
void add_render_options(CLI::App& cmd, CommonOptions& o);

/// Adds --pdf-standard to a command that writes PDF.
void add_pdf_options(CLI::App& cmd, CommonOptions& o);

/// Prints diagnostics to stderr in the chosen format (notes only with --verbose): JSON lines,
/// or text, which on a terminal shows the source line under each (cli/diagnostic_view.hpp).
void print_diagnostics(const Diagnostics& diags, const CommonOptions& o);

/// Prints a line about the run (what was written or checked) to stderr: as it is, or under
/// --diagnostics json as a JSON note, so that every line a JSON run prints is one object.
void print_message(const std::string& text, const CommonOptions& o);

/// True when the diagnostics should fail the run: errors, or warnings under --strict.
bool failed(const Diagnostics& diags, const CommonOptions& o);

/// RenderOptions from the common options and the environment (SOURCE_DATE_EPOCH). A malformed
/// SOURCE_DATE_EPOCH is reported to `diags` as an error.
render::RenderOptions render_options(const CommonOptions& o, Diagnostics& diags);

/// Keeps `state` until the process ends: for what a command built that nothing reads once it
/// has printed its summary (a build's inputs, models and results). main leaves with _Exit
/// (main.cpp), so the memory goes back to the kernel whole, where taking the objects apart one
/// by one was 3 to 4 ms of a 100-article rebuild; a normal exit (under the address sanitizer)
/// frees them.
void keep_until_exit(std::shared_ptr<void> state);

} // namespace galley::cli
