#pragma once
// Syntax highlighting of code blocks: (language, code) -> lines of classed tokens. The one
// tokeniser both outputs read, so the PDF and the EPUB colour the same characters alike
// (docs/architecture.md, "Where each shared policy lives"). The language definitions are GNU
// Source-highlight's, found where the library looks for them (docs/input.md, "Code").
#include "galley/style.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace galley::highlight {

using style::TokenKind;

struct Token {
  TokenKind kind = TokenKind::Plain;
  std::string text;
  friend bool operator==(const Token&, const Token&) = default;
};

/// One source line's tokens, in order; their texts together are the line as written (a
/// carriage return before the newline included, as a plain token). Adjacent tokens differ in
/// kind, and none is empty.
using TokenLine = std::vector<Token>;

/// What a code block's language name stands for.
enum class Language {
  Highlighted, ///< a language the definitions cover
  Plain,       ///< a fence that names no language (`text`, `console`, none): set plain
  Unknown,     ///< a name nothing knows: set plain, worth a warning
};

/// Which of the three `name` is: Source-highlight's lang.map names and aliases (`python`, `py`,
/// `cpp`, `sh`), galley's few aliases for fence names GitHub uses and lang.map lacks (`rust`,
/// `c++`), and the plain fences. Case-insensitive when the exact name is not known.
Language classify(std::string_view name);

/// `code` split at each '\n' into one TokenLine per line (so "" gives one empty line), its
/// tokens classed as the language's definition says; every token plain when the language is
/// not highlighted or the definition cannot take the text. Safe to call from any thread.
std::vector<TokenLine> tokenize(std::string_view language, std::string_view code);

} // namespace galley::highlight
