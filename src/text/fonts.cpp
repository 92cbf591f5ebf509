#include "text/fonts.hpp"
#include "text/font_scans.hpp"

#include "galley/error.hpp"
#include "util/data_dir.hpp"
#include "util/files.hpp"
#include "util/folder_files.hpp"
#include "util/text_utils.hpp"

#include <fontconfig/fontconfig.h>
#include <hb-ot.h>
#include <unicode/uscript.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <mutex>
#include <sys/stat.h>

namespace galley::text {
namespace {

/// Family names compare without case, spaces or hyphens ("JetBrains Mono" == "jetbrainsmono").
std::string family_key(std::string_view family) {
  std::string key;
  for (char c : family) {
    if (c == ' ' || c == '-' || c == '_')
      continue;
    key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return key;
}

/// Debian names EB Garamond's optical size in the family ("EB Garamond 12"); styles ask for
/// "EB Garamond", so a trailing number is also accepted as the same family.
std::string family_key_without_size(std::string_view family) {
  auto end = family.find_last_not_of("0123456789");
  if (end != std::string_view::npos && end + 1 < family.size() && family[end] == ' ')
    return family_key(family.substr(0, end));
  return family_key(family);
}

bool family_matches(const FaceInfo& face, const std::string& key) {
  return family_key(face.family) == key || family_key_without_size(face.family) == key;
}

/// CSS Fonts 4 section 5.2 in spirit: style first, then the nearest weight, preferring lighter
/// faces for normal requests and heavier ones for bold requests.
int match_cost(const FaceInfo& face, int weight, bool italic) {
  int cost = face.italic == italic ? 0 : 100000;
  int diff = face.weight - weight;
  cost += std::abs(diff) * 2;
  if ((diff > 0 && weight <= 500) || (diff < 0 && weight > 500))
    cost += 1;
  return cost;
}

/// Font files under `dir`, sorted: directory order is not stable across file systems, and
/// sorted paths keep face ids deterministic.
std::vector<std::filesystem::path> font_files(const std::filesystem::path& dir) {
  return files_under(dir, {".ttf", ".otf", ".ttc"});
}

/// The generic family of a face (CSS Fonts 4, 4.2), from the OpenType OS/2 table: monospace
/// when its advances are fixed or PANOSE says so, serif when sFamilyClass is one of the serif
/// classes (1 to 7) or PANOSE's serif style is one of the serifs (2 to 10 for Latin text).
std::string generic_family(FT_Face face, const TT_OS2* os2) {
  const bool latin_text = os2 && os2->panose[0] == 2;
  if (FT_IS_FIXED_WIDTH(face) || (latin_text && os2->panose[3] == 9))
    return "monospace";
  const int family_class = os2 ? (os2->sFamilyClass >> 8) & 0xFF : 0;
  if ((family_class >= 1 && family_class <= 7) ||
      (latin_text && os2->panose[1] >= 2 && os2->panose[1] <= 10))
    return "serif";
  return "sans-serif";
}

/// fontconfig's name for a BCP 47 language (its lang values follow RFC 3066 and ISO 639 with
/// the territory for Chinese): Han characters are drawn differently in Japan, Korea, mainland
/// China and Taiwan, and the collection has one face for each.
std::string fontconfig_language(const std::string& bcp47) {
  const std::string primary = primary_language(bcp47);
  if (primary != "zh")
    return primary;
  std::string lang = ascii_lower(bcp47);
  std::replace(lang.begin(), lang.end(), '_', '-');
  for (const char* region : {"-hk", "-mo"})
    if (lang.find(region) != std::string::npos) return "zh-hk";
  for (const char* traditional : {"-hant", "-tw"})
    if (lang.find(traditional) != std::string::npos) return "zh-tw";
  return "zh-cn";
}

/// What FreeType says of the faces of each font file, read once per process: every engine scans
/// the same folders, and prefetch_fonts() lets a spare thread do it first. One FreeType library
/// serves all scans, under the lock.
class FaceScan {
public:
  static FaceScan& shared() {
    static FaceScan scan;
    return scan;
  }
  FaceScan(const FaceScan&) = delete;
  FaceScan& operator=(const FaceScan&) = delete;

  /// The faces of `path`, in face index order; none when FreeType cannot open it.
  std::vector<FaceInfo> faces(const std::filesystem::path& path) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto [it, fresh] = files_.try_emplace(path);
    if (fresh) {
      ScannedFont& font = it->second;
      font.path = path.string();
      struct stat st {};
      struct stat name {};
      if (stat_and_lstat(path, st, name)) {
        font.device = static_cast<std::uint64_t>(st.st_dev);
        font.inode = static_cast<std::uint64_t>(st.st_ino);
        font.size = static_cast<std::uint64_t>(st.st_size);
        font.modified_ns = modified_ns(st);
        auto seeded = seeds_.find(font.path);
        if (seeded != seeds_.end() && same_file(seeded->second, font))
          font.faces = seeded->second.faces;
        else
          font.faces = scan(path);
        // FreeType opens the file itself: record it as read, so that no output replaces a
        // font (docs/limits.md, "Outputs never destroy sources").
        note_read(path, st, name);
      } else {
        font.faces = scan(path);
      }
    }
    return it->second.faces;
  }

  /// The files scanned or taken from the seeds, and the seeds not asked for, by path.
  std::vector<ScannedFont> scanned() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::map<std::string, ScannedFont> all = seeds_;
    for (const auto& [path, font] : files_)
      all.insert_or_assign(font.path, font);
    std::vector<ScannedFont> out;
    for (auto& [path, font] : all)
      out.push_back(std::move(font));
    return out;
  }

