#pragma once
// Definition lists as pandoc's Markdown writes them (`definition_lists` extension):
//
//     Term                      Term
//     : Definition              : Definition, tight
//                               ~ Another definition
//     Next term
//
//     :   Definition, loose
//
// cmark-gfm has no such syntax and reads them as paragraphs whose lines begin with `: ` or
// `~ `; this pass turns those paragraphs into model::DefinitionList.
#include "galley/model.hpp"

namespace galley::input {

/// Gathers definition lists in `blocks` and every container below them.
void gather_definition_lists(model::Blocks& blocks);

} // namespace galley::input
