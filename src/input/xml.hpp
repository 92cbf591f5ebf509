#pragma once
// galley's XML article format (docs/galley-article.rng, docs/input.md), read with pugixml.
// Parsing, and the refusal of DOCTYPEs that declare entities, is xml_document.hpp's.
#include "input/draft.hpp"
#include "input/xml_document.hpp"

namespace galley::input {

/// Whether `xml` is a galley XML article: its root is `<article>` (the JATS reader, before this
/// one in the table of readers, claims the JATS ones).
bool is_galley_xml(const XmlDocument& xml);

/// Reads a parsed galley XML article into `draft`; a DOCTYPE is ignored with a warning.
bool read_galley_xml(const XmlDocument& xml, const ArticleContext& ctx, ArticleDraft& draft,
                     Diagnostics& diags);

} // namespace galley::input
