#include "text/hyphenate.hpp"

#include "text/patterns.hpp"
#include "util/files.hpp"
#include "util/hash.hpp"
#include "util/text_utils.hpp"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <array>
#include <bit>
#include <mutex>
#include <optional>

namespace galley::text {

struct Hyphenator::Dict {
  HyphenPatterns patterns;
};

namespace {

/// The .dic file in UTF-8. Debian's hyphen packages write each in the charset its first line
/// names (KOI8-R for Russian, ISO8859-7 for Greek, ISO8859-2 for Polish, ISO8859-1 for Dutch);
/// converting once, when the file loads, lets every word be matched as the UTF-8 it is. Nothing
/// when ICU does not know the charset.
std::optional<std::string> utf8_dictionary(const std::string& bytes) {
  const std::size_t eol = bytes.find('\n');
  std::string charset = bytes.substr(0, eol);
  while (!charset.empty() && (charset.back() == '\r' || charset.back() == ' ')) charset.pop_back();
  if (charset == "UTF-8") return bytes;
  // "microsoft-cp1251" in some files; ICU knows it as "cp1251".
  if (charset.rfind("microsoft-", 0) == 0) charset.erase(0, 10);
  const std::string body = eol == std::string::npos ? std::string() : bytes.substr(eol + 1);
  UErrorCode status = U_ZERO_ERROR;
  const int32_t size = ucnv_convert("UTF-8", charset.c_str(), nullptr, 0, body.data(),
                                    static_cast<int32_t>(body.size()), &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return std::nullopt;
  std::string out = "UTF-8\n";
  const std::size_t head = out.size();
  out.resize(head + static_cast<std::size_t>(size));
  status = U_ZERO_ERROR;
  ucnv_convert("UTF-8", charset.c_str(), out.data() + head, size, body.data(),
               static_cast<int32_t>(body.size()), &status);
  if (U_FAILURE(status)) return std::nullopt;
  return out;
}

struct Dictionaries {
  std::mutex mutex;
  std::map<std::filesystem::path, std::shared_ptr<const Hyphenator::Dict>> loaded;
  std::shared_ptr<const PatternStore> store;
};

Dictionaries& dictionaries() {
  static Dictionaries d;
  return d;
}

/// The store's key of a file's automata: the machine's byte order, in which to_bytes writes
/// its numbers, and the 16 bytes of the file's digest.
std::string store_key(std::string_view file) {
  const std::array<std::uint8_t, 16> digest = bytes_of(fast_digest(file));
  std::string key = std::endian::native == std::endian::little ? "le " : "be ";
  key.append(digest.begin(), digest.end());
  return key;
}

/// The patterns of a dictionary file's bytes, from `store` when it has them; made, and kept
/// there, when it does not.
std::optional<HyphenPatterns> patterns_of(const std::string& file, const PatternStore* store) {
  std::string key;
  if (store) {
    key = store_key(file);
    if (std::optional<SharedBytes> kept = store->find(key))
      if (std::optional<HyphenPatterns> patterns = HyphenPatterns::from_bytes(kept->bytes))
        return patterns;
  }
  std::optional<std::string> utf8 = utf8_dictionary(file);
  if (!utf8)
    return std::nullopt;
  HyphenPatterns patterns = HyphenPatterns::parse(*utf8);
  if (store)
    store->keep(key, patterns.to_bytes());
  return patterns;
}

/// Loaded dictionaries, shared by every Hyphenator of the process: each file is read once and
/// only read afterwards.
std::shared_ptr<const Hyphenator::Dict> load_shared(const std::filesystem::path& path) {
  Dictionaries& d = dictionaries();
  std::lock_guard<std::mutex> lock(d.mutex);
  auto& slot = d.loaded[path];
  if (!slot) {
    if (auto bytes = read_file(path))
      if (auto patterns = patterns_of(*bytes, d.store.get()))
        slot = std::make_shared<Hyphenator::Dict>(Hyphenator::Dict{std::move(*patterns)});
  }
  return slot;
}

/// The dictionary for `language` where `resolver` looks, or null.
std::shared_ptr<const Hyphenator::Dict> load_language(const Hyphenator& resolver,
                                                      const std::string& language) {
  auto path = resolver.dictionary_for(language);
  if (path.empty())
    return nullptr;
  // Resolve symbolic links (hyph_de.dic -> hyph_de_DE.dic) so that one file loads once.
  std::error_code ec;
  return load_shared(std::filesystem::canonical(path, ec));
}

} // namespace

std::filesystem::path default_dictionary_dir() {
  return "/usr/share/hyphen";
}

void set_pattern_store(std::shared_ptr<const PatternStore> store) {
  Dictionaries& d = dictionaries();
  std::lock_guard<std::mutex> lock(d.mutex);
  d.store = std::move(store);
}

void preload_dictionaries(const std::vector<std::string>& languages,
                          const std::filesystem::path& dictionary_dir) {
  Hyphenator resolver(dictionary_dir);
  for (const auto& language : languages) load_language(resolver, language);
}

std::string lowercase(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (size_t i = 0; i < word.size();)
    append_utf8(out,
                static_cast<char32_t>(u_tolower(static_cast<UChar32>(next_code_point(word, i)))));
  return out;
}

HyphenExceptions parse_exceptions(const std::vector<std::string>& words) {
  HyphenExceptions out;
  for (const auto& entry : words) {
    std::string plain;
    std::vector<int> points;
    int count = 0;
    for (size_t i = 0; i < entry.size();) {
      char32_t cp = next_code_point(entry, i);
      if (cp == '-') {
        if (count > 0)
          points.push_back(count);
        continue;
      }
      append_utf8(plain, cp);
      ++count;
    }
    out[lowercase(plain)] = std::move(points);
  }
  return out;
}

Hyphenator::Hyphenator(std::filesystem::path dictionary_dir) : dir_(std::move(dictionary_dir)) {}
Hyphenator::~Hyphenator() = default;

std::filesystem::path Hyphenator::dictionary_for(const std::string& language) const {
  // "en-US" -> hyph_en_US.dic; then the language's usual region; then the language alone.
  std::string tag = language;
  std::replace(tag.begin(), tag.end(), '-', '_');
  std::string lang = tag.substr(0, tag.find('_'));
  std::string region = lang;
  std::transform(region.begin(), region.end(), region.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  std::vector<std::string> names;
  if (tag != lang)
    names.push_back(tag);
  if (lang == "en")
    names.push_back("en_US");
  names.push_back(lang + "_" + region);
  names.push_back(lang);
  for (const auto& name : names) {
    auto path = dir_ / ("hyph_" + name + ".dic");
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec))
      return path;
  }
  return {};
}

namespace {

/// Whether the language's writing breaks words with hyphens at all. Chinese, Japanese and
/// Korean break between characters or words, Thai, Lao, Khmer and Burmese between words, and
/// Arabic, Hebrew and their neighbours stretch or break whole words: for them a missing
/// dictionary is no loss, and not worth a warning.
bool hyphenated(const std::string& language) {
  static const std::array<std::string_view, 16> kNever = {
      "ja", "zh", "ko", "th", "lo", "km", "my", "ar", "fa", "ur", "ps", "he", "yi", "dv", "bo", "dz"};
  return std::find(kNever.begin(), kNever.end(), primary_language(language)) == kNever.end();
}

/// Whether words that start with a capital are split: the style's choice, else the language's
/// custom. German and Luxembourgish capitalise every noun, and their long words are mostly
/// nouns. Russian's rules of hyphenation forbid splitting abbreviations and separating
/// initials from a name, not splitting names ("Во-логда" is split as any word), and its long
/// words need the points. Elsewhere (English and French house rules) a capital mostly starts a
/// name, which readers should see whole.
bool splits_capitals(const HyphenationOptions& options, const std::string& language) {
  if (options.uc_hyphen)
    return *options.uc_hyphen;
  const std::string primary = primary_language(language);
  return primary == "de" || primary == "lb" || primary == "ru";
}

} // namespace

int consecutive_hyphens(const std::string& language) {
  const std::string primary = primary_language(language);
  return primary == "ru" || primary == "uk" || primary == "be" ? 4 : 2;
}

const Hyphenator::Dict* Hyphenator::dictionary(const std::string& language, Diagnostics& diags) {
  auto it = dicts_.find(language);
  if (it != dicts_.end())
    return it->second.get();
  std::shared_ptr<const Dict> dict = load_language(*this, language);
  if (!dict && hyphenated(language))
    diags.warning({}, "no hyphenation dictionary for language '" + language + "' (looked in " +
                          dir_.string() + ")");
  return dicts_.emplace(language, std::move(dict)).first->second.get();
}

std::vector<size_t> Hyphenator::points(std::string_view word, const std::string& language,
                                       const HyphenationOptions& options,
                                       const HyphenExceptions& exceptions, Diagnostics& diags,
                                       bool sentence_start) {
  std::string lower = lowercase(word);
  std::vector<size_t> starts; // byte offset of each code point
  for (size_t i = 0; i < word.size();) {
    starts.push_back(i);
    next_code_point(word, i);
  }
  auto n = static_cast<int>(starts.size());
  size_t at = 0;
  bool capitalised = n > 0 && u_isupper(static_cast<UChar32>(next_code_point(word, at)));
  std::vector<int> counts; // code points before each hyphen
  if (auto ex = exceptions.find(lower); ex != exceptions.end()) {
    counts = ex->second;
  } else if (capitalised && !sentence_start && !splits_capitals(options, language)) {
    // TeX's \uchyph (TeX: The Program, section 896): a capitalised word is left whole, though
    // a style's own exception for it still applies. Unlike TeX, a word capitalised only for
    // starting a sentence is an ordinary word: leaving every sentence's first word whole cost
    // Russian text, whose first words are long, a fifth more space between words.
    return {};
  } else {
    std::string key = language + '\0' + lower;
    if (auto hit = cache_.find(key); hit != cache_.end()) {
      counts = hit->second;
    } else {
      if (const Dict* d = dictionary(language, diags)) counts = d->patterns.points(lower);
      cache_[key] = counts;
    }
  }
  std::vector<size_t> out;
  for (int c : counts) {
    if (c >= options.left_min && n - c >= options.right_min && c > 0 && c < n)
      out.push_back(starts[static_cast<size_t>(c)]);
  }
  return out;
}

} // namespace galley::text
