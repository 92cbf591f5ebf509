#pragma once
// NITF 3.x news articles (IPTC, News Industry Text Format), read with pugixml. docs/input.md,
// "NITF", lists what is read and what is left out.
#include "input/draft.hpp"
#include "input/xml_document.hpp"

namespace galley::input {

/// Whether the document is NITF: its root element is `<nitf>`.
bool is_nitf(const XmlDocument& xml);

/// Reads a NITF document into `draft`. A DOCTYPE (NITF's public id) is accepted and ignored.
bool read_nitf(const XmlDocument& xml, const ArticleContext& ctx, ArticleDraft& draft,
               Diagnostics& diags);

} // namespace galley::input
