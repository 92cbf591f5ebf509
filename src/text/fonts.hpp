#pragma once
// The font service both outputs resolve fonts with: which face files exist (scanned with
// FreeType, collections included), which of them a family, weight and style resolve to, and
// which face covers a character the requested one lacks (the fallback families first, then
// fontconfig). The text engine shapes with it for the PDF; the EPUB asks it which files to embed,
// so a family resolves to the same files in both (docs/architecture.md, "Where each shared
// policy lives").
#include "text/engine.hpp"
#include "text/hb_handles.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace galley::text {

class FontRegistry {
public:
  explicit FontRegistry(const EngineOptions& options);
  ~FontRegistry();
  FontRegistry(const FontRegistry&) = delete;
  FontRegistry& operator=(const FontRegistry&) = delete;

  /// Nearest face of the requested family; the first fallback family (with a warning, once per
  /// family) when the family is unknown.
  FaceId resolve(const FontRequest& request, Diagnostics& diags);
  /// Nearest face of `family`, or -1 when no face of that family is known.
  FaceId find(const std::string& family, int weight, bool italic);
  /// Every weight and style of `family` there is a face for, each as the face find() gives for
  /// exactly that weight and style, in the order the faces were found; empty when the family is
  /// unknown.
  std::vector<FaceId> family_faces(const std::string& family);

  /// Glyph id of `cp` in the face's cmap, 0 when the face lacks it.
  std::uint32_t nominal_glyph(FaceId id, char32_t cp) const;
  /// The face that should draw `cp` when `primary` lacks it: the fallback families in order
  /// (nearest weight and style to `primary`), then fontconfig when allowed, asked for the same
  /// generic family, weight and style, and for `language` (BCP 47: Chinese, Japanese and Korean
  /// get their own forms of Han characters); -1 when none has it.
  FaceId fallback_for(char32_t cp, FaceId primary, const std::string& language);
  /// Whether the face draws in colour (OpenType CBDT, sbix or COLR tables: emoji fonts).
  bool color(FaceId id) const { return loaded_[static_cast<size_t>(id)].color; }
  /// The colour face that should draw `cp`, an emoji in emoji presentation (UTS #51): the first
  /// fallback family with a colour face that has it, then fontconfig's colour fonts when
  /// allowed; -1 when none has it.
  FaceId emoji_face(char32_t cp);
  /// The face for letters of `script` in text that asks for `primary`: `primary` when its family
  /// draws the script in each of its regular, italic, bold and bold italic faces; otherwise the
  /// nearest face (to primary's weight and style) of the first fallback family that does, so that
  /// one script keeps one design across weights and styles (Russian in EB Garamond, whose bold
  /// lacks Cyrillic, is set in Gentium Plus throughout). -1 when no family does. The first time a
  /// family is replaced for a script, `replaced` gets the chosen family's name.
  FaceId script_face(FaceId primary, hb_script_t script, std::string* replaced);

  hb_font_t* hb_font(FaceId id) const { return loaded_[static_cast<size_t>(id)].font.get(); }
  const FaceInfo& info(FaceId id) const { return loaded_[static_cast<size_t>(id)].info; }
  std::vector<FaceInfo> faces() const;
  std::size_t face_count() const { return loaded_.size(); }

private:
  struct Loaded {
    FaceInfo info;
    HbFontPtr font;
    bool color = false; ///< see color()
  };
  void scan_file(const std::filesystem::path& path, const std::string& family_override,
                 int weight_override, int italic_override);
  FaceId load(size_t candidate);
  FaceId find_uncached(const std::string& family, int weight, bool italic);
  /// What fontconfig is asked for besides the character.
  struct FontconfigAsk {
    std::string generic;  ///< FaceInfo::generic of the face asked for
    std::string language; ///< fontconfig's form ("zh-cn", "ko"); empty for any
    int weight = 400;
    bool italic = false;
    bool color = false; ///< colour faces only (emoji)
  };
  /// fontconfig's best installed face for `cp` (FcFontSort), or -1.
  FaceId fontconfig_face(char32_t cp, const FontconfigAsk& ask);
  /// Which of the family's regular, italic, bold and bold italic faces have `cp`.
  enum class Coverage { None, Some, All };
  Coverage coverage(const std::string& family, char32_t cp);

  bool use_fontconfig_ = true;
  std::vector<std::string> fallback_;
  std::vector<FaceInfo> candidates_;           ///< every face file found, in scan order
  std::map<size_t, FaceId> loaded_candidates_; ///< candidate index -> face id
  std::vector<Loaded> loaded_;                 ///< indexed by FaceId
  std::map<std::string, bool> warned_families_;
  std::map<std::tuple<char32_t, FaceId, std::string>, FaceId> fallback_cache_;
  /// Faces fontconfig gave, per kind of request (generic, language, weight, italic, colour), in
  /// the order given: asked first for the next character of the same kind.
  std::map<std::tuple<std::string, std::string, int, bool, bool>, std::vector<FaceId>> fontconfig_given_;
  std::map<char32_t, FaceId> emoji_cache_;
  /// script_face() decisions: (family key, script) -> the family that sets it ("" for none)
  std::map<std::pair<std::string, hb_script_t>, std::string> script_family_;
  /// nominal_glyph() answers per face for low code points, glyph + 1 (0: not asked yet)
  mutable std::vector<std::vector<std::uint32_t>> glyph_cache_;
  /// find() answers: request -> (candidates there were, face)
  std::map<std::tuple<std::string, int, bool>, std::pair<size_t, FaceId>> find_cache_;
};

} // namespace galley::text
