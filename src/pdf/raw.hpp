#pragma once
// PDF syntax (PDF 32000-1 7.3) written as text by galley: the values of the objects it writes
// itself (pdf/body.hpp), and values handed to PoDoFo as raw data. An issue has tens of
// thousands of page, annotation and structure objects: built as PoDoFo dictionaries (a map node
// and a variant per key) and serialised again, they were most of the writer's single-threaded
// time.
#include <podofo/podofo.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace galley::pdf {

/// Appends "/name", each byte outside the regular printable characters as #xx (7.3.5).
void raw_name(std::string& out, std::string_view name);

/// Appends " n", " x.xxxx" (four decimals at most, as pdf_real) and " n 0 R" (7.3.3, 7.3.10):
/// each starts with the space that separates it from a number before it.
void raw_int(std::string& out, std::int64_t v);
void raw_real(std::string& out, double v);
void raw_ref(std::string& out, const PoDoFo::PdfReference& ref);

/// Appends a 2-byte code (a CID, a UTF-16 code unit) as four hexadecimal digits.
void append_hex16(std::string& out, unsigned v);

/// UTF-8 -> UTF-16BE hex digits, with surrogate pairs above U+FFFF (Unicode 3.9, D91): text
/// strings, ActualText and ToUnicode maps.
std::string utf16_hex(std::string_view utf8);

/// Appends a text string (7.9.2.2): a literal string when plain printable ASCII, else UTF-16BE
/// with its byte order mark, in hexadecimal.
void raw_text(std::string& out, std::string_view utf8);

/// Appends a byte string exactly (destination names, URIs) as a literal string (7.3.4.2).
void raw_bytes(std::string& out, std::string_view bytes);

/// Appends "[x1 y1 x2 y2]" (7.9.5).
void raw_rect(std::string& out, double x1, double y1, double x2, double y2);

/// `text` as a value PoDoFo writes as it is, for a key of a dictionary it holds.
PoDoFo::PdfObject raw_value(const std::string& text);

} // namespace galley::pdf
