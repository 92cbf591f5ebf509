#pragma once
// Small string helpers shared by the stages.
#include <cstddef>
#include <string>
#include <string_view>

namespace galley {

/// True when `s` is valid UTF-8 (RFC 3629: no overlongs, no surrogates, at most U+10FFFF).
/// On failure `bad_offset` receives the byte offset of the first invalid sequence.
bool is_valid_utf8(std::string_view s, size_t* bad_offset = nullptr);

/// Decodes one code point at `i` and advances `i`; returns U+FFFD on invalid input.
char32_t next_code_point(std::string_view s, size_t& i);

/// Appends `cp` to `out` as UTF-8.
void append_utf8(std::string& out, char32_t cp);

/// Replaces each character that XML 1.0 does not allow in a document (section 2.2, Char: control
/// characters other than tab, line feed and carriage return; U+FFFE; U+FFFF) with U+FFFD, in
/// valid UTF-8 `s`. Returns how many it replaced; `first`, when given, receives the byte offset
/// of the first (in `s` as it was). Both outputs embed XML (XHTML, the OPF, the PDF's XMP).
std::size_t replace_non_xml_chars(std::string& s, std::size_t* first = nullptr);

/// `s` with ASCII letters in lower case (names, tags and keywords; not for prose).
std::string ascii_lower(std::string_view s);

/// The primary language subtag of a BCP 47 tag, in lower case: "ko" for "ko-KR", "pt" for
/// "PT_br" (an underscore, as in POSIX locales, is read as a hyphen).
std::string primary_language(std::string_view tag);

/// Lowercase ASCII slug: "Microsoft & OpenAI: Next Phase" -> "microsoft-openai-next-phase".
/// Never empty ("untitled" when nothing is left); at most 60 characters.
std::string slugify(std::string_view s);

/// `s` with each run of ASCII white space made one space, and none at either end: alt text made
/// only of spaces is no alt text.
std::string collapse_spaces(std::string_view s);

/// Formats a real number in shortest round-trip form, locale-free, without a trailing ".0"
/// (std::to_chars; PDF 32000-1 7.3.3 does not allow exponents, so none are produced).
std::string format_number(double v, int max_decimals = 4);

} // namespace galley
