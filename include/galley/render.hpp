#pragma once
// The library's front door: load inputs, resolve the style, render PDF or EPUB bytes in memory.
// The command line and programs linking libgalley call these; nothing here prints or exits.
#include "galley/diagnostics.hpp"
#include "galley/limits.hpp"
#include "galley/model.hpp"
#include "galley/pdf_standard.hpp"
#include "galley/style.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace galley::render {

enum class Format { Pdf, Epub };

std::string_view format_extension(Format f); ///< "pdf", "epub"

struct RenderOptions {
  /// Style name or path; empty means the issue's `style:` or else the default (dispatch).
  std::string style;
  /// Seconds since the epoch for every date the output records. When unset, the date comes
  /// from the input (issue or article date), never from the clock.
  std::optional<std::int64_t> source_date_epoch;
  /// Folders images and articles may come from besides the input's own folder (--allow-path).
  std::vector<std::filesystem::path> allowed_roots;
  /// Folders a site-root image path (`/images/x.png`) is looked up in, in order
  /// (--resource-path); each is also allowed as a root.
  std::vector<std::filesystem::path> resource_paths;
  /// EPUB: embed subset fonts.
  bool embed_fonts = false;
  /// Ask fontconfig for system fonts when the bundled ones lack a character.
  bool system_fonts = true;
  /// How many threads may work at once on loading a manifest's articles and on a PDF (articles
  /// of an issue, each with its own text engine; the PDF's fonts and pages), taken from the
  /// process's thread pool (a pool of the library's own). The output does not depend on it.
  unsigned threads = 1;
  /// What no input may go past (galley/limits.hpp); each is raised with a --max-* option.
  Limits limits;
  /// PDF: the standards the file conforms to and claims (--pdf-standard).
  PdfStandard pdf_standard;
  /// PDF: a folder where each article of an issue is kept laid out, to be joined again
  /// unchanged when the article, the style, the fonts and these options are (docs/ci.md,
  /// "Incremental builds"); empty: every article is laid out. The folder is trusted as the
  /// inputs are.
  std::filesystem::path cache_dir;
  /// With a cache_dir: the fingerprints of the issue's articles, in order, as load() gave them,
  /// so that an article's keys in that folder (its pages in the PDF, its document in the EPUB)
  /// do not digest everything it holds again (for an issue of a hundred unchanged articles,
  /// most of the time its keys took). An empty entry, or an article past the end, is digested.
  /// They stand for the articles as load() returned them: a caller that changes an article
  /// empties its entry.
  std::vector<std::string> article_fingerprints;
  /// With article_fingerprints, for the galley program, whose loader leaves the blocks of an
  /// article it took from the cache folder encoded (model::encode_blocks) and the article's
  /// model without them: those blocks, in article order, an empty entry for an article that
  /// is whole. They are decoded only where something reads them: when the article is laid out
  /// or its EPUB document made again, not when its pages and document come from the folder.
  /// Views of the caller's bytes, which outlive the render.
  std::vector<std::string_view> article_blocks;
  /// With article_blocks: the files of each article (render::article_files), which a model
  /// without its blocks cannot give; an empty entry, or an article past the end, is walked.
  std::vector<std::vector<std::filesystem::path>> article_files;
  /// With a cache_dir: the resolved style as `galley styles show` prints it
  /// (style::dump_style), when the caller has it, for the keys in that folder; empty: printed
  /// where a key needs it (a millisecond, before the articles are laid out). It stands for the
  /// style render() is given.
  std::string style_text;
  /// EPUB: where the pages of the printed edition begin (Rendered::print_pages of the PDF
  /// rendered from the same issue and style). When given, the book marks each page's start
  /// (epub:type pagebreak), lists them in a page-list and names the PDF edition as its source.
  std::vector<model::PrintPage> print_pages;
  /// PDF: called with what Rendered::print_pages will hold as soon as the pages are known,
  /// before the PDF is written, so an EPUB of the same issue can be made meanwhile. Not called
  /// when laying the issue out failed. May be empty.
  std::function<void(const std::vector<model::PrintPage>&)> on_print_pages;
  /// PDF: called once every article is laid out (or taken from cache_dir), before they are
  /// joined and the PDF is written, which keep only one thread busy: a caller that held other
  /// work back to leave the layout every thread can start it then. Not called when rendering
  /// fails first. May be empty.
  std::function<void()> on_laid_out;
};

/// Loads articles or one manifest into an issue (see input::load_inputs). With a cache_dir, a
/// manifest's articles are kept there read, and one whose files are unchanged is taken from
/// there rather than read again (docs/ci.md, "Incremental builds"). `fingerprints`, when given,
/// gets what RenderOptions::article_fingerprints takes: for each article of the issue, its
/// fingerprint when it came from the cache folder, else an empty string.
std::optional<model::Issue> load(const std::vector<std::filesystem::path>& inputs,
                                 const RenderOptions& options, Diagnostics& diags,
                                 std::vector<std::string>* fingerprints = nullptr);

/// An article held in memory (a CMS's own text) rather than in a file.
struct ArticleText {
  std::string bytes; ///< the article as a file would hold it (Markdown, galley XML, NITF, ...)
  /// What diagnostics call it; its extension picks the reader as a file's would ("story.md").
  std::string name;
  /// Where its relative image paths start, and the first folder images may come from.
  std::filesystem::path base_dir;
};

/// Loads articles held in memory into an issue, as load() loads article files: one is an
/// article book, several a collection named after the first.
std::optional<model::Issue> load_texts(const std::vector<ArticleText>& articles,
                                       const RenderOptions& options, Diagnostics& diags);

/// Checks an issue a program built itself, as the loaders check what they read: every article
/// has a title, every note reference its note, every picture a readable file within the
/// limits; notes and limits as `load` enforces them. False when it found errors (in `diags`).
bool validate(const model::Issue& issue, const RenderOptions& options, Diagnostics& diags);

/// The style an issue asks for, with the option taking precedence. A style named by the
/// manifest resolves relative to the manifest's folder when it is a path, and must stay inside
/// that folder or an allowed one (an error otherwise, and the defaults are returned).
style::Style resolve_style(const model::Issue& issue, const RenderOptions& options,
                           Diagnostics& diags);

/// The date every output of `issue` records: SOURCE_DATE_EPOCH if given, else the issue's or
/// the first article's date at 00:00 UTC, else 0 (1970-01-01).
std::int64_t output_epoch(const model::Issue& issue, const RenderOptions& options);

struct Rendered {
  std::string bytes;
  int pages = 0; ///< PDF pages; for EPUB, the number of content documents
  /// PDF: where each page of each article begins in the text, in page order; for
  /// RenderOptions::print_pages of the EPUB of the same issue.
  std::vector<model::PrintPage> print_pages;
  /// The font files the output is set with (PDF) or embeds (EPUB), each once, sorted. With
  /// system fonts these include faces fontconfig found, which no file of the input names: a
  /// cache of outputs checks them before it uses one.
  std::vector<std::string> font_files;
};

/// Renders in memory. Returns nullopt when the input has errors (reported to diags); never
/// writes files. Throws galley::Error on internal failure.
std::optional<Rendered> render(const model::Issue& issue, const style::Style& style, Format format,
                               const RenderOptions& options, Diagnostics& diags);

} // namespace galley::render
