#include "galley/model.hpp"
#include "model/long_dates.hpp"
#include "model/walk.hpp"
#include "util/text_utils.hpp"

#include <unicode/dtptngen.h>
#include <unicode/gregocal.h>
#include <unicode/measfmt.h>
#include <unicode/measunit.h>
#include <unicode/measure.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <tuple>
#include <utility>

namespace galley::model {

namespace {
void append_plain(std::string& out, const Inlines& inlines) {
  for (const auto& in : inlines) {
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, Text> || std::is_same_v<T, Code>) {
            out += v.text;
          } else if constexpr (std::is_same_v<T, Emphasis> || std::is_same_v<T, Strong> ||
                               std::is_same_v<T, Strikethrough> || std::is_same_v<T, Link> ||
                               std::is_same_v<T, Superscript> || std::is_same_v<T, Subscript> ||
                               std::is_same_v<T, Span>) {
            append_plain(out, v.children);
          } else if constexpr (std::is_same_v<T, Math>) {
            out += v.tex;
          } else if constexpr (std::is_same_v<T, LineBreak> || std::is_same_v<T, SoftBreak>) {
            out += ' ';
          }
        },
        in.value);
  }
}
} // namespace

std::string plain_text(const Inlines& inlines) {
  std::string out;
  append_plain(out, inlines);
  return out;
}

namespace {

/// CLDR's pattern for a long date in `language` (`skeleton` names the fields: year, month name,
/// day). Building a pattern generator costs about 0.4 ms, so each pattern is made once.
icu::UnicodeString date_pattern(const std::string& language, const char16_t* skeleton) {
  static std::mutex mutex;
  static std::map<std::pair<std::string, std::u16string>, icu::UnicodeString> made;
  std::lock_guard lock(mutex);
  auto key = std::make_pair(language, std::u16string(skeleton));
  if (auto it = made.find(key); it != made.end()) return it->second;
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::DateTimePatternGenerator> generator(
      icu::DateTimePatternGenerator::createInstance(icu::Locale(language.c_str()), err));
  icu::UnicodeString pattern;
  if (U_SUCCESS(err)) pattern = generator->getBestPattern(skeleton, err);
  if (U_FAILURE(err)) pattern.remove();
  return made[key] = pattern;
}

/// The long date as ICU formats it: a formatter and a calendar made for each call.
std::string long_date_text(const Date& d, const std::string& lang) {
  std::string year = std::to_string(d.year);
  const icu::UnicodeString pattern = date_pattern(lang, d.day < 1 ? u"yMMMM" : u"yMMMMd");
  if (pattern.isEmpty()) return year;
  const icu::Locale locale(lang.c_str());
  UErrorCode err = U_ZERO_ERROR;
  icu::SimpleDateFormat format(pattern, locale, err);
  // The Gregorian calendar in UTC, whatever the locale's default calendar and the machine's zone.
  icu::GregorianCalendar calendar(icu::TimeZone::getGMT()->clone(), locale, err);
  calendar.clear();
  calendar.set(d.year, d.month - 1, d.day < 1 ? 1 : d.day);
  format.setCalendar(calendar);
  const UDate when = calendar.getTime(err);
  if (U_FAILURE(err)) return year;
  icu::UnicodeString text;
  format.format(when, text);
  std::string out;
  text.toUTF8String(out);
  return out;
}

} // namespace

namespace {

/// The long dates made, by language, year, month and day.
struct LongDateMemo {
  std::mutex mutex;
  std::map<std::tuple<std::string, int, int, int>, std::string> made;
};

LongDateMemo& long_date_memo() {
  static LongDateMemo memo;
  return memo;
}

} // namespace

std::string format_date_long(const Date& d, std::string_view language) {
  if (d.month < 1 || d.month > 12)
    return std::to_string(d.year);
  // Making ICU's formatter and calendar costs more than the rest of loading an article, and an
  // issue gives the same few dates in many places: each is formatted once.
  LongDateMemo& memo = long_date_memo();
  auto key = std::make_tuple(std::string(language), d.year, d.month, d.day);
  {
    std::lock_guard lock(memo.mutex);
    if (auto it = memo.made.find(key); it != memo.made.end())
      return it->second;
  }
  std::string text = long_date_text(d, std::get<0>(key));
  std::lock_guard lock(memo.mutex);
  return memo.made.emplace(std::move(key), std::move(text)).first->second;
}

std::vector<LongDate> long_dates() {
  LongDateMemo& memo = long_date_memo();
  std::lock_guard lock(memo.mutex);
  std::vector<LongDate> out;
  for (const auto& [key, text] : memo.made) {
    const auto& [language, year, month, day] = key;
    out.push_back({language, {year, month, day}, text});
  }
  return out;
}

void seed_long_dates(const std::vector<LongDate>& dates) {
  LongDateMemo& memo = long_date_memo();
  std::lock_guard lock(memo.mutex);
  for (const LongDate& d : dates)
    memo.made.emplace(std::make_tuple(d.language, d.date.year, d.date.month, d.date.day), d.text);
}

std::string reading_time_label(const Meta& meta) {
  if (!meta.reading_time_text.empty()) return meta.reading_time_text;
  const int minutes = meta.reading_minutes < 1 ? 1 : meta.reading_minutes;
  const std::string english = std::to_string(minutes) + " min read";
  if (primary_language(meta.language) == "en") return english;
  UErrorCode err = U_ZERO_ERROR;
  const icu::Locale locale(meta.language.c_str());
  icu::MeasureFormat format(locale, UMEASFMT_WIDTH_SHORT, err);
  icu::LocalPointer<icu::MeasureUnit> unit(icu::MeasureUnit::createMinute(err));
  if (U_FAILURE(err)) return english;
  const icu::Measure measure(icu::Formattable(static_cast<int32_t>(minutes)), unit.orphan(), err);
  icu::UnicodeString text;
  icu::FieldPosition position;
  format.formatMeasures(&measure, 1, text, position, err);
  if (U_FAILURE(err)) return english;
  std::string out;
  text.toUTF8String(out);
  return out;
}

std::string format_date_iso(const Date& d) {
  char buf[48];
  if (d.month < 1) std::snprintf(buf, sizeof buf, "%04d", d.year);
  else if (d.day < 1) std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::set<std::string> anchor_ids(const Article& a) {
  std::set<std::string> ids;
  walk_blocks(
      a.blocks,
      [&](const Block& b) {
        if (const auto* h = std::get_if<Heading>(&b.value); h && !h->id.empty()) ids.insert(h->id);
        if (const auto* f = std::get_if<Figure>(&b.value); f && !f->id.empty()) ids.insert(f->id);
      },
      [](const Inlines&, const Block&) {});
  return ids;
}

int shown_heading_level(int previous, const Heading& heading) {
  return std::min(std::clamp(heading.level + 1, 2, 6), previous + 1);
}

std::string unknown_fragment_message(std::string_view id) {
  return "link to '#" + std::string(id) +
         "' names no heading or anchor of the article; the link is dropped";
}

const Note* find_note(const Article& a, std::string_view id) {
  for (const auto& n : a.notes)
    if (n.id == id) return &n;
  return nullptr;
}

int listed_number(const Note& note, int note_offset) {
  return note.given_number > 0 ? note.given_number : note.number + note_offset;
}

int notes_before(const Issue& issue, std::size_t article) {
  int count = 0;
  for (std::size_t i = 0; i < article && i < issue.articles.size(); ++i)
    count += static_cast<int>(issue.articles[i].notes.size());
  return count;
}

} // namespace galley::model
