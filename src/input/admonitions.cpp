#include "input/admonitions.hpp"

#include "input/inline_lines.hpp"
#include "util/text_utils.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <regex>

namespace galley::input {

namespace {

using model::Block;
using model::Blocks;
using model::Inlines;

/// The admonition kinds Docusaurus, GitHub and pandoc users write, with their titles.
constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kKinds{{
    {"note", "Note"},
    {"tip", "Tip"},
    {"info", "Info"},
    {"important", "Important"},
    {"warning", "Warning"},
    {"caution", "Caution"},
    {"danger", "Danger"},
    {"success", "Success"},
    {"question", "Question"},
}};

std::optional<std::string_view> title_of_kind(const std::string& kind) {
  for (const auto& [name, title] : kKinds)
    if (name == ascii_lower(kind)) return title;
  return std::nullopt;
}

/// The line's text when it is plain text only (a fence has no markup).
std::optional<std::string> plain_line(const Inlines& line) {
  std::string text;
  for (const auto& in : line) {
    const auto* t = std::get_if<model::Text>(&in.value);
    if (t == nullptr) return std::nullopt;
    text += t->text;
  }
  return text;
}

bool closing_fence(const Inlines& line) {
  static const std::regex close(R"(\s*:{3,}\s*)");
  auto text = plain_line(line);
  return text && std::regex_match(*text, close);
}

/// For an opening fence, the title of its admonition: empty for a div whose content is only
/// unwrapped.
std::optional<std::string> opening_fence(const Inlines& line) {
  // `:::kind`, `:::kind[Title]`, `:::kind Title`, `::: kind`, `::: {.class #id key=value}`.
  static const std::regex open(
      R"(\s*:{3,}\s*(?:\{\s*\.?([\w-]+)[^}]*\}|([A-Za-z][\w-]*))\s*(?:\[(.*)\]|(.*?))\s*:*\s*)");
  auto text = plain_line(line);
  std::smatch m;
  if (!text || !std::regex_match(*text, m, open)) return std::nullopt;
  const std::string kind = m[1].matched ? m[1].str() : m[2].str();
  const std::string given = m[3].matched ? m[3].str() : m[4].str();
  auto title = title_of_kind(kind);
  if (!title) return std::string();
  return given.empty() ? std::string(*title) : given;
}

Block paragraph_of(std::vector<Inlines>::const_iterator first,
                   std::vector<Inlines>::const_iterator last, const SourceLoc& loc) {
  model::Paragraph p;
  for (auto it = first; it != last; ++it) {
    if (it != first) p.content.push_back({model::SoftBreak{}, loc});
    p.content.insert(p.content.end(), it->begin(), it->end());
  }
  return Block{std::move(p), loc};
}

/// Splits paragraphs so that every fence line is a paragraph of its own (a fence written
/// without blank lines around it shares a paragraph with the text).
Blocks fences_apart(Blocks& blocks) {
  Blocks out;
  for (Block& b : blocks) {
    auto* p = std::get_if<model::Paragraph>(&b.value);
    if (p == nullptr) {
      out.push_back(std::move(b));
      continue;
    }
    const std::vector<Inlines> lines = lines_of(p->content);
    auto fence = [](const Inlines& l) { return closing_fence(l) || opening_fence(l).has_value(); };
    if (lines.size() < 2 || std::none_of(lines.begin(), lines.end(), fence)) {
      out.push_back(std::move(b));
      continue;
    }
    auto start = lines.begin();
    for (auto it = lines.begin(); it != lines.end(); ++it) {
      if (!fence(*it)) continue;
      if (start != it) out.push_back(paragraph_of(start, it, b.loc));
      out.push_back(paragraph_of(it, it + 1, b.loc));
      start = it + 1;
    }
    if (start != lines.end()) out.push_back(paragraph_of(start, lines.end(), b.loc));
  }
  return out;
}

const Inlines* single_line(const Block& b) {
  const auto* p = std::get_if<model::Paragraph>(&b.value);
  if (p == nullptr) return nullptr;
  for (const auto& in : p->content)
    if (std::holds_alternative<model::SoftBreak>(in.value)) return nullptr;
  return &p->content;
}

Block titled_quote(const std::string& title, Blocks content, const SourceLoc& loc) {
  model::BlockQuote q;
  model::Strong strong{{model::Inline{model::Text{title}, loc}}};
  q.blocks.push_back(Block{model::Paragraph{{model::Inline{std::move(strong), loc}}}, loc});
  for (Block& b : content) q.blocks.push_back(std::move(b));
  return Block{std::move(q), loc};
}

/// Reads blocks from `at` up to the closing fence of the current level (or the end) into `out`.
void read_level(Blocks& in, std::size_t& at, Blocks& out, bool nested) {
  while (at < in.size()) {
    Block& b = in[at];
    if (const Inlines* line = single_line(b)) {
      if (closing_fence(*line)) {
        ++at;
        if (nested) return;
        continue; // a closing fence with nothing open: left out
      }
      if (auto fence = opening_fence(*line)) {
        const SourceLoc loc = b.loc;
        ++at;
        Blocks content;
        read_level(in, at, content, true);
        if (fence->empty())
          for (Block& c : content) out.push_back(std::move(c));
        else
          out.push_back(titled_quote(*fence, std::move(content), loc));
        continue;
      }
    }
    out.push_back(std::move(b));
    ++at;
  }
}

/// A GitHub alert: a quote whose first line is `[!NOTE]`, `[!TIP]`, ...
void resolve_alert(model::BlockQuote& q) {
  if (q.blocks.empty()) return;
  auto* p = std::get_if<model::Paragraph>(&q.blocks.front().value);
  if (p == nullptr) return;
  std::vector<Inlines> lines = lines_of(p->content);
  auto text = plain_line(lines.front());
  static const std::regex alert(R"(\s*\[!(\w+)\]\s*)");
  std::smatch m;
  if (!text || !std::regex_match(*text, m, alert)) return;
  auto title = title_of_kind(m[1].str());
  if (!title) return;
  const SourceLoc loc = q.blocks.front().loc;
  Blocks rest;
  if (lines.size() > 1) rest.push_back(paragraph_of(lines.begin() + 1, lines.end(), loc));
  for (std::size_t i = 1; i < q.blocks.size(); ++i) rest.push_back(std::move(q.blocks[i]));
  q = std::get<model::BlockQuote>(titled_quote(std::string(*title), std::move(rest), loc).value);
}

} // namespace

void resolve_admonitions(Blocks& blocks) {
  Blocks apart = fences_apart(blocks);
  Blocks out;
  std::size_t at = 0;
  read_level(apart, at, out, false);
  for (Block& b : out) {
    if (auto* q = std::get_if<model::BlockQuote>(&b.value)) {
      resolve_alert(*q);
      resolve_admonitions(q->blocks);
    } else if (auto* l = std::get_if<model::List>(&b.value)) {
      for (auto& item : l->items) resolve_admonitions(item.blocks);
    }
  }
  blocks = std::move(out);
}

} // namespace galley::input
