#include "input/title.hpp"

#include "input/dates.hpp"
#include "input/finalize.hpp"
#include "util/text_utils.hpp"

#include <cctype>
#include <filesystem>

namespace galley::input {

namespace {

/// The title block's lines: each `%` line starts a field, a line starting with a space
/// continues the one before (pandoc's `pandoc_title_block` extension).
struct TitleBlock {
  std::vector<std::vector<std::string>> fields; ///< lines of title, authors, date
  std::vector<int> lines;                       ///< the line each field starts on
  size_t end = 0;                               ///< bytes of `text` the block takes
};

TitleBlock scan_title_block(std::string_view text) {
  TitleBlock block;
  size_t pos = 0;
  int line = 1;
  while (pos < text.size() && block.fields.size() <= 3) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos)
      eol = text.size();
    std::string_view l = text.substr(pos, eol - pos);
    if (!l.empty() && l.front() == '%') {
      if (block.fields.size() == 3)
        break;
      block.fields.push_back({std::string(l.substr(1))});
      block.lines.push_back(line);
    } else if (!block.fields.empty() && !l.empty() && (l.front() == ' ' || l.front() == '\t') &&
               l.find_first_not_of(" \t") != std::string_view::npos) {
      block.fields.back().emplace_back(l);
    } else {
      break;
    }
    pos = std::min(eol + 1, text.size());
    ++line;
  }
  block.end = pos;
  return block;
}

/// Where the level-1 heading is that comes before any words of the body: only blocks without
/// words (a row of badges, a logo, raw HTML, a rule) may precede it, as in a GitHub README. A
/// figure's caption is its image's alt text, not words of the body.
std::optional<size_t> leading_title_heading(model::Blocks& blocks) {
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (auto* h = std::get_if<model::Heading>(&blocks[i].value))
      return h->level == 1 ? std::optional<size_t>(i) : std::nullopt;
    if (std::holds_alternative<model::Figure>(blocks[i].value))
      continue;
    model::Blocks one{blocks[i]};
    if (count_words(one, "") > 0)
      return std::nullopt;
  }
  return std::nullopt;
}

} // namespace

void take_title_block(std::string& text, const ArticleContext& ctx, ArticleDraft& draft,
                      Diagnostics& diags) {
  TitleBlock block = scan_title_block(text);
  if (block.fields.empty())
    return;
  model::Meta& meta = draft.article.meta;
  auto joined = [](const std::vector<std::string>& parts) {
    std::string all;
    for (const auto& p : parts)
      all += p + " ";
    return collapse_spaces(all);
  };
  meta.title = joined(block.fields[0]);
  meta.loc = {ctx.display, block.lines[0], 1};
  if (block.fields.size() > 1) {
    // Authors are separated by semicolons or put on lines of their own.
    for (const auto& part : block.fields[1]) {
      std::string_view rest = part;
      while (!rest.empty()) {
        size_t semi = std::min(rest.find(';'), rest.size());
        std::string name = collapse_spaces(rest.substr(0, semi));
        if (!name.empty())
          meta.authors.push_back({name, "", "", "", std::nullopt, {ctx.display, block.lines[1], 1}});
        rest.remove_prefix(std::min(semi + 1, rest.size()));
      }
    }
  }
  if (block.fields.size() > 2) {
    std::string date = joined(block.fields[2]);
    if (auto d = parse_date(date))
      meta.date = d;
    else if (!date.empty())
      diags.warning({ctx.display, block.lines[2], 1},
                    "the title block's date is not a date: '" + date + "'; it is left out",
                    "write it as 2026-04-27 or April 27, 2026");
  }
  for (size_t i = 0; i < block.end; ++i)
    if (text[i] != '\n')
      text[i] = ' ';
}

std::string title_from_file_name(const std::string& path) {
  std::filesystem::path p(path);
  std::string stem = p.stem().string();
  const std::string lower = ascii_lower(stem);
  if ((lower == "index" || lower == "_index" || lower == "readme") &&
      !p.parent_path().filename().empty())
    stem = p.parent_path().filename().string();
  if (stem.size() > 11 && parse_date(stem.substr(0, 10)) && stem[10] == '-')
    stem.erase(0, 11);
  for (auto& c : stem)
    if (c == '-' || c == '_')
      c = ' ';
  std::string title = collapse_spaces(stem);
  if (!title.empty())
    title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
  return title;
}

void fall_back_title(ArticleDraft& draft, const ArticleContext& ctx, Diagnostics& diags) {
  model::Meta& meta = draft.article.meta;
  auto& blocks = draft.article.blocks;
  if (auto at = leading_title_heading(blocks)) {
    meta.title = model::plain_text(std::get<model::Heading>(blocks[*at].value).content);
    meta.loc = blocks[*at].loc;
    blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(*at));
    if (!meta.title.empty())
      return;
  }
  if (ctx.display != kStdinName)
    meta.title = title_from_file_name(ctx.display);
  if (meta.title.empty()) {
    diags.error({ctx.display, 1, 1}, "article has no title",
                "add 'title:' to the front matter or start with a '# Title' line");
    return;
  }
  diags.warning({ctx.display, 1, 1}, "article has no title; using '" + meta.title + "' from the file name",
                "add 'title:' to the front matter or start with a '# Title' line");
}

} // namespace galley::input
