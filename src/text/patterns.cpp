#include "text/patterns.hpp"

#include "util/record.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>

namespace galley::text {

namespace {

/// Bytes the hyphen library reads per fgets(): the charset line, then pattern lines.
constexpr std::size_t max_name = 19;
constexpr std::size_t max_chars = 99;

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

/// atoi() of what follows a keyword: leading blanks, then digits.
int number_after(std::string_view s, std::size_t at) {
  s.remove_prefix(std::min(at, s.size()));
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  int n = 0;
  std::from_chars(s.data(), s.data() + s.size(), n);
  return n;
}

bool is_continuation(unsigned char b) {
  return (b & 0xC0) == 0x80;
}

} // namespace

void HyphenPatterns::Level::add(std::string_view line) {
  struct Keyword {
    std::string_view name;
    int Level::*value;
  };
  static constexpr Keyword keywords[] = {
      {"LEFTHYPHENMIN", &Level::left_min},
      {"RIGHTHYPHENMIN", &Level::right_min},
      {"COMPOUNDLEFTHYPHENMIN", &Level::compound_left_min},
      {"COMPOUNDRIGHTHYPHENMIN", &Level::compound_right_min},
  };
  for (const Keyword& k : keywords) {
    if (starts_with(line, k.name)) {
      this->*k.value = number_after(line, k.name.size());
      return;
    }
  }
  if (starts_with(line, "NOHYPHEN")) {
    std::string_view rest = line.substr(8);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t'))
      rest.remove_prefix(1);
    while (!rest.empty()) {
      auto comma = rest.find(',');
      if (auto item = rest.substr(0, comma); !item.empty())
        nohyphen.emplace_back(item);
      rest.remove_prefix(comma == std::string_view::npos ? rest.size() : comma + 1);
    }
    return;
  }
  // Letters and digits up to the first blank: "a2ch4" is the key "ach" with 2 before "c" and 4
  // after "h". A digit belongs to the gap before the next byte. The letters are walked into the
  // automaton as they are read.
  bool nonstandard = false;
  if (auto slash = line.find('/'); slash != std::string_view::npos) {
    nonstandard = true;
    line = line.substr(0, slash);
  }
  std::size_t offset = values.size();
  values.push_back(0);
  std::uint32_t state = 0;
  // Dictionaries are sorted, so a pattern mostly shares its first letters with the one before:
  // those states are taken from the previous path instead of the edge table.
  std::size_t depth = 0;
  bool shared = true;
  for (char c : line) {
    auto b = static_cast<unsigned char>(c);
    if (b <= ' ')
      break;
    if (c >= '0' && c <= '9') {
      values.back() = static_cast<std::uint8_t>(c - '0');
      continue;
    }
    shared = shared && depth + 1 < last_path_.size() && states[last_path_[depth + 1]].byte == b;
    state = shared ? last_path_[depth + 1] : child(state, b);
    ++depth;
    if (!shared) {
      last_path_.resize(depth);
      last_path_.push_back(state);
    }
    values.push_back(0);
  }
  last_path_.resize(depth + 1);
  if (state == 0) { // no letters: the root's match is never applied
    values.resize(offset);
    return;
  }
  // A repeated key replaces the earlier pattern, as in the hyphen library.
  State& s = states[state];
  s.pattern = true;
  s.nonstandard = nonstandard;
  s.values = static_cast<std::uint32_t>(offset);
}

namespace {
std::size_t slot_of(std::uint64_t key, std::size_t mask) {
  return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 24) & mask;
}
} // namespace

std::int64_t HyphenPatterns::Level::next(std::uint32_t state, std::uint8_t byte) const {
  std::uint64_t key = (std::uint64_t{state} << 8 | byte) + 1;
  std::size_t mask = edge_keys_.size() - 1;
  for (std::size_t i = slot_of(key, mask);; i = (i + 1) & mask) {
    if (edge_keys_[i] == key)
      return edge_targets_[i];
    if (edge_keys_[i] == 0)
      return -1;
  }
}