  void seed(const std::vector<ScannedFont>& fonts) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const ScannedFont& f : fonts)
      seeds_.emplace(f.path, f);
  }

private:
  FaceScan() = default;
  ~FaceScan() {
    if (library_)
      FT_Done_FreeType(library_);
  }

  std::vector<FaceInfo> scan(const std::filesystem::path& path) {
    if (!library_ && FT_Init_FreeType(&library_) != 0)
      throw Error("cannot initialise FreeType");
    std::vector<FaceInfo> out;
    FT_Long count = 1;
    for (FT_Long index = 0; index < count; ++index) {
      FT_Face face = nullptr;
      if (FT_New_Face(library_, path.c_str(), index, &face) != 0)
        break;
      count = face->num_faces;
      FaceInfo info;
      info.path = path;
      info.index = static_cast<int>(index);
      info.family = face->family_name ? face->family_name : path.stem().string();
      auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(face, FT_SFNT_OS2));
      info.weight =
          os2 ? os2->usWeightClass : ((face->style_flags & FT_STYLE_FLAG_BOLD) ? 700 : 400);
      info.italic = (face->style_flags & FT_STYLE_FLAG_ITALIC) != 0;
      info.units_per_em = face->units_per_EM > 0 ? face->units_per_EM : 1000;
      info.ascender = static_cast<double>(face->ascender) / info.units_per_em;
      info.descender = -static_cast<double>(face->descender) / info.units_per_em;
      info.generic = generic_family(face, os2);
      FT_Done_Face(face);
      out.push_back(std::move(info));
    }
    return out;
  }

  static bool same_file(const ScannedFont& a, const ScannedFont& b) {
    return a.device == b.device && a.inode == b.inode && a.size == b.size &&
           a.modified_ns == b.modified_ns;
  }

  std::mutex mutex_;
  FT_Library library_ = nullptr;
  std::map<std::filesystem::path, ScannedFont> files_;
  std::map<std::string, ScannedFont> seeds_; ///< seed_scanned_fonts, by path
};

