// `galley pdf` and `galley epub`: one output from one article, a manifest, or several articles.
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/build_signals.hpp"
#include "cli/outputs.hpp"
#include "export/warm_up.hpp"

#include "galley/error.hpp"
#include "util/files.hpp"

#include <algorithm>
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

int run_convert(const ConvertState& st) {
  auto started = std::chrono::steady_clock::now();
  // Before any thread starts, so that an interrupted write is cleaned up as in `galley build`.
  InterruptGuard interrupts;
  Diagnostics diags;
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
  if (!guard.safe_to_write(out, diags)) {
    print_diagnostics(diags, st.common);
    return kUsageError;
  }
  write_output(out, result->bytes);
  if (!st.common.quiet) {
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started);
    std::fprintf(stderr, "wrote %s (%d %s, %zu bytes) in %.0f ms\n", out.string().c_str(),
                 result->pages,
                 st.format == render::Format::Pdf ? (result->pages == 1 ? "page" : "pages")
                                                  : (result->pages == 1 ? "document" : "documents"),
                 result->bytes.size(), ms.count());
  }
  return kOk;
}

void add_convert(CLI::App& app, int& exit_code, render::Format format, const char* name,
                 const char* description) {
  auto st = std::make_shared<ConvertState>();
  st->format = format;
  auto* cmd = app.add_subcommand(name, description);
  cmd->add_option("inputs", st->inputs, "an article (.md, .xml), an issue manifest, or articles")
      ->required();
  cmd->add_option("-o,--output", st->output, "output file, or - for standard output (default: beside the input)");
  add_render_options(*cmd, st->common);
  add_output_options(*cmd, st->common);
  if (format == render::Format::Epub)
    cmd->add_flag("--embed-fonts", st->embed_fonts, "embed the style's fonts, subset");
  cmd->callback([st, &exit_code] { exit_code = run_convert(*st); });
}

} // namespace

void add_convert_commands(CLI::App& app, int& exit_code) {
  add_convert(app, exit_code, render::Format::Pdf, "pdf", "typeset a paginated PDF");
  add_convert(app, exit_code, render::Format::Epub, "epub", "make an EPUB 3 book");
}

} // namespace galley::cli
