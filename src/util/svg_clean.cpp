// SVG images are XML documents a reading system runs like a page: scripts run, event handlers
// fire and references are fetched (SVG 1.1, sections 18 and 5.6). The book carries an SVG, and
// the PDF draws one, only after it is parsed and cleaned: no DOCTYPE (its entities, internal or
// external, are never expanded or kept), no <script> or <foreignObject>, no on* handlers, and no
// reference to anything but the image itself (a "#fragment") or data it holds (a data: URL),
// since EPUB 3.3 requires every resource a publication uses to be in it or declared remote, and
// a PDF drawn from files other than those the article names could leak them.
#include "util/svg.hpp"

#include "util/text_utils.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <pugixml.hpp>
#include <vector>

namespace galley {

namespace {

using namespace std::string_view_literals;

/// Removed with everything inside them.
constexpr std::array kDroppedElements = {"script"sv, "foreignObject"sv, "iframe"sv, "handler"sv,
                                         "listener"sv};

std::string_view local_name(std::string_view qualified) {
  auto colon = qualified.find(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

/// A reference the image may keep: to a part of itself, or to data it holds.
bool internal_reference(std::string_view value) {
  std::size_t start = value.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos)
    return true;
  value.remove_prefix(start);
  return value.front() == '#' || ascii_lower(value.substr(0, 5)) == "data:";
}

/// True when a style (an attribute or a <style> element) loads something: @import, or url()
/// naming anything but a fragment or data.
bool style_loads(std::string_view css) {
  const std::string l = ascii_lower(css);
  if (l.find("@import") != std::string::npos)
    return true;
  for (std::size_t at = l.find("url("); at != std::string::npos; at = l.find("url(", at + 4)) {
    std::string_view rest = std::string_view(l).substr(at + 4);
    rest.remove_prefix(std::min(rest.find_first_not_of(" \t'\""), rest.size()));
    if (!internal_reference(rest))
      return true;
  }
  return false;
}

struct Cleaner {
  SvgLinks links = SvgLinks::Keep;
  int elements = 0, handlers = 0, references = 0;

  void clean(pugi::xml_node node) {
    for (pugi::xml_node child = node.first_child(); child;) {
      pugi::xml_node next = child.next_sibling();
      if (child.type() == pugi::node_pi) {
        node.remove_child(child); // <?xml-stylesheet href=...?> loads a sheet
        ++references;
      } else if (child.type() == pugi::node_element) {
        const std::string_view name = local_name(child.name());
        const bool sheet = name == "style" && style_loads(child.child_value());
        if (sheet || std::find(kDroppedElements.begin(), kDroppedElements.end(), name) !=
                         kDroppedElements.end()) {
          node.remove_child(child);
          ++(sheet ? references : elements);
        } else {
          if (links == SvgLinks::Unwrap && name == "a")
            child.set_name("g");
          attributes(child);
          clean(child);
        }
      }
      child = next;
    }
  }

  void attributes(pugi::xml_node element) {
    for (pugi::xml_attribute a = element.first_attribute(); a;) {
      pugi::xml_attribute next = a.next_attribute();
      const std::string name = ascii_lower(a.name());
      const std::string_view local = local_name(name);
      if (local.size() > 2 && local.substr(0, 2) == "on") {
        element.remove_attribute(a);
        ++handlers;
      } else if ((local == "href" || local == "src") && !internal_reference(a.value())) {
        element.remove_attribute(a);
        ++references;
      } else if (local == "style" && style_loads(a.value())) {
        element.remove_attribute(a);
        ++references;
      }
      a = next;
    }
  }
};

struct StringWriter : pugi::xml_writer {
  std::string out;
  void write(const void* data, size_t size) override {
    out.append(static_cast<const char*>(data), size);
  }
};

std::string counted(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

} // namespace

std::optional<std::string> clean_svg(std::string_view data, std::string& removed,
                                     std::string& error, SvgLinks links) {
  pugi::xml_document doc;
  // Without parse_doctype the DOCTYPE, and every entity it declares, is skipped; pugixml never
  // reads an external entity. Processing instructions are parsed so that they can be counted.
  const unsigned flags = (pugi::parse_default | pugi::parse_pi) & ~pugi::parse_doctype;
  pugi::xml_parse_result parsed = doc.load_buffer(data.data(), data.size(), flags);
  if (!parsed) {
    error = std::string("not well-formed XML: ") + parsed.description() + " at byte " +
            std::to_string(parsed.offset);
    return std::nullopt;
  }
  pugi::xml_node root = doc.document_element();
  if (!root || local_name(root.name()) != "svg") {
    error = "its root element is not <svg>";
    return std::nullopt;
  }
  Cleaner c;
  c.links = links;
  c.clean(doc);
  std::vector<std::string> parts;
  if (c.elements)
    parts.push_back(
        counted(c.elements, "script or embedded document", "scripts or embedded documents"));
  if (c.handlers)
    parts.push_back(counted(c.handlers, "event handler", "event handlers"));
  if (c.references)
    parts.push_back(
        counted(c.references, "reference to another file", "references to other files"));
  removed.clear();
  for (std::size_t i = 0; i < parts.size(); ++i)
    removed += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
  StringWriter w;
  doc.save(w, "", pugi::format_raw, pugi::encoding_utf8);
  return std::move(w.out);
}

} // namespace galley
