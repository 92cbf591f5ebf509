// The container and the package document: entry order, metadata, spine, accessibility claims,
// determinism.
#include "support.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <doctest/doctest.h>

using namespace galley;
using namespace galley::epub;
using namespace galley::epub::test;

namespace {
std::vector<std::string> values(const pugi::xml_document& opf, const char* xpath) {
  std::vector<std::string> out;
  for (const auto& n : opf.select_nodes(xpath)) out.push_back(n.node().text().get());
  return out;
}
std::string value(const pugi::xml_document& opf, const char* xpath) {
  auto v = values(opf, xpath);
  return v.empty() ? std::string() : v.front();
}
bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}
} // namespace

TEST_SUITE("epub/package") {
  TEST_CASE("container: mimetype first and stored, container.xml names the package") {
    Diagnostics diags;
    auto book = unzip(build(single(full_article()), diags));
    REQUIRE(book.names.size() > 3);
    CHECK(book.names[0] == "mimetype");
    CHECK(book.files["mimetype"] == "application/epub+zip");
    CHECK(book.stored["mimetype"]);
    CHECK(book.names[1] == "META-INF/container.xml");
    pugi::xml_document c;
    parse(c, book.files["META-INF/container.xml"]);
    CHECK(std::string(c.select_node("//rootfile").node().attribute("full-path").value()) ==
          "EPUB/package.opf");
    CHECK(book.stored["EPUB/images/img-001.jpg"]);
    CHECK_FALSE(book.stored["EPUB/style.css"]);
  }

  TEST_CASE("single article: metadata from the article") {
    Diagnostics diags;
    auto article = full_article();
    article.meta.identifier = "quantum-dispatch-1";
    auto book = unzip(build(single(article), diags));
    pugi::xml_document opf;
    parse(opf, book.files["EPUB/package.opf"]);
    CHECK(value(opf, "//*[@id='pub-id']") == "quantum-dispatch-1");
    CHECK(value(opf, "//*[@id='title']") == "Article number 1");
    CHECK(value(opf, "//meta[@refines='#title'][@property='title-type']") == "main");
    CHECK(value(opf, "//*[@id='subtitle']") == "A subtitle");
    CHECK(value(opf, "//meta[@refines='#subtitle'][@property='title-type']") == "subtitle");
    CHECK(value(opf, "//*[@id='creator-1']") == "Nova Chen");
    CHECK(value(opf, "//meta[@refines='#creator-1'][@property='role']") == "aut");
    CHECK(value(opf, "//meta[@refines='#creator-1'][@property='file-as']") == "Chen, Nova");
    CHECK(value(opf, "//dc:date") == "2026-04-27");
    CHECK(value(opf, "//meta[@property='dcterms:modified']") == "2026-04-27T00:00:00Z");
    CHECK(value(opf, "//dc:language") == "en");
    CHECK(value(opf, "//dc:publisher") == "The Quantum Dispatch");
    CHECK(values(opf, "//dc:subject") == std::vector<std::string>{"Cloud", "AI"});
    CHECK(value(opf, "//dc:description") == "A one-sentence summary of article 1.");
    CHECK(values(opf, "//meta[@property='belongs-to-collection']").empty());
    auto cover = opf.select_node("//item[@properties='cover-image']").node();
    CHECK(std::string(cover.attribute("media-type").value()) == "image/jpeg");
    std::vector<std::string> idrefs;
    for (const auto& n : opf.select_nodes("//itemref")) idrefs.push_back(n.node().attribute("idref").value());
    CHECK(idrefs == std::vector<std::string>{"cover", "article-001", "nav"});
    CHECK(std::string(opf.select_node("//itemref[@idref='nav']").node().attribute("linear").value()) == "no");
  }

  TEST_CASE("a right-to-left language sets the direction of every document and of the spine") {
    for (const auto& [language, rtl] : std::vector<std::pair<std::string, bool>>{
             {"ar", true}, {"he-IL", true}, {"fa", true}, {"en", false}, {"ru", false}}) {
      CAPTURE(language);
      Diagnostics diags;
      auto article = plain_article(1);
      article.meta.language = language;
      auto book = unzip(build(single(article), diags));
      pugi::xml_document opf;
      parse(opf, book.files["EPUB/package.opf"]);
      CHECK(std::string(opf.select_node("//spine").node().attribute("page-progression-direction").value()) ==
            (rtl ? "rtl" : ""));
      int documents = 0;
      for (const auto& [name, bytes] : book.files) {
        if (name.size() < 6 || name.substr(name.size() - 6) != ".xhtml") continue;
        CAPTURE(name);
        pugi::xml_document doc;
        parse(doc, bytes);
        const pugi::xml_node html = doc.child("html");
        CHECK(std::string(html.attribute("lang").value()) == language);
        CHECK(std::string(html.attribute("dir").value()) == (rtl ? "rtl" : "ltr"));
        ++documents;
      }
      CHECK(documents >= 2); // the article and the navigation document
    }
  }

  TEST_CASE("issue: metadata, collection and spine order") {
    Diagnostics diags;
    auto issue = make_issue({full_article(1), plain_article(2), plain_article(3)});
    auto book = unzip(build(issue, diags));
    CHECK_FALSE(diags.has_errors());
    pugi::xml_document opf;
    parse(opf, book.files["EPUB/package.opf"]);
    CHECK(value(opf, "//*[@id='title']") == "The Quantum Dispatch — May 2026");
    auto id = value(opf, "//*[@id='pub-id']");
    CHECK(id.starts_with("urn:uuid:"));
    CHECK(value(opf, "//meta[@property='belongs-to-collection']") == "The Quantum Dispatch");
    CHECK(value(opf, "//meta[@refines='#collection'][@property='collection-type']") == "series");
    CHECK(value(opf, "//meta[@refines='#collection'][@property='group-position']") == "5");
    CHECK(value(opf, "//*[@id='creator-1']") == "Iris Okafor");
    CHECK(value(opf, "//meta[@refines='#creator-1'][@property='role']") == "edt");
    CHECK(value(opf, "//meta[@refines='#creator-2'][@property='file-as']") == "Lindqvist, Tomás");
    CHECK(has(values(opf, "//dc:creator"), "Theo Vasquez"));
    CHECK(values(opf, "//dc:subject") == std::vector<std::string>{"Cloud", "AI", "Chips"});
    std::vector<std::string> idrefs;
    for (const auto& n : opf.select_nodes("//itemref")) idrefs.push_back(n.node().attribute("idref").value());
    CHECK(idrefs == std::vector<std::string>{"cover", "titlepage", "contents", "article-001",
                                             "article-002", "article-003", "nav"});
    // Every manifest item exists in the container, and every container file is in the manifest.
    size_t items = 0;
    for (const auto& n : opf.select_nodes("//item")) {
      ++items;
      CHECK(book.files.count("EPUB/" + std::string(n.node().attribute("href").value())) == 1);
    }
    CHECK(items + 3 == book.names.size()); // + mimetype, container.xml, package.opf
  }

  TEST_CASE("accessibility claims follow the content") {
    Diagnostics diags;
    SUBCASE("images with alt text") {
      auto book = unzip(build(single(full_article()), diags));
      pugi::xml_document opf;
      parse(opf, book.files["EPUB/package.opf"]);
      auto modes = values(opf, "//meta[@property='schema:accessMode']");
      CHECK(modes == std::vector<std::string>{"textual", "visual"});
      auto sufficient = values(opf, "//meta[@property='schema:accessModeSufficient']");
      CHECK(sufficient == std::vector<std::string>{"textual", "textual,visual"});
      auto features = values(opf, "//meta[@property='schema:accessibilityFeature']");
      CHECK(features == std::vector<std::string>{"alternativeText", "tableOfContents",
                                                 "readingOrder", "structuralNavigation"});
      CHECK(value(opf, "//meta[@property='schema:accessibilityHazard']") == "none");
      CHECK(value(opf, "//meta[@property='schema:accessibilitySummary']").find("Every image has a text alternative") != std::string::npos);
      CHECK(value(opf, "//meta[@property='dcterms:conformsTo']") ==
            "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");
      CHECK(values(opf, "//meta[@property='a11y:certifiedBy']").empty());
    }
    SUBCASE("an image without alt text drops alternativeText") {
      auto article = full_article();
      std::get<model::Figure>(article.blocks[9].value).alt.clear();
      auto book = unzip(build(single(article), diags));
      pugi::xml_document opf;
      parse(opf, book.files["EPUB/package.opf"]);
      auto features = values(opf, "//meta[@property='schema:accessibilityFeature']");
      CHECK_FALSE(has(features, "alternativeText"));
      CHECK(has(features, "tableOfContents"));
      auto sufficient = values(opf, "//meta[@property='schema:accessModeSufficient']");
      CHECK(sufficient == std::vector<std::string>{"textual,visual"});
      // An image without its text alternative fails WCAG 1.1.1: no conformance claim.
      CHECK(values(opf, "//meta[@property='dcterms:conformsTo']").empty());
    }
    SUBCASE("no images: textual only") {
      auto book = unzip(build(make_issue({plain_article(1)}, false), diags));
      pugi::xml_document opf;
      parse(opf, book.files["EPUB/package.opf"]);
      CHECK(values(opf, "//meta[@property='schema:accessMode']") == std::vector<std::string>{"textual"});
      CHECK(values(opf, "//meta[@property='schema:accessModeSufficient']") == std::vector<std::string>{"textual"});
      CHECK_FALSE(has(values(opf, "//meta[@property='schema:accessibilityFeature']"), "alternativeText"));
    }
    SUBCASE("the summary says only what the book has; the publisher's certifier is named") {
      model::Issue issue = make_issue({plain_article(1)}, false);
      issue.certified_by = "Dispatch Accessibility Desk";
      auto book = unzip(build(issue, diags));
      pugi::xml_document opf;
      parse(opf, book.files["EPUB/package.opf"]);
      const std::string summary = value(opf, "//meta[@property='schema:accessibilitySummary']");
      CHECK(summary.find("Notes") == std::string::npos);
      CHECK(summary.find("no images") != std::string::npos);
      CHECK(value(opf, "//meta[@property='a11y:certifiedBy']") == "Dispatch Accessibility Desk");
    }
  }

  TEST_CASE("determinism: two builds give the same bytes; the epoch stamps the entries") {
    Diagnostics d1, d2, d3;
    auto issue = make_issue({full_article(1), plain_article(2)});
    std::string a = build(issue, d1);
    std::string b = build(issue, d2);
    CHECK(a == b);
    EpubOptions later;
    later.date_epoch = 1777248000 + 86400 * 3;
    std::string c = build(issue, d3, later);
    CHECK(a != c);
    pugi::xml_document opf;
    parse(opf, unzip(c).files["EPUB/package.opf"]);
    CHECK(value(opf, "//meta[@property='dcterms:modified']") == "2026-04-30T00:00:00Z");
  }

  TEST_CASE("entries deflated ahead on any number of threads: the same bytes, every CRC right") {
    auto issue = make_issue({full_article(1), plain_article(2), full_article(3)});
    Diagnostics d1, d4;
    EpubOptions four;
    four.threads = 4;
    std::string one = build(issue, d1), many = build(issue, d4, four);
    CHECK(one == many);
    auto book = unzip(many); // reads every entry to its end, which checks its CRC
    CHECK_FALSE(book.stored["EPUB/package.opf"]);
    CHECK(book.files["EPUB/package.opf"].find("<package") != std::string::npos);
    // The archive is smaller than its text: the entries are deflated, not stored.
    std::size_t text = 0;
    for (const auto& [name, data] : book.files)
      if (!book.stored[name])
        text += data.size();
    CHECK(many.size() < text / 2);
  }

  TEST_CASE("the time zone does not change the bytes") {
    Diagnostics d1, d2;
    auto issue = make_issue({plain_article(1)}, false);
    const char* old = std::getenv("TZ");
    std::string saved = old ? old : "";
    setenv("TZ", "UTC0", 1);
    tzset();
    std::string utc = build(issue, d1);
    setenv("TZ", "NZST-12NZDT,M9.5.0,M4.1.0/3", 1);
    tzset();
    std::string nz = build(issue, d2);
    if (old) setenv("TZ", saved.c_str(), 1);
    else unsetenv("TZ");
    tzset();
    CHECK(utc == nz);
  }

  TEST_CASE("the date is the one the caller gives, 0 included, never the input's or the clock's") {
    // The output date has one owner, render::output_epoch, shared with the PDF; the EPUB writer
    // must not derive its own (it used to treat 0 as "unset" and read the issue date).
    Diagnostics diags;
    auto issue = make_issue({plain_article(1)}, false);
    auto bytes = write_epub(issue, style::default_style(), {}, diags);
    pugi::xml_document opf;
    parse(opf, unzip(bytes).files["EPUB/package.opf"]);
    CHECK(value(opf, "//meta[@property='dcterms:modified']") == "1970-01-01T00:00:00Z");
    CHECK(bytes == write_epub(issue, style::default_style(), {}, diags));
  }

  TEST_CASE("group-position from an issue number as written") {
    Diagnostics diags;
    auto issue = make_issue({plain_article(1)}, false);
    issue.number = "Vol. 3, No. 2";
    pugi::xml_document opf;
    parse(opf, unzip(build(issue, diags)).files["EPUB/package.opf"]);
    CHECK(value(opf, "//meta[@refines='#collection'][@property='group-position']") == "3.2");
  }
}
