#include "pdf/raw.hpp"
#include "pdf/writer.hpp"
#include "pdf_fixture.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace galley;
using namespace galley::pdf::test;

namespace {

template <typename F> std::string written(F f) {
  std::string out;
  f(out);
  return out;
}

/// One page: a heading, a paragraph with a link to an anchor whose name needs escaping, a
/// link to a URI with parentheses, and a figure whose alternative text is not Latin.
layout::Document tagged_document() {
  layout::Document doc = base_document();
  const std::string& serif = doc.fonts[2].path;
  doc.structure = {{"Document"}, {"H1", 0},   {"P", 0, "", "de-CH"},
                   {"Link", 2},  {"Link", 2}, {"Figure", 0, "地図 🗺 of Zürich (1)"}};
  auto& items = doc.pages[0].items;
  items.push_back(layout::AnchorItem{"chapter (1) \\ été", 40, 40});
  auto heading = shape(serif, 2, "Heading", 16, 40, 60);
  heading.element = 1;
  items.push_back(heading);
  auto body = shape(serif, 2, "See the map", 11, 40, 90);
  body.element = 2;
  items.push_back(body);
  auto inner = shape(serif, 2, "chapter one", 11, 40, 110);
  inner.element = 3;
  items.push_back(inner);
  items.push_back(layout::LinkItem{40, 100, 80, 14, "", "chapter (1) \\ été", 3});
  auto outer = shape(serif, 2, "Wikipedia", 11, 40, 130);
  outer.element = 4;
  items.push_back(outer);
  items.push_back(
      layout::LinkItem{40, 120, 80, 14, "https://en.wikipedia.org/wiki/Z%C3%BCrich_(city)", "", 4});
  auto figure = shape(serif, 2, "map", 11, 40, 150); // drawn as text, as a formula's may be
  figure.element = 5;
  items.push_back(figure);
  return doc;
}

} // namespace

TEST_SUITE("pdf/raw") {
  TEST_CASE("names escape delimiters, white space, '#' and bytes past '~'") {
    CHECK(written([](auto& o) { pdf::raw_name(o, "Im3"); }) == "/Im3");
    CHECK(written([](auto& o) { pdf::raw_name(o, "A B#(x)/é"); }) == "/A#20B#23#28x#29#2F#C3#A9");
  }

  TEST_CASE("numbers and references carry the space that separates them") {
    CHECK(written([](auto& o) {
            pdf::raw_int(o, -12);
            pdf::raw_int(o, 0);
            pdf::raw_real(o, -0.00001);
            pdf::raw_real(o, 612.28346);
            pdf::raw_ref(o, PoDoFo::PdfReference(14, 0));
          }) == " -12 0 0 612.2835 14 0 R");
    CHECK(written([](auto& o) { pdf::raw_rect(o, 0, 1.5, 2, 3); }) == "[ 0 1.5 2 3]");
  }

  TEST_CASE("text strings: ASCII literal, anything else UTF-16BE with its BOM") {
    CHECK(written([](auto& o) { pdf::raw_text(o, "Go to (a) \\b"); }) == "(Go to \\(a\\) \\\\b)");
    // é is one unit, 🗺 (U+1F5FA) a surrogate pair.
    CHECK(written([](auto& o) { pdf::raw_text(o, "é🗺"); }) == "<FEFF00E9D83DDDFA>");
    // A control character is not PDFDocEncoding's printable ASCII.
    CHECK(written([](auto& o) { pdf::raw_text(o, "tab\there"); }) ==
          "<FEFF00740061006200090068006500720065>");
  }

  TEST_CASE("byte strings keep every byte") {
    CHECK(written([](auto& o) { pdf::raw_bytes(o, std::string("a(b)\\\n\xff", 7)); }) ==
          "(a\\(b\\)\\\\\\012\\377)");
  }

  TEST_CASE("a tagged page written as text reads back with every name, string and key") {
    Diagnostics diags;
    std::string pdf = pdf::write_pdf(tagged_document(), diags, {.compress = false});
    CHECK(diags.empty());
    std::string path = save("raw.pdf", pdf);
    auto check = run("qpdf --check " + path);
    CAPTURE(check.output);
    REQUIRE(check.exit_code == 0);

    auto dests = run("pdfinfo -dests " + path);
    CAPTURE(dests.output);
    // pdfinfo prints the name's bytes as Latin-1: the escapes are what is checked here.
    CHECK(dests.output.find("\"chapter (1) \\ ") != std::string::npos);

    auto json = run("qpdf --json=2 --json-key=qpdf " + path);
    CAPTURE(json.output);
    for (const char* value :
         {R"j("/URI": "u:https://en.wikipedia.org/wiki/Z%C3%BCrich_(city)")j",
          R"j("/Contents": "u:https://en.wikipedia.org/wiki/Z%C3%BCrich_(city)")j",
          R"j("/Alt": "u:地図 🗺 of Zürich (1)")j", R"j("/Lang": "u:de-CH")j",
          R"j("/S": "/Figure")j", R"j("/Tabs": "/S")j", R"j("/StructParents": 0)j",
          R"j("/StructParent": 1)j", R"j("/StructParent": 2)j", R"j("/ParentTreeNextKey": 3)j",
          R"j("/Type": "/OBJR")j"})
      CHECK(json.output.find(value) != std::string::npos);

    // The text reaches a reader in structure order, the figure with its alternative text.
    auto text = run("pdfinfo -struct-text " + path);
    CAPTURE(text.output);
    CHECK(text.output.find("Heading") != std::string::npos);
    CHECK(text.output.find("See the map") != std::string::npos);
    CHECK(text.output.find("Wikipedia") != std::string::npos);
  }
}