std::uint32_t HyphenPatterns::Level::child(std::uint32_t state, std::uint8_t byte) {
  if (auto to = next(state, byte); to >= 0)
    return static_cast<std::uint32_t>(to);
  if (2 * (edge_count_ + 1) > edge_keys_.size())
    grow();
  auto to = static_cast<std::uint32_t>(states.size());
  State s;
  s.parent = state;
  s.depth = states[state].depth + 1;
  s.byte = byte;
  states.push_back(s);
  std::uint64_t key = (std::uint64_t{state} << 8 | byte) + 1;
  std::size_t mask = edge_keys_.size() - 1;
  std::size_t i = slot_of(key, mask);
  while (edge_keys_[i] != 0)
    i = (i + 1) & mask;
  edge_keys_[i] = key;
  edge_targets_[i] = to;
  ++edge_count_;
  return to;
}

void HyphenPatterns::Level::grow() {
  std::vector<std::uint64_t> keys(edge_keys_.size() * 2, 0);
  std::vector<std::uint32_t> targets(keys.size(), 0);
  std::size_t mask = keys.size() - 1;
  for (std::size_t j = 0; j < edge_keys_.size(); ++j) {
    if (edge_keys_[j] == 0)
      continue;
    std::size_t i = slot_of(edge_keys_[j], mask);
    while (keys[i] != 0)
      i = (i + 1) & mask;
    keys[i] = edge_keys_[j];
    targets[i] = edge_targets_[j];
  }
  edge_keys_ = std::move(keys);
  edge_targets_ = std::move(targets);
}

void HyphenPatterns::Level::link() {
  // Breadth first (a counting sort by depth), so that a state's parent and every shorter
  // suffix have their links already.
  std::vector<std::uint32_t> first;
  for (const State& s : states) {
    if (s.depth + 1 >= first.size())
      first.resize(s.depth + 2, 0);
    ++first[s.depth + 1];
  }
  for (std::size_t d = 1; d < first.size(); ++d)
    first[d] += first[d - 1];
  std::vector<std::uint32_t> order(states.size());
  for (std::uint32_t v = 0; v < states.size(); ++v)
    order[first[states[v].depth]++] = v;
  for (std::uint32_t v : order) {
    State& s = states[v];
    s.fail = 0;
    if (s.depth > 1) {
      for (std::uint32_t f = states[s.parent].fail;; f = states[f].fail) {
        if (auto to = next(f, s.byte); to >= 0) {
          s.fail = static_cast<std::uint32_t>(to);
          break;
        }
        if (f == 0)
          break;
      }
    }
    const State& f = states[s.fail];
    s.output = f.pattern ? s.fail : f.output;
  }
}

