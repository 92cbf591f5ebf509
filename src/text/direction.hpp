#pragma once
// The writing direction of a language, one answer for both outputs: the EPUB's `dir` and page
// progression, and the base direction the PDF's paragraphs take when their text is neutral.
#include <string>

namespace galley::text {

/// True when `language` (a BCP 47 tag: "ar", "he-IL", "az-Arab") is written right to left, as
/// ICU's likely-subtags data says (the script the language is usually written in).
bool right_to_left(const std::string& language);

} // namespace galley::text
