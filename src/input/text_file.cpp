#include "input/text_file.hpp"

#include "input/value.hpp"
#include "util/files.hpp"
#include "util/text_utils.hpp"

#include <cstring>
#include <iostream>
#include <iterator>

namespace galley::input {

SourceLoc loc_at(std::string_view text, size_t offset, const std::string& file) {
  SourceLoc loc{file, 1, 1};
  size_t line_start = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++loc.line;
      line_start = i + 1;
    }
  }
  loc.column = static_cast<int>(offset - line_start) + 1;
  return loc;
}

std::optional<std::string> read_input_file(const std::filesystem::path& path,
                                           const std::string& display, const LoadOptions& options,
                                           Diagnostics& diags) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > options.limits.max_file_size) {
    diags.error({display}, "file is too large (" + std::to_string(size) + " bytes; the limit is " +
                               std::to_string(options.limits.max_file_size) + ")");
    return std::nullopt;
  }
  std::string why;
  auto bytes = read_file(path, &why, options.limits.max_file_size);
  if (!bytes) {
    diags.error({display}, "cannot read file: " + why);
    return std::nullopt;
  }
  return bytes;
}

std::optional<std::string> read_text_file(const std::filesystem::path& path,
                                          const std::string& display, const LoadOptions& options,
                                          Diagnostics& diags) {
  auto bytes = read_input_file(path, display, options, diags);
  if (!bytes)
    return std::nullopt;
  return text_from_bytes(*bytes, display, options, diags);
}

std::optional<std::string> read_input_stdin(const std::string& display, const LoadOptions& options,
                                            Diagnostics& diags) {
  std::string bytes;
  char chunk[65536];
  while (std::cin.read(chunk, sizeof chunk) || std::cin.gcount() > 0) {
    bytes.append(chunk, static_cast<size_t>(std::cin.gcount()));
    if (bytes.size() > options.limits.max_file_size)
      break; // an endless stream: what was read already shows it is too large
  }
  if (std::cin.bad()) {
    diags.error({display}, "cannot read standard input");
    return std::nullopt;
  }
  return bytes;
}

std::optional<std::string> read_text_stdin(const std::string& display, const LoadOptions& options,
                                           Diagnostics& diags) {
  auto bytes = read_input_stdin(display, options, diags);
  if (!bytes)
    return std::nullopt;
  return text_from_bytes(*bytes, display, options, diags);
}

std::optional<std::string> text_from_bytes(std::string_view view, const std::string& display,
                                           const LoadOptions& options, Diagnostics& diags) {
  if (view.size() > options.limits.max_file_size) { // the file grew, or is an endless stream
    diags.error({display}, "file is too large (the limit is " +
                               std::to_string(options.limits.max_file_size) + " bytes)");
    return std::nullopt;
  }
  if (view.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    diags.error({display}, "file is empty");
    return std::nullopt;
  }
  if (const void* nul = std::memchr(view.data(), 0, view.size())) {
    size_t at = static_cast<size_t>(static_cast<const char*>(nul) - view.data());
    diags.error(loc_at(view, at, display), "file is binary, not text (NUL byte)");
    return std::nullopt;
  }
  size_t bad = 0;
  if (!is_valid_utf8(view, &bad)) {
    diags.error(loc_at(view, bad, display), "invalid UTF-8 byte sequence",
                "save the file as UTF-8");
    return std::nullopt;
  }
  // Unicode 15, section 23.8: a leading U+FEFF is a signature, not content.
  if (view.substr(0, 3) == "\xEF\xBB\xBF")
    view.remove_prefix(3);
  std::string out;
  out.reserve(view.size());
  for (size_t i = 0; i < view.size(); ++i) {
    if (view[i] == '\r') {
      out += '\n';
      if (i + 1 < view.size() && view[i + 1] == '\n')
        ++i;
    } else {
      out += view[i];
    }
  }
  // A control character (other than tab and line breaks) or U+FFFE/U+FFFF cannot go into XML,
  // which both outputs embed: each becomes U+FFFD, with a warning at the first.
  std::size_t first = 0;
  if (std::size_t n = replace_non_xml_chars(out, &first))
    diags.warning(loc_at(out, first, display), non_xml_warning(n));
  return out;
}

} // namespace galley::input