/// The HarfBuzz face of a font file, one for the whole process: each engine (one per worker, one
/// that joins an issue, one for each article's own PDF) shapes with the same face, so the tables
/// HarfBuzz parses on first use and the shape plans it compiles (hb_shape_plan_create_cached,
/// which keeps them on the face) are made once, not once per engine. HarfBuzz faces are safe to
/// share between threads once made (hb_face_make_immutable). A file is known by its identity
/// (device, inode, size, modification time): a font replaced since, which a long-running
/// process (`galley watch`, a CMS) may meet, is read again.
HbFacePtr shared_face(const std::filesystem::path& path, int index) {
  struct Key {
    std::string path;
    int index;
    dev_t dev;
    ino_t ino;
    off_t size;
    std::int64_t mtime;
    auto operator<=>(const Key&) const = default;
  };
  static std::mutex mutex;
  static std::map<Key, HbFacePtr> faces;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    throw Error("cannot read font file '" + path.string() + "'");
  Key key{path.string(), index,
          st.st_dev,     st.st_ino,
          st.st_size,    std::int64_t(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
  std::lock_guard lock(mutex);
  auto& slot = faces[key];
  if (!slot) {
    HbBlobPtr blob(hb_blob_create_from_file_or_fail(path.c_str()));
    if (!blob)
      throw Error("cannot read font file '" + path.string() + "'");
    HbFacePtr face(hb_face_create(blob.get(), static_cast<unsigned>(index)));
    hb_face_make_immutable(face.get());
    slot = std::move(face);
  }
  return HbFacePtr(hb_face_reference(slot.get()));
}

} // namespace

std::filesystem::path bundled_fonts_dir() {
  return util::data_dir() / "fonts";
}

std::vector<ScannedFont> scanned_fonts() {
  return FaceScan::shared().scanned();
}

void seed_scanned_fonts(const std::vector<ScannedFont>& fonts) {
  FaceScan::shared().seed(fonts);
}

void prefetch_fonts(const std::vector<std::filesystem::path>& dirs) {
  std::vector<std::filesystem::path> list = dirs;
  if (list.empty())
    list.push_back(bundled_fonts_dir());
  for (const auto& dir : list)
    for (const auto& f : font_files(dir))
      FaceScan::shared().faces(f);
}

FontRegistry::FontRegistry(const EngineOptions& options)
    : use_fontconfig_(options.use_fontconfig), fallback_(options.fallback) {
  std::vector<std::filesystem::path> dirs = options.font_dirs;
  if (dirs.empty())
    dirs.push_back(bundled_fonts_dir());
  for (const auto& dir : dirs)
    for (const auto& f : font_files(dir))
      scan_file(f, "", -1, -1);
  for (const auto& extra : options.extra_faces)
    scan_file(extra.path, extra.family, extra.weight, extra.italic ? 1 : 0);
  if (candidates_.empty())
    throw Error("no font files found (looked in " +
                (dirs.empty() ? std::string("nothing") : dirs.front().string()) + ")");
}

FontRegistry::~FontRegistry() = default;

void FontRegistry::scan_file(const std::filesystem::path& path, const std::string& family_override,
                             int weight_override, int italic_override) {
  for (FaceInfo info : FaceScan::shared().faces(path)) {
    if (!family_override.empty())
      info.family = family_override;
    if (weight_override >= 0)
      info.weight = weight_override;
    if (italic_override >= 0)
      info.italic = italic_override != 0;
    candidates_.push_back(std::move(info));
  }
}

FaceId FontRegistry::load(size_t candidate) {
  if (auto it = loaded_candidates_.find(candidate); it != loaded_candidates_.end())
    return it->second;
  const FaceInfo& info = candidates_[candidate];
  HbFacePtr face = shared_face(info.path, info.index);
  HbFontPtr font(hb_font_create(face.get()));
  // Shaping happens in font units; callers scale by size / units_per_em.
  hb_font_set_scale(font.get(), info.units_per_em, info.units_per_em);
  auto id = static_cast<FaceId>(loaded_.size());
  const bool color = hb_ot_color_has_png(face.get()) || hb_ot_color_has_layers(face.get());
  loaded_.push_back(Loaded{info, std::move(font), color});
  loaded_candidates_[candidate] = id;
  return id;
}

FaceId FontRegistry::find(const std::string& family, int weight, bool italic) {
  // Every span of every paragraph asks: remember answers, for as long as no face is added.
  auto& memo = find_cache_[std::make_tuple(family, weight, italic)];
  if (memo.first == candidates_.size() && memo.first > 0)
    return memo.second;
  memo = {candidates_.size(), find_uncached(family, weight, italic)};
  return memo.second;
}

FaceId FontRegistry::find_uncached(const std::string& family, int weight, bool italic) {
  std::string key = family_key(family);
  size_t best = candidates_.size();
  int best_cost = 0;
  for (size_t i = 0; i < candidates_.size(); ++i) {
    if (!family_matches(candidates_[i], key))
      continue;
    int cost = match_cost(candidates_[i], weight, italic);
    if (best == candidates_.size() || cost < best_cost) {
      best = i;
      best_cost = cost;
    }
  }
  return best == candidates_.size() ? -1 : load(best);
}

std::vector<FaceId> FontRegistry::family_faces(const std::string& family) {
  std::string key = family_key(family);
  std::vector<std::pair<int, bool>> styles;
  for (const FaceInfo& face : candidates_) {
    std::pair<int, bool> style{face.weight, face.italic};
    if (family_matches(face, key) && std::find(styles.begin(), styles.end(), style) == styles.end())
      styles.push_back(style);
  }
  std::vector<FaceId> out;
  out.reserve(styles.size());
  for (const auto& [weight, italic] : styles)
    out.push_back(find(family, weight, italic));
  return out;
}

FaceId FontRegistry::resolve(const FontRequest& request, Diagnostics& diags) {
  if (FaceId id = find(request.family, request.weight, request.italic); id >= 0)
    return id;
  for (const auto& family : fallback_) {
    if (FaceId id = find(family, request.weight, request.italic); id >= 0) {
      if (!warned_families_[request.family])
        diags.warning({}, "unknown font family '" + request.family + "', using '" + family + "'");
      warned_families_[request.family] = true;
      return id;
    }
  }
  // No fallback family is installed either: the first face found is better than nothing.
  if (!warned_families_[request.family])
    diags.warning({}, "unknown font family '" + request.family + "', using '" +
                          candidates_.front().family + "'");
  warned_families_[request.family] = true;
  return load(0);
}

std::uint32_t FontRegistry::nominal_glyph(FaceId id, char32_t cp) const {
  // The itemizer asks for every character of every paragraph, mostly the same few hundred:
  // remember the answers below U+2400 (Latin, Greek, Cyrillic, punctuation, currency).
  constexpr char32_t cached = 0x2400;
  std::uint32_t* slot = nullptr;
  if (cp < cached) {
    auto face = static_cast<std::size_t>(id);
    if (glyph_cache_.size() <= face)
      glyph_cache_.resize(face + 1);
    auto& table = glyph_cache_[face];
    if (table.empty())
      table.assign(cached, 0);
    slot = &table[cp];
    if (*slot != 0)
      return *slot - 1;
  }
  hb_codepoint_t glyph = 0;
  if (!hb_font_get_nominal_glyph(hb_font(id), cp, &glyph))
    glyph = 0;
  if (slot)
    *slot = glyph + 1;
  return glyph;
}

FaceId FontRegistry::fallback_for(char32_t cp, FaceId primary, const std::string& language) {
  auto key = std::make_tuple(cp, primary, language);
  if (auto it = fallback_cache_.find(key); it != fallback_cache_.end())
    return it->second;
  const FaceInfo like = info(primary);
  FaceId found = -1;
  for (const auto& family : fallback_) {
    FaceId id = find(family, like.weight, like.italic);
    if (id >= 0 && nominal_glyph(id, cp) != 0) {
      found = id;
      break;
    }
  }
  if (found < 0 && use_fontconfig_)
    found = fontconfig_face(cp, {like.generic, fontconfig_language(language), like.weight, like.italic, false});
  fallback_cache_[key] = found;
  return found;
}

namespace {

/// A letter typical of `script` (ICU's sample character: "a" for Latin, "Б" for Cyrillic), to
/// ask a face whether it has the script at all; 0 when ICU has none.
char32_t script_sample(hb_script_t script) {
  char name[5] = {};
  hb_tag_to_string(hb_script_to_iso15924_tag(script), name);
  UErrorCode err = U_ZERO_ERROR;
  UScriptCode codes[4];
  if (uscript_getCode(name, codes, 4, &err) < 1 || U_FAILURE(err)) return 0;
  UChar sample[4] = {};
  const int32_t n = uscript_getSampleString(codes[0], sample, 4, &err);
  if (U_FAILURE(err) || n < 1) return 0;
  if (n >= 2 && sample[0] >= 0xD800 && sample[0] < 0xDC00)
    return 0x10000 + ((char32_t(sample[0]) - 0xD800) << 10) + (char32_t(sample[1]) - 0xDC00);
  return sample[0];
}

} // namespace

FontRegistry::Coverage FontRegistry::coverage(const std::string& family, char32_t cp) {
  int faces = 0, drawing = 0;
  for (const auto& [weight, italic] : {std::pair{400, false}, {400, true}, {700, false}, {700, true}}) {
    const FaceId id = find(family, weight, italic);
    if (id < 0) continue;
    ++faces;
    drawing += nominal_glyph(id, cp) != 0;
  }
  return drawing == 0 ? Coverage::None : drawing == faces ? Coverage::All : Coverage::Some;
}

FaceId FontRegistry::script_face(FaceId primary, hb_script_t script, std::string* replaced) {
  const FaceInfo like = info(primary);
  const auto key = std::make_pair(family_key(like.family), script);
  auto it = script_family_.find(key);
  if (it == script_family_.end()) {
    const char32_t sample = script_sample(script);
    std::string chosen = like.family;
    const Coverage own = sample != 0 ? coverage(like.family, sample) : Coverage::All;
    if (own != Coverage::All) {
      chosen.clear();
      for (const auto& family : fallback_)
        if (coverage(family, sample) == Coverage::All) {
          chosen = family;
          // Worth saying only where the family has the script in some styles: a family without
          // it at all is ordinary fallback.
          if (replaced && own == Coverage::Some) *replaced = family;
          break;
        }
    }
    it = script_family_.emplace(key, chosen).first;
  }
  return it->second.empty() ? -1 : find(it->second, like.weight, like.italic);
}

FaceId FontRegistry::emoji_face(char32_t cp) {
  if (auto it = emoji_cache_.find(cp); it != emoji_cache_.end())
    return it->second;
  FaceId found = -1;
  for (const auto& family : fallback_) {
    FaceId id = find(family, 400, false);
    if (id >= 0 && color(id) && nominal_glyph(id, cp) != 0) {
      found = id;
      break;
    }
  }
  if (found < 0 && use_fontconfig_)
    found = fontconfig_face(cp, {"sans-serif", "", 400, false, true});
  emoji_cache_[cp] = found;
  return found;
}

FaceId FontRegistry::fontconfig_face(char32_t cp, const FontconfigAsk& ask) {
  // A face fontconfig gave for the same kind of text before is asked first: a Chinese article
  // has thousands of distinct characters, one face has them all, and sorting every installed
  // font for each of them would cost more than the typesetting.
  const auto kind = std::make_tuple(ask.generic, ask.language, ask.weight, ask.italic, ask.color);
  std::vector<FaceId>& given = fontconfig_given_[kind];
  for (FaceId id : given)
    if (nominal_glyph(id, cp) != 0) return id;

  FaceId found = -1;
  FcPattern* pattern = FcPatternCreate();
  FcCharSet* charset = FcCharSetCreate();
  FcCharSetAddChar(charset, cp);
  FcPatternAddCharSet(pattern, FC_CHARSET, charset);
  FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(ask.generic.c_str()));
  if (!ask.language.empty())
    FcPatternAddString(pattern, FC_LANG, reinterpret_cast<const FcChar8*>(ask.language.c_str()));
  FcPatternAddDouble(pattern, FC_WEIGHT, FcWeightFromOpenTypeDouble(ask.weight));
  // An italic is asked for, never made: a face without one (CJK has none) is set upright.
  FcPatternAddInteger(pattern, FC_SLANT, ask.italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  if (ask.color) FcPatternAddBool(pattern, FC_COLOR, FcTrue);
  FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  FcFontSet* set = FcFontSort(nullptr, pattern, FcTrue, nullptr, &result);
  for (int i = 0; set && i < set->nfont && found < 0; ++i) {
    FcPattern* font = set->fonts[i];
    FcCharSet* has = nullptr;
    FcChar8* file = nullptr;
    if (FcPatternGetCharSet(font, FC_CHARSET, 0, &has) != FcResultMatch ||
        !FcCharSetHasChar(has, cp) || FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch)
      continue;
    int index = 0;
    FcPatternGetInteger(font, FC_INDEX, 0, &index);
    std::filesystem::path path(reinterpret_cast<const char*>(file));
    for (size_t c = 0; c < candidates_.size() && found < 0; ++c) {
      if (candidates_[c].path == path && candidates_[c].index == index)
        found = load(c);
    }
    if (found < 0) {
      size_t before = candidates_.size();
      scan_file(path, "", -1, -1);
      for (size_t c = before; c < candidates_.size() && found < 0; ++c) {
        if (candidates_[c].index == index)
          found = load(c);
      }
    }
    if (found >= 0 && (nominal_glyph(found, cp) == 0 || (ask.color && !color(found))))
      found = -1;
  }
  if (set)
    FcFontSetDestroy(set);
  FcCharSetDestroy(charset);
  FcPatternDestroy(pattern);
  if (found >= 0 && std::find(given.begin(), given.end(), found) == given.end())
    given.push_back(found);
  return found;
}

std::vector<FaceInfo> FontRegistry::faces() const {
  std::vector<FaceInfo> out;
  out.reserve(loaded_.size());
  for (const auto& l : loaded_)
    out.push_back(l.info);
  return out;
}

} // namespace galley::text
