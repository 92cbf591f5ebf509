#include "input/typography.hpp"

#include "model/walk.hpp"
#include "util/text_utils.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <string>

namespace galley::input {

namespace {

struct Marks {
  std::string_view language; ///< primary subtag
  std::string_view open, close;
};

// Primary (outer) quotation marks by language, after the Unicode CLDR delimiters data
// (quotationStart / quotationEnd). English and the languages not listed keep “ ”.
constexpr std::array<Marks, 30> kMarks{{
    {"de", "\u201E", "\u201C"}, {"cs", "\u201E", "\u201C"}, {"sk", "\u201E", "\u201C"},
    {"sl", "\u201E", "\u201C"}, {"bg", "\u201E", "\u201C"}, {"lt", "\u201E", "\u201C"},
    {"et", "\u201E", "\u201C"}, {"is", "\u201E", "\u201C"}, {"ka", "\u201E", "\u201C"},
    {"pl", "\u201E", "\u201D"}, {"hu", "\u201E", "\u201D"}, {"ro", "\u201E", "\u201D"},
    {"hr", "\u201E", "\u201D"}, {"fr", "\u00AB\u202F", "\u202F\u00BB"},
    {"ru", "\u00AB", "\u00BB"}, {"uk", "\u00AB", "\u00BB"}, {"be", "\u00AB", "\u00BB"},
    {"es", "\u00AB", "\u00BB"}, {"it", "\u00AB", "\u00BB"}, {"pt", "\u00AB", "\u00BB"},
    {"ca", "\u00AB", "\u00BB"}, {"el", "\u00AB", "\u00BB"}, {"nb", "\u00AB", "\u00BB"},
    {"no", "\u00AB", "\u00BB"}, {"nn", "\u00AB", "\u00BB"}, {"ar", "\u00AB", "\u00BB"},
    {"fa", "\u00AB", "\u00BB"}, {"sv", "\u201D", "\u201D"}, {"fi", "\u201D", "\u201D"},
    {"ja", "\u300C", "\u300D"},
}};

const Marks* marks_for(std::string_view language) {
  const std::string primary = primary_language(language);
  for (const Marks& m : kMarks)
    if (m.language == primary) return &m;
  return nullptr;
}

/// `s` with “ and ” replaced in one pass, since one language's opening mark is another's
/// closing one.
std::string with_marks(std::string_view s, const Marks& marks) {
  constexpr std::string_view left = "\u201C", right = "\u201D";
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (s.substr(i, left.size()) == left) {
      out += marks.open;
      i += left.size();
    } else if (s.substr(i, right.size()) == right) {
      out += marks.close;
      i += right.size();
    } else {
      out += s[i++];
    }
  }
  return out;
}

/// East Asian Width F, W or H, and not Hangul (CSS Text 3, 4.1.3, segment break transformation).
bool joins_lines(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  const int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  if (width != U_EA_FULLWIDTH && width != U_EA_WIDE && width != U_EA_HALFWIDTH) return false;
  UErrorCode err = U_ZERO_ERROR;
  return uscript_getScript(c, &err) != USCRIPT_HANGUL;
}

void join_lines_in(model::Inlines& inlines) {
  for (std::size_t i = 0; i < inlines.size(); ++i) {
    std::visit(
        [](auto& v) {
          if constexpr (requires { v.children; }) join_lines_in(v.children);
        },
        inlines[i].value);
    if (i == 0 || i + 1 >= inlines.size() ||
        !std::holds_alternative<model::SoftBreak>(inlines[i].value))
      continue;
    const auto* before = std::get_if<model::Text>(&inlines[i - 1].value);
    const auto* after = std::get_if<model::Text>(&inlines[i + 1].value);
    if (before == nullptr || after == nullptr || before->text.empty() || after->text.empty())
      continue;
    std::size_t at = 0;
    const char32_t first = next_code_point(after->text, at);
    std::size_t last_at = before->text.size() - 1;
    while (last_at > 0 && (static_cast<unsigned char>(before->text[last_at]) & 0xC0) == 0x80)
      --last_at;
    const char32_t last = next_code_point(before->text, last_at);
    if (joins_lines(last) && joins_lines(first)) inlines.erase(inlines.begin() + std::ptrdiff_t(i--));
  }
}

} // namespace

void join_east_asian_lines(model::Blocks& blocks) {
  model::walk_blocks(blocks, [](model::Block&) {},
                     [](model::Inlines& inlines, model::Block&) { join_lines_in(inlines); });
}

void apply_typography(model::Article& article, std::string_view source) {
  const Marks* marks = marks_for(article.meta.language);
  for (std::string_view typed : {"\u201C", "\u201D", "\u201E", "\u00AB", "\u00BB"})
    if (source.find(typed) != std::string_view::npos) marks = nullptr;
  auto refine = [&](model::Inline& in) {
    auto* t = std::get_if<model::Text>(&in.value);
    if (t == nullptr) return;
    // Both marks are encoded starting with the byte E2: text without it has neither.
    if (marks != nullptr && t->text.find('\xE2') != std::string::npos)
      t->text = with_marks(t->text, *marks);
    for (std::size_t at = t->text.find("  "); at != std::string::npos; at = t->text.find("  ", at)) {
      const std::size_t end = std::min(t->text.find_first_not_of(' ', at), t->text.size());
      t->text.erase(at + 1, end - at - 1);
    }
  };
  model::walk_all_inlines(article.blocks, refine);
  for (model::Note& note : article.notes) model::walk_all_inlines(note.blocks, refine);
}

} // namespace galley::input
