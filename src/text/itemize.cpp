#include "text/itemize.hpp"
#include "text/direction.hpp"

#include "util/text_utils.hpp"

#include <unicode/brkiter.h>
#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <map>

namespace galley::text {

struct Itemizer::Icu {
  UBiDi* bidi = nullptr;
  // Creating a line BreakIterator loads rule data and costs far more than using one: keep one
  // per language.
  std::map<std::string, std::unique_ptr<icu::BreakIterator>> breakers;
  std::array<hb_script_t, USCRIPT_CODE_LIMIT> scripts{};
  std::array<bool, USCRIPT_CODE_LIMIT> scripts_known{};
  icu::UnicodeString empty; // what the break iterators point at between paragraphs
  std::map<std::string, std::vector<hb_script_t>> home;
  ~Icu() {
    if (bidi)
      ubidi_close(bidi);
  }

  hb_script_t hb_script(UScriptCode code) {
    if (code < 0 || code >= USCRIPT_CODE_LIMIT)
      return HB_SCRIPT_UNKNOWN;
    if (!scripts_known[code]) {
      const char* name = uscript_getShortName(code); // ISO 15924, as HarfBuzz wants
      scripts[code] = name ? hb_script_from_string(name, -1) : HB_SCRIPT_UNKNOWN;
      scripts_known[code] = true;
    }
    return scripts[code];
  }

  /// The scripts `language` is written in (ICU: "ru" -> Cyrillic, "ja" -> Katakana, Hiragana,
  /// Han), remembered per language.
  const std::vector<hb_script_t>& home_scripts(const std::string& language) {
    auto [it, inserted] = home.try_emplace(language);
    if (inserted) {
      UErrorCode err = U_ZERO_ERROR;
      UScriptCode codes[8];
      const int32_t n = uscript_getCode(language.c_str(), codes, 8, &err);
      for (int32_t k = 0; U_SUCCESS(err) && k < n; ++k) it->second.push_back(hb_script(codes[k]));
    }
    return it->second;
  }

