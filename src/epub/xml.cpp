// Small pugixml helpers shared by the content, page and package builders.
#include "epub/book.hpp"
#include "text/direction.hpp"
#include "util/text_utils.hpp"

namespace galley::epub {

std::string xml_clean(std::string_view s) {
  bool clean = true;
  for (char c : s) clean = clean && (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r');
  if (clean) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    // XML 1.0 section 2.2: Char excludes C0 controls except #x9, #xA, #xD.
    if (u < 0x20 && u != '\t' && u != '\n' && u != '\r') continue;
    out += c;
  }
  return out;
}

pugi::xml_node add_element(pugi::xml_node parent, const char* name, const char* cls) {
  auto node = parent.append_child(name);
  if (cls) node.append_attribute("class") = cls;
  return node;
}

void add_text(pugi::xml_node parent, std::string_view text) {
  if (text.empty()) return;
  // Merge with a preceding text node so runs of Text and SoftBreak stay one node.
  auto last = parent.last_child();
  if (last && last.type() == pugi::node_pcdata) {
    std::string merged = last.value();
    merged += xml_clean(text);
    last.set_value(merged.c_str());
    return;
  }
  parent.append_child(pugi::node_pcdata).set_value(xml_clean(text).c_str());
}

pugi::xml_node start_xhtml(pugi::xml_document& doc, const std::string& lang,
                           const std::string& title, const char* body_type) {
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  doc.append_child(pugi::node_doctype).set_value("html");
  auto html = doc.append_child("html");
  html.append_attribute("xmlns") = "http://www.w3.org/1999/xhtml";
  html.append_attribute("xmlns:epub") = "http://www.idpf.org/2007/ops";
  html.append_attribute("lang") = lang.c_str();
  html.append_attribute("xml:lang") = lang.c_str();
  html.append_attribute("dir") = text::right_to_left(lang) ? "rtl" : "ltr";
  auto head = html.append_child("head");
  auto meta = head.append_child("meta");
  meta.append_attribute("charset") = "utf-8";
  add_text(head.append_child("title"), title.empty() ? std::string("Untitled") : title);
  auto link = head.append_child("link");
  link.append_attribute("rel") = "stylesheet";
  link.append_attribute("type") = "text/css";
  link.append_attribute("href") = "style.css";
  auto body = html.append_child("body");
  if (body_type) body.append_attribute("epub:type") = body_type;
  return body;
}

namespace {
struct StringWriter : pugi::xml_writer {
  std::string out;
  void write(const void* data, size_t size) override {
    out.append(static_cast<const char*>(data), size);
  }
};
} // namespace

std::string serialize(const pugi::xml_document& doc, bool indent) {
  StringWriter w;
  // Raw output for content documents: indentation would change the whitespace of <pre>.
  doc.save(w, "  ", indent ? pugi::format_indent : pugi::format_raw, pugi::encoding_utf8);
  if (!indent) w.out += '\n';
  // The input stage warns where such characters come in; this keeps every document well-formed
  // whatever path one took (EPUB 3.3 requires well-formed XML).
  replace_non_xml_chars(w.out);
  return std::move(w.out);
}

std::string sanitize_id(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.';
    out += ok ? c : '-';
  }
  return out.empty() ? std::string("x") : out;
}

} // namespace galley::epub
