#pragma once
// The table of article readers: each format galley reads, the extensions that name it and, for
// the XML formats, how a parsed document shows it is one; for a binary format (DOCX), how its
// bytes show it. Adding a format is a reader, a row here (readers.cpp) and its section in
// docs/input.md.
#include "input/draft.hpp"
#include "input/xml_document.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace galley::input {

struct Reader {
  std::string_view name;                    ///< as messages name the format ("NITF")
  std::string_view root;                    ///< the XML root element it reads; "" for Markdown
  std::vector<std::string_view> extensions; ///< lower case, with the dot
  /// Text between elements that is only white space is text: a format for running text, whose
  /// phrases sit side by side (`<em>a</em> <strong>b</strong>`). galley XML reads it as layout.
  bool keeps_white_space = false;
  /// Whether a parsed document is in this format; null for Markdown, which is not XML.
  bool (*claims)(const XmlDocument&) = nullptr;
  /// Reads a document this reader claims (Markdown gets a null `xml`; the text may be changed:
  /// a pandoc title block is blanked; a binary format gets the file's bytes and a null `xml`).
  /// False when nothing usable was read.
  bool (*read)(std::string& text, const XmlDocument* xml, const ArticleContext& ctx,
               ArticleDraft& draft, Diagnostics& diags) = nullptr;
  /// Set for a binary format: whether a file's bytes are in it. Its reader takes the bytes as
  /// they are, without the checks that make them text.
  bool (*claims_bytes)(std::string_view bytes) = nullptr;
  /// For a format that is not XML but shows itself in its first characters (HTML, JSON): whether
  /// `text` is in it. Asked, in table order, of a file whose extension no reader owns.
  bool (*sniffs)(std::string_view text) = nullptr;
};

/// Every reader, in the order they are asked: the first XML reader that claims a document
/// reads it.
const std::vector<Reader>& readers();

/// The binary format's reader for a file with this extension (lower case, with the dot) and
/// these bytes: the one that owns the extension (`.docx`), else, when no reader owns it, the
/// first that claims the bytes. Null when the file is to be read as text.
const Reader* binary_reader(const std::string& extension, std::string_view bytes);

/// Reads an article's text with the reader chosen by `extension` (lower case, with the dot) and
/// content: an extension one reader owns (`.md`, `.html`, `.json`, `.nitf`, `.nxml`) picks it;
/// any other extension picks the first reader that sniffs the text (HTML, JSON); `.xml`, and
/// any other extension whose text starts like XML, picks the first XML reader that claims the
/// parsed document; everything else is Markdown. False when the document is unusable (not well
/// formed, refused DOCTYPE, a root no reader takes), with the reason in `diags`.
bool read_article_text(std::string& text, const std::string& extension, const ArticleContext& ctx,
                       ArticleDraft& draft, Diagnostics& diags);

} // namespace galley::input
