#include "test_support.hpp"
#include "text/hyphenate.hpp"
#include "text/patterns.hpp"
#include "util/files.hpp"
#include "util/record.hpp"
#include "util/text_utils.hpp"

#include <doctest/doctest.h>
#include <hyphen.h>
#include <unicode/uchar.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>

using namespace galley;
using namespace galley::text;

namespace {

std::string show(std::string_view word, const std::vector<int>& points) {
  std::string out;
  int at = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    if (i > 0 && (static_cast<unsigned char>(word[i]) & 0xC0) != 0x80) {
      ++at;
      if (std::find(points.begin(), points.end(), at) != points.end())
        out += '-';
    }
    out += word[i];
  }
  return out;
}

std::string hyphenate(const HyphenPatterns& p, std::string_view word) {
  return show(word, p.points(word));
}

/// The hyphen library's points for `encoded`, as hyphenate.cpp used to take them: odd values,
/// counted in letters, without non-standard (replacement) points.
std::vector<int> library_points(HyphenDict* dict, const std::string& encoded, int letters) {
  std::vector<char> hyphens(encoded.size() + 5, '0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  hnj_hyphen_hyphenate2(dict, encoded.data(), static_cast<int>(encoded.size()), hyphens.data(),
                        nullptr, &rep, &pos, &cut);
  std::vector<int> out;
  for (int i = 0; i + 1 < letters; ++i)
    if ((hyphens[static_cast<size_t>(i)] - '0') % 2 == 1 && !(rep && rep[i]))
      out.push_back(i + 1);
  if (rep) {
    for (size_t i = 0; i < encoded.size(); ++i)
      std::free(rep[i]);
    std::free(rep);
    std::free(pos);
    std::free(cut);
  }
  return out;
}

struct Comparison {
  long words = 0, points = 0, differ = 0;
  std::string first_difference;
};

/// Hyphenates every word of letters in `word_list` (UTF-8, one per line) with both readers.
Comparison compare_with_library(const std::string& dic, const std::string& word_list) {
  auto bytes = read_file(dic);
  REQUIRE_MESSAGE(bytes, dic);
  HyphenPatterns ours = HyphenPatterns::parse(*bytes);
  std::unique_ptr<HyphenDict, void (*)(HyphenDict*)> theirs(hnj_hyphen_load(dic.c_str()),
                                                            hnj_hyphen_free);
  REQUIRE(theirs);
  std::ifstream in(word_list);
  REQUIRE_MESSAGE(in, word_list << " is missing: tools/bootstrap installs it");
  Comparison out;
  std::string word;
#if defined(GALLEY_SANITIZED)
  const long stride = 4; // every fourth word: the sanitizers make the full lists slow
#else
  const long stride = 1;
#endif
  for (long line = 0; std::getline(in, word); ++line) {
    if (line % stride != 0)
      continue;
    std::string encoded;
    int letters = 0;
    bool usable = !word.empty();
    for (size_t i = 0; usable && i < word.size(); ++letters) {
      auto cp = static_cast<UChar32>(next_code_point(word, i));
      UChar32 lower = u_tolower(cp);
      if (!u_isalpha(cp) || (!ours.utf8() && lower > 0xFF))
        usable = false;
      else if (ours.utf8())
        append_utf8(encoded, static_cast<char32_t>(lower));
      else
        encoded.push_back(static_cast<char>(lower));
    }
    if (!usable)
      continue;
    ++out.words;
    auto mine = ours.points(encoded);
    out.points += static_cast<long>(mine.size());
    if (mine != library_points(theirs.get(), encoded, letters) && out.differ++ == 0)
      out.first_difference = word;
  }
  return out;
}

} // namespace

