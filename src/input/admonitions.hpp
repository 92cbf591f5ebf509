#pragma once
// Fenced blocks that site generators and pandoc add to Markdown, which cmark-gfm reads as
// plain paragraphs:
//
//   :::note                 Docusaurus admonition (also `:::tip[Title]`, `:::tip Title`)
//   Text.
//   :::
//
//   ::: {.sidebar}          pandoc fenced div (`::: name` too)
//   Text.
//   :::
//
//   > [!NOTE]               GitHub alert
//   > Text.
//
// Admonitions and alerts become a quote that opens with their title in bold ("Note", "Tip",
// or the title given); any other div is unwrapped. The fences never print.
#include "galley/model.hpp"

namespace galley::input {

/// Turns the fenced blocks and alerts in `blocks`, and in every container below, into the
/// model's blocks.
void resolve_admonitions(model::Blocks& blocks);

} // namespace galley::input
