#pragma once
// Dates as writers and other tools write them.
#include "galley/model.hpp"

#include <optional>
#include <string_view>

namespace galley::input {

/// Parses `2026-04-27`, `2026-04`, `2026`, `2026-04-27T10:00:00Z` (any RFC 3339 time and
/// offset), `2026-04-27 10:00`, `2026/04/27`, `2026-4-7 9:05:00`, `April 27, 2026`,
/// `Apr 27 2026`, `27 April 2026`, `April 2026` and Unix seconds (`1777248000`, the UTC day).
/// The time of day is validated and dropped. nullopt when it is not a real date.
std::optional<model::Date> parse_date(std::string_view text);

} // namespace galley::input
