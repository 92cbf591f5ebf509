// The controls over where and how often words are hyphenated: the hyphen limit, capitalised
// words (TeX's \uchyph), the minimums of a narrow measure, and the paragraph's last word.
#include "support.hpp"

#include "text/hyphenate.hpp"
#include "text/linebreak.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace galley;
using namespace galley::text;

namespace {

/// Two-syllable words (syllables of 24pt, a 4pt hyphen between them) separated by TeX-like
/// spaces, ending as a paragraph does.
std::vector<Item> syllables(int words) {
  std::vector<Item> items;
  for (int i = 0; i < words; ++i) {
    if (i > 0)
      items.push_back(Item::glue(3, 1.5, 1));
    items.push_back(Item::box(24));
    items.push_back(Item::penalty_item(4, 50, true));
    items.push_back(Item::box(24));
  }
  items.push_back(Item::penalty_item(0, kInfinitePenalty, false));
  items.push_back(Item::glue(0, 0, 0, 1));
  items.push_back(Item::penalty_item(0, -kInfinitePenalty, false));
  return items;
}

/// The longest run of consecutive lines ending at a hyphen.
int longest_hyphen_run(const std::vector<Item>& items, const std::vector<int>& breaks) {
  int run = 0, longest = 0;
  for (int b : breaks) {
    const Item& it = items[static_cast<size_t>(b)];
    run = it.kind == ItemKind::Penalty && it.flagged ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

std::string split(Hyphenator& h, const std::string& word, const std::string& language,
                  const HyphenationOptions& options, const HyphenExceptions& exceptions = {}) {
  Diagnostics diags;
  std::string out;
  size_t prev = 0;
  for (size_t p : h.points(word, language, options, exceptions, diags)) {
    out += word.substr(prev, p - prev) + "-";
    prev = p;
  }
  return out + word.substr(prev);
}

std::vector<Line> lines_of(Engine& engine, const ParagraphSpec& spec) {
  Diagnostics diags;
  return engine.layout_paragraph(spec, diags).lines;
}

/// Letters of the word fragment a hyphenated line ends with, and of the one the next begins
/// with, for every hyphenated line; the shorter of each pair.
std::vector<std::string> fragments(const std::vector<Line>& lines) {
  std::vector<std::string> out;
  for (size_t l = 0; l + 1 < lines.size(); ++l) {
    if (!lines[l].hyphenated)
      continue;
    std::string end = testing::line_text(lines[l]);
    end = end.substr(end.rfind(' ') + 1);
    end.resize(end.size() - 2); // the hyphen a break inserts, a soft hyphen (U+00AD)
    std::string next = testing::line_text(lines[l + 1]);
    next = next.substr(0, next.find_first_of(" ,.;:"));
    out.push_back(end.size() < next.size() ? end : next);
  }
  return out;
}

const char* const kShortPrefixes =
    "We repeated it often: a unit of enormous weight became unable to obtain any decent "
    "return, so every operator decided to inform the economic regulator, to demand a revised "
    "agreement, to reconsider and to recover the deposit. Eventually the enormous outlay was "
    "recovered, but only after deliberate, repeated and exhausting negotiation.";

} // namespace

TEST_SUITE("text/hyphen-controls") {
  TEST_CASE("a break that would make a third hyphenated line in a row is not taken") {
    auto items = syllables(14);
    LineBreakParams p;
    p.tolerance = 10000;
    p.double_hyphen_demerits = 0; // hyphens as cheap as can be: only the limit holds them back
    // A line of a word's second half, a word and a first half is 106pt: at 107pt every line
    // but the first is nearly perfect that way, and hyphenated.
    auto width = [](int) { return 107.0; };
    BreakResult free = break_lines(items, width, p);
    REQUIRE(free.ok);
    CHECK(longest_hyphen_run(items, free.breaks) >= 3);
    for (int limit : {1, 2, 3}) {
      CAPTURE(limit);
      p.hyphen_limit = limit;
      BreakResult limited = break_lines(items, width, p);
      REQUIRE(limited.ok);
      CHECK(longest_hyphen_run(items, limited.breaks) <= limit);
      CHECK(limited.total_demerits >= free.total_demerits);
    }
  }

  TEST_CASE("the limit the style leaves to the language is the language's custom") {
    CHECK(consecutive_hyphens("en") == 2);
    CHECK(consecutive_hyphens("de-CH") == 2);
    CHECK(consecutive_hyphens("ru") == 4);
    CHECK(consecutive_hyphens("uk-UA") == 4);
    CHECK(consecutive_hyphens("be") == 4);
  }

  TEST_CASE("the limit gives way rather than leave a paragraph unbroken") {
    // One word of five syllables, each a line wide: only hyphens can break it.
    std::vector<Item> items;
    for (int i = 0; i < 5; ++i) {
      if (i > 0)
        items.push_back(Item::penalty_item(4, 50, true));
      items.push_back(Item::box(40));
    }
    items.push_back(Item::penalty_item(0, kInfinitePenalty, false));
    items.push_back(Item::glue(0, 0, 0, 1));
    items.push_back(Item::penalty_item(0, -kInfinitePenalty, false));
    LineBreakParams p;
    p.hyphen_limit = 2;
    p.final_pass = true;
    BreakResult r = break_lines(
        items, [](int) { return 44.0; }, p);
    REQUIRE(r.ok);
    CHECK(r.breaks.back() == static_cast<int>(items.size()) - 1);
  }

  TEST_CASE("the final hyphen demerits keep the second-last line from ending with a hyphen") {
    // At 90pt the best five lines end the second-last with a hyphen, unless that costs more.
    auto items = syllables(7);
    LineBreakParams p;
    p.tolerance = 10000;
    auto width = [](int) { return 90.0; };
    auto ends_hyphenated = [&](const BreakResult& r) {
      REQUIRE(r.breaks.size() >= 2);
      return items[static_cast<size_t>(r.breaks[r.breaks.size() - 2])].flagged;
    };
    p.final_hyphen_demerits = 0;
    CHECK(ends_hyphenated(break_lines(items, width, p)));
    p.final_hyphen_demerits = 5000;
    CHECK_FALSE(ends_hyphenated(break_lines(items, width, p)));
  }

  TEST_CASE("a capitalised word is split only when uc-hyphen allows it") {
    Hyphenator h(default_dictionary_dir());
    HyphenationOptions o;
    for (const char* word : {"Microsoft", "Grenoble", "November", "Responsibilities"}) {
      CAPTURE(word);
      o.uc_hyphen.reset();
      CHECK(split(h, word, "en", o) == word);
      o.uc_hyphen = false;
      CHECK(split(h, word, "en", o) == word);
      o.uc_hyphen = true;
      CHECK(split(h, word, "en", o).find('-') != std::string::npos);
    }
    o.uc_hyphen.reset();
    // German capitalises every noun: by default its capitalised words are split.
    CHECK(split(h, "Größenordnung", "de", o) == "Grö-ßen-ord-nung");
    o.uc_hyphen = false;
    CHECK(split(h, "Größenordnung", "de", o) == "Größenordnung");
    // A capital that only starts a sentence says nothing of a name.
    Diagnostics diags;
    CHECK_FALSE(h.points("Responsibilities", "en", o, {}, diags, true).empty());
    // Lowercase words are not affected; a style's own exception still applies.
    CHECK(split(h, "responsibilities", "en", o) == "re-spon-si-bil-i-ties");
    CHECK(split(h, "Grenoble", "en", o, parse_exceptions({"Gre-noble"})) == "Gre-noble");
  }

  TEST_CASE("capitalised words stay whole in a paragraph, and split when allowed") {
    Engine engine(testing::bundled_options());
    const std::string text =
        "Representatives of Microsoft, Oracle, Qualcomm and Mitsubishi met in Grenoble in "
        "November with Californians, Philadelphians and Massachusetts administrators.";
    ParagraphSpec spec = testing::paragraph(text, "en", 110);
    // The part of a split word that ends a hyphenated line, capitalised or not.
    auto split_capitals = [&] {
      int count = 0;
      for (const Line& line : lines_of(engine, spec)) {
        std::string t = testing::line_text(line);
        std::string head = t.substr(t.rfind(' ') + 1);
        count += line.hyphenated && head.front() >= 'A' && head.front() <= 'Z';
      }
      return count;
    };
    CHECK(split_capitals() == 0);
    spec.hyphenation.uc_hyphen = true;
    CHECK(split_capitals() > 0);
    // The first word of a sentence may be split, at some measure.
    bool first_word_split = false;
    for (double width = 60; width <= 160 && !first_word_split; width += 2) {
      spec = testing::paragraph(
          "Nobody objected to it at all. Understandably, the committee decided quickly.", "en",
          width);
      for (const Line& line : lines_of(engine, spec)) {
        std::string t = testing::line_text(line);
        first_word_split =
            first_word_split || (line.hyphenated && t.rfind(" Un") != std::string::npos &&
                                 t.find(' ', t.rfind(" Un") + 1) == std::string::npos);
      }
    }
    CHECK(first_word_split);
  }

  TEST_CASE("a narrow measure raises both minimums to three letters") {
    Engine engine(testing::bundled_options());
    // 12 em at 10pt: far below the 30 em where narrow minimums start.
    ParagraphSpec spec = testing::paragraph(kShortPrefixes, "en", 120);
    spec.hyphenation.narrow_min = 1; // the dictionary's own: English allows 2 before a hyphen
    int two_letter = 0;
    for (const std::string& f : fragments(lines_of(engine, spec)))
      two_letter += f.size() < 3;
    CHECK(two_letter > 0);
    spec.hyphenation.narrow_min = 3;
    auto narrow = fragments(lines_of(engine, spec));
    CHECK_FALSE(narrow.empty());
    for (const std::string& f : narrow) {
      CAPTURE(f);
      CHECK(f.size() >= 3);
    }
    // At 30 em and wider the dictionary's own minimums hold again.
    spec.width = 300;
    bool wide_two_letter = false;
    for (double w = 300; w < 330 && !wide_two_letter; w += 1) {
      spec.width = w;
      for (const std::string& f : fragments(lines_of(engine, spec)))
        wide_two_letter = wide_two_letter || f.size() < 3;
    }
    CHECK(wide_two_letter);
  }

  TEST_CASE("the last word of a paragraph is never split") {
    Engine engine(testing::bundled_options());
    std::vector<std::string> texts{
        "The committee reached its decision after long deliberation about responsibilities",
        "Both companies describe the amendment as the next phase of a relationship that has "
        "shaped the industry, according to representatives.",
    };
    for (const auto& sample : testing::sample_paragraphs())
      texts.push_back(sample.text);
    int checked = 0;
    for (const std::string& text : texts) {
      for (double width = 90; width <= 300; width += 3) {
        ParagraphSpec spec = testing::paragraph(text, "en", width);
        auto lines = lines_of(engine, spec);
        if (lines.size() < 2)
          continue;
        ++checked;
        std::string last = testing::line_text(lines.back());
        CAPTURE(text);
        CAPTURE(width);
        CAPTURE(last);
        // A hyphen before a last line of one word would have split the last word.
        CHECK_FALSE((lines[lines.size() - 2].hyphenated && last.find(' ') == std::string::npos));
      }
    }
    CHECK(checked > 200);
  }
}
