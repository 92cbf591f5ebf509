#include "support.hpp"

#include "text/hyphenate.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace galley;
using namespace galley::text;

namespace {

std::string hyphenated(Hyphenator& h, const std::string& word, const std::string& language,
                       const HyphenationOptions& options = {},
                       const HyphenExceptions& exceptions = {}) {
  Diagnostics diags;
  auto points = h.points(word, language, options, exceptions, diags);
  CHECK(diags.empty());
  std::string out;
  size_t prev = 0;
  for (size_t p : points) {
    out += word.substr(prev, p - prev) + "-";
    prev = p;
  }
  return out + word.substr(prev);
}

/// Lines of a narrow paragraph, as text.
std::vector<std::string> lines_of(Engine& engine, const ParagraphSpec& spec, Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& line : engine.layout_paragraph(spec, diags).lines)
    out.push_back(testing::line_text(line) + (line.hyphenated ? "|hy" : ""));
  return out;
}

} // namespace

TEST_SUITE("text/hyphenate") {
  TEST_CASE("dictionary words split where the dictionary says") {
    Hyphenator h(default_dictionary_dir());
    HyphenationOptions o;
    CHECK(hyphenated(h, "extraordinary", "en") == "ex-tra-or-di-nary");
    CHECK(hyphenated(h, "partnership", "en-US") == "part-ner-ship");
    HyphenationOptions capitals;
    capitals.uc_hyphen = true; // English leaves capitalised words whole unless told otherwise
    CHECK(hyphenated(h, "Responsibilities", "en", capitals) == "Re-spon-si-bil-i-ties");
    // hyph_de_DE.dic is ISO 8859-1: umlauts and sharp s go through the conversion.
    CHECK(hyphenated(h, "Donaudampfschifffahrtsgesellschaft", "de") ==
          "Do-nau-dampf-schiff-fahrts-ge-sell-schaft");
    CHECK(hyphenated(h, "Größenordnung", "de-DE") == "Grö-ßen-ord-nung");
    // hyph_fr.dic is UTF-8: positions count code points, not bytes.
    CHECK(hyphenated(h, "développement", "fr") == "dé-ve-lop-pe-ment");
    CHECK(h.dictionary_for("en").filename() == "hyph_en_US.dic");
    CHECK(h.dictionary_for("de").filename() == "hyph_de_DE.dic");
    CHECK(h.dictionary_for("fr-CA").filename() == "hyph_fr_CA.dic");
  }

  TEST_CASE("every language Debian packages patterns for, whatever the file's charset") {
    Hyphenator h(default_dictionary_dir());
    // The expected splits are the patterns' own (the hyphen packages of tools/bootstrap); what
    // is checked is that each file, in its charset, reaches UTF-8 words.
    const std::vector<std::pair<std::string, std::string>> words = {
        {"ru", "исправлением"},     // KOI8-R
        {"uk", "університету"},     // UTF-8
        {"el", "υπολογιστές"},      // ISO 8859-7
        {"pl", "rzeczywistości"},   // ISO 8859-2
        {"es", "computadoras"},     // UTF-8
        {"it", "elaborazione"},     // UTF-8
        {"pt", "computadores"},     // ISO 8859-1
        {"nl", "ontwikkelingen"},   // ISO 8859-1
    };
    for (const auto& [language, word] : words) {
      CAPTURE(language);
      REQUIRE_MESSAGE(!h.dictionary_for(language).empty(),
                      "tools/bootstrap installs the hyphen-* packages");
      const std::string split = hyphenated(h, word, language);
      CAPTURE(split);
      CHECK(split.find('-') != std::string::npos);
      std::string joined = split;
      joined.erase(std::remove(joined.begin(), joined.end(), '-'), joined.end());
      CHECK(joined == word);
    }
    CHECK(hyphenated(h, "исправлением", "ru") == "ис-прав-ле-ни-ем"); // Russian's minimums: 2 and 2
  }

  TEST_CASE("left and right minimums") {
    Hyphenator h(default_dictionary_dir());
    HyphenationOptions wide;
    wide.left_min = 3;
    wide.right_min = 4;
    CHECK(hyphenated(h, "extraordinary", "en", wide) == "extra-or-di-nary");
    CHECK(hyphenated(h, "responsibilities", "en", wide) == "respon-si-bil-i-ties");
  }

  TEST_CASE("exceptions win over the dictionary") {
    Hyphenator h(default_dictionary_dir());
    HyphenExceptions ex = parse_exceptions({"extraor-dinary", "Partnership", "ta-ble"});
    HyphenationOptions o;
    CHECK(hyphenated(h, "extraordinary", "en", o, ex) == "extraor-dinary");
    CHECK(hyphenated(h, "Partnership", "en", o, ex) == "Partnership");
    CHECK(hyphenated(h, "Table", "en", o, ex) == "Ta-ble");
    CHECK(ex.at("table") == std::vector<int>{2});
  }

  TEST_CASE("a missing dictionary is reported once") {
    Hyphenator h(default_dictionary_dir());
    Diagnostics diags;
    HyphenationOptions o;
    CHECK(h.points("qwertyuiop", "xx", o, {}, diags).empty());
    CHECK(h.points("asdfghjkl", "xx", o, {}, diags).empty());
    REQUIRE(diags.warning_count() == 1);
    CHECK(diags.all()[0].message.find("no hyphenation dictionary for language 'xx'") == 0);
  }

  TEST_CASE("paragraphs hyphenate when they need to, and soft hyphens are respected") {
    Engine engine(testing::bundled_options());
    Diagnostics diags;
    ParagraphSpec spec = testing::paragraph(testing::sample_paragraphs()[1].text, "de", 160);
    ParagraphLayout layout = engine.layout_paragraph(spec, diags);
    int hyphens = 0;
    for (const auto& line : layout.lines) {
      if (!line.hyphenated)
        continue;
      ++hyphens;
      std::string text = testing::line_text(line);
      // The hyphen a break inserts reads as a soft hyphen (PDF 32000-1 14.8.2.2.3).
      CHECK(text.ends_with("\u00AD"));
    }
    CHECK(hyphens > 0);

    // A soft hyphen is a break point even where hyphenation is off; unbroken, it vanishes.
    ParagraphSpec soft = testing::paragraph("xx xxxxxxxxx\u00ADyyyyyyyyy", "en", 60);
    soft.hyphenation.enabled = false;
    auto lines = lines_of(engine, soft, diags);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "xx xxxxxxxxx\u00AD|hy");
    CHECK(lines[1] == "yyyyyyyyy");
    soft.width = 400;
    CHECK(lines_of(engine, soft, diags) == std::vector<std::string>{"xx xxxxxxxxxyyyyyyyyy"});
    CHECK(diags.empty());
  }

  TEST_CASE("URLs, code and acronyms are never hyphenated") {
    Engine engine(testing::bundled_options());
    Diagnostics diags;
    ParagraphSpec spec = testing::paragraph("Read the announcement at ", "en", 90);
    Span url = spec.spans[0];
    url.text = "https://blogs.example.com/posts/partnership-amendment";
    url.url = true;
    url.hyphenate = false;
    Span code = spec.spans[0];
    code.text = " with UNESCOINTERNATIONAL and Internationalisation.";
    spec.spans.push_back(url);
    spec.spans.push_back(code);
    Span mono = spec.spans[0];
    mono.text = " internationalisationconfiguration";
    mono.font.family = "JetBrains Mono";
    mono.hyphenate = false;
    spec.spans.push_back(mono);
    auto lines = lines_of(engine, spec, diags);
    REQUIRE(lines.size() > 4);
    std::string joined;
    for (const auto& l : lines) {
      CAPTURE(l);
      joined += l + "\n";
      if (l.size() < 4 || l.substr(l.size() - 3) != "|hy")
        continue;
      // A hyphenated line ends with part of a plain-text word, never of the URL or the code.
      std::string tail = l.substr(0, l.size() - 4); // without "-|hy"
      tail = tail.substr(tail.rfind(' ') + 1);
      CHECK(url.text.find(tail) == std::string::npos);
      CHECK(mono.text.find(tail) == std::string::npos);
      CHECK(tail != "UNESCOIN");
    }
    CAPTURE(joined);
    CHECK(joined.find("https:/\n") == std::string::npos);
    CHECK(joined.find("https://\n") == std::string::npos);
    CHECK(joined.find("UNESCOINTERNATIONAL") != std::string::npos);
    CHECK(joined.find("internationalisationconfiguration") != std::string::npos);
    bool url_broken_after_slash = joined.find("com/\n") != std::string::npos ||
                                  joined.find("posts/\n") != std::string::npos ||
                                  joined.find("partnership-\n") != std::string::npos ||
                                  joined.find("blogs.\n") != std::string::npos;
    CHECK(url_broken_after_slash);
  }
}
