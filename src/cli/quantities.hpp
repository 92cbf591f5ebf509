#pragma once
// Sizes and ages as a user writes them on the command line (`galley cache prune --max-size 2G
// --older-than 30d`), read back to numbers.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace galley::cli {

/// A size in bytes: a whole or decimal number and an optional unit, k, M, G or T (powers of
/// 1000, as galley prints sizes), with or without a B after it, in either case ("2G", "500MB",
/// "1.5g", "800k", "4096"). nullopt, with `error` saying why, for anything else.
std::optional<std::uint64_t> parse_size(std::string_view text, std::string& error);

/// An age in seconds: a whole number of days ("30", "30d") or of hours ("12h"). nullopt, with
/// `error` saying why, for anything else.
std::optional<std::int64_t> parse_age(std::string_view text, std::string& error);

} // namespace galley::cli
