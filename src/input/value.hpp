#pragma once
// A small tree that YAML and TOML front matter (and manifests) are converted into, so that one
// piece of code reads metadata whatever syntax the writer chose. Every node keeps its location.
#include "galley/diagnostics.hpp"
#include "galley/limits.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace galley::input {

enum class ValueKind { Null, Scalar, Map, List };

struct Entry;

struct Value {
  ValueKind kind = ValueKind::Null;
  std::string scalar;     ///< for scalars: the text (TOML numbers and dates as written in ISO form)
  std::vector<Entry> map; ///< for maps: entries in source order
  std::vector<Value> list; ///< for lists
  SourceLoc loc;

  /// The value of `key` in a map, or nullptr.
  [[nodiscard]] const Value* get(std::string_view key) const;
};

struct Entry {
  std::string key;
  SourceLoc key_loc;
  Value value;
};

/// "a string", "a list", "a map", "nothing": for "must be a string, got a list" messages.
std::string_view kind_phrase(ValueKind k);

/// Makes `text` fit for XML (both outputs embed it there): a control character, U+FFFE or U+FFFF,
/// which a YAML or TOML escape ("\0", "\uFFFE") or the file's bytes can bring in, becomes U+FFFD
/// with a warning at `loc`.
void replace_non_xml_text(std::string& text, const SourceLoc& loc, Diagnostics& diags);

/// The warning both replace_non_xml_text() and the text file reader give for `count` replaced
/// characters.
std::string non_xml_warning(std::size_t count);

/// Parses YAML `text` whose first line is line `first_line` of `file`. Reports syntax errors
/// with their location and returns nullopt.
std::optional<Value> parse_yaml(std::string_view text, const std::string& file, int first_line,
                                const Limits& limits, Diagnostics& diags);

/// Same for TOML (v1.0.0) front matter.
std::optional<Value> parse_toml(std::string_view text, const std::string& file, int first_line,
                                const Limits& limits, Diagnostics& diags);

} // namespace galley::input
