#pragma once
// One notes model for GFM footnotes and front-matter sources (model.hpp, "notes").
#include "input/draft.hpp"

namespace galley::input {

/// The paragraph a source note shows: "Publisher, “Title”, April 27, 2026, <url>" (parts that
/// are missing are left out; the url is a link); a plain-string source shows its text.
model::Blocks format_source(const model::Source& source, bool plain, const SourceLoc& loc);

/// Resolves note references against footnotes and sources and numbers the notes: referenced
/// notes 1..n by first reference (body first, then notes cited from notes), then sources never
/// cited, in front-matter order. Reports references with no note (error), footnotes never
/// referenced (warning; they are dropped) and duplicate ids (error).
void resolve_notes(ArticleDraft& draft, const ArticleContext& ctx, Diagnostics& diags);

} // namespace galley::input
