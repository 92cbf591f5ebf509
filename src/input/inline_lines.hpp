#pragma once
// A paragraph's inlines as the source lines they came from: the passes that read Markdown
// syntax cmark-gfm does not know (definition lists, admonition fences) work line by line.
#include "galley/model.hpp"

#include <vector>

namespace galley::input {

/// `content` cut at its soft line breaks (the breaks themselves dropped); one empty line for
/// empty content.
std::vector<model::Inlines> lines_of(const model::Inlines& content);

} // namespace galley::input