HyphenPatterns HyphenPatterns::parse(std::string_view dic) {
  HyphenPatterns out;
  bool first = true, next_level = false;
  Level* level = &out.main_;
  while (!dic.empty()) {
    // The hyphen library reads with fgets() into a 100-byte buffer, so a longer line arrives
    // in pieces, each read as a line of its own.
    auto eol = dic.find('\n');
    std::size_t take = eol == std::string_view::npos ? dic.size() : eol + 1;
    take = std::min(take, first ? max_name : max_chars);
    std::string_view line = dic.substr(0, take);
    dic.remove_prefix(take);
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n'))
      line.remove_suffix(1);
    if (first) {
      out.utf8_ = line == "UTF-8";
      first = false;
      continue;
    }
    if (starts_with(line, "%"))
      continue;
    if (starts_with(line, "NEXTLEVEL")) {
      // What came before was the compound level.
      if (!next_level)
        std::swap(out.top_, out.main_);
      next_level = true;
      level = &out.main_;
      continue;
    }
    level->add(line);
  }
  // See patterns.hpp: a file built for the hyphen library's compound scheme keeps its rule.
  out.top_.every_match = out.main_.every_match = !next_level;
  if (!next_level) {
    // Without NEXTLEVEL the hyphen library puts a default compound level on top: it breaks
    // after hard hyphens and apostrophes and takes its minimums from the patterns.
    Level& top = out.top_;
    top.add(out.utf8_ ? "NOHYPHEN ',\xE2\x80\x93,\xE2\x80\x99,-" : "NOHYPHEN ',-");
    top.add("1-1");
    top.add("1'1");
    if (out.utf8_) {
      top.add("1\xE2\x80\x93"
              "1");
      top.add("1\xE2\x80\x99"
              "1");
    }
    const Level& m = out.main_;
    top.left_min = m.left_min;
    top.right_min = m.right_min;
    top.compound_left_min = m.compound_left_min ? m.compound_left_min : m.left_min ? m.left_min : 3;
    top.compound_right_min = m.compound_right_min ? m.compound_right_min
                             : m.right_min        ? m.right_min
                                                  : 3;
  }
  out.top_.link();
  out.main_.link();
  return out;
}

std::size_t HyphenPatterns::states() const {
  return top_.states.size() + main_.states.size();
}

std::vector<std::size_t> HyphenPatterns::letter_starts(std::string_view word) const {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (!utf8_ || !is_continuation(static_cast<unsigned char>(word[i])))
      starts.push_back(i);
  return starts;
}

HyphenPatterns::Breaks HyphenPatterns::match(const Level& level, std::string_view word) const {
  // Runs the automaton over ".word." and, at each byte, applies every pattern ending there,
  // keeping the highest value in each gap.
  std::string s;
  s.reserve(word.size() + 2);
  s += '.';
  s += word;
  s += '.';
  std::vector<std::uint8_t> value(s.size() + 1, 0); // gap before byte g of s
  std::vector<std::uint8_t> nonstandard(s.size() + 1, 0);
  std::uint32_t state = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto b = static_cast<std::uint8_t>(s[i]);
    std::int64_t to = level.next(state, b);
    while (to < 0 && state != 0) {
      state = level.states[state].fail;
      to = level.next(state, b);
    }
    if (to < 0)
      continue; // at the root with no edge: the byte starts no pattern
    state = static_cast<std::uint32_t>(to);
    // TeX's rule: every pattern that ends here, the longest first, down the output links.
    // The hyphen library's rule: the reached state's own pattern only.
    const Level::State& reached = level.states[state];
    std::uint32_t u = reached.pattern ? state : level.every_match ? reached.output : 0;
    for (; u != 0; u = level.every_match ? level.states[u].output : 0) {
      const Level::State& st = level.states[u];
      std::size_t start = i + 1 - st.depth;
      const std::uint8_t* values = level.values.data() + st.values;
      for (std::size_t k = 0; k <= st.depth; ++k) {
        if (value[start + k] < values[k]) {
          value[start + k] = values[k];
          if (values[k] & 1)
            nonstandard[start + k] = st.nonstandard;
        }
      }
    }
  }
  auto starts = letter_starts(word);
  Breaks out(starts.size(), 0);
  for (std::size_t c = 1; c < starts.size(); ++c) {
    std::size_t g = starts[c] + 1;
    out[c] = (value[g] & 1) && !nonstandard[g];
  }
  return out;
}

void HyphenPatterns::clear_left(Breaks& breaks, int min) const {
  for (std::size_t c = 1; c < breaks.size() && static_cast<int>(c) < min; ++c)
    breaks[c] = 0;
}

void HyphenPatterns::clear_right(Breaks& breaks, std::string_view word, int min) const {
  std::size_t letters = breaks.size();
  for (std::size_t c = letters; c-- > 1;) {
    if (static_cast<int>(letters - c) >= min)
      break;
    // The hyphen library never clears the gap after the word's first byte here.
    if (c == 1 &&
        (!utf8_ || word.size() < 2 || !is_continuation(static_cast<unsigned char>(word[1]))))
      continue;
    breaks[c] = 0;
  }
}