  icu::BreakIterator* breaker(const std::string& language) {
    auto& slot = breakers[language];
    if (!slot) {
      UErrorCode status = U_ZERO_ERROR;
      slot.reset(icu::BreakIterator::createLineInstance(icu::Locale(language.c_str()), status));
      if (U_FAILURE(status))
        slot.reset();
    }
    return slot.get();
  }
};

namespace {

/// "Cyrillic" for HB_SCRIPT_CYRILLIC: the script's English name, for messages.
std::string script_name(hb_script_t script) {
  char tag[5] = {};
  hb_tag_to_string(hb_script_to_iso15924_tag(script), tag);
  UErrorCode err = U_ZERO_ERROR;
  UScriptCode code = USCRIPT_INVALID_CODE;
  if (uscript_getCode(tag, &code, 1, &err) == 1 && U_SUCCESS(err))
    if (const char* name = uscript_getName(code)) return name;
  return tag;
}

std::string code_point_label(char32_t cp) {
  char hex[16];
  auto res = std::to_chars(hex, hex + sizeof hex, static_cast<unsigned>(cp), 16);
  std::string digits(hex, res.ptr);
  for (auto& c : digits)
    c = static_cast<char>(c >= 'a' && c <= 'f' ? c - 'a' + 'A' : c);
  while (digits.size() < 4)
    digits.insert(digits.begin(), '0');
  std::string label = "U+" + digits + " '";
  append_utf8(label, cp);
  return label + "'";
}

bool is_url_break_after(char32_t cp) {
  return cp == '/' || cp == '.' || cp == '-' || cp == '?' || cp == '&';
}

bool is_token_break_after(char32_t cp) {
  return cp == '_' || cp == '/' || cp == '-' || cp == '.' || cp == ':';
}

/// Whether a line may not end between `before` and `after` even when a span breaks anywhere:
/// spaces break by themselves, and marks, joiners, variation selectors and emoji modifiers
/// belong to the character before them.
bool holds_together(char32_t before, char32_t after) {
  auto a = static_cast<UChar32>(after);
  return is_word_space(before) || is_word_space(after) || before == '\n' || after == '\n' ||
         is_invisible(before) || is_invisible(after) || (U_GET_GC_MASK(a) & U_GC_M_MASK) != 0 ||
         u_hasBinaryProperty(a, UCHAR_EMOJI_MODIFIER);
}

/// Adds the opportunities of spans that break inside words (WordBreak): after a token
/// separator, before a camelCase capital, and, for `Anywhere`, between any two characters.
void add_word_breaks(const std::vector<SpanRange>& spans, const std::vector<bool>& in_url,
                     std::vector<CodePoint>& cps) {
  for (size_t i = 1; i < cps.size(); ++i) {
    const SpanRange& s = spans[static_cast<size_t>(cps[i].span)];
    if (s.word_break == WordBreak::Normal || s.nobreak || cps[i - 1].span != cps[i].span ||
        cps[i].break_before || holds_together(cps[i - 1].cp, cps[i].cp))
      continue;
    auto before = static_cast<UChar32>(cps[i - 1].cp), after = static_cast<UChar32>(cps[i].cp);
    // URLs keep their own rules (never just after "//") until only breaking anywhere is left.
    bool url = s.url || (in_url[i - 1] && in_url[i]);
    bool token = !url && ((is_token_break_after(cps[i - 1].cp) &&
                           !is_token_break_after(cps[i].cp)) ||
                          (u_islower(before) && u_isupper(after)));
    if (token) {
      cps[i].break_before = true;
    } else if (s.word_break == WordBreak::Anywhere) {
      cps[i].break_before = true;
      cps[i].last_resort = true;
    }
  }
}

/// Whether `cp` is in a right-to-left block or is a bidi control: text without any is all
/// left to right and skips the bidi algorithm.
bool may_be_rtl(char32_t cp) {
  return (cp >= 0x590 && cp < 0x900) || (cp >= 0xFB1D && cp < 0xFE00) ||
         (cp >= 0xFE70 && cp < 0xFF00) || (cp >= 0x10800 && cp < 0x11000) ||
         (cp >= 0x1E800 && cp < 0x1F000) || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

/// Marks code points of words that begin with "http://", "https://" or "www.".
std::vector<bool> find_urls(std::string_view text, const std::vector<CodePoint>& cps) {
  std::vector<bool> in_url(cps.size(), false);
  for (size_t i = 0; i < cps.size(); ++i) {
    if (i > 0 && !is_word_space(cps[i - 1].cp) && cps[i - 1].cp != '(' && cps[i - 1].cp != '<')
      continue;
    std::string_view rest = text.substr(cps[i].byte);
    if (rest.rfind("http://", 0) != 0 && rest.rfind("https://", 0) != 0 &&
        rest.rfind("www.", 0) != 0)
      continue;
    for (size_t j = i; j < cps.size() && !is_word_space(cps[j].cp); ++j)
      in_url[j] = true;
  }
  return in_url;
}

} // namespace

bool is_invisible(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || (cp >= 0xE0000 && cp <= 0xE01EF);
}

/// Whether the character at `i` is shown as an emoji picture (UTS #51, "Presentation Style"):
/// emoji presentation by default, or text presentation followed by VS16 (U+FE0F).
bool emoji_presentation(const std::vector<CodePoint>& cps, size_t i) {
  const auto cp = static_cast<UChar32>(cps[i].cp);
  if (cp < 0x80) return false; // digits, # and * are emoji only in keycap sequences
  if (u_hasBinaryProperty(cp, UCHAR_EMOJI_PRESENTATION)) return true;
  return i + 1 < cps.size() && cps[i + 1].cp == 0xFE0F && u_hasBinaryProperty(cp, UCHAR_EMOJI);
}

bool is_word_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A && cp != 0x2007);
}

Itemizer::Itemizer() : icu_(std::make_unique<Icu>()) {}
Itemizer::~Itemizer() = default;

void Itemizer::warn_missing(char32_t cp, const SourceLoc* loc, Diagnostics& diags) {
  // Once per script (a page of Tibetan is one warning, at its first line), or per character
  // for symbols and emoji, which belong to no script.
  UErrorCode err = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &err);
  const bool scripted = U_SUCCESS(err) && script != USCRIPT_COMMON &&
                        script != USCRIPT_INHERITED && script != USCRIPT_UNKNOWN;
  const int key = scripted ? static_cast<int>(script) : -static_cast<int>(cp) - 1;
  if (warned_[key]) return;
  warned_[key] = true;
  const std::string what = scripted ? std::string(uscript_getName(script)) + " text (" +
                                          code_point_label(cp) + " is the first)"
                                    : "a glyph for " + code_point_label(cp);
  diags.warning(loc ? *loc : SourceLoc{}, "no font has " + what + ", drawing .notdef",
                "install a font that has it (Debian's fonts-noto-core covers most scripts) or "
                "name one in the style's fonts.fallback");
}

