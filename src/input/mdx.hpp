#pragma once
// MDX files (Markdown with JSX, as Docusaurus and other site generators write them) open with
// JavaScript module statements: `import Tabs from '@theme/Tabs';`, `export const x = 1;`.
// They mean nothing on a page; this pass takes them out of the body.
#include "galley/model.hpp"

#include <string_view>

namespace galley::input {

/// Drops the paragraphs at the start of the body that are module statements. In an `.mdx`
/// file a paragraph whose first line is an `import` or `export` goes whole (a statement may run
/// over several lines); elsewhere each of its lines must be a statement.
void drop_mdx_statements(model::Blocks& blocks, std::string_view file);

} // namespace galley::input