HyphenPatterns::Breaks HyphenPatterns::hyphenate_part(std::string_view word, bool at_start,
                                                      bool at_end) const {
  // hnj_hyphen_hyph_(): the compound level splits the word; each part longer than one byte is
  // hyphenated as a word of its own, with the compound minimums at its inner ends. A word the
  // compound level does not split is hyphenated by the ordinary patterns.
  Breaks breaks = match(top_, word);
  auto starts = letter_starts(word);
  std::size_t letters = starts.size(), begin = 0;
  for (std::size_t c = 1; c <= letters; ++c) {
    bool boundary = c < letters && breaks[c];
    if (!boundary && !(begin > 0 && c == letters))
      continue;
    std::size_t from = starts[begin], to = c < letters ? starts[c] : word.size();
    // As hyphen 2.8.8 does: only parts of three bytes or more, and the gap before a part's
    // last byte keeps the compound level's value.
    if (to - from > 2) {
      Breaks part =
          hyphenate_part(word.substr(from, to - from), begin == 0 && at_start, !boundary && at_end);
      for (std::size_t k = 1; k < c - begin; ++k)
        if (starts[begin + k] + 1 < to)
          breaks[begin + k] = part[k];
    }
    begin = c;
  }
  if (begin == 0) {
    breaks = match(main_, word);
    if (!at_start)
      clear_left(breaks, top_.compound_left_min);
    if (!at_end)
      clear_right(breaks, word, top_.compound_right_min);
  }
  return breaks;
}

std::vector<int> HyphenPatterns::points(std::string_view word) const {
  std::vector<int> out;
  if (word.empty())
    return out;
  Breaks breaks = hyphenate_part(word, true, true);
  clear_left(breaks, top_.left_min > 0 ? top_.left_min : 2);
  clear_right(breaks, word, top_.right_min > 0 ? top_.right_min : 2);
  // NOHYPHEN: no break just before or just after any of these strings.
  auto starts = letter_starts(word);
  auto clear_before_byte = [&](std::size_t b) {
    auto it = std::lower_bound(starts.begin(), starts.end(), b);
    if (it != starts.end() && *it == b && it != starts.begin())
      breaks[static_cast<std::size_t>(it - starts.begin())] = 0;
  };
  for (const auto& s : top_.nohyphen)
    for (auto at = word.find(s); at != std::string_view::npos; at = word.find(s, at + 1)) {
      clear_before_byte(at + s.size());
      clear_before_byte(at);
    }
  for (std::size_t c = 1; c < breaks.size(); ++c)
    if (breaks[c])
      out.push_back(static_cast<int>(c));
  return out;
}

namespace {

constexpr std::string_view kBytesMagic = "galley hyphenation automata 1";

/// The elements of `v` as bytes, in the machine's order.
template <class T> std::string_view raw(const std::vector<T>& v) {
  return {reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T)};
}

/// `n` elements from a text of raw() bytes; false when it holds another number of them.
template <class T> bool from_raw(std::string_view bytes, std::size_t n, std::vector<T>& out) {
  if (bytes.size() != n * sizeof(T))
    return false;
  out.resize(n);
  if (n > 0)
    std::memcpy(out.data(), bytes.data(), bytes.size());
  return true;
}

} // namespace

