#include "input/typography.hpp"

#include "model/walk.hpp"

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
  std::string_view primary = language.substr(0, language.find_first_of("-_"));
  std::string lower;
  for (char c : primary) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  for (const Marks& m : kMarks)
    if (m.language == lower) return &m;
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

} // namespace

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
