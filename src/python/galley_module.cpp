// The Python module `galley`, on the C interface (galley/galley.h):
//   galley.render(inputs, format="pdf", **options) -> bytes
//   galley.render_text(text, name="article.md", base_dir=None, format="pdf", **options) -> bytes
//   galley.version() -> str
// Input errors raise galley.Error, whose `diagnostics` lists every problem as a dict; warnings
// of an output that was made go through Python's warnings module. The GIL is released while
// galley works, so threads of a CMS render in parallel.
#include "galley/galley.h"

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>
#include <vector>

namespace py = pybind11;

namespace {

PyObject* error_type = nullptr;

using Result = std::unique_ptr<galley_result, decltype(&galley_result_free)>;

galley_format format_of(const std::string& format) {
  if (format == "pdf")
    return GALLEY_PDF;
  if (format == "epub")
    return GALLEY_EPUB;
  throw py::value_error("format must be 'pdf' or 'epub', not '" + format + "'");
}

// Keyword arguments as the C interface's "key=value" strings: a list repeats its key, a bool
// is true or false.
std::vector<std::string> options_of(const py::kwargs& kwargs) {
  std::vector<std::string> out;
  for (const auto& [key, value] : kwargs) {
    const std::string name = py::str(key);
    auto add = [&](const py::handle& v) {
      std::string text = py::isinstance<py::bool_>(v) ? (v.cast<bool>() ? "true" : "false")
                                                      : std::string(py::str(v));
      out.push_back(name + "=" + text);
    };
    if (py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value))
      for (const auto& v : value)
        add(v);
    else
      add(value);
  }
  return out;
}

std::vector<const char*> c_strings(const std::vector<std::string>& strings) {
  std::vector<const char*> out;
  for (const std::string& s : strings)
    out.push_back(s.c_str());
  out.push_back(nullptr);
  return out;
}

struct Diagnostic {
  galley_severity severity = GALLEY_ERROR;
  const char* file = "";
  int line = 0;
  int column = 0;
  const char* message = "";
  const char* hint = "";

  std::string text() const {
    std::string s = file;
    if (line > 0)
      s += ":" + std::to_string(line) + (column > 0 ? ":" + std::to_string(column) : "");
    if (!s.empty())
      s += ": ";
    s += message;
    if (*hint)
      s += std::string(" (") + hint + ")";
    return s;
  }
};

py::bytes finish(Result result) {
  if (!result)
    throw std::bad_alloc();
  py::list diagnostics;
  std::string first_error;
  std::vector<std::string> warnings;
  for (size_t i = 0; i < galley_result_diagnostic_count(result.get()); ++i) {
    Diagnostic d;
    galley_result_diagnostic(result.get(), i, &d.severity, &d.file, &d.line, &d.column, &d.message,
                             &d.hint);
    const char* severity = d.severity == GALLEY_ERROR     ? "error"
                           : d.severity == GALLEY_WARNING ? "warning"
                                                          : "note";
    py::dict item;
    item["severity"] = severity;
    item["file"] = d.file;
    item["line"] = d.line;
    item["column"] = d.column;
    item["message"] = d.message;
    item["hint"] = d.hint;
    diagnostics.append(item);
    if (d.severity == GALLEY_ERROR && first_error.empty())
      first_error = d.text();
    if (d.severity == GALLEY_WARNING)
      warnings.push_back(d.text());
  }
  if (!galley_result_ok(result.get())) {
    py::object error = py::reinterpret_borrow<py::object>(error_type)(
        first_error.empty() ? std::string("galley failed") : first_error);
    error.attr("diagnostics") = diagnostics;
    PyErr_SetObject(error_type, error.ptr());
    throw py::error_already_set();
  }
  for (const std::string& w : warnings)
    PyErr_WarnEx(PyExc_UserWarning, w.c_str(), 1);
  size_t length = 0;
  const char* data = galley_result_data(result.get(), &length);
  return py::bytes(data, length);
}

py::bytes render(const py::object& inputs, const std::string& format, const py::kwargs& kwargs) {
  std::vector<std::string> paths;
  if (py::isinstance<py::str>(inputs) || py::hasattr(inputs, "__fspath__"))
    paths.push_back(py::str(py::module_::import("os").attr("fspath")(inputs)));
  else
    for (const auto& p : inputs)
      paths.push_back(py::str(py::module_::import("os").attr("fspath")(p)));
  const galley_format f = format_of(format);
  const std::vector<std::string> options = options_of(kwargs);
  const auto c_paths = c_strings(paths);
  const auto c_options = c_strings(options);
  galley_result* raw = nullptr;
  {
    py::gil_scoped_release unlocked;
    raw = galley_render_files(c_paths.data(), paths.size(), f, c_options.data());
  }
  return finish(Result(raw, galley_result_free));
}

py::bytes render_text(const py::object& text, const std::string& name, const py::object& base_dir,
                      const std::string& format, const py::kwargs& kwargs) {
  const std::string bytes = py::isinstance<py::bytes>(text) ? std::string(text.cast<py::bytes>())
                                                            : text.cast<std::string>();
  const std::string base =
      base_dir.is_none() ? std::string()
                         : std::string(py::str(py::module_::import("os").attr("fspath")(base_dir)));
  const galley_format f = format_of(format);
  const std::vector<std::string> options = options_of(kwargs);
  const auto c_options = c_strings(options);
  galley_result* raw = nullptr;
  {
    py::gil_scoped_release unlocked;
    raw = galley_render_text(bytes.data(), bytes.size(), name.c_str(),
                             base.empty() ? nullptr : base.c_str(), f, c_options.data());
  }
  return finish(Result(raw, galley_result_free));
}

} // namespace

PYBIND11_MODULE(galley, m) {
  m.doc() = "galley: structured articles to a paginated PDF and an EPUB 3";
  error_type = PyErr_NewExceptionWithDoc(
      "galley.Error", "The input has errors; `diagnostics` lists every problem.", nullptr, nullptr);
  m.attr("Error") = py::reinterpret_borrow<py::object>(error_type);
  m.attr("__version__") = galley_version();
  m.def(
      "version", [] { return std::string(galley_version()); }, "galley's version");
  m.def("render", &render, py::arg("inputs"), py::arg("format") = "pdf",
        "Renders article files or one issue manifest to PDF or EPUB bytes. Options as keywords: "
        "style, source_date_epoch, pdf_standard, allow_path, resource_path, embed_fonts, "
        "system_fonts.");
  m.def("render_text", &render_text, py::arg("text"), py::arg("name") = "article.md",
        py::arg("base_dir") = py::none(), py::arg("format") = "pdf",
        "Renders one article held in memory; `name`'s extension picks the reader and relative "
        "image paths start from `base_dir`.");
}
