#pragma once
// JSON articles and issue manifests read into the same located tree as YAML and TOML front
// matter (value.hpp), so that one piece of code reads their keys. Parsed by nlohmann/json's SAX
// interface, strictly (RFC 8259): comments, unquoted keys and trailing commas are errors.
#include "input/value.hpp"

#include <filesystem>

namespace galley::input {

/// Parses JSON `text` (a whole file, whose first character is line 1, column 1 of `file`)
/// into a Value; a document that is not an object is refused. Errors are located at
/// file:line:column; nullopt after one.
std::optional<Value> parse_json(std::string_view text, const std::string& file,
                                const Limits& limits, Diagnostics& diags);

/// True when `text`'s first character that is not white space is `{`.
bool looks_like_json(std::string_view text);

/// True when the file at `path` is a JSON object with an `articles` key: an issue manifest
/// rather than an article. False for a file that cannot be read or is not JSON.
bool is_json_manifest(const std::filesystem::path& path);

} // namespace galley::input
