#include "input/definition_lists.hpp"

#include "input/inline_lines.hpp"

#include <optional>

namespace galley::input {

namespace {

using model::Block;
using model::Blocks;
using model::Inlines;

/// Whether `line` starts with a definition marker (`:` or `~` and white space); removes it.
bool take_marker(Inlines& line) {
  if (line.empty()) return false;
  auto* text = std::get_if<model::Text>(&line.front().value);
  if (text == nullptr || text->text.size() < 2) return false;
  const std::string& s = text->text;
  if ((s[0] != ':' && s[0] != '~') || (s[1] != ' ' && s[1] != '\t')) return false;
  const std::size_t rest = s.find_first_not_of(" \t", 1);
  if (rest == std::string::npos)
    line.erase(line.begin());
  else
    text->text = s.substr(rest);
  return true;
}

bool has_marker(const Inlines& content) {
  Inlines first = lines_of(content).front();
  return take_marker(first);
}

const model::Paragraph* paragraph(const Blocks& blocks, std::size_t i) {
  return i < blocks.size() ? std::get_if<model::Paragraph>(&blocks[i].value) : nullptr;
}

/// The definitions in `lines` from `from` on: each marked line starts one, the lines after it
/// continue it (as pandoc reads lazy lines).
void add_definitions(std::vector<Inlines>& lines, std::size_t from, const SourceLoc& loc,
                     model::DefinitionItem& item) {
  for (std::size_t l = from; l < lines.size(); ++l) {
    const bool starts = take_marker(lines[l]);
    if (starts || item.definitions.empty()) {
      model::Paragraph p;
      p.content = std::move(lines[l]);
      item.definitions.push_back(Blocks{Block{std::move(p), loc}});
      continue;
    }
    Inlines& content = std::get<model::Paragraph>(item.definitions.back().back().value).content;
    content.push_back({model::SoftBreak{}, loc});
    content.insert(content.end(), lines[l].begin(), lines[l].end());
  }
}

/// The term and definitions starting at blocks[i], and how many blocks they take.
std::optional<model::DefinitionItem> item_at(Blocks& blocks, std::size_t i, std::size_t& used) {
  const model::Paragraph* p = paragraph(blocks, i);
  if (p == nullptr) return std::nullopt;
  std::vector<Inlines> lines = lines_of(p->content);
  model::DefinitionItem item;
  item.loc = blocks[i].loc;
  if (lines.size() >= 2) { // compact: the definitions follow the term line at once
    Inlines second = lines[1];
    if (!take_marker(second)) return std::nullopt;
    item.term = std::move(lines[0]);
    add_definitions(lines, 1, blocks[i].loc, item);
    used = 1;
    return item;
  }
  // Loose: a term on its own, then paragraphs that each begin with a marker.
  std::size_t next = i + 1;
  while (paragraph(blocks, next) != nullptr && has_marker(paragraph(blocks, next)->content)) {
    std::vector<Inlines> def_lines = lines_of(paragraph(blocks, next)->content);
    add_definitions(def_lines, 0, blocks[next].loc, item);
    ++next;
  }
  if (next == i + 1) return std::nullopt;
  item.term = std::move(lines[0]);
  used = next - i;
  return item;
}

} // namespace

void gather_definition_lists(Blocks& blocks) {
  Blocks out;
  out.reserve(blocks.size());
  for (std::size_t i = 0; i < blocks.size();) {
    std::size_t used = 0;
    if (auto item = item_at(blocks, i, used)) {
      if (out.empty() || !std::holds_alternative<model::DefinitionList>(out.back().value))
        out.push_back(Block{model::DefinitionList{}, blocks[i].loc});
      std::get<model::DefinitionList>(out.back().value).items.push_back(std::move(*item));
      i += used;
      continue;
    }
    Block& b = blocks[i++];
    if (auto* q = std::get_if<model::BlockQuote>(&b.value)) gather_definition_lists(q->blocks);
    if (auto* l = std::get_if<model::List>(&b.value))
      for (auto& it : l->items) gather_definition_lists(it.blocks);
    out.push_back(std::move(b));
  }
  blocks = std::move(out);
}

} // namespace galley::input
