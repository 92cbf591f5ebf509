#pragma once
// What `galley build` shows while it works: a progress bar on a terminal, one line per finished
// output elsewhere (a CI log). Formatting is pure so it can be tested; Progress does the
// printing, always to stderr, and is used from one thread only.
#include <cstdint>
#include <string>

namespace galley::cli {

/// How stderr may be written to.
struct Terminal {
  bool tty = false;    ///< a terminal that understands \r and erase-line (not TERM=dumb)
  bool colour = false; ///< ANSI colour allowed: a terminal, and NO_COLOR unset or empty
  int width = 80;
};

/// Looks at stderr and the environment (TERM, NO_COLOR per no-color.org, COLUMNS).
Terminal detect_terminal();

/// "812 B", "34.5 kB", "1.20 MB" (decimal units, as ls -h --si and CI dashboards show).
std::string format_size(std::uint64_t bytes);

/// "340 ms", "2.4 s", "1 min 05 s".
std::string format_duration(std::int64_t ms);

/// One finished output, as the log line and the report see it.
struct OutputLine {
  std::string path;
  std::string format; ///< "pdf" or "epub"
  bool ok = true;
  int pages = 0; ///< PDF pages; EPUB content documents
  std::uint64_t bytes = 0;
  std::int64_t time_ms = 0;
  int errors = 0;
  int warnings = 0;
  bool cached = false; ///< taken from the build cache (--cache), not rendered
};

/// "wrote out/a.pdf: 12 pages, 34.5 kB, 812 ms" (", from the cache" instead of the time) or "failed
/// out/a.pdf: 2 errors, 1 warning".
std::string format_output_line(const OutputLine& line, bool colour);

/// "[#########.........] 3/10  0:04  microsoft-openai.pdf", fitted into `width` columns.
std::string format_bar(std::size_t done, std::size_t total, std::int64_t elapsed_ms,
                       const std::string& current, int width, bool colour);

/// What a build's written outputs hold together.
struct Made {
  int pdf_pages = 0;
  int epub_documents = 0;
  std::uint64_t bytes = 0;
  std::size_t cached = 0; ///< outputs taken from the build cache
};

/// "built 4 outputs (31 pages, 2 documents, 1.20 MB) in 2.4 s" (", 3 from the cache") or "2 of 4
/// outputs failed ...".
std::string format_summary(std::size_t written, std::size_t failed, const Made& made,
                           std::int64_t elapsed_ms, bool colour);

enum class Verbosity { Quiet, Normal, Verbose };

/// Prints progress to stderr. On a terminal it keeps one bar line at the bottom and clears it
/// before anything else is printed; elsewhere it prints only whole lines.
class Progress {
public:
  /// `json`: every line is a JSON note (--diagnostics json) and there is no bar.
  Progress(Terminal terminal, Verbosity verbosity, std::size_t total, bool json = false);

  /// Redraws the bar (terminal only) with the item being worked on.
  void update(std::size_t done, std::int64_t elapsed_ms, const std::string& current);
  /// A finished output: a log line when not on a terminal, or on one with --verbose.
  void finished(const OutputLine& line);
  /// Prints text (diagnostics) above the bar.
  void print(const std::string& text);
  /// Clears the bar and prints the summary line (not with --quiet).
  void summary(std::size_t written, std::size_t failed, const Made& made, std::int64_t elapsed_ms);

  /// Erases the bar so other text (diagnostics) can be printed; the next update redraws it.
  void clear_bar();

private:
  /// `text` as one line: as it is, or a JSON note.
  std::string line_of(const std::string& text) const;

  Terminal terminal_;
  Verbosity verbosity_;
  std::size_t total_;
  bool json_ = false;
  bool bar_shown_ = false;
};

} // namespace galley::cli
