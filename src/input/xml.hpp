#pragma once
// galley's XML article format (docs/galley-article.rng, docs/input.md), read with pugixml.
// No DTD is ever read and no entity is ever expanded: a DOCTYPE that declares entities is
// refused outright.
#include "input/draft.hpp"

#include <string_view>

namespace galley::input {

/// Reads the article text into `draft`. Returns false when the document is unusable (not well
/// formed, refused DOCTYPE, wrong root element); the reason is in `diags`.
bool read_xml(std::string_view text, const ArticleContext& ctx, ArticleDraft& draft,
              Diagnostics& diags);

} // namespace galley::input
