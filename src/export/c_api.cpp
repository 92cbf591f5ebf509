// The C interface (galley/galley.h) over galley::render: what a C caller gets is a result
// object, never an exception, whatever happens inside.
#include "galley/galley.h"

#include "galley/render.hpp"
#include "galley/version.hpp"

#include <charconv>
#include <exception>
#include <new>
#include <string>
#include <vector>

struct galley_result {
  bool ok = false;
  std::string bytes;
  int pages = 0;
  std::vector<galley::Diagnostic> diagnostics;
};

namespace {

using namespace galley;

bool parse_flag(const std::string& value, bool& out) {
  if (value == "true" || value == "1" || value == "yes")
    out = true;
  else if (value == "false" || value == "0" || value == "no")
    out = false;
  else
    return false;
  return true;
}

// The "key=value" options into RenderOptions; a bad one is an error in `diags`.
render::RenderOptions parse_options(const char* const* options, Diagnostics& diags) {
  render::RenderOptions ro;
  ro.threads = 1;
  for (std::size_t i = 0; options && options[i]; ++i) {
    const std::string option = options[i];
    const std::size_t eq = option.find('=');
    const std::string key = option.substr(0, eq);
    const std::string value = eq == std::string::npos ? std::string() : option.substr(eq + 1);
    bool good = eq != std::string::npos;
    std::string why;
    if (!good) {
      why = "is not key=value";
    } else if (key == "style") {
      ro.style = value;
    } else if (key == "source_date_epoch") {
      std::int64_t v = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
      good = ec == std::errc() && end == value.data() + value.size() && v >= 0;
      ro.source_date_epoch = v;
      why = "expects a number of seconds";
    } else if (key == "pdf_standard") {
      const auto standard = parse_pdf_standard(value, why);
      good = standard.has_value();
      if (good)
        ro.pdf_standard = *standard;
    } else if (key == "allow_path") {
      ro.allowed_roots.emplace_back(value);
    } else if (key == "resource_path") {
      ro.resource_paths.emplace_back(value);
    } else if (key == "embed_fonts") {
      good = parse_flag(value, ro.embed_fonts);
      why = "expects true or false";
    } else if (key == "system_fonts") {
      good = parse_flag(value, ro.system_fonts);
      why = "expects true or false";
    } else {
      good = false;
      why = "is not an option (style, source_date_epoch, pdf_standard, allow_path, "
            "resource_path, embed_fonts, system_fonts)";
    }
    if (!good)
      diags.error({}, "option '" + option + "' " + why);
  }
  return ro;
}

// Loads with `load`, then resolves the style and renders, into a new result. Anything thrown
// becomes the result's last diagnostic.
template <class Load>
galley_result* run(galley_format format, const char* const* options, Load load) {
  auto* result = new (std::nothrow) galley_result;
  if (!result)
    return nullptr;
  Diagnostics diags;
  try {
    const render::RenderOptions ro = parse_options(options, diags);
    if (!diags.has_errors()) {
      std::optional<model::Issue> issue = load(ro, diags);
      if (issue && !diags.has_errors()) {
        const style::Style style = render::resolve_style(*issue, ro, diags);
        const auto f = format == GALLEY_EPUB ? render::Format::Epub : render::Format::Pdf;
        if (!diags.has_errors())
          if (auto rendered = render::render(*issue, style, f, ro, diags)) {
            result->bytes = std::move(rendered->bytes);
            result->pages = rendered->pages;
            result->ok = !diags.has_errors();
          }
      }
    }
  } catch (const std::exception& e) {
    diags.error({}, e.what());
    result->ok = false;
  }
  if (!result->ok) {
    result->bytes.clear();
    result->pages = 0;
  }
  result->diagnostics = diags.all();
  return result;
}

} // namespace

extern "C" {

galley_result* galley_render_files(const char* const* paths, size_t count, galley_format format,
                                   const char* const* options) {
  return run(format, options, [&](const render::RenderOptions& ro, Diagnostics& diags) {
    std::vector<std::filesystem::path> inputs;
    for (size_t i = 0; i < count; ++i)
      inputs.emplace_back(paths[i]);
    return render::load(inputs, ro, diags);
  });
}

galley_result* galley_render_text(const char* bytes, size_t length, const char* name,
                                  const char* base_dir, galley_format format,
                                  const char* const* options) {
  return run(format, options, [&](const render::RenderOptions& ro, Diagnostics& diags) {
    render::ArticleText text{
        std::string(bytes ? bytes : "", bytes ? length : 0), name ? name : "article.md",
        base_dir ? std::filesystem::path(base_dir) : std::filesystem::current_path()};
    return render::load_texts({text}, ro, diags);
  });
}

int galley_result_ok(const galley_result* result) {
  return result && result->ok ? 1 : 0;
}

const char* galley_result_data(const galley_result* result, size_t* length) {
  const bool ok = galley_result_ok(result);
  if (length)
    *length = ok ? result->bytes.size() : 0;
  return ok ? result->bytes.data() : nullptr;
}

int galley_result_pages(const galley_result* result) {
  return result ? result->pages : 0;
}

size_t galley_result_diagnostic_count(const galley_result* result) {
  return result ? result->diagnostics.size() : 0;
}

void galley_result_diagnostic(const galley_result* result, size_t index, galley_severity* severity,
                              const char** file, int* line, int* column, const char** message,
                              const char** hint) {
  if (!result || index >= result->diagnostics.size())
    return;
  const Diagnostic& d = result->diagnostics[index];
  if (severity)
    *severity = d.severity == Severity::Error     ? GALLEY_ERROR
                : d.severity == Severity::Warning ? GALLEY_WARNING
                                                  : GALLEY_NOTE;
  if (file)
    *file = d.loc.file.c_str();
  if (line)
    *line = d.loc.line;
  if (column)
    *column = d.loc.column;
  if (message)
    *message = d.message.c_str();
  if (hint)
    *hint = d.hint.c_str();
}

void galley_result_free(galley_result* result) {
  delete result;
}

const char* galley_version(void) {
  return galley::version();
}

} // extern "C"
