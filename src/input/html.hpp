#pragma once
// Raw HTML in Markdown. cmark-gfm keeps HTML as written: whole HTML blocks, and single tags
// between inlines (`a <sup>2</sup> b` is a tag, the text 2, a tag). This pass parses both with
// gumbo and puts model nodes in their place, so no raw HTML is left in a Markdown article.
#include "galley/diagnostics.hpp"
#include "galley/model.hpp"

namespace galley::input {

/// Replaces the RawBlock and RawInline nodes of `article` (body and notes) with what they
/// mean; every element left out is a warning at its place. Nesting deeper than `max_nesting`
/// is left out with an error, as the Markdown reader does.
void resolve_html(model::Article& article, int max_nesting, Diagnostics& diags);

} // namespace galley::input
