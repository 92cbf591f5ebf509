#pragma once
// JATS 1.x journal articles (NISO Z39.96, the Journal Article Tag Suite), read with pugixml.
// docs/input.md, "JATS", lists what is read and what is left out.
#include "input/draft.hpp"
#include "input/xml_document.hpp"

namespace galley::input {

/// Whether the document is JATS: an `<article>` root with one of the marks a JATS article
/// carries and a galley one never does: a DOCTYPE whose public id names JATS or the NLM DTDs
/// it grew from, a `dtd-version` attribute, or a `<front>` child.
bool is_jats(const XmlDocument& xml);

/// Reads a JATS article into `draft`. A DOCTYPE (JATS's public id) is accepted and ignored.
bool read_jats(const XmlDocument& xml, const ArticleContext& ctx, ArticleDraft& draft,
               Diagnostics& diags);

} // namespace galley::input
