#include "cli/diagnostic_view.hpp"

#include <fstream>
#include <sys/stat.h>

namespace galley::cli {

namespace {

// Sources are articles and manifests, within --max-file-size's default; a larger file is not
// one galley read, and its lines are not worth a terminal's screen.
constexpr long long kLargestSource = 64ll << 20;
constexpr int kTabWidth = 4;

constexpr const char* kBold = "\033[1m";
constexpr const char* kRed = "\033[1;31m";
constexpr const char* kYellow = "\033[1;33m";
constexpr const char* kCyan = "\033[1;36m";
constexpr const char* kBlue = "\033[1;34m";
constexpr const char* kReset = "\033[0m";

std::string paint(const std::string& text, const char* code, bool colour) {
  return colour ? code + text + kReset : text;
}

const char* severity_colour(Severity s) {
  switch (s) {
  case Severity::Error:
    return kRed;
  case Severity::Warning:
    return kYellow;
  case Severity::Note:
    return kCyan;
  }
  return kBold;
}

// The code point starting at s[i] and its length in bytes (a broken sequence is one byte).
char32_t decode(const std::string& s, std::size_t i, std::size_t& length) {
  const auto b = static_cast<unsigned char>(s[i]);
  length = b < 0x80 ? 1 : b >> 5 == 0x6 ? 2 : b >> 4 == 0xE ? 3 : b >> 3 == 0x1E ? 4 : 1;
  if (i + length > s.size())
    length = 1;
  if (length == 1)
    return b;
  char32_t c = b & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k)
    c = c << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return c;
}

// Columns a terminal gives a character: two for the East Asian wide and fullwidth ranges
// (UAX #11, W and F), one otherwise; combining marks are rare enough in sources to count one.
int columns_of(char32_t c) {
  const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
                    (c >= 0x3041 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
                    (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
                    (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) ||
                    (c >= 0x1F300 && c <= 0x1F64F) || (c >= 0x1F900 && c <= 0x1F9FF) ||
                    (c >= 0x20000 && c <= 0x3FFFD);
  return wide ? 2 : 1;
}

struct Shown {
  std::string text; ///< the line with tabs expanded
  int caret_at = 0; ///< screen column of the diagnostic's column (0-based)
  int caret_width = 1;
};

// The line as shown, and where under it the caret goes: `column` is a 1-based byte offset;
// the caret spans the word that starts there (the run up to the next space), at least one cell.
Shown show(const std::string& line, int column) {
  Shown out;
  const std::size_t at = column > 0 ? static_cast<std::size_t>(column - 1) : 0;
  int screen = 0;
  bool in_word = false;
  int word_end = -1;
  for (std::size_t i = 0; i < line.size();) {
    if (i == at) {
      out.caret_at = screen;
      in_word = line[i] != ' ' && line[i] != '\t';
    }
    if (in_word && i > at && (line[i] == ' ' || line[i] == '\t')) {
      word_end = screen;
      in_word = false;
    }
    if (line[i] == '\t') {
      const int pad = kTabWidth - screen % kTabWidth;
      out.text.append(static_cast<std::size_t>(pad), ' ');
      screen += pad;
      ++i;
      continue;
    }
    std::size_t length = 1;
    const char32_t c = decode(line, i, length);
    out.text.append(line, i, length);
    screen += columns_of(c);
    i += length;
  }
  if (at >= line.size())
    out.caret_at = screen;
  if (in_word)
    word_end = screen;
  out.caret_width = word_end > out.caret_at ? word_end - out.caret_at : 1;
  return out;
}

} // namespace

const std::string* SourceLines::line(const std::string& file, int line) {
  auto it = files_.find(file);
  if (it == files_.end()) {
    std::vector<std::string> lines;
    struct stat st {};
    if (::stat(file.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= kLargestSource) {
      std::ifstream in(file, std::ios::binary);
      for (std::string l; std::getline(in, l);) {
        if (!l.empty() && l.back() == '\r')
          l.pop_back();
        lines.push_back(std::move(l));
      }
    }
    it = files_.emplace(file, std::move(lines)).first;
  }
  if (line < 1 || static_cast<std::size_t>(line) > it->second.size())
    return nullptr;
  return &it->second[static_cast<std::size_t>(line - 1)];
}

std::string format_for_terminal(const Diagnostic& d, SourceLines& sources, bool colour) {
  const char* tone = severity_colour(d.severity);
  std::string out = paint(std::string(severity_name(d.severity)), tone, colour) + ": " +
                    paint(d.message, kBold, colour) + "\n";
  const std::string* line = d.loc.file.empty() ? nullptr : sources.line(d.loc.file, d.loc.line);
  if (!d.loc.file.empty()) {
    std::string where = d.loc.file;
    if (d.loc.line > 0)
      where += ":" + std::to_string(d.loc.line) +
               (d.loc.column > 0 ? ":" + std::to_string(d.loc.column) : "");
    const std::string number = line ? std::to_string(d.loc.line) : "";
    const std::string gutter(number.size() + 1, ' ');
    out += gutter + paint("-->", kBlue, colour) + " " + where + "\n";
    if (line) {
      const Shown shown = show(*line, d.loc.column);
      const std::string bar = paint("|", kBlue, colour);
      out += gutter + bar + "\n";
      out += paint(number, kBlue, colour) + " " + bar + " " + shown.text + "\n";
      std::string marks =
          d.loc.column > 0
              ? std::string(static_cast<std::size_t>(shown.caret_at), ' ') +
                    paint(std::string(static_cast<std::size_t>(shown.caret_width), '^'), tone,
                          colour)
              : std::string();
      if (!d.hint.empty())
        marks += (marks.empty() ? "" : " ") + d.hint;
      if (!marks.empty())
        out += gutter + bar + " " + marks + "\n";
      return out;
    }
  }
  if (!d.hint.empty())
    out += "  = " + d.hint + "\n";
  return out;
}

} // namespace galley::cli
