#include "util/dates.hpp"

#include <chrono>
#include <cstdio>

namespace galley {

CivilTime civil_utc(std::int64_t epoch) {
  using namespace std::chrono;
  sys_seconds t{seconds{epoch}};
  sys_days day = floor<days>(t);
  year_month_day ymd{day};
  auto rest = t - day;
  auto h = duration_cast<hours>(rest);
  auto m = duration_cast<minutes>(rest - h);
  auto s = duration_cast<seconds>(rest - h - m);
  return {int(ymd.year()),     unsigned(ymd.month()), unsigned(ymd.day()),
          unsigned(h.count()), unsigned(m.count()),   unsigned(s.count())};
}

std::string iso_utc(std::int64_t epoch) {
  const CivilTime c = civil_utc(epoch);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02u:%02u:%02uZ", c.year, c.month, c.day, c.hour,
                c.minute, c.second);
  return buf;
}

} // namespace galley