void HyphenPatterns::Level::write(RecordWriter& w) const {
  const std::size_t n = states.size();
  // Field by field, each an array: a State's padding is never written.
  std::vector<std::uint32_t> column(n);
  for (std::uint32_t State::*field :
       {&State::fail, &State::output, &State::parent, &State::depth, &State::values}) {
    for (std::size_t i = 0; i < n; ++i)
      column[i] = states[i].*field;
    w.text(raw(column));
  }
  std::vector<std::uint8_t> flags(n), bytes(n);
  for (std::size_t i = 0; i < n; ++i) {
    flags[i] =
        static_cast<std::uint8_t>((states[i].pattern ? 1 : 0) | (states[i].nonstandard ? 2 : 0));
    bytes[i] = states[i].byte;
  }
  w.number(n);
  w.text(raw(flags));
  w.text(raw(bytes));
  w.text(raw(values));
  for (int v : {left_min, right_min, compound_left_min, compound_right_min})
    w.signed_number(v);
  w.number(nohyphen.size());
  for (const std::string& word : nohyphen)
    w.text(word);
  w.number(every_match ? 1 : 0);
  w.text(raw(edge_keys_));
  w.text(raw(edge_targets_));
  w.number(edge_count_);
}

bool HyphenPatterns::Level::read(RecordReader& r) {
  std::string_view columns[5];
  for (std::string_view& c : columns)
    c = r.text_view();
  const std::size_t n = r.number();
  const std::string_view flags = r.text_view();
  const std::string_view bytes = r.text_view();
  if (!r.ok() || n == 0 || flags.size() != n || bytes.size() != n)
    return false;
  for (const std::string_view& c : columns)
    if (c.size() != n * sizeof(std::uint32_t))
      return false;
  const std::string_view value_bytes = r.text_view();
  values.assign(value_bytes.begin(), value_bytes.end());
  for (int* v : {&left_min, &right_min, &compound_left_min, &compound_right_min})
    *v = static_cast<int>(r.signed_number());
  nohyphen.clear();
  for (std::size_t k = r.count(1); k > 0 && r.ok(); --k)
    nohyphen.push_back(r.text());
  every_match = r.number() != 0;
  const std::string_view keys = r.text_view();
  const std::size_t slots = keys.size() / sizeof(std::uint64_t);
  if (!r.ok() || slots == 0 || (slots & (slots - 1)) != 0 || !from_raw(keys, slots, edge_keys_) ||
      !from_raw(r.text_view(), slots, edge_targets_))
    return false;
  edge_count_ = r.number();
  // Each field straight from its column into the states, which are all that is allocated.
  states.resize(n);
  std::uint32_t State::*const fields[] = {&State::fail, &State::output, &State::parent,
                                          &State::depth, &State::values};
  for (std::size_t i = 0; i < n; ++i) {
    State& s = states[i];
    for (std::size_t f = 0; f < 5; ++f)
      std::memcpy(&(s.*fields[f]), columns[f].data() + i * sizeof(std::uint32_t),
                  sizeof(std::uint32_t));
    s.pattern = (flags[i] & 1) != 0;
    s.nonstandard = (flags[i] & 2) != 0;
    s.byte = static_cast<std::uint8_t>(bytes[i]);
    // Every index the matcher follows stays inside its array.
    if (s.fail >= n || s.output >= n || s.parent >= n ||
        (s.pattern && std::size_t(s.values) + s.depth >= values.size()))
      return false;
  }
  for (std::size_t i = 0; i < slots; ++i)
    if (edge_keys_[i] != 0 && edge_targets_[i] >= n)
      return false;
  last_path_.assign(1, 0);
  return r.ok() && edge_count_ < slots;
}

std::string HyphenPatterns::to_bytes() const {
  RecordWriter w(kBytesMagic);
  w.number(utf8_ ? 1 : 0);
  top_.write(w);
  main_.write(w);
  return w.seal();
}

std::optional<HyphenPatterns> HyphenPatterns::from_bytes(std::string_view bytes) {
  RecordReader r(bytes, kBytesMagic);
  HyphenPatterns out;
  out.utf8_ = r.number() != 0;
  if (!r.ok() || !out.top_.read(r) || !out.main_.read(r) || !r.at_end())
    return std::nullopt;
  return out;
}

} // namespace galley::text
