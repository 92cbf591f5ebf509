#include "input/mdx.hpp"

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

namespace galley::input {

namespace {

/// The lines of a paragraph as its reader sees them (soft and hard breaks end a line).
std::vector<std::string> text_lines(const model::Inlines& inlines) {
  std::vector<std::string> lines(1);
  model::Inlines line;
  for (const model::Inline& in : inlines) {
    if (std::holds_alternative<model::SoftBreak>(in.value) ||
        std::holds_alternative<model::LineBreak>(in.value)) {
      lines.back() = model::plain_text(line);
      lines.emplace_back();
      line.clear();
    } else {
      line.push_back(in);
    }
  }
  lines.back() = model::plain_text(line);
  return lines;
}

/// An ES module statement on one line (ECMA-262, 16.2.2 and 16.2.3), in the forms MDX
/// documents use.
bool is_statement(const std::string& written) {
  // Smart punctuation (typography.hpp) has curled the statement's quotes by now: all four
  // curly quotes are E2 80 and one byte of 98, 99, 9C or 9D.
  std::string line;
  for (std::size_t i = 0; i < written.size(); ++i) {
    const bool curly = written.compare(i, 2, "\xE2\x80") == 0 && i + 2 < written.size() &&
                       std::string_view("\x98\x99\x9C\x9D").find(written[i + 2]) !=
                           std::string_view::npos;
    line += curly ? '\'' : written[i];
    if (curly) i += 2;
  }
  static const std::regex statement(
      R"(^(import\s+([\w$*{}\s,]+\s+from\s+)?['"][^'"]+['"]|export\s+((const|let|var|function|default|async|class)\b|\{).*);?\s*$)");
  return std::regex_match(line, statement);
}

bool starts_statement(const std::string& line) {
  return line.rfind("import ", 0) == 0 || line.rfind("export ", 0) == 0;
}

} // namespace

void drop_mdx_statements(model::Blocks& blocks, std::string_view file) {
  const bool mdx = file.ends_with(".mdx");
  std::size_t drop = 0;
  for (; drop < blocks.size(); ++drop) {
    const auto* p = std::get_if<model::Paragraph>(&blocks[drop].value);
    if (p == nullptr) break;
    std::vector<std::string> lines = text_lines(p->content);
    bool statements = mdx ? starts_statement(lines.front())
                          : std::all_of(lines.begin(), lines.end(), is_statement);
    if (!statements) break;
  }
  blocks.erase(blocks.begin(), blocks.begin() + static_cast<std::ptrdiff_t>(drop));
}

} // namespace galley::input
