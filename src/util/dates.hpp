#pragma once
// The output date as text, for both writers: one conversion from seconds since 1970 to a UTC
// calendar time, and the range of dates the outputs can record.
#include <cstdint>
#include <string>

namespace galley {

/// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: EPUB 3.3's dcterms:modified (CCYY), the PDF
/// date string (PDF 32000-1 7.9.4, YYYY) and XMP dates all have four-digit years.
inline constexpr std::int64_t kFirstRecordableEpoch = -62135596800;
inline constexpr std::int64_t kLastRecordableEpoch = 253402300799;

struct CivilTime {
  int year = 1970;
  unsigned month = 1, day = 1, hour = 0, minute = 0, second = 0;
};

/// The UTC calendar time of `epoch` (proleptic Gregorian, as std::chrono counts).
CivilTime civil_utc(std::int64_t epoch);

/// CCYY-MM-DDThh:mm:ssZ: EPUB 3.3's dcterms:modified and the XMP dates.
std::string iso_utc(std::int64_t epoch);

} // namespace galley
