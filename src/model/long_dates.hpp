#pragma once
// The long dates format_date_long (galley/model.hpp) made, for a later process. Making ICU's
// pattern generator, formatter and calendar for the first date of a process costs some
// milliseconds, which a rebuild after one article changed spends on that article's dates
// alone: the build cache keeps the dates a build formatted, and the next build starts with
// them (docs/ci.md, "Incremental builds").
#include "galley/model.hpp"

#include <string>
#include <vector>

namespace galley::model {

struct LongDate {
  std::string language;
  Date date;
  std::string text; ///< format_date_long(date, language)
  friend bool operator==(const LongDate&, const LongDate&) = default;
};

/// Every long date this process formatted or was given, by language then date.
std::vector<LongDate> long_dates();

/// Gives format_date_long the texts of dates an earlier process formatted with the same ICU;
/// a date it has already is kept as it is.
void seed_long_dates(const std::vector<LongDate>& dates);

} // namespace galley::model
