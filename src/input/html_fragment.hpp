#pragma once
// HTML in Markdown, parsed by gumbo (an HTML5 parser): a whole HTML block becomes model blocks,
// and a single tag between Markdown inlines is read for its name and attributes.
#include "input/html_elements.hpp"
#include "input/nesting.hpp"

#include <gumbo.h>

#include <memory>
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

struct OutputDeleter {
  // The options only name the deallocator, the same in every options struct used here.
  void operator()(GumboOutput* out) const { gumbo_destroy_output(&kGumboDefaultOptions, out); }
};
using Parsed = std::unique_ptr<GumboOutput, OutputDeleter>;

/// `html` parsed by gumbo, keeping none of its error list.
Parsed parse_html(std::string_view html);

/// HTML's ASCII white space (HTML Living Standard, 2.3.1): space, tab, line feed, carriage
/// return and form feed.
inline bool is_html_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/// True for an element node (a <template> is one too).
bool is_element(const GumboNode* n);
/// The element's name in lower case (an unknown element's as written, lowered).
std::string tag_name(const GumboNode* n);
Attributes attributes_of(const GumboNode* n);

/// What a whole page changes in the mapping of its elements (html_article.cpp): the page's
/// furniture is left out, note references and pictures are its own. Asked of every element.
class PageHooks {
public:
  virtual ~PageHooks() = default;
  /// True for an element to leave out with its content, without a warning.
  virtual bool leave_out(const GumboNode* n) const = 0;
  /// The inline an element stands for instead of its usual mapping (a note reference).
  virtual std::optional<model::Inline> replace(const GumboNode* n, const SourceLoc& loc) const = 0;
  /// The image an <img> shows (its srcset or its <picture> may offer a better file).
  virtual model::Inline image(const GumboNode* img, const SourceLoc& loc) const = 0;
};

/// Maps parsed HTML to blocks and inlines, reporting every element it leaves out at its place
/// in the Markdown file.
class FragmentReader {
public:
  FragmentReader(NestingGuard& nesting, Diagnostics& diags) : nesting_(nesting), diags_(diags) {}

  /// The blocks of an HTML block whose first character is at `at`.
  model::Blocks blocks(std::string_view html, const SourceLoc& at);

  /// Parses `html` (whose first character is at `at`) as an HTML5 parser does, once markup
  /// nested far past the limit is cut off (with an error).
  Parsed parse(std::string_view html, const SourceLoc& at);

  /// The blocks of the children of `parent`, an element of a document parsed from text whose
  /// first character is at `at`, with a page's `hooks` (may be null).
  model::Blocks blocks(const GumboNode* parent, const SourceLoc& at, const PageHooks* hooks);

  /// The inlines of the children of `parent`, trimmed as a paragraph's.
  model::Inlines inlines(const GumboNode* parent, const SourceLoc& at, const PageHooks* hooks);

  /// Where node `n` of a document parsed from text starting at `at` begins.
  static SourceLoc location(const GumboNode* n, const SourceLoc& at);

private:
  struct Walk;
  NestingGuard& nesting_;
  Diagnostics& diags_;
};

} // namespace galley::input::html
