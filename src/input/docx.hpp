#pragma once
// The DOCX reader: Word documents (and those Google Docs, LibreOffice and pandoc save as .docx)
// read from their package into the article model. docs/input.md, "DOCX", maps each construct.
#include "input/draft.hpp"

#include <string_view>

namespace galley::input {

/// Whether `bytes` are a DOCX package: a zip holding `[Content_Types].xml` and
/// `word/document.xml`.
bool is_docx(std::string_view bytes);

/// Reads the DOCX in `bytes` into `draft`. False, after one error at the file, when it is no
/// readable DOCX (not a zip, no document part, a corrupt or oversized part).
bool read_docx(std::string_view bytes, const ArticleContext& ctx, ArticleDraft& draft,
               Diagnostics& diags);

} // namespace galley::input
