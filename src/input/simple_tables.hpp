#pragma once
// pandoc's simple tables: a header line, a line of dash groups under it (one group per column),
// rows up to a blank line, and an optional caption paragraph after it that starts with `:` or
// `Table:`. cmark-gfm reads the dashes as a thematic break and the rest as paragraphs; galley
// writes such a table again as a GFM pipe table, line for line, and parses the body again.
#include <cmark-gfm.h>

#include <string>

namespace galley::input {

/// Rewrites, in `body` (the text `doc` was parsed from), each simple table at the top level of
/// `doc` as a pipe table on the same lines, columns aligned as pandoc aligns them (from where
/// the header's text sits over its dashes), and drops the `:` or `Table:` of its caption.
/// Returns whether it rewrote anything.
bool rewrite_simple_tables(cmark_node* doc, std::string& body);

} // namespace galley::input
