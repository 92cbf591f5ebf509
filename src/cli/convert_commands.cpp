// `galley pdf` and `galley epub`: one output from one article, a manifest, or several articles.
#include "cli/build_signals.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/outputs.hpp"
#include "cli/progress.hpp"
#include "export/warm_up.hpp"

#include "galley/error.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

namespace galley::cli {

namespace {

struct ConvertState {
  render::Format format = render::Format::Pdf;
  CommonOptions common;
  std::vector<std::string> inputs;
  std::string output;
  bool embed_fonts = false;
};

/// Without -o, the output goes beside the (first) input with the format's extension.
std::filesystem::path default_output(const ConvertState& st) {
  std::filesystem::path in(st.inputs.front());
  return in.replace_extension(render::format_extension(st.format));
}

/// Standard input has no name to put the output beside.
void check_stdin_output(const ConvertState& st, Diagnostics& diags) {
  if (st.output.empty() && std::find(st.inputs.begin(), st.inputs.end(), "-") != st.inputs.end())
    diags.error({"<stdin>"}, "an article read from standard input needs an output name",
                "give one with -o FILE, or -o - for standard output");
}

/// A file whose name says another format (`galley pdf a.md -o a.epub`) is a mistake the reader
/// of the file would only find later. A name without an extension says nothing; standard
/// output, a FIFO or a device has no such name.
void check_output_name(const ConvertState& st, const std::filesystem::path& out,
                       Diagnostics& diags) {
  std::error_code ec;
  if (st.output.empty() || st.output == "-" ||
      (std::filesystem::exists(out, ec) && !std::filesystem::is_regular_file(out, ec)))
    return;
  const std::string ext = std::string(".") + std::string(render::format_extension(st.format));
  std::string given = std::filesystem::path(st.output).extension().string();
  for (auto& c : given) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!given.empty() && given != ext)
    diags.error({st.output}, "the output name does not end in " + ext,
                "name the output '" +
                    std::filesystem::path(st.output).replace_extension(ext).generic_string() + "'");
}

int run_convert(const ConvertState& st) {
  auto started = std::chrono::steady_clock::now();
  // Before any thread starts, so that an interrupted write is cleaned up as in `galley build`.
  InterruptGuard interrupts;
  Diagnostics diags;
  check_stdin_output(st, diags);
  auto ro = render_options(st.common, diags);
  ro.embed_fonts = st.embed_fonts;
  ro.threads = std::max(1u, std::thread::hardware_concurrency());
  std::filesystem::path out =
      st.output.empty() ? default_output(st) : std::filesystem::path(st.output);
  OutputGuard guard;
  if (diags.has_errors() || !guard.claim(out, st.inputs, diags)) {
    print_diagnostics(diags, st.common);
    return kUsageError;
  }
  // Said before the work, and as what it is: the write itself would only fail to make its
  // temporary file. (`galley build` makes its output folders.)
  std::error_code no_folder;
  if (const std::filesystem::path folder = out.parent_path();
      out != "-" && !folder.empty() && !std::filesystem::is_directory(folder, no_folder)) {
    diags.error({st.output}, "cannot write the output: the folder '" + folder.generic_string() +
                                 "' does not exist");
    print_diagnostics(diags, st.common);
    return kInternalError;
  }
  std::vector<std::filesystem::path> paths(st.inputs.begin(), st.inputs.end());
  Task warm = render::warm_up(st.format, ro);
  auto issue = render::load(paths, ro, diags);
  if (!issue || diags.has_errors()) {
    print_diagnostics(diags, st.common);
    return kInputError;
  }
  auto style = render::resolve_style(*issue, ro, diags);
  std::optional<render::Rendered> result;
  if (!diags.has_errors()) result = render::render(*issue, style, st.format, ro, diags);
  print_diagnostics(diags, st.common);
  if (!result || failed(diags, st.common)) return kInputError;
  // Checked once the run knows every file it read, so that writing over one of those is
  // reported as such rather than as a name with the wrong extension.
  Diagnostics late;
  const bool safe = guard.safe_to_write(out, late);
  if (safe) check_output_name(st, out, late);
  if (!safe || late.has_errors()) {
    print_diagnostics(late, st.common);
    return kUsageError;
  }
  write_output(out, result->bytes);
  if (!st.common.quiet) {
    // The line `galley build` prints for each output, so that sizes and counts read one way.
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    const OutputLine line{out.string(),
                          std::string(render::format_extension(st.format)),
                          true,
                          result->pages,
                          result->bytes.size(),
                          ms.count(),
                          0,
                          diags.warning_count()};
    print_message(format_output_line(line, detect_terminal().colour), st.common);
  }
  return kOk;
}

void add_convert(CLI::App& app, int& exit_code, render::Format format, const char* name,
                 const char* description) {
  auto st = std::make_shared<ConvertState>();
  st->format = format;
  auto* cmd = app.add_subcommand(name, description);
  cmd->add_option("inputs", st->inputs, "an article (.md, .xml), an issue manifest, or articles; - reads Markdown from standard input")
      ->required();
  cmd->add_option("-o,--output", st->output, "output file, or - for standard output (default: beside the input)");
  add_render_options(*cmd, st->common);
  add_output_options(*cmd, st->common);
  if (format == render::Format::Epub)
    cmd->add_flag("--embed-fonts", st->embed_fonts, "embed the style's fonts, subset");
  else
    add_pdf_options(*cmd, st->common);
  cmd->callback([st, &exit_code] { exit_code = run_convert(*st); });
}

} // namespace

void add_convert_commands(CLI::App& app, int& exit_code) {
  add_convert(app, exit_code, render::Format::Pdf, "pdf", "typeset a paginated PDF");
  add_convert(app, exit_code, render::Format::Epub, "epub", "make an EPUB 3 book");
}

} // namespace galley::cli
