#include "cli/report.hpp"

namespace galley::cli {

namespace {

std::string quoted(std::string_view s) {
  return "\"" + json_escape(s) + "\"";
}

std::string diagnostic_json(const Diagnostic& d) {
  std::string s = "{\"severity\": " + quoted(severity_name(d.severity));
  s += ", \"file\": " + quoted(d.loc.file);
  s += ", \"line\": " + std::to_string(d.loc.line);
  s += ", \"column\": " + std::to_string(d.loc.column);
  s += ", \"message\": " + quoted(d.message);
  if (!d.hint.empty())
    s += ", \"hint\": " + quoted(d.hint);
  return s + "}";
}

std::string output_json(const ReportOutput& o) {
  std::string s = "    {\n";
  s += "      \"path\": " + quoted(o.path) + ",\n";
  s += "      \"format\": " + quoted(o.format) + ",\n";
  s += "      \"input\": " + quoted(o.input) + ",\n";
  if (o.article >= 0)
    s += "      \"article\": " + std::to_string(o.article + 1) + ",\n";
  s += std::string("      \"status\": ") + (o.ok ? "\"written\"" : "\"failed\"") + ",\n";
  // A PDF has pages, an EPUB content documents: each under its own name.
  s += std::string("      \"") + (o.format == "epub" ? "documents" : "pages") +
       "\": " + std::to_string(o.pages) + ",\n";
  s += "      \"bytes\": " + std::to_string(o.bytes) + ",\n";
  s += "      \"sha256\": " + (o.sha256.empty() ? std::string("null") : quoted(o.sha256)) + ",\n";
  s += "      \"time_ms\": " + std::to_string(o.time_ms) + ",\n";
  s += std::string("      \"cached\": ") + (o.cached ? "true" : "false") + ",\n";
  s += "      \"diagnostics\": [";
  for (std::size_t i = 0; i < o.diagnostics.size(); ++i) {
    s += i == 0 ? "\n" : ",\n";
    s += "        " + diagnostic_json(o.diagnostics[i]);
  }
  s += o.diagnostics.empty() ? "]\n" : "\n      ]\n";
  return s + "    }";
}

} // namespace

std::string report_json(const ReportRun& run, const std::vector<ReportOutput>& outputs) {
  std::size_t written = 0;
  long long pages = 0;
  long long documents = 0;
  unsigned long long bytes = 0;
  for (const auto& o : outputs) {
    if (!o.ok)
      continue;
    ++written;
    (o.format == "epub" ? documents : pages) += o.pages;
    bytes += o.bytes;
  }
  std::string s = "{\n  \"galley\": {\n";
  s += "    \"version\": " + quoted(run.version) + ",\n";
  s += "    \"shard\": " + quoted(run.shard) + ",\n";
  s += std::string("    \"verify\": ") + (run.verify ? "true" : "false") + ",\n";
  s += std::string("    \"strict\": ") + (run.strict ? "true" : "false") + "\n";
  s += "  },\n  \"outputs\": [";
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    s += i == 0 ? "\n" : ",\n";
    s += output_json(outputs[i]);
  }
  s += outputs.empty() ? "],\n" : "\n  ],\n";
  s += "  \"totals\": {\n";
  s += "    \"outputs\": " + std::to_string(outputs.size()) + ",\n";
  s += "    \"written\": " + std::to_string(written) + ",\n";
  s += "    \"failed\": " + std::to_string(outputs.size() - written) + ",\n";
  s += "    \"pages\": " + std::to_string(pages) + ",\n";
  s += "    \"documents\": " + std::to_string(documents) + ",\n";
  s += "    \"bytes\": " + std::to_string(bytes) + ",\n";
  s += "    \"errors\": " + std::to_string(run.errors) + ",\n";
  s += "    \"warnings\": " + std::to_string(run.warnings) + ",\n";
  s += "    \"time_ms\": " + std::to_string(run.time_ms) + "\n";
  return s + "  }\n}\n";
}

} // namespace galley::cli
