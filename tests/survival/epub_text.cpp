#include "epub_text.hpp"

#include <doctest/doctest.h>
#include <pugixml.hpp>
#include <zip.h>

#include <set>
#include <string_view>

namespace fs = std::filesystem;

namespace survival {

namespace {

std::string zip_entry(zip_t* z, const std::string& name) {
  zip_stat_t st;
  REQUIRE_MESSAGE(zip_stat(z, name.c_str(), 0, &st) == 0, name);
  zip_file_t* f = zip_fopen(z, name.c_str(), 0);
  REQUIRE(f != nullptr);
  std::string data(st.size, '\0');
  CHECK(zip_fread(f, data.data(), st.size) == static_cast<zip_int64_t>(st.size));
  zip_fclose(f);
  return data;
}

void collect_text(const pugi::xml_node& node, std::string& out) {
  for (auto child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      out += child.value();
    } else if (child.type() == pugi::node_element) {
      std::string_view name = child.name();
      if (name == "head" || name == "script" || name == "style")
        continue;
      // Block boundaries separate words even where the markup has no white space between them;
      // phrase elements (H<sub>2</sub>O, <kbd>Ctrl</kbd>+<kbd>C</kbd>) do not.
      static const std::set<std::string_view> phrase = {
          "a", "abbr", "b",     "cite", "code",   "em",  "i",   "kbd", "mark", "q",
          "s", "samp", "small", "span", "strong", "sub", "sup", "u",   "var"};
      // A note marker is a word of its own, which the reference leaves out.
      const bool marker = std::string_view(child.attribute("class").value()) == "noteref";
      const bool block = marker || !phrase.count(name);
      if (block)
        out += ' ';
      collect_text(child, out);
      if (block)
        out += ' ';
    }
  }
}

} // namespace

std::string epub_text(const fs::path& epub) {
  int err = 0;
  zip_t* z = zip_open(epub.c_str(), ZIP_RDONLY, &err);
  REQUIRE(z != nullptr);
  pugi::xml_document container;
  REQUIRE(container.load_string(zip_entry(z, "META-INF/container.xml").c_str()));
  std::string opf_path =
      container.select_node("//*[local-name()='rootfile']").node().attribute("full-path").value();
  pugi::xml_document opf;
  REQUIRE(opf.load_string(zip_entry(z, opf_path).c_str()));
  fs::path base = fs::path(opf_path).parent_path();
  std::string text;
  for (auto ref : opf.select_nodes("//*[local-name()='itemref']")) {
    std::string idref = ref.node().attribute("idref").value();
    auto item = opf.select_node(("//*[local-name()='item'][@id='" + idref + "']").c_str()).node();
    pugi::xml_document doc;
    std::string href = (base / item.attribute("href").value()).generic_string();
    REQUIRE_MESSAGE(
        doc.load_string(zip_entry(z, href).c_str(), pugi::parse_default | pugi::parse_ws_pcdata),
        href);
    collect_text(doc, text);
    text += '\n';
  }
  zip_close(z);
  return text;
}

} // namespace survival
