#pragma once
// Text of XML elements as the model holds it, shared by the XML-based readers (galley XML, NITF,
// JATS): white space read the way the Markdown reader reads line breaks, element names without
// their namespace prefix, and the location of a node.
#include "galley/model.hpp"

#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace galley::input {

/// Appends XML text to `out`: a run of white space holding a newline is a soft break (as a line
/// break in Markdown source is), any other run one space; text next to text is merged.
void append_xml_text(model::Inlines& out, std::string_view s, const SourceLoc& at);

/// Removes soft breaks and spaces at the edges of a block's content and around hard breaks, and
/// the text nodes left empty.
void tidy_inlines(model::Inlines& in);

/// The spaces galley's XML readers trim and collapse in text: space, tab and line feed (a
/// parsed document's line ends are line feeds, XML 1.0 2.11).
inline bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\n';
}

/// The name of an element without its prefix: `mml:math` -> `math`. JATS and NITF documents
/// bind prefixes as they like; the readers match the local part.
std::string_view local_name(const pugi::xml_node& n);

/// All text inside `n` (its descendants' character data and CDATA, in order), as written.
std::string deep_text(const pugi::xml_node& n);

/// Whether `n` is an element whose local name is `name`.
bool is_element_named(const pugi::xml_node& n, std::string_view name);

/// The first child element of `n` whose local name is `name`, or an empty node.
pugi::xml_node child_named(const pugi::xml_node& n, std::string_view name);

/// 1-based line and byte column of `n` in `text` (the document it was parsed from).
SourceLoc node_loc(std::string_view text, const std::string& file, const pugi::xml_node& n);

} // namespace galley::input
