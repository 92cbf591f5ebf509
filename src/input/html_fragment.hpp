#pragma once
// HTML in Markdown, parsed by gumbo (an HTML5 parser): a whole HTML block becomes model blocks,
// and a single tag between Markdown inlines is read for its name and attributes.
#include "input/html_elements.hpp"
#include "input/nesting.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace galley::input::html {

/// One tag as cmark-gfm gives an inline HTML node.
struct Tag {
  std::string name;  ///< lower case; empty when HTML does not allow the tag here (`<td>`)
  std::string shown; ///< as written, for messages (`Tabs` for a JSX component)
  Attributes attrs;
  bool known = true; ///< an element of HTML, not a component of JSX or of a site generator
  bool closing = false;
  bool self_closing = false; ///< written `<x/>`, as JSX closes an element
};

/// The tag in `raw`, or nullopt for what is not a tag: comments, `<!DOCTYPE>`, `<?...?>`,
/// CDATA sections.
std::optional<Tag> parse_tag(std::string_view raw);

/// Maps parsed HTML to blocks and inlines, reporting every element it leaves out at its place
/// in the Markdown file.
class FragmentReader {
public:
  FragmentReader(NestingGuard& nesting, Diagnostics& diags) : nesting_(nesting), diags_(diags) {}

  /// The blocks of an HTML block whose first character is at `at`.
  model::Blocks blocks(std::string_view html, const SourceLoc& at);

private:
  struct Walk;
  NestingGuard& nesting_;
  Diagnostics& diags_;
};

} // namespace galley::input::html
