#pragma once
// Attributes at the end of a heading line: pandoc's and kramdown's `{#id .class key=value}` and
// MDX's comment `{/* ... */}`. They set the heading's id or are dropped, and never print.
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace galley::input {

/// A heading's lines in the body, 1-based: one for an ATX heading; for a setext heading its
/// text and its underline (and, as cmark-gfm counts them, blank lines after it).
struct HeadingLines {
  int first = 0;
  int last = 0;
};

/// For each heading, when its text's last line ends in an attribute block, overwrites the block
/// with spaces in `body` (so every other column stays where it was) and records the heading by
/// its first line. The value is the id the block gives: `#id` in pandoc's form, or the comment's
/// text when it is one word (`{/*id*/}`, as MDX sites write ids); empty when the block gives
/// none (classes only, a comment of several words).
std::map<int, std::string> blank_heading_attributes(std::string& body,
                                                    const std::vector<HeadingLines>& headings);

} // namespace galley::input
