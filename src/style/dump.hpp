#pragma once
// A resolved style written back as YAML, for `galley styles show` and the round-trip tests.
#include "galley/style.hpp"

#include <string>

namespace galley::style {

/// The resolved style as YAML, every value filled in (lengths in points, no `extends:`), such
/// that load_style_text(dump_style(s)) gives `s` back (lengths to 1/10000 pt).
std::string dump_style(const Style& style);

} // namespace galley::style
