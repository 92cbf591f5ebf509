#include "export/render.hpp"

#include "epub/writer.hpp"
#include "input/load.hpp"
#include "layout/layout.hpp"
#include "pdf/writer.hpp"
#include "text/engine.hpp"

#include <chrono>

namespace galley::render {

std::string_view format_extension(Format f) { return f == Format::Pdf ? "pdf" : "epub"; }

std::optional<model::Issue> load(const std::vector<std::filesystem::path>& inputs,
                                 const RenderOptions& options, Diagnostics& diags) {
  input::LoadOptions load_options;
  load_options.allowed_roots = options.allowed_roots;
  return input::load_inputs(inputs, load_options, diags);
}

style::Style resolve_style(const model::Issue& issue, const RenderOptions& options,
                           Diagnostics& diags) {
  std::string name = options.style;
  if (name.empty() && !issue.style.empty()) {
    name = issue.style;
    // A manifest's style path is relative to the manifest, not to the working folder.
    bool is_path = name.find('/') != std::string::npos || name.ends_with(".yaml") ||
                   name.ends_with(".yml");
    if (is_path && !issue.source_path.empty() && std::filesystem::path(name).is_relative())
      name = (std::filesystem::path(issue.source_path).parent_path() / name).string();
  }
  if (name.empty()) name = "dispatch";
  return style::load_style(name, diags);
}

namespace {
std::int64_t epoch_of(const model::Date& d) {
  using namespace std::chrono;
  year_month_day ymd{year{d.year}, month{unsigned(d.month > 0 ? d.month : 1)},
                     day{unsigned(d.day > 0 ? d.day : 1)}};
  if (!ymd.ok()) return 0;
  return duration_cast<seconds>(sys_days{ymd}.time_since_epoch()).count();
}
} // namespace

std::int64_t output_epoch(const model::Issue& issue, const RenderOptions& options) {
  if (options.source_date_epoch) return *options.source_date_epoch;
  if (issue.date) return epoch_of(*issue.date);
  for (const auto& a : issue.articles)
    if (a.meta.date) return epoch_of(*a.meta.date);
  return 0;
}

std::optional<Rendered> render(const model::Issue& issue, const style::Style& style, Format format,
                               const RenderOptions& options, Diagnostics& diags) {
  std::int64_t epoch = output_epoch(issue, options);
  if (format == Format::Epub) {
    epub::EpubOptions eo;
    eo.date_epoch = epoch;
    eo.embed_fonts = options.embed_fonts || style.epub.embed_fonts;
    eo.font_dirs = {text::bundled_fonts_dir()};
    Diagnostics local;
    std::string bytes = epub::write_epub(issue, style, eo, local);
    diags.merge(local);
    if (local.has_errors()) return std::nullopt;
    int docs = static_cast<int>(issue.articles.size());
    return Rendered{std::move(bytes), docs};
  }

  text::EngineOptions engine_options;
  engine_options.font_dirs = {text::bundled_fonts_dir()};
  for (const auto& face : style.fonts.faces)
    engine_options.extra_faces.push_back({face.family, face.weight, face.italic, face.path});
  engine_options.fallback = style.fonts.fallback;
  engine_options.use_fontconfig = options.system_fonts;
  text::Engine engine(engine_options);

  layout::LayoutOptions lo;
  lo.date_epoch = epoch;
  lo.max_pages = options.max_pages;
  Diagnostics local;
  layout::Document doc = layout::layout_issue(issue, style, engine, lo, local);
  if (local.has_errors()) {
    diags.merge(local);
    return std::nullopt;
  }
  std::string bytes = pdf::write_pdf(doc, local);
  diags.merge(local);
  if (local.has_errors()) return std::nullopt;
  return Rendered{std::move(bytes), static_cast<int>(doc.pages.size())};
}

} // namespace galley::render
