// SVG images are cleaned before the book carries them (util/svg_clean.cpp): a reading system
// runs an SVG like a page, so scripts, event handlers and references to other files must not
// reach it.
#include "support.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace galley;
using namespace galley::epub;
using namespace galley::epub::test;

namespace {
model::Article with_figure(const std::string& file) {
  model::Article a = plain_article(1);
  a.blocks.push_back(model::Block{
      model::Figure{{"images/" + file, (data_dir() / file).string(), false}, "A shape", {}, "", ""},
      {"art.md", 7, 1}});
  return a;
}
} // namespace

TEST_SUITE("epub/svg") {
  TEST_CASE("scripts, handlers, entities and references to other files are removed") {
    Diagnostics diags;
    const std::string bytes = build(single(with_figure("hostile.svg")), diags);
    REQUIRE_FALSE(diags.all().empty());
    CAPTURE(format_text(diags.all().front()));
    bool warned = false;
    for (const auto& d : diags.all())
      warned = warned || (d.loc.line == 7 && d.message.find("SVG image 'images/hostile.svg': removed "
                                                            "2 scripts or embedded documents, 2 "
                                                            "event handlers and 5 references to "
                                                            "other files") != std::string::npos);
    CHECK(warned);
    const Unzipped book = unzip(bytes);
    const std::string& svg = book.files.at("EPUB/images/img-001.svg");
    for (const char* gone : {"script", "onload", "onclick", "tracker.example", "ENTITY", "passwd",
                             "xml-stylesheet", "@import", "javascript:", "foreignObject"})
      CHECK_MESSAGE(svg.find(gone) == std::string::npos, gone);
    // What draws the picture stays, internal references included.
    CHECK(svg.find("<rect") != std::string::npos);
    CHECK(svg.find("url(#grad)") != std::string::npos);
    CHECK(svg.find("xlink:href=\"#box\"") != std::string::npos);
    CHECK(svg.find("Label") != std::string::npos);
    pugi::xml_document doc;
    parse(doc, svg);
    auto report = epubcheck([&] {
      auto path = galley::test::scratch_root() / "galley-svg.epub";
      std::ofstream(path, std::ios::binary) << bytes;
      return path;
    }());
    CAPTURE(report.text);
    CHECK(report.errors == 0);
  }

  TEST_CASE("an SVG that is not XML is an error at its reference") {
    auto dir = galley::test::scratch_root() / "galley-svg-bad";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "broken.svg") << "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect></svg>";
    model::Article a = plain_article(1);
    a.blocks.push_back(model::Block{
        model::Figure{{"images/broken.svg", (dir / "broken.svg").string(), false}, "Broken", {}, "", ""},
        {"art.md", 9, 1}});
    Diagnostics diags;
    build(single(a), diags);
    bool located = false;
    for (const auto& d : diags.all())
      located = located || (d.severity == Severity::Error && d.loc.line == 9 &&
                            d.message.find("is unusable: not well-formed XML") != std::string::npos);
    CHECK(located);
  }
}
