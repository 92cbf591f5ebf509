#pragma once
// The glyphs a page's items draw, each once, with the text the PDF's ToUnicode maps give it
// (docs/pdf.md, "Fonts"). The writer gathers them over every page of a document before it
// subsets the fonts; an issue draws over a million glyphs, and a rebuild after one article
// changed walked them all again, for pages it otherwise took whole from the layout cache and its
// streams from the stream memo. A summary made when the page is laid out, and kept with it in the
// layout cache, is a few hundred entries to merge instead of some thousands of glyphs to walk.
#include "layout/glyph_list.hpp"
#include "util/hash.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace galley::layout {

class GlyphSummary {
public:
  /// A glyph of a font, and its text: the first non-empty text the page's runs give it, or
  /// empty when they give none. Fonts are the runs' font indices.
  struct Glyph {
    std::int32_t font = 0;
    std::uint32_t id = 0;
    std::uint32_t text_at = 0, text_size = 0; ///< in texts()
  };

  /// Whether the summary was made: a page set otherwise (an issue's cover and contents, a
  /// blank page) has none, and its runs are walked.
  [[nodiscard]] bool made() const { return made_; }
  [[nodiscard]] const std::vector<Glyph>& glyphs() const { return glyphs_; }
  [[nodiscard]] std::string_view text(const Glyph& g) const {
    return std::string_view(texts_).substr(g.text_at, g.text_size);
  }

  /// Starts a made summary, empty.
  void start();
  /// Adds a glyph after those added before; returns its index in glyphs().
  std::uint32_t add(std::int32_t font, std::uint32_t id, std::string_view text);
  /// Gives glyph `index` the text `text` when it has none yet.
  void fill(std::uint32_t index, std::string_view text);
  /// The digest of the page's runs' glyphs (GlyphList::bytes, one run after another): a page's
  /// stream key (pdf/content_key.hpp) takes it rather than digesting some 50 KB of glyphs, which
  /// a rebuild of an issue whose pages it takes from the layout cache then never reads.
  [[nodiscard]] const Digest128& runs_digest() const { return runs_digest_; }
  void set_runs_digest(const Digest128& digest) { runs_digest_ = digest; }
  /// Renames each glyph's font f to `to(f)`, as the join renames its runs' fonts: the pages of
  /// every article get one list of fonts.
  template <class To> void rename_fonts(const To& to) {
    for (Glyph& g : glyphs_)
      g.font = to(g.font);
  }

  /// The glyphs as bytes (16 each, little-endian) and the texts, as the layout cache keeps them.
  [[nodiscard]] std::string glyph_bytes() const;
  [[nodiscard]] const std::string& texts() const { return texts_; }
  /// A made summary from glyph_bytes(), texts() and runs_digest(); nullopt when the bytes are
  /// not whole glyphs or a glyph's text lies outside `texts`.
  static std::optional<GlyphSummary> from_bytes(std::string_view glyphs, std::string texts,
                                                const Digest128& runs_digest);

private:
  bool made_ = false;
  std::vector<Glyph> glyphs_;
  std::string texts_;
  Digest128 runs_digest_;
};

} // namespace galley::layout
