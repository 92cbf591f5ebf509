#pragma once
// Parsing an XML article safely, for every XML-based reader (galley XML, NITF, JATS). pugixml
// never reads a DTD or any other file, and with these options expands only XML's five
// predefined entities and character references (XML 1.0, 4.6); a DOCTYPE that declares entities
// is refused, so no document can ask for more.
#include "galley/diagnostics.hpp"

#include <pugixml.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace galley::input {

struct XmlDocument {
  pugi::xml_document doc;
  std::string_view text;  ///< the text it was parsed from, for locations
  std::string display;    ///< the file name diagnostics show
  pugi::xml_node doctype; ///< the DOCTYPE, or an empty node
  std::string public_id;  ///< the DOCTYPE's public identifier ("-//NLM//DTD JATS ..."), or ""

  SourceLoc loc(const pugi::xml_node& n) const;
  pugi::xml_node root() const { return doc.document_element(); }
};

/// Parses `text`. A document that is not well formed, or whose DOCTYPE declares entities, is
/// one error at its place and nullptr. `keep_white_space` keeps text made only of white space
/// (`<italic>a</italic> <bold>b</bold>`), which pugixml drops by default.
std::unique_ptr<XmlDocument> parse_xml(std::string_view text, const std::string& display,
                                       Diagnostics& diags, bool keep_white_space = false);

/// Whether `text` starts (after white space) the way an XML article does: an XML declaration, a
/// DOCTYPE or the root element of one of the XML formats (`<article`, `<nitf`).
bool looks_like_xml(std::string_view text);

} // namespace galley::input
