#include "input/emoji.hpp"

#include "model/walk.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <iterator>

namespace galley::input {

namespace {

struct Name {
  std::string_view name;
  std::u32string_view emoji;
};

// GitHub's list, generated from Debian's copy (cmake/emoji_names.cmake), sorted by name. Each
// sequence is as GitHub writes it, with the variation selector where one is needed.
constexpr Name kGithub[] = {
#include "emoji_names.inc"
};

// Other names GitHub also takes for an emoji of the list; its list names one name per emoji.
constexpr Name kMoreNames[] = {
    {"envelope", U"\u2709\uFE0F"}, {"pencil", U"\U0001F4DD"},   {"telephone", U"\u260E\uFE0F"},
    {"thumbsdown", U"\U0001F44E"}, {"thumbsup", U"\U0001F44D"},
};

constexpr bool by_name(const Name& a, const Name& b) {
  return a.name < b.name;
}
static_assert(std::is_sorted(std::begin(kGithub), std::end(kGithub), by_name));
static_assert(std::is_sorted(std::begin(kMoreNames), std::end(kMoreNames), by_name));

template <std::size_t N> const Name* find(const Name (&table)[N], std::string_view name) {
  auto it = std::lower_bound(std::begin(table), std::end(table), name,
                             [](const Name& a, std::string_view n) { return a.name < n; });
  return it != std::end(table) && it->name == name ? it : nullptr;
}

void append_utf8(std::string& out, char32_t c) {
  char buf[U8_MAX_LENGTH];
  int32_t length = 0;
  U8_APPEND_UNSAFE(buf, length, static_cast<UChar32>(c));
  out.append(buf, static_cast<std::size_t>(length));
}

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '+' || c == '-';
}

/// A character named by its Unicode name (`:rocket:` is ROCKET), for names GitHub lacks.
std::optional<char32_t> by_unicode_name(std::string_view name) {
  std::string upper;
  for (char c : name) upper += c == '_' ? ' ' : static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  UErrorCode status = U_ZERO_ERROR;
  const UChar32 c = u_charFromName(U_UNICODE_CHAR_NAME, upper.c_str(), &status);
  // Only pictographs: a name such as `:a:` or `:x:` must not pick a letter or a digit.
  if (U_FAILURE(status) || c < 0x2000 || !u_hasBinaryProperty(c, UCHAR_EMOJI))
    return std::nullopt;
  return static_cast<char32_t>(c);
}

std::string expand(const std::string& text) {
  std::string out;
  std::size_t from = 0;
  for (std::size_t open = text.find(':'); open != std::string::npos;) {
    std::size_t end = open + 1;
    while (end < text.size() && name_char(text[end])) ++end;
    if (end == open + 1 || end >= text.size() || text[end] != ':') {
      open = text.find(':', open + 1);
      continue;
    }
    // A code stands alone, as on GitHub: `a:b:c` and `10:a:30` are not codes, though pandoc
    // reads a 🅱️ into the first.
    auto alnum = [&](std::size_t at) {
      return at < text.size() && std::isalnum(static_cast<unsigned char>(text[at]));
    };
    const bool glued = (open > 0 && alnum(open - 1)) || alnum(end + 1);
    const std::string_view name = std::string_view(text).substr(open + 1, end - open - 1);
    auto emoji = glued ? std::nullopt : emoji_for(name);
    if (!emoji) {
      open = end; // the closing colon may open the next code
      continue;
    }
    out.append(text, from, open - from);
    out += *emoji;
    from = end + 1;
    open = text.find(':', from);
  }
  return from == 0 ? text : out + text.substr(from);
}

} // namespace

std::optional<std::string> emoji_for(std::string_view name) {
  if (name.empty() || name.size() > 40)
    return std::nullopt;
  std::string out;
  const Name* known = find(kGithub, name);
  if (known == nullptr)
    known = find(kMoreNames, name);
  if (known != nullptr) {
    for (char32_t c : known->emoji)
      append_utf8(out, c);
    return out;
  }
  std::optional<char32_t> code = by_unicode_name(name);
  if (!code)
    return std::nullopt;
  append_utf8(out, *code);
  // Characters that default to text presentation need VS16 to be shown as emoji (UTS #51).
  if (!u_hasBinaryProperty(static_cast<UChar32>(*code), UCHAR_EMOJI_PRESENTATION))
    out += "\uFE0F";
  return out;
}

void expand_emoji_shortcodes(model::Article& article) {
  auto refine = [](model::Inline& in) {
    auto* t = std::get_if<model::Text>(&in.value);
    if (t != nullptr && t->text.find(':') != std::string::npos) t->text = expand(t->text);
  };
  model::walk_all_inlines(article.blocks, refine);
  for (model::Note& note : article.notes) model::walk_all_inlines(note.blocks, refine);
}

} // namespace galley::input
