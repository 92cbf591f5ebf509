#include "cli/progress.hpp"

#include "galley/diagnostics.hpp"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/ioctl.h>
#include <unistd.h>

namespace galley::cli {

namespace {

constexpr const char* kGreen = "\033[32m";
constexpr const char* kRed = "\033[1;31m";
constexpr const char* kReset = "\033[0m";

std::string fixed(double value, int precision) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, precision);
  return ec == std::errc() ? std::string(buf, end) : std::string("?");
}

std::string plural(long long n, const char* word) {
  std::string s = std::to_string(n) + " " + word;
  if (n != 1)
    s += 's';
  return s;
}

std::string paint(const std::string& text, const char* code, bool colour) {
  return colour && !text.empty() ? std::string(code) + text + kReset : text;
}

std::string clock(std::int64_t ms) {
  std::int64_t s = ms / 1000;
  std::string secs = std::to_string(s % 60);
  if (secs.size() < 2)
    secs.insert(0, 1, '0');
  return std::to_string(s / 60) + ":" + secs;
}

/// Bytes of a UTF-8 string that fit in `columns` code points (one column each is close enough
/// for file names).
std::string fit(const std::string& s, int columns) {
  if (columns <= 0)
    return {};
  int seen = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80)
      continue;
    if (seen == columns)
      return s.substr(0, i);
    ++seen;
  }
  return s;
}

} // namespace

Terminal detect_terminal() {
  Terminal t;
  const char* term = std::getenv("TERM");
  t.tty = ::isatty(STDERR_FILENO) == 1 && !(term != nullptr && std::strcmp(term, "dumb") == 0);
  // no-color.org: NO_COLOR present and not empty disables colour, whatever its value.
  const char* no_colour = std::getenv("NO_COLOR");
  t.colour = t.tty && !(no_colour != nullptr && *no_colour != '\0');
  winsize ws{};
  if (t.tty && ::ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
    t.width = ws.ws_col;
  } else if (const char* cols = std::getenv("COLUMNS"); cols != nullptr) {
    int w = 0;
    auto [end, ec] = std::from_chars(cols, cols + std::strlen(cols), w);
    if (ec == std::errc() && *end == '\0' && w > 0)
      t.width = w;
  }
  return t;
}

std::string format_size(std::uint64_t bytes) {
  if (bytes < 1000)
    return std::to_string(bytes) + " B";
  if (bytes < 1000 * 1000)
    return fixed(static_cast<double>(bytes) / 1e3, 1) + " kB";
  if (bytes < 1000ull * 1000 * 1000)
    return fixed(static_cast<double>(bytes) / 1e6, 2) + " MB";
  return fixed(static_cast<double>(bytes) / 1e9, 2) + " GB";
}

std::string format_duration(std::int64_t ms) {
  if (ms < 1000)
    return std::to_string(ms) + " ms";
  if (ms < 60 * 1000)
    return fixed(static_cast<double>(ms) / 1e3, 1) + " s";
  std::string secs = std::to_string((ms / 1000) % 60);
  if (secs.size() < 2)
    secs.insert(0, 1, '0');
  return std::to_string(ms / 60000) + " min " + secs + " s";
}

std::string format_output_line(const OutputLine& line, bool colour) {
  if (!line.ok) {
    std::string s =
        paint("failed", kRed, colour) + " " + line.path + ": " + plural(line.errors, "error");
    if (line.warnings > 0)
      s += ", " + plural(line.warnings, "warning");
    return s;
  }
  std::string s = paint("wrote", kGreen, colour) + " " + line.path + ": " +
                  plural(line.pages, line.format == "pdf" ? "page" : "document") + ", " +
                  format_size(line.bytes) + ", " +
                  (line.cached ? std::string("from the cache") : format_duration(line.time_ms));
  if (line.warnings > 0)
    s += ", " + plural(line.warnings, "warning");
  return s;
}

std::string format_bar(std::size_t done, std::size_t total, std::int64_t elapsed_ms,
                       const std::string& current, int width, bool colour) {
  constexpr std::size_t kCells = 20;
  std::size_t filled = total == 0 ? kCells : done * kCells / total;
  std::string cells = std::string(filled, '#');
  std::string rest = std::string(kCells - filled, '.');
  std::string counts =
      " " + std::to_string(done) + "/" + std::to_string(total) + "  " + clock(elapsed_ms) + "  ";
  int used = static_cast<int>(kCells + 2 + counts.size());
  return "[" + paint(cells, kGreen, colour) + rest + "]" + counts + fit(current, width - used - 1);
}

std::string format_summary(std::size_t written, std::size_t failed, const Made& made_of,
                           std::int64_t elapsed_ms, bool colour) {
  std::size_t total = written + failed;
  // PDF pages and EPUB documents are different things: each is counted on its own, and left
  // out when the build made none of that format.
  std::string counts;
  if (made_of.pdf_pages > 0 || made_of.epub_documents == 0)
    counts += plural(made_of.pdf_pages, "page") + ", ";
  if (made_of.epub_documents > 0)
    counts += plural(made_of.epub_documents, "document") + ", ";
  std::string made =
      "(" + counts + format_size(made_of.bytes) + ") in " + format_duration(elapsed_ms);
  if (made_of.cached > 0)
    made += ", " + std::to_string(made_of.cached) + " from the cache";
  if (failed == 0)
    return paint("built", kGreen, colour) + " " + plural(static_cast<long long>(total), "output") +
           " " + made;
  return paint(std::to_string(failed) + " of " + plural(static_cast<long long>(total), "output") +
                   " failed",
               kRed, colour) +
         "; wrote " + std::to_string(written) + " " + made;
}

Progress::Progress(Terminal terminal, Verbosity verbosity, std::size_t total, bool json)
    : terminal_(terminal), verbosity_(verbosity), total_(total), json_(json) {
  if (json_) {
    // Nothing but whole JSON lines: no bar, no colour.
    terminal_.tty = false;
    terminal_.colour = false;
  }
}

void Progress::clear_bar() {
  if (!bar_shown_)
    return;
  std::fputs("\r\033[K", stderr);
  bar_shown_ = false;
}

void Progress::update(std::size_t done, std::int64_t elapsed_ms, const std::string& current) {
  if (!terminal_.tty || verbosity_ == Verbosity::Quiet)
    return;
  std::string bar =
      "\r\033[K" + format_bar(done, total_, elapsed_ms, current, terminal_.width, terminal_.colour);
  std::fputs(bar.c_str(), stderr);
  std::fflush(stderr);
  bar_shown_ = true;
}

void Progress::finished(const OutputLine& line) {
  if (verbosity_ == Verbosity::Quiet)
    return;
  if (terminal_.tty && verbosity_ != Verbosity::Verbose)
    return;
  print(line_of(format_output_line(line, terminal_.colour)));
}

std::string Progress::line_of(const std::string& text) const {
  return (json_ ? format_json({Severity::Note, {}, text, ""}) : text) + "\n";
}

void Progress::print(const std::string& text) {
  if (text.empty())
    return;
  clear_bar();
  std::fputs(text.c_str(), stderr);
  std::fflush(stderr);
}

void Progress::summary(std::size_t written, std::size_t failed, const Made& made,
                       std::int64_t elapsed_ms) {
  clear_bar();
  if (verbosity_ == Verbosity::Quiet)
    return;
  print(line_of(format_summary(written, failed, made, elapsed_ms, terminal_.colour)));
}

} // namespace galley::cli
