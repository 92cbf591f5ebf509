#include "cli/common.hpp"

#include "cli/diagnostic_view.hpp"
#include "cli/progress.hpp"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <mutex>
#include <optional>
#include <type_traits>

namespace galley::cli {

void add_output_options(CLI::App& cmd, CommonOptions& o) {
  cmd.add_option("--diagnostics", o.diagnostics_format,
                 "how to print diagnostics: text (file:line:col: ...) or json (one object a line)")
      ->check(CLI::IsMember({"text", "json"}));
  cmd.add_flag("-q,--quiet", o.quiet, "print only errors");
  cmd.add_flag("-v,--verbose", o.verbose, "also print notes and timings");
  cmd.add_flag("--strict", o.strict, "treat warnings as errors (exit 1)");
}

CLI::Validator whole_number(std::uint64_t lo, std::uint64_t hi) {
  const std::string range = std::to_string(lo) + " to " + std::to_string(hi);
  return CLI::Validator(
      [lo, hi, range](std::string& text) -> std::string {
        // Checked on the text, before CLI11 converts it: a value too large for the option's
        // type must be an error, not wrap around or saturate.
        std::uint64_t v = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (text.empty() || ec != std::errc() || end != text.data() + text.size() || v < lo || v > hi)
          return "expects a whole number from " + range + ", got '" + text + "'";
        return "";
      },
      "N in " + range);
}

void add_render_options(CLI::App& cmd, CommonOptions& o) {
  cmd.add_option("-s,--style", o.style, "style name (see 'galley styles') or a style file");
  cmd.add_option("--allow-path", o.allow_paths,
                 "also allow images and articles from this folder (repeatable)");
  cmd.add_option("--resource-path", o.resource_paths,
                 "look up site-root image paths (/images/x.png) in this folder (repeatable)");
  cmd.add_flag("--no-system-fonts", o.no_system_fonts,
               "use only bundled and style fonts, never fontconfig");
  // docs/limits.md: what each limit guards against and why its default is what it is.
  Limits& l = o.limits;
  const char* group = "Limits (docs/limits.md)";
  const auto most = [](auto& field) { return std::numeric_limits<std::remove_reference_t<decltype(field)>>::max(); };
  cmd.add_option("--max-file-size", l.max_file_size, "largest article or manifest, in bytes")
      ->check(whole_number(1, most(l.max_file_size)))->group(group)->capture_default_str();
  cmd.add_option("--max-nesting", l.max_nesting, "deepest nesting of lists, quotes and emphasis")
      ->check(whole_number(1, most(l.max_nesting)))->group(group)->capture_default_str();
  cmd.add_option("--max-notes", l.max_notes, "most notes and sources in one article")
      ->check(whole_number(1, most(l.max_notes)))->group(group)->capture_default_str();
  cmd.add_option("--max-image-size", l.max_image_file_size, "largest image file, in bytes")
      ->check(whole_number(1, most(l.max_image_file_size)))->group(group)->capture_default_str();
  cmd.add_option("--max-image-side", l.max_image_side, "widest or tallest image, in pixels")
      ->check(whole_number(1, most(l.max_image_side)))->group(group)->capture_default_str();
  cmd.add_option("--max-image-pixels", l.max_image_pixels, "most pixels in one image")
      ->check(whole_number(1, most(l.max_image_pixels)))->group(group)->capture_default_str();
  cmd.add_option("--max-pages", l.max_pages, "most pages in one PDF")
      ->check(whole_number(1, most(l.max_pages)))->group(group)->capture_default_str();
}

void add_pdf_options(CLI::App& cmd, CommonOptions& o) {
  cmd.add_option_function<std::string>(
         "--pdf-standard",
         [&o](const std::string& list) {
           std::string error;
           const std::optional<PdfStandard> s = parse_pdf_standard(list, error);
           if (!s)
             throw CLI::ValidationError("--pdf-standard", error);
           o.pdf_standard = *s;
         },
         "PDF/A-2 and PDF/UA-1 claims: a-2u,ua-1 (default), a-2b, joined by commas, or none")
      ->type_name("LIST");
}

void print_diagnostics(const Diagnostics& diags, const CommonOptions& o) {
  const Terminal terminal = detect_terminal();
  SourceLines sources;
  for (const auto& d : diags.all()) {
    if (d.severity == Severity::Note && !o.verbose) continue;
    if (d.severity == Severity::Warning && o.quiet && !o.strict) continue;
    std::string text;
    if (o.diagnostics_format == "json")
      text = format_json(d) + '\n';
    else if (terminal.tty)
      text = format_for_terminal(d, sources, terminal.colour);
    else
      text = format_text(d) + '\n';
    std::fputs(text.c_str(), stderr);
  }
}

void print_message(const std::string& text, const CommonOptions& o) {
  const std::string line =
      (o.diagnostics_format == "json" ? format_json({Severity::Note, {}, text, ""}) : text) + '\n';
  std::fputs(line.c_str(), stderr);
}

bool failed(const Diagnostics& diags, const CommonOptions& o) {
  return diags.has_errors() || (o.strict && diags.warning_count() > 0);
}

render::RenderOptions render_options(const CommonOptions& o, Diagnostics& diags) {
  render::RenderOptions ro;
  ro.style = o.style;
  for (const auto& p : o.allow_paths) ro.allowed_roots.emplace_back(p);
  for (const auto& p : o.resource_paths) ro.resource_paths.emplace_back(p);
  ro.system_fonts = !o.no_system_fonts;
  ro.limits = o.limits;
  ro.pdf_standard = o.pdf_standard;
  if (const char* sde = std::getenv("SOURCE_DATE_EPOCH"); sde && *sde) {
    std::int64_t v = 0;
    auto [end, ec] = std::from_chars(sde, sde + std::strlen(sde), v);
    if (ec != std::errc() || *end != '\0' || v < 0)
      diags.error({"SOURCE_DATE_EPOCH"}, std::string("not a number of seconds: '") + sde + "'");
    else
      ro.source_date_epoch = v;
  }
  return ro;
}

void keep_until_exit(std::shared_ptr<void> state) {
  static std::mutex mutex;
  static std::vector<std::shared_ptr<void>> kept;
  std::lock_guard lock(mutex);
  kept.push_back(std::move(state));
}

} // namespace galley::cli
