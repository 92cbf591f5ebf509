#pragma once
// The EPUB 3 writer: turns the article model and a resolved style into the bytes of an .epub
// file (EPUB 3.3 OCF container, package document, XHTML content documents, nav, NCX and CSS).
#include "galley/diagnostics.hpp"
#include "galley/model.hpp"
#include "galley/style.hpp"
#include "text/engine.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace galley::epub {

struct EpubMemo; // epub/memo.hpp

struct EpubOptions {
  /// Seconds since 1970 for dcterms:modified and the zip timestamps, as the caller decided it
  /// for every output of the run (render::output_epoch); 0 is 1970-01-01 like any other value.
  /// Zip entries cannot be stamped before 1980 and are clamped to it (zip.cpp).
  std::int64_t date_epoch = 0;
  bool embed_fonts = false; ///< also on when style.epub.embed_fonts
  /// Where the style's font families are found: the options the PDF's text engines get
  /// (render.cpp makes both from the style: the bundled fonts/ folder and the style's
  /// `fonts.faces`), so that a family stands for the same files in both outputs.
  text::EngineOptions fonts;
  /// Where the pages of the PDF edition begin (render::RenderOptions::print_pages); empty: no
  /// page-list.
  std::vector<model::PrintPage> print_pages;
  unsigned threads = 1; ///< the container's entries are deflated on this many threads
  /// What an earlier write made (epub/memo.hpp), taken where it is the same, and left filled
  /// with what this write makes. Null: everything is made.
  EpubMemo* memo = nullptr;
  /// With a memo: the fingerprints of the issue's articles (render::RenderOptions), which its
  /// documents are kept by; an empty one, or an article past the end, is digested.
  std::vector<std::string> article_fingerprints;
  /// With a memo: the style as style::dump_style prints it (render::RenderOptions::style_text);
  /// empty: printed here.
  std::string style_text;
  /// For an issue whose articles may come without their blocks
  /// (render::RenderOptions::article_blocks): article i whole, asked for only when its
  /// document is not taken from the memo. Null: every article of the issue is whole.
  std::function<const model::Article&(std::size_t)> whole;
};

/// A face the book embeds, declared under the family name the style uses.
struct EmbeddedFace {
  std::string family;
  text::FaceInfo face;
};

/// The faces write_epub embeds when fonts are embedded: for each family of the style's roles
/// (body, headings, captions, code, notes), every weight and style the font service has a face
/// for, as it resolves them. A family it does not know is a warning.
std::vector<EmbeddedFace> font_faces(const style::Style& style, const EpubOptions& options,
                                     Diagnostics& diags);

/// Builds the whole EPUB in memory. Problems (missing image, undefined note, unsafe raw HTML)
/// go to diags with file:line:col; the caller writes nothing when diags.has_errors().
/// Identical input and options give byte-identical output. `font_files`, when given, gets the
/// font files the book embeds subsets of, in the order embedded.
std::string write_epub(const model::Issue& issue, const style::Style& style,
                       const EpubOptions& options, Diagnostics& diags,
                       std::vector<std::string>* font_files = nullptr);

/// The style sheet the book carries (exposed for tests and for tools/screenshot): sizes in em
/// relative to the body size, unitless line heights, then `style.epub.extra_css`.
/// `font_faces` holds the @font-face rules of embedded fonts (may be empty).
std::string generate_css(const style::Style& style, const std::string& font_faces);

} // namespace galley::epub