TEST_SUITE("text/patterns") {
  TEST_CASE("a pattern's digits go to the gaps between its letters") {
    auto p = HyphenPatterns::parse("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n1ba\na1c\n");
    CHECK(hyphenate(p, "abac") == "a-ba-c");
    // The highest value wins: 2 (even) overrides 1.
    auto q = HyphenPatterns::parse("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\na1b\na2bc\n");
    CHECK(hyphenate(q, "abc") == "abc");
    CHECK(hyphenate(q, "abd") == "a-bd");
  }

  TEST_CASE("dots anchor a pattern at the word's ends") {
    auto p = HyphenPatterns::parse("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n.a1\n1z.\n");
    CHECK(hyphenate(p, "aaz") == "a-a-z");
    CHECK(hyphenate(p, "bab") == "bab");
  }

  TEST_CASE("the dictionary's minimums, 2 when absent") {
    auto none = HyphenPatterns::parse("UTF-8\n1b\n");
    CHECK(hyphenate(none, "abbbb") == "ab-b-bb");
    auto wide = HyphenPatterns::parse("UTF-8\nLEFTHYPHENMIN 3\nRIGHTHYPHENMIN 3\n1b\n");
    CHECK(hyphenate(wide, "abbbbbb") == "abb-b-bbb");
  }

  TEST_CASE("UTF-8 points count letters, ISO 8859-1 bytes are letters") {
    auto utf8 = HyphenPatterns::parse("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n\xC3\xA9"
                                      "1\n");
    CHECK(utf8.utf8());
    CHECK(utf8.points("d\xC3\xA9v") == std::vector<int>{2});
    auto latin1 = HyphenPatterns::parse("ISO8859-1\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n\xE9"
                                        "1\n");
    CHECK_FALSE(latin1.utf8());
    CHECK(latin1.points("d\xE9v") == std::vector<int>{2});
  }

  TEST_CASE("a plain pattern list applies every match, as TeX does") {
    // At "b" of "abx" the automaton is in "ab", a prefix of "abc" with no pattern of its own;
    // "b1" still ends there and applies.
    auto p = HyphenPatterns::parse("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\nabc\nb1\n");
    CHECK(hyphenate(p, "xbx") == "xb-x");
    CHECK(hyphenate(p, "abx") == "ab-x");
    // A longer pattern cannot lower a shorter one's value: the highest wins.
    auto q = HyphenPatterns::parse("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\nb1\nab0x\n");
    CHECK(hyphenate(q, "abx") == "ab-x");
  }

  TEST_CASE("a file with a compound level applies the longest match, as the hyphen library") {
    // The same patterns under NEXTLEVEL: "ab" has no pattern, so "b1" does not apply there,
    // and "ab0x" reached at "x" overrides "b1".
    auto p = HyphenPatterns::parse("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\nNEXTLEVEL\n"
                                   "abc\nb1\n");
    CHECK(hyphenate(p, "xbx") == "xb-x");
    CHECK(hyphenate(p, "abx") == "abx");
    auto q = HyphenPatterns::parse("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\nNEXTLEVEL\n"
                                   "b1\nab0x\n");
    CHECK(hyphenate(q, "abx") == "abx");
  }

  TEST_CASE("Russian from Debian's file: TeX's patterns give every point") {
    Hyphenator h(default_dictionary_dir());
    Diagnostics diags;
    HyphenationOptions o;
    auto show_points = [&](const std::string& word) {
      std::vector<int> letters;
      auto bytes = h.points(word, "ru", o, {}, diags);
      for (size_t b : bytes)
        letters.push_back(static_cast<int>(b / 2)); // two bytes per Cyrillic letter
      return show(word, letters);
    };
    CHECK(show_points("обещают") == "обе-ща-ют");
    CHECK(show_points("гражданской") == "граж-дан-ской");
    CHECK(show_points("ответственности") == "от-вет-ствен-но-сти");
    CHECK(diags.warning_count() == 0);
  }

  TEST_CASE("a compound level splits the word and each part is hyphenated alone") {
    auto p = HyphenPatterns::parse("ISO8859-1\nCOMPOUNDLEFTHYPHENMIN 2\n"
                                   "COMPOUNDRIGHTHYPHENMIN 2\nhaus1\nNEXTLEVEL\n"
                                   "LEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n1t\n");
    // "haus" + "tuer": the boundary after "haus"; "t" is 1 letter from the part's start.
    CHECK(hyphenate(p, "haustuer") == "haus-tuer");
    CHECK(hyphenate(p, "hautuer") == "hau-tuer");
  }

  TEST_CASE("comments, keywords and replacement patterns") {
    auto p = HyphenPatterns::parse("UTF-8\n% a comment 1a\nNOHYPHEN x\nLEFTHYPHENMIN 1\n"
                                   "RIGHTHYPHENMIN 1\n1b\nc1c/c=c,1,2\n");
    CHECK(hyphenate(p, "abab") == "a-ba-b");
    CHECK(hyphenate(p, "acca") == "acca"); // non-standard points are not offered
  }

  TEST_CASE("automata kept as bytes give the points the file gives; other bytes are refused") {
    // A file of TeX's rule (Russian, in KOI8-R: its patterns are bytes), one of the hyphen
    // library's with a compound level (German) and English.
    for (const char* dic : {"hyph_en_US.dic", "hyph_de_DE.dic", "hyph_ru_RU.dic"}) {
      CAPTURE(dic);
      auto bytes = read_file(default_dictionary_dir() / dic);
      REQUIRE(bytes);
      const HyphenPatterns made = HyphenPatterns::parse(*bytes);
      const std::string kept = made.to_bytes();
      const std::optional<HyphenPatterns> back = HyphenPatterns::from_bytes(kept);
      REQUIRE(back);
      CHECK(back->states() == made.states());
      CHECK(back->utf8() == made.utf8());
      CHECK(back->to_bytes() == kept);
      for (const char* word : {"hyphenation", "information", "donaudampfschifffahrt",
                               "zypressenholz", "\xcf\xc2\xc5\xdd\xc1\xc0\xd4"})
        CHECK(back->points(word) == made.points(word));
      CHECK_FALSE(HyphenPatterns::from_bytes(kept.substr(0, kept.size() - 1)));
      CHECK_FALSE(HyphenPatterns::from_bytes(bytes->substr(0, 64)));
    }
    // Sealed and whole, but a state whose failure link leads out of the automaton: refused
    // rather than followed.
    auto one_level = [](RecordWriter& w, std::uint32_t fail) {
      const std::uint32_t zero = 0;
      const std::string_view zero4(reinterpret_cast<const char*>(&zero), 4);
      w.text(std::string_view(reinterpret_cast<const char*>(&fail), 4));
      for (int column = 1; column < 5; ++column)
        w.text(zero4);
      w.number(1);
      w.text(std::string(1, '\0'));
      w.text(std::string(1, '\0'));
      w.text("");
      for (int min = 0; min < 4; ++min)
        w.signed_number(0);
      w.number(0);
      w.number(1);
      w.text(std::string(8, '\0'));
      w.text(zero4);
      w.number(0);
    };
    for (std::uint32_t fail : {0u, 7u}) {
      RecordWriter w("galley hyphenation automata 1");
      w.number(1);
      one_level(w, 0);
      one_level(w, fail);
      CHECK(HyphenPatterns::from_bytes(w.seal()).has_value() == (fail == 0));
    }
  }

  TEST_CASE("a store of automata: a file is made once and then taken from there") {
    struct Store final : PatternStore {
      mutable std::map<std::string, std::string> kept;
      mutable int found = 0;
      std::optional<SharedBytes> find(const std::string& key) const override {
        auto it = kept.find(key);
        if (it == kept.end())
          return std::nullopt;
        ++found;
        auto owner = std::make_shared<std::string>(it->second);
        return SharedBytes{std::shared_ptr<const char[]>(owner, owner->data()), *owner};
      }
      void keep(const std::string& key, const std::string& bytes) const override {
        kept[key] = bytes;
      }
    };
    // Two copies of the Italian file, whose dictionary no other test of this process loads:
    // the first is made and kept, the second (the same bytes) is taken.
    const std::filesystem::path dir = galley::test::scratch_root() / "galley-test-store";
    std::filesystem::remove_all(dir);
    for (const char* copy : {"one", "two"}) {
      std::filesystem::create_directories(dir / copy);
      std::filesystem::copy_file(default_dictionary_dir() / "hyph_it_IT.dic",
                                 dir / copy / "hyph_it_IT.dic");
    }
    auto store = std::make_shared<Store>();
    set_pattern_store(store);
    preload_dictionaries({"it"}, dir / "one");
    CHECK(store->kept.size() == 1);
    CHECK(store->found == 0);
    preload_dictionaries({"it"}, dir / "two");
    CHECK(store->kept.size() == 1);
    CHECK(store->found == 1);
    set_pattern_store(nullptr);
    Diagnostics diags;
    HyphenationOptions o;
    Hyphenator taken(dir / "two");
    Hyphenator made(default_dictionary_dir());
    CHECK(taken.points("illustrazione", "it", o, {}, diags) ==
          made.points("illustrazione", "it", o, {}, diags));
    CHECK_FALSE(taken.points("illustrazione", "it", o, {}, diags).empty());
    std::filesystem::remove_all(dir);
  }

  TEST_CASE("preloaded dictionaries give the same points; a missing one is still reported") {
    preload_dictionaries({"fr", "xx"});
    Hyphenator h(default_dictionary_dir());
    Diagnostics diags;
    HyphenationOptions o;
    auto points = h.points("développement", "fr", o, {}, diags);
    CHECK(points == std::vector<size_t>{3, 5, 8, 10}); // dé-ve-lop-pe-ment, in bytes
    CHECK(h.points("qwerty", "xx", o, {}, diags).empty());
    CHECK(diags.warning_count() == 1);
  }

  TEST_CASE("the same points as the hyphen library over whole word lists") {
    // Debian's word lists (wamerican, wngerman, wfrench) against Debian's patterns: every word
    // of letters, lowercased and converted as hyphenate.cpp does.
    struct Case {
      const char* dic;
      const char* words;
      long min_words;
    };
    for (const Case& c :
         {Case{"hyph_en_US.dic", "american-english", 70000}, Case{"hyph_fr.dic", "french", 300000},
          Case{"hyph_de_DE.dic", "ngerman", 300000}}) {
#if defined(GALLEY_SANITIZED)
      const long min_words = c.min_words / 4;
#else
      const long min_words = c.min_words;
#endif
      CAPTURE(c.dic);
      auto result = compare_with_library((default_dictionary_dir() / c.dic).string(),
                                         std::string("/usr/share/dict/") + c.words);
      CHECK(result.words > min_words);
      CHECK(result.points > result.words / 2);
      CHECK_MESSAGE(result.differ == 0, result.first_difference);
    }
  }
}
