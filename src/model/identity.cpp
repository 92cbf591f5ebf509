// What both editions of a publication agree on beyond the text: the identifier they carry and
// where a word begins, which places the printed edition's pages in the e-book.
#include "galley/model.hpp"
#include "util/hash.hpp"
#include "util/text_utils.hpp"

#include <unicode/uchar.h>

namespace galley::model {

namespace {
/// Everything that tells one issue from another: a changed title, number, date or article
/// list gives another identifier, a re-run the same one.
std::string identity_text(const Issue& issue) {
  std::string s = issue.publication + '\n' + issue.title + '\n' + issue.number + '\n';
  if (issue.date) s += format_date_iso(*issue.date);
  for (const auto& a : issue.articles) {
    s += '\n' + a.meta.identifier + '|' + a.meta.title + '|' + a.meta.slug + '|';
    if (a.meta.date) s += format_date_iso(*a.meta.date);
  }
  return s;
}
} // namespace

std::string publication_identifier(const Issue& issue) {
  const std::string& given = issue.single_article && !issue.articles.empty()
                                 ? issue.articles.front().meta.identifier
                                 : issue.identifier;
  return given.empty() ? content_uuid_urn(identity_text(issue)) : given;
}

std::vector<std::size_t> word_starts(std::string_view text, bool& in_word) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const auto cp = static_cast<UChar32>(next_code_point(text, i));
    // Chinese and Japanese write no spaces: each ideograph or kana (UAX #14 class ID, where
    // a line may break before and after) counts as a word of its own.
    const bool ideograph = u_getIntPropertyValue(cp, UCHAR_LINE_BREAK) == U_LB_IDEOGRAPHIC;
    const bool space = u_isUWhiteSpace(cp) != 0;
    if (!space && (!in_word || ideograph)) starts.push_back(at);
    in_word = !space && !ideograph;
  }
  return starts;
}

} // namespace galley::model