Itemized Itemizer::itemize(std::string_view text, const std::vector<SpanRange>& spans,
                           const std::string& language, bool find_breaks, FontRegistry& fonts,
                           Diagnostics& diags) {
  Itemized out;
  std::u16string u16;
  std::vector<std::uint32_t> u16_to_cp;
  std::vector<bool> common;
  u16.reserve(text.size());
  u16_to_cp.reserve(text.size() + 1);
  bool needs_bidi = false;
  size_t span = 0;
  for (size_t i = 0; i < text.size();) {
    auto byte = static_cast<std::uint32_t>(i);
    char32_t cp = next_code_point(text, i);
    while (span + 1 < spans.size() && byte >= spans[span].end)
      ++span;
    CodePoint c;
    c.byte = byte;
    c.cp = cp;
    c.span = static_cast<int>(span);
    // ASCII letters are Latin and everything else in ASCII is Common (UAX #24's Scripts.txt).
    UScriptCode sc = USCRIPT_COMMON;
    if (cp >= 0x80) {
      UErrorCode err = U_ZERO_ERROR;
      sc = uscript_getScript(static_cast<UChar32>(cp), &err);
    } else if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') {
      sc = USCRIPT_LATIN;
    }
    bool is_common = sc == USCRIPT_COMMON || sc == USCRIPT_INHERITED;
    c.script = is_common ? HB_SCRIPT_COMMON : icu_->hb_script(sc);
    common.push_back(is_common);
    if (may_be_rtl(cp))
      needs_bidi = true;
    auto index = static_cast<std::uint32_t>(out.cps.size());
    if (cp > 0xFFFF) {
      u16.push_back(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
      u16.push_back(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
      u16_to_cp.push_back(index);
      u16_to_cp.push_back(index);
    } else {
      u16.push_back(static_cast<char16_t>(cp));
      u16_to_cp.push_back(index);
    }
    out.cps.push_back(c);
  }
  u16_to_cp.push_back(static_cast<std::uint32_t>(out.cps.size()));
  auto& cps = out.cps;
  auto len = static_cast<int32_t>(u16.size());

  // Bidi levels (UAX #9), the paragraph direction from its first strong character (P2, P3).
  if (needs_bidi && len > 0) {
    if (!icu_->bidi)
      icu_->bidi = ubidi_open();
    UErrorCode err = U_ZERO_ERROR;
    // A paragraph with no strong character takes its language's direction.
    const UBiDiLevel fallback = right_to_left(language) ? UBIDI_DEFAULT_RTL : UBIDI_DEFAULT_LTR;
    ubidi_setPara(icu_->bidi, u16.data(), len, fallback, nullptr, &err);
    const UBiDiLevel* levels = U_SUCCESS(err) ? ubidi_getLevels(icu_->bidi, &err) : nullptr;
    if (levels && U_SUCCESS(err)) {
      out.base_level = ubidi_getParaLevel(icu_->bidi);
      for (int32_t u = 0; u < len; ++u)
        cps[u16_to_cp[static_cast<size_t>(u)]].level = levels[u];
    }
  }

  // Common and Inherited characters (spaces, punctuation, digits, marks) take the script of the
  // text before them, or after them at the start (UAX #24's usual resolution).
  hb_script_t last = HB_SCRIPT_COMMON;
  size_t pending = 0;
  for (size_t i = 0; i < cps.size(); ++i) {
    if (common[i]) {
      cps[i].script = last;
      continue;
    }
    if (last == HB_SCRIPT_COMMON) {
      for (; pending < i; ++pending)
        cps[pending].script = cps[i].script;
    }
    last = cps[i].script;
  }

  // Faces, character by character: the span's face when it has the glyph; common characters
  // stay with the face before them so that a space inside Arabic stays Arabic.
  // A letter of the paragraph's own script (Cyrillic in Russian) goes to the face that sets the
  // whole script (FontRegistry::script_face), so that its bold and italic words stay in the
  // design of its regular text. A passage in another script (a Greek quotation in English) keeps
  // the span's face where that face has it: it rarely needs other weights, and a second family
  // there would only change the size and colour of the line.
  const std::vector<hb_script_t>& home = icu_->home_scripts(language);
  FaceId prev_face = -1;
  int prev_span = -1;
  FaceId decided_for = -1, scripted = -1;
  hb_script_t decided_script = HB_SCRIPT_INVALID;
  for (size_t i = 0; i < cps.size(); ++i) {
    CodePoint& c = cps[i];
    FaceId primary = spans[static_cast<size_t>(c.span)].face;
    bool same_span = prev_span == c.span && prev_face >= 0;
    FaceId wanted = primary;
    if (!common[i] && std::find(home.begin(), home.end(), c.script) != home.end()) {
      if (primary != decided_for || c.script != decided_script) {
        std::string replaced;
        scripted = fonts.script_face(primary, c.script, &replaced);
        if (!replaced.empty())
          diags.note({}, "'" + fonts.info(primary).family + "' lacks " + script_name(c.script) +
                             " in some weights or styles: that text is set in '" + replaced +
                             "' throughout");
        decided_for = primary;
        decided_script = c.script;
      }
      if (scripted >= 0) wanted = scripted;
    }
    FaceId emoji = emoji_presentation(cps, i) ? fonts.emoji_face(c.cp) : -1;
    if (is_invisible(c.cp)) {
      c.face = same_span ? prev_face : primary;
    } else if (emoji >= 0) {
      c.face = emoji;
    } else if (common[i] && same_span && !fonts.color(prev_face) &&
               fonts.nominal_glyph(prev_face, c.cp) != 0) {
      // Spaces and punctuation stay in the face before them, unless it is an emoji font,
      // whose space is as wide as a picture.
      c.face = prev_face;
    } else if (fonts.nominal_glyph(wanted, c.cp) != 0) {
      c.face = wanted;
    } else if (fonts.nominal_glyph(primary, c.cp) != 0) {
      c.face = primary;
    } else {
      FaceId f = fonts.fallback_for(c.cp, primary, language);
      if (f < 0) {
        f = primary;
        warn_missing(c.cp, spans[static_cast<size_t>(c.span)].loc, diags);
      }
      c.face = f;
    }
    prev_face = c.face;
    prev_span = c.span;
  }

  if (!find_breaks || cps.empty())
    return out;

  // UAX #14 line break opportunities.
  if (icu::BreakIterator* bi = icu_->breaker(language)) {
    icu::UnicodeString alias(false, u16.data(), len); // read-only alias, no copy
    bi->setText(alias);
    for (int32_t p = bi->first(); p != icu::BreakIterator::DONE; p = bi->next()) {
      if (p > 0 && p < len)
        cps[u16_to_cp[static_cast<size_t>(p)]].break_before = true;
    }
    bi->setText(icu_->empty); // drop the alias before `u16` goes away
  }
  // Korean is written with spaces between words, and breaks only there, as `word-break:
  // keep-all` sets it in CSS (CSS Text 3, 5.2): UAX #14 alone would break between any two
  // syllables.
  if (primary_language(language) == "ko")
    for (size_t i = 1; i < cps.size(); ++i)
      if (cps[i].script == HB_SCRIPT_HANGUL && cps[i - 1].script == HB_SCRIPT_HANGUL)
        cps[i].break_before = false;
  // URLs break only after their separators (never inside or just after "//"); no-break spans
  // not at all. Plain text that starts like a URL is treated as one up to the next space.
  std::vector<bool> in_url = find_urls(text, cps);
  for (size_t i = 1; i < cps.size(); ++i) {
    if (cps[i - 1].span != cps[i].span)
      continue;
    const SpanRange& s = spans[static_cast<size_t>(cps[i].span)];
    if (s.url || (in_url[i - 1] && in_url[i])) {
      char32_t before = cps[i - 1].cp;
      bool allowed = s.nobreak ? before == '/' : is_url_break_after(before);
      bool after_scheme = before == '/' && i >= 2 && cps[i - 2].cp == '/';
      cps[i].break_before =
          allowed && !after_scheme && cps[i].cp != '/' && !is_word_space(cps[i].cp);
    } else if (s.nobreak) {
      cps[i].break_before = false;
    }
  }
  add_word_breaks(spans, in_url, cps);
  return out;
}

} // namespace galley::text
