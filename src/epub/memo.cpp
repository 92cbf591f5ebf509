#include "epub/memo.hpp"

namespace galley::epub {

Digest128 code_key(std::string_view language, std::string_view code) {
  // The language's length first, so that no two (language, code) pairs run together alike.
  FastDigest d;
  const auto size = static_cast<std::uint64_t>(language.size());
  d.update(std::string_view(reinterpret_cast<const char*>(&size), sizeof size));
  d.update(language);
  d.update(code);
  return d.finish();
}

std::vector<highlight::TokenLine> code_tokens(std::string_view language, std::string_view code,
                                              EpubMemo* memo) {
  if (!memo)
    return highlight::tokenize(language, code);
  const Digest128 key = code_key(language, code);
  auto kept = memo->tokens_earlier.find(key);
  std::vector<highlight::TokenLine> lines =
      kept != memo->tokens_earlier.end() ? kept->second : highlight::tokenize(language, code);
  memo->tokens_made.emplace(key, lines);
  return lines;
}

} // namespace galley::epub
