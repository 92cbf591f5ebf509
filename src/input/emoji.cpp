#include "input/emoji.hpp"

#include "model/walk.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <iterator>

namespace galley::input {

namespace {

struct Alias {
  std::string_view name;
  char32_t code;
};

// GitHub's names that are not the character's Unicode name; every other name is looked up as
// a Unicode character name (`:rocket:` is ROCKET, `:sparkles:` SPARKLES). Sorted by name.
constexpr Alias kAliases[] = {
    {"+1", 0x1F44D}, {"-1", 0x1F44E}, {"100", 0x1F4AF}, {"alarm_clock", 0x23F0},
    {"arrow_down", 0x2B07}, {"arrow_left", 0x2B05}, {"arrow_right", 0x27A1},
    {"arrow_up", 0x2B06}, {"art", 0x1F3A8}, {"bar_chart", 0x1F4CA}, {"beer", 0x1F37A},
    {"blue_heart", 0x1F499}, {"blush", 0x1F60A}, {"book", 0x1F4D6}, {"boom", 0x1F4A5},
    {"broken_heart", 0x1F494}, {"bulb", 0x1F4A1}, {"cake", 0x1F370}, {"calendar", 0x1F4C6},
    {"chart_with_upwards_trend", 0x1F4C8}, {"checkered_flag", 0x1F3C1}, {"clap", 0x1F44F},
    {"cloud", 0x2601}, {"coffee", 0x2615}, {"computer", 0x1F4BB}, {"construction", 0x1F6A7},
    {"cool", 0x1F192}, {"cry", 0x1F622}, {"date", 0x1F4C5}, {"email", 0x1F4E7},
    {"envelope", 0x2709}, {"exclamation", 0x2757}, {"fire", 0x1F525}, {"gear", 0x2699},
    {"gift", 0x1F381}, {"globe_with_meridians", 0x1F310}, {"green_heart", 0x1F49A},
    {"grin", 0x1F601}, {"heart", 0x2764}, {"heart_eyes", 0x1F60D}, {"heavy_check_mark", 0x2714},
    {"heavy_minus_sign", 0x2796}, {"heavy_plus_sign", 0x2795}, {"hourglass", 0x231B},
    {"information_source", 0x2139}, {"iphone", 0x1F4F1}, {"joy", 0x1F602},
    {"laughing", 0x1F606}, {"link", 0x1F517}, {"loudspeaker", 0x1F4E2}, {"mag", 0x1F50D},
    {"mega", 0x1F4E3}, {"memo", 0x1F4DD}, {"muscle", 0x1F4AA}, {"new", 0x1F195},
    {"no_entry", 0x26D4}, {"no_entry_sign", 0x1F6AB}, {"ok", 0x1F197}, {"ok_hand", 0x1F44C},
    {"paperclip", 0x1F4CE}, {"pencil", 0x1F4DD}, {"pencil2", 0x270F}, {"phone", 0x260E},
    {"point_down", 0x1F447}, {"point_left", 0x1F448}, {"point_right", 0x1F449},
    {"point_up", 0x261D}, {"pray", 0x1F64F}, {"purple_heart", 0x1F49C}, {"pushpin", 0x1F4CC},
    {"question", 0x2753}, {"rage", 0x1F621}, {"raised_hands", 0x1F64C}, {"recycle", 0x267B},
    {"rotating_light", 0x1F6A8}, {"round_pushpin", 0x1F4CD}, {"scream", 0x1F631},
    {"smile", 0x1F604}, {"smiley", 0x1F603}, {"sob", 0x1F62D}, {"speech_balloon", 0x1F4AC},
    {"star", 0x2B50}, {"star2", 0x1F31F}, {"sunglasses", 0x1F60E}, {"sunny", 0x2600},
    {"tada", 0x1F389}, {"telephone", 0x260E}, {"thinking", 0x1F914}, {"thumbsdown", 0x1F44E},
    {"thumbsup", 0x1F44D}, {"trophy", 0x1F3C6}, {"truck", 0x1F69A}, {"v", 0x270C},
    {"warning", 0x26A0}, {"wave", 0x1F44B}, {"white_check_mark", 0x2705}, {"wink", 0x1F609},
    {"x", 0x274C},
};
static_assert(std::is_sorted(std::begin(kAliases), std::end(kAliases),
                             [](const Alias& a, const Alias& b) { return a.name < b.name; }));

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '+' || c == '-';
}

std::optional<char32_t> lookup(std::string_view name) {
  auto it = std::lower_bound(std::begin(kAliases), std::end(kAliases), name,
                             [](const Alias& a, std::string_view n) { return a.name < n; });
  if (it != std::end(kAliases) && it->name == name) return it->code;
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
    auto emoji = emoji_for(std::string_view(text).substr(open + 1, end - open - 1));
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
  if (name.empty() || name.size() > 40) return std::nullopt;
  std::optional<char32_t> code = lookup(name);
  if (!code) return std::nullopt;
  std::string out;
  char buf[U8_MAX_LENGTH];
  int32_t length = 0;
  U8_APPEND_UNSAFE(buf, length, static_cast<UChar32>(*code));
  out.assign(buf, static_cast<std::size_t>(length));
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
