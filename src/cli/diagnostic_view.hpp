#pragma once
// Diagnostics as a person at a terminal reads them, after rustc and Typst: the severity and
// the message, where it is, and the source line with a caret under the place, in colour when
// the terminal allows it. Logs and pipes keep the one-line form (format_text), which tools parse.
#include "galley/diagnostics.hpp"

#include <map>
#include <string>
#include <vector>

namespace galley::cli {

/// The lines of the files diagnostics point into, each file read once, on first use.
class SourceLines {
public:
  /// Line `line` (1-based) of `file` without its line break; null when the file cannot be read,
  /// is not a regular file or is larger than a source galley would read, or has no such line.
  const std::string* line(const std::string& file, int line);

private:
  std::map<std::string, std::vector<std::string>> files_;
};

/// error: message
///   --> file:line:col
///    |
///  3 | the source line
///    |     ^^^^ hint
/// Lines that cannot be shown are left out; a diagnostic without a file is the first line
/// alone (and its hint after it).
std::string format_for_terminal(const Diagnostic& d, SourceLines& sources, bool colour);

} // namespace galley::cli
