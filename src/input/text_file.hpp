#pragma once
// Reading an input file as text: size limit, binary and UTF-8 checks, BOM and CRLF handling.
#include "input/load.hpp"

#include <string>
#include <string_view>

namespace galley::input {

/// Reads the bytes of `path` as they are, within the size limit: what a reader of a binary
/// format (DOCX) takes. Reports (and returns nullopt for) a missing or oversized file.
std::optional<std::string> read_input_file(const std::filesystem::path& path,
                                           const std::string& display, const LoadOptions& options,
                                           Diagnostics& diags);

/// The bytes of standard input as they are, within the size limit.
std::optional<std::string> read_input_stdin(const std::string& display, const LoadOptions& options,
                                            Diagnostics& diags);

/// Reads `path` and returns its text with a UTF-8 byte order mark removed and CRLF / CR line
/// endings turned into LF. Reports (and returns nullopt for) a missing, oversized, empty, binary
/// or not-UTF-8 file; `display` names the file in diagnostics.
std::optional<std::string> read_text_file(const std::filesystem::path& path,
                                          const std::string& display, const LoadOptions& options,
                                          Diagnostics& diags);

/// The same checks and clean-up for the text of standard input (`galley pdf -`).
std::optional<std::string> read_text_stdin(const std::string& display, const LoadOptions& options,
                                           Diagnostics& diags);

/// The checks and clean-up read_text_file() applies, on bytes already read.
std::optional<std::string> text_from_bytes(std::string_view bytes, const std::string& display,
                                           const LoadOptions& options, Diagnostics& diags);

/// 1-based line and byte column of `offset` in `text`.
SourceLoc loc_at(std::string_view text, size_t offset, const std::string& file);

} // namespace galley::input
