#pragma once
// Diagnostics: problems in the user's input, collected rather than thrown, so that one run
// reports every problem. Diagnostics are one of three channels: user errors here, internal
// failures as galley::Error (galley/error.hpp), results as return values (docs/architecture.md).
#include <string>
#include <string_view>
#include <vector>

namespace galley {

/// A position in a source file. line and column are 1-based; 0 means "unknown".
struct SourceLoc {
  std::string file;
  int line = 0;
  int column = 0;
};

enum class Severity { Note, Warning, Error };

struct Diagnostic {
  Severity severity = Severity::Error;
  SourceLoc loc;
  std::string message; ///< lowercase start, no trailing period
  std::string hint;    ///< optional: "did you mean 'title'?"
};

/// Sink for diagnostics. Loaders and renderers report here and keep going where they can.
/// Not thread-safe: give each worker its own sink and merge them in a fixed order.
class Diagnostics {
public:
  void report(Diagnostic d);
  void error(SourceLoc loc, std::string message, std::string hint = {});
  void warning(SourceLoc loc, std::string message, std::string hint = {});
  void note(SourceLoc loc, std::string message, std::string hint = {});

  /// Appends every diagnostic of `other`, in order.
  void merge(const Diagnostics& other);

  [[nodiscard]] bool has_errors() const { return errors_ > 0; }
  [[nodiscard]] int error_count() const { return errors_; }
  [[nodiscard]] int warning_count() const { return warnings_; }
  [[nodiscard]] const std::vector<Diagnostic>& all() const { return items_; }
  [[nodiscard]] bool empty() const { return items_.empty(); }

private:
  std::vector<Diagnostic> items_;
  int errors_ = 0;
  int warnings_ = 0;
};

std::string_view severity_name(Severity s);

/// `file:line:col: error: message (hint)`; parts that are unknown are left out.
std::string format_text(const Diagnostic& d);

/// One JSON object on one line:
/// {"severity":"error","file":"a.md","line":3,"column":8,"message":"...","hint":"..."}
std::string format_json(const Diagnostic& d);

/// Escapes a string for a JSON string literal (without the quotes).
std::string json_escape(std::string_view s);

/// The candidate closest to `word` by edit distance, or "" when none is close enough to be a
/// plausible misspelling. Used for "did you mean" hints.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

} // namespace galley
