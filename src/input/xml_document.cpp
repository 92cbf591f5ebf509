#include "input/xml_document.hpp"

#include "input/text_file.hpp"
#include "input/xml_text.hpp"

#include <algorithm>

namespace galley::input {

namespace {

/// The quoted public identifier of a DOCTYPE's text (`article PUBLIC "-//NLM//DTD ..." "x.dtd"`,
/// XML 1.0, 2.8 and 4.2.2), or "".
std::string public_id_of(std::string_view decl) {
  size_t at = decl.find("PUBLIC");
  if (at == std::string_view::npos)
    return {};
  size_t open = decl.find_first_of("\"'", at);
  if (open == std::string_view::npos)
    return {};
  size_t close = decl.find(decl[open], open + 1);
  if (close == std::string_view::npos)
    return {};
  return std::string(decl.substr(open + 1, close - open - 1));
}

} // namespace

SourceLoc XmlDocument::loc(const pugi::xml_node& n) const {
  return node_loc(text, display, n);
}

std::unique_ptr<XmlDocument> parse_xml(std::string_view text, const std::string& display,
                                       Diagnostics& diags, bool keep_white_space) {
  auto xml = std::make_unique<XmlDocument>();
  xml->text = text;
  xml->display = display;
  // parse_doctype keeps the DOCTYPE as a node so it can be inspected; parse_default expands
  // only the predefined entities and character references, and pugixml has no DTD loading.
  const unsigned options =
      pugi::parse_default | pugi::parse_doctype | (keep_white_space ? pugi::parse_ws_pcdata : 0u);
  pugi::xml_parse_result result =
      xml->doc.load_buffer(text.data(), text.size(), options, pugi::encoding_utf8);
  if (!result) {
    diags.error(loc_at(text, static_cast<size_t>(std::max<ptrdiff_t>(0, result.offset)), display),
                std::string("XML is not well formed: ") + result.description());
    return nullptr;
  }
  for (auto n : xml->doc.children()) {
    if (n.type() != pugi::node_doctype)
      continue;
    std::string_view decl = n.value();
    if (decl.find("<!ENTITY") != std::string_view::npos) {
      diags.error(xml->loc(n), "DOCTYPE declares entities; galley never expands entities",
                  "remove the DOCTYPE");
      return nullptr;
    }
    xml->doctype = n;
    xml->public_id = public_id_of(decl);
  }
  if (!xml->root()) {
    diags.error({display, 1, 1}, "XML document has no root element");
    return nullptr;
  }
  return xml;
}

bool looks_like_xml(std::string_view text) {
  size_t first = text.find_first_not_of(" \t\n");
  if (first == std::string_view::npos)
    return false;
  std::string_view s = text.substr(first);
  for (std::string_view start : {"<?xml", "<article", "<nitf", "<!DOCTYPE"})
    if (s.substr(0, start.size()) == start)
      return true;
  return false;
}

} // namespace galley::input
