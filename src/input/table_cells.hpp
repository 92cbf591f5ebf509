#pragma once
// The cells of a GFM table row as written. cmark-gfm keeps only as many cells as the header has
// and drops the others (GFM spec, "Tables": "the excess is ignored"); the reader reads such a
// row again, alone, to keep them.
#include "input/cmark_doc.hpp"

#include <string_view>

namespace galley::input {

/// The table row `line` parsed on its own (as parse_markdown() with `smart` parses) as the
/// header row of a table, with every cell it has as cmark-gfm splits them (an escaped pipe does
/// not separate cells; a pipe in a code span does). The document's first child is that table;
/// null when the line is no table row.
CmarkDoc row_as_table(std::string_view line, bool smart);

} // namespace galley::input
