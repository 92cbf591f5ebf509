#pragma once
// Liang's hyphenation patterns (F. M. Liang, "Word Hy-phen-a-tion by Com-put-er", 1983; The
// TeXbook, appendix H) read from the .dic files of the hyphen library, the format Debian's
// hyphen-* packages install in /usr/share/hyphen.
//
// A .dic file is a charset line ("UTF-8", "ISO8859-1"), optional keywords (LEFTHYPHENMIN,
// RIGHTHYPHENMIN, COMPOUNDLEFTHYPHENMIN, COMPOUNDRIGHTHYPHENMIN, NOHYPHEN), then one pattern per
// line ("%" starts a comment). A NEXTLEVEL line splits compound patterns, which find the
// boundaries inside a compound word ("zypressen1holz"), from the ordinary patterns, which then
// hyphenate each part as a word of its own.
//
// Two rules for applying the patterns exist. TeX applies every pattern that matches (Liang's
// algorithm). The hyphen library applies, at each letter, only the longest pattern prefix
// reached, and expects its files to be run through a script that copies the shorter patterns'
// values into the longer ones; files made for it with a compound level (German) also use the
// rule to let a longer pattern lower a shorter one's value. A file with a NEXTLEVEL line is
// read with the hyphen library's rule, and a test compares the points over every word of the
// English, German and French word lists. A plain list of patterns is read with TeX's rule:
// Debian's Russian and Ukrainian files are TeX's patterns as they are, and the longest-match
// rule loses a third of their points ("обещают" gets none instead of "обе-ща-ют"). For a
// preprocessed file (English) the two rules give the same points.
//
// galley reads the patterns itself because the hyphen library builds its automaton with one
// allocation per state in a fixed hash table of 31,627 buckets: 6 ms for English, 2.5 to 4.5 s
// for the 1 MB German dictionary, which has 250,000 states.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace galley {
class RecordWriter;
class RecordReader;
} // namespace galley

namespace galley::text {

class HyphenPatterns {
public:
  /// Parses the bytes of a .dic file. Never fails: a line that is not a pattern is read as the
  /// hyphen library reads it, which makes it harmless.
  static HyphenPatterns parse(std::string_view dic);

  /// True when the patterns are UTF-8; otherwise each byte is one letter (ISO 8859-1 for the
  /// German dictionary), and words must be converted before they are hyphenated.
  bool utf8() const { return utf8_; }

  /// For a lowercase word of letters in the patterns' encoding: the number of letters before
  /// each position where a hyphen may go, in increasing order. The dictionary's own minimums
  /// (LEFTHYPHENMIN and RIGHTHYPHENMIN, 2 when absent) are applied; the caller adds its own.
  std::vector<int> points(std::string_view word) const;

  /// Number of automaton states, both levels (for tests and measurements).
  std::size_t states() const;

  /// The automata as bytes, for a later process (text/hyphenate.hpp, PatternStore): making
  /// them from the English file costs some 5 ms, taking them back a fraction of that. The
  /// numbers are in the machine's byte order, which the store's keys name.
  [[nodiscard]] std::string to_bytes() const;
  /// Patterns from to_bytes(); nullopt when the bytes are not automata that to_bytes wrote (a
  /// state, pattern value or edge out of range).
  static std::optional<HyphenPatterns> from_bytes(std::string_view bytes);

  /// One level of patterns as an Aho-Corasick automaton over bytes.
  struct Level {
    struct State {
      std::uint32_t fail = 0;   ///< longest proper suffix that is also a state
      std::uint32_t output = 0; ///< longest proper suffix where a pattern ends, or the root
      std::uint32_t parent = 0;
      std::uint32_t depth = 0;  ///< bytes from the root
      std::uint32_t values = 0; ///< offset in `values` of the pattern ending here, if any
      bool pattern = false;     ///< a pattern ends here
      bool nonstandard = false; ///< a "/" replacement pattern: galley never breaks at its points
      std::uint8_t byte = 0;    ///< the byte on the edge from the parent
    };
    std::vector<State> states{State{}}; ///< state 0 is the root (the empty string)
    /// Per pattern, its value (0-9) in the gap before each of its bytes and after the last.
    std::vector<std::uint8_t> values;
    int left_min = 0, right_min = 0, compound_left_min = 0, compound_right_min = 0;
    std::vector<std::string> nohyphen;
    bool every_match = true; ///< TeX's rule, or only the longest pattern prefix at each byte

    void add(std::string_view line);
    void link(); ///< computes the fail links, breadth first
    /// The state reached from `state` by `byte`, or -1.
    std::int64_t next(std::uint32_t state, std::uint8_t byte) const;
    void write(RecordWriter& w) const;
    /// False when what `r` holds is not a level write() wrote.
    bool read(RecordReader& r);

  private:
    std::uint32_t child(std::uint32_t state, std::uint8_t byte); ///< finds or adds
    void grow();
    /// Edges in an open-addressing table: key state << 8 | byte, plus one (0 is empty).
    std::vector<std::uint64_t> edge_keys_ = std::vector<std::uint64_t>(1024, 0);
    std::vector<std::uint32_t> edge_targets_ = std::vector<std::uint32_t>(1024, 0);
    std::size_t edge_count_ = 0;
    std::vector<std::uint32_t> last_path_{0}; ///< the states of the last pattern, from the root
  };

private:
  /// Odd values per letter gap: result[c] for the gap before letter c, 1 <= c < letters.
  using Breaks = std::vector<std::uint8_t>;
  std::vector<std::size_t> letter_starts(std::string_view word) const;
  Breaks match(const Level& level, std::string_view word) const;
  Breaks hyphenate_part(std::string_view word, bool at_start, bool at_end) const;
  void clear_left(Breaks& breaks, int min) const;
  void clear_right(Breaks& breaks, std::string_view word, int min) const;

  bool utf8_ = false;
  Level top_;  ///< compound boundaries: the file's first level, or the default one
  Level main_; ///< the ordinary patterns
};

} // namespace galley::text
