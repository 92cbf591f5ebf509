#pragma once
// Hyphenation with Liang's patterns from Debian's hyph_<lang>.dic files (the dictionaries
// LibreOffice and the hyphen library share; read by text/patterns.hpp), plus a style's
// exception words.
#include "text/engine.hpp"
#include "util/cache_store.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace galley::text {

/// Exception words parsed from "ta-ble" notation: lowercase word -> code point counts before
/// each allowed hyphen. A word listed without hyphens maps to no points (never split).
using HyphenExceptions = std::map<std::string, std::vector<int>>;
HyphenExceptions parse_exceptions(const std::vector<std::string>& words);

/// Where Debian's hyphen-* packages install hyph_<lang>.dic files.
std::filesystem::path default_dictionary_dir();

/// Loads the dictionaries of `languages` (BCP 47 tags) from `dictionary_dir` into the
/// process's shared set, so that an engine's first hyphenated word finds them loaded. Meant to
/// run on a spare thread while layout starts; an engine that needs a dictionary being loaded
/// waits for it. Reports nothing: a missing dictionary is reported by the engine that needs it.
void preload_dictionaries(const std::vector<std::string>& languages,
                          const std::filesystem::path& dictionary_dir = default_dictionary_dir());

/// Where the automata made from dictionary files are kept between processes (the build cache
/// provides one: docs/ci.md, "Incremental builds"), by a key of the file's bytes.
class PatternStore {
public:
  virtual ~PatternStore() = default;
  /// The bytes kept under `key` (HyphenPatterns::to_bytes), or nullopt; mapped where the
  /// store can, since they are read once, into automata of their own.
  [[nodiscard]] virtual std::optional<SharedBytes> find(const std::string& key) const = 0;
  virtual void keep(const std::string& key, const std::string& bytes) const = 0;
};

/// Gives the process's dictionaries a store: each file loaded from then on is taken from it
/// when it holds the file's automata, and kept in it when it does not. Null: each file is
/// read and made into automata. Set before layout starts; the store must be thread-safe.
void set_pattern_store(std::shared_ptr<const PatternStore> store);

/// How many hyphenated lines in a row a language's typography accepts, when the style leaves
/// it to the language: 4 in Russian, Ukrainian and Belarusian, whose rules of make-up allow
/// four (Мильчин and Чельцова, "Справочник издателя и автора", on make-up) and whose long
/// words need the points to keep justified spacing even; 2 elsewhere, a house rule stricter
/// than the Chicago Manual's three.
int consecutive_hyphens(const std::string& language);

/// Lowercases `word` (full Unicode case mapping of single code points).
std::string lowercase(std::string_view word);

class Hyphenator {
public:
  /// `dictionary_dir` holds hyph_<lang>.dic files.
  explicit Hyphenator(std::filesystem::path dictionary_dir);
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  /// Byte offsets into `word` before which a hyphen may be inserted, in increasing order.
  /// `word` is letters only. Exceptions win over the dictionary; left_min and right_min count
  /// code points. A language without a dictionary is reported once and gives no points.
  /// `sentence_start`: the word begins a sentence, so a capital says nothing of a name.
  std::vector<size_t> points(std::string_view word, const std::string& language,
                             const HyphenationOptions& options, const HyphenExceptions& exceptions,
                             Diagnostics& diags, bool sentence_start = false);

  /// The dictionary file used for a BCP 47 language tag ("en" -> hyph_en_US.dic), or "".
  std::filesystem::path dictionary_for(const std::string& language) const;

  struct Dict; ///< a loaded libhyphen dictionary, shared across the process

private:
  const Dict* dictionary(const std::string& language, Diagnostics& diags);
  std::filesystem::path dir_;
  std::map<std::string, std::shared_ptr<const Dict>> dicts_; ///< by language; null when missing
  std::map<std::string, std::vector<int>> cache_;            ///< language + '\0' + word -> points
};

} // namespace galley::text
