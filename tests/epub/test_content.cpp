// Content documents, navigation and diagnostics.
#include "support.hpp"
#include "util/image_info.hpp"

#include <doctest/doctest.h>
#include <set>

using namespace galley;
using namespace galley::epub;
using namespace galley::epub::test;

namespace {
pugi::xml_node by_id(const pugi::xml_document& doc, const std::string& id) {
  return doc.select_node(("//*[@id='" + id + "']").c_str()).node();
}
std::string attr(pugi::xml_node n, const char* name) { return n.attribute(name).value(); }
} // namespace

TEST_SUITE("epub/content") {
  TEST_CASE("every block and inline kind is rendered") {
    Diagnostics diags;
    auto book = unzip(build(single(full_article()), diags));
    pugi::xml_document doc;
    parse(doc, book.files["EPUB/article-001.xhtml"]);
    auto text = [&](const char* xpath) { return std::string(doc.select_node(xpath).node().text().get()); };
    CHECK(text("//h1") == "Article number 1");
    CHECK(text("//p[@class='subtitle']") == "A subtitle");
    CHECK(text("//p[@class='dek']") == "A one-sentence summary of article 1.");
    CHECK(text("//p[@class='author-name']") == "Nova Chen");
    CHECK(text("//time") == "April 27, 2026");
    CHECK(text("//span[@class='reading-time']") == "6 min read");
    CHECK(attr(doc.select_node("//img[@class='portrait']").node(), "alt") == "Portrait of Nova Chen");
    auto lead = doc.select_node("//figure[@class='lead']").node();
    CHECK(attr(lead.child("img"), "alt") == "Cover illustration for article 1");
    CHECK(std::string(lead.select_node(".//span[@class='credit']").node().text().get()) ==
          "Illustration by The Quantum Dispatch");
    CHECK(text("//h2[@id='a1-first-section']") == "First section");
    CHECK(text("//h3[@id='a1-a-subsection']") == "A subsection");
    CHECK(text("//em") == "emphasis");
    CHECK(text("//strong") == "strong");
    CHECK(text("//s") == "struck");
    CHECK(text("//p/code") == "x < y && z");
    CHECK(attr(doc.select_node("//a[text()='a link']").node(), "href") == "https://example.com/a%20b");
    CHECK(doc.select_node("//br"));
    CHECK(attr(doc.select_node("//img[@class='inline']").node(), "alt") == "a green square");
    CHECK(attr(doc.select_node("//abbr").node(), "title") == "HyperText Markup Language");
    CHECK(text("//abbr") == "HTML");
    CHECK(doc.select_nodes("//ul/li").size() == 4);
    CHECK(doc.select_nodes("//li[@class='task']").size() == 2);
    CHECK(attr(doc.select_node("//ol[@start]").node(), "start") == "3");
    // Its numbering as HTML's type (the stylesheet repeats it; epubcheck checks the book).
    CHECK(attr(doc.select_node("//ol[@start]").node(), "type") == "i");
    CHECK(doc.select_nodes("//ol[@start]/li/p").size() == 2);
    CHECK(text("//blockquote/p") == "A quotation.");
    // The code's text, its highlighted tokens' spans included.
    CHECK(pugi::xpath_query("string(//pre/code)").evaluate_string(doc) ==
          "int main() {\n    return 0;\n}");
    CHECK(doc.select_node("//pre/code/span[@class='tok-type'][text()='int']"));
    CHECK(attr(doc.select_node("//pre/code").node(), "class") == "language-c--");
    auto fig = by_id(doc, "a1-fig-blue");
    CHECK(attr(fig.child("img"), "alt") == "A blue rectangle");
    CHECK(std::string(fig.child("figcaption").child_value()) == "A caption. ");
    CHECK(doc.select_nodes("//thead/tr/th[@scope='col']").size() == 2);
    CHECK(doc.select_nodes("//tbody/tr/td").size() == 2);
    CHECK(attr(doc.select_node("//tbody/tr/td[2]").node(), "class") == "right");
    CHECK(doc.select_node("//hr"));
    // Raw HTML: the safe part stays, the script and the event handler are gone, with a warning.
    CHECK(text("//div[@class='note']/p/b") == "bold");
    CHECK_FALSE(doc.select_node("//script"));
    CHECK_FALSE(doc.select_node("//@onclick"));
    bool warned = false;
    for (const auto& d : diags.all())
      if (d.loc.file == "art.md" && d.loc.line == 30 && d.message.find("<script>") != std::string::npos &&
          d.message.find("onclick=") != std::string::npos)
        warned = true;
    CHECK(warned);
    CHECK_FALSE(diags.has_errors());
  }

  TEST_CASE("definition lists are dl, dt and dd; math is MathML") {
    model::Article a = full_article();
    model::DefinitionList dl;
    model::DefinitionItem item;
    item.term.push_back({model::Text{"Term"}, {}});
    model::Paragraph one, two;
    one.content.push_back({model::Text{"First meaning with "}, {}});
    one.content.push_back({model::Math{"a_1", false}, {}});
    two.content.push_back({model::Math{"E = mc^2", true}, {}});
    item.definitions.push_back({model::Block{std::move(one), {}}});
    item.definitions.push_back({model::Block{std::move(two), {}}, model::Block{model::Paragraph{}, {}}});
    dl.items.push_back(std::move(item));
    a.blocks.insert(a.blocks.begin(), model::Block{std::move(dl), {}});
    Diagnostics diags;
    auto book = unzip(build(single(std::move(a)), diags));
    pugi::xml_document doc;
    parse(doc, book.files["EPUB/article-001.xhtml"]);
    CHECK(std::string(doc.select_node("//dl/dt").node().text().get()) == "Term");
    CHECK(doc.select_nodes("//dl/dd").size() == 2);
    // A one-paragraph definition is set inline, a longer one as paragraphs.
    CHECK(std::string(doc.select_node("//dl/dd[1]/math[@display='inline']")
                          .node()
                          .attribute("alttext")
                          .value()) == "a_1");
    CHECK(std::string(doc.select_node("//dl/dd[2]/p/math[@display='block']")
                          .node()
                          .attribute("alttext")
                          .value()) == "E = mc^2");
    CHECK(book.files["EPUB/style.css"].find("dt {") != std::string::npos);
  }

  TEST_CASE("the byline date is written the way the article's language writes dates") {
    for (const auto& [language, shown] :
         {std::pair{"en", "April 27, 2026"}, {"de", "27. April 2026"}, {"fr", "27 avril 2026"},
          {"ja", "2026\u5e744\u670827\u65e5"}, {"ru", "27 \u0430\u043f\u0440\u0435\u043b\u044f 2026\u202f\u0433."}}) {
      CAPTURE(language);
      model::Article a = full_article();
      a.meta.language = language;
      Diagnostics diags;
      auto book = unzip(build(single(std::move(a)), diags));
      pugi::xml_document doc;
      parse(doc, book.files["EPUB/article-001.xhtml"]);
      CHECK(std::string(doc.select_node("//time").node().text().get()) == shown);
      CHECK(std::string(doc.select_node("//time/@datetime").attribute().value()) == "2026-04-27");
    }
    CHECK(model::format_date_long({2026, 4, 0}, "de") == "April 2026");
    CHECK(model::format_date_long({2026, 0, 0}, "ja") == "2026");
  }

  TEST_CASE("heading levels go down one at a time") {
    Diagnostics diags;
    model::Article a = plain_article(1);
    const model::Block first = a.blocks.at(0); // "Only section", a level-1 heading
    a.blocks.clear();
    for (int level : {3, 5, 1, 2}) {
      model::Block h = first;
      std::get<model::Heading>(h.value).level = level;
      std::get<model::Heading>(h.value).id = "h" + std::to_string(a.blocks.size());
      a.blocks.push_back(h);
    }
    auto book = unzip(build(single(a), diags));
    pugi::xml_document doc;
    parse(doc, book.files["EPUB/article-001.xhtml"]);
    std::vector<std::string> levels;
    pugi::xpath_node_set headings = doc.select_nodes("//h1|//h2|//h3|//h4|//h5|//h6");
    headings.sort(); // a union comes in no set order
    for (const auto& h : headings)
      levels.push_back(h.node().name());
    std::string joined;
    for (const auto& l : levels)
      joined += l + " ";
    CHECK(joined == "h1 h2 h3 h2 h3 ");
  }

  TEST_CASE("notes are linked both ways and numbered per the model") {
    Diagnostics diags;
    auto book = unzip(build(single(full_article()), diags));
    pugi::xml_document doc;
    parse(doc, book.files["EPUB/article-001.xhtml"]);
    auto refs = doc.select_nodes("//a[@epub:type='noteref']");
    REQUIRE(refs.size() == 3);
    std::vector<std::string> numbers, targets;
    for (const auto& r : refs) {
      numbers.push_back(r.node().text().get());
      targets.push_back(attr(r.node(), "href"));
    }
    CHECK(numbers == std::vector<std::string>{"1", "2", "1"});
    CHECK(targets == std::vector<std::string>{"#a1-n1", "#a1-n2", "#a1-n1"});
    // Each epub:type with its DPUB-ARIA role, as Ace's epub-type-has-matching-role asks.
    for (const auto& r : refs)
      CHECK(attr(r.node(), "role") == "doc-noteref");
    CHECK(attr(doc.select_node("//section[@epub:type='endnotes']").node(), "role") ==
          "doc-endnotes");
    CHECK(attr(refs[0].node(), "id") == "a1-r1");
    CHECK(attr(refs[2].node(), "id") == "a1-r1-2");
    for (int n : {1, 2}) {
      auto aside = by_id(doc, "a1-n" + std::to_string(n));
      REQUIRE(aside);
      CHECK(std::string(aside.name()) == "aside");
      CHECK(attr(aside, "epub:type") == "footnote");
      CHECK(attr(aside, "role") == "doc-footnote");
      auto back = aside.select_node(".//a[@class='note-number']").node();
      CHECK(attr(back, "href") == "#a1-r" + std::to_string(n));
      CHECK(std::string(back.text().get()) == std::to_string(n) + ".");
    }
    CHECK(std::string(by_id(doc, "a1-n1").select_node(".//a[@href='https://example.com/ms-blog']").node().text().get()) ==
          "https://example.com/ms-blog");
    // The uncited source is listed under Sources with its own number.
    auto sources = doc.select_node("//section[@class='sources']").node();
    REQUIRE(sources);
    CHECK(std::string(sources.child("h2").text().get()) == "Sources");
    auto li = sources.select_node(".//li").node();
    CHECK(attr(li, "value") == "3");
    CHECK(attr(li, "id") == "a1-n3");
    CHECK(std::string(li.child_value()).starts_with("CNBC, A report on things, April 27, 2026"));
  }

  TEST_CASE("ids are unique across the whole book") {
    Diagnostics diags;
    auto issue = make_issue({full_article(1), full_article(2), plain_article(3)});
    auto book = unzip(build(issue, diags));
    std::set<std::string> ids;
    int docs = 0;
    for (const auto& [name, data] : book.files) {
      if (!name.ends_with(".xhtml") || name.ends_with("nav.xhtml")) continue;
      ++docs;
      pugi::xml_document doc;
      parse(doc, data);
      for (const auto& n : doc.select_nodes("//@id")) {
        CAPTURE(name);
        CAPTURE(n.attribute().value());
        CHECK(ids.insert(n.attribute().value()).second);
      }
    }
    CHECK(docs == 6);
    CHECK(ids.count("a2-n1") == 1);
  }

  TEST_CASE("nav: articles then headings; landmarks; NCX mirrors it") {
    Diagnostics diags;
    auto issue = make_issue({full_article(1), plain_article(2)});
    auto book = unzip(build(issue, diags));
    pugi::xml_document nav;
    parse(nav, book.files["EPUB/nav.xhtml"]);
    auto top = nav.select_nodes("//nav[@epub:type='toc']/ol/li/a");
    REQUIRE(top.size() == 2);
    CHECK(std::string(top[0].node().text().get()) == "Article number 1");
    CHECK(attr(top[0].node(), "href") == "article-001.xhtml");
    auto sub = nav.select_nodes("//nav[@epub:type='toc']/ol/li[1]/ol/li/a");
    REQUIRE(sub.size() == 2);
    CHECK(attr(sub[0].node(), "href") == "article-001.xhtml#a1-first-section");
    CHECK(std::string(nav.select_node("//nav[@epub:type='toc']/ol/li[1]/ol/li[1]/ol/li/a").node().text().get()) ==
          "A subsection");
    std::vector<std::string> landmarks;
    for (const auto& n : nav.select_nodes("//nav[@epub:type='landmarks']//a"))
      landmarks.push_back(attr(n.node(), "epub:type") + "=" + attr(n.node(), "href"));
    CHECK(landmarks == std::vector<std::string>{"cover=cover.xhtml", "toc=contents.xhtml",
                                                "bodymatter=article-001.xhtml"});
    pugi::xml_document ncx;
    parse(ncx, book.files["EPUB/toc.ncx"]);
    CHECK(ncx.select_nodes("//navPoint").size() == 2 + 3 + 1);
    pugi::xml_document opf;
    parse(opf, book.files["EPUB/package.opf"]);
    CHECK(std::string(ncx.select_node("//meta[@name='dtb:uid']").node().attribute("content").value()) ==
          opf.select_node("//*[@id='pub-id']").node().text().get());
    // The contents page lists each article with authors and dek.
    pugi::xml_document contents;
    parse(contents, book.files["EPUB/contents.xhtml"]);
    CHECK(contents.select_nodes("//ol/li").size() == 2);
    CHECK(std::string(contents.select_node("//li[2]/p[@class='entry-authors']").node().text().get()) == "Theo Vasquez");
    CHECK(std::string(contents.select_node("//li[2]/p[@class='entry-dek']").node().text().get()) == "Summary 2");
  }

  TEST_CASE("a single article's toc landmark points into the nav document") {
    Diagnostics diags;
    auto book = unzip(build(single(plain_article(1)), diags));
    pugi::xml_document nav;
    parse(nav, book.files["EPUB/nav.xhtml"]);
    CHECK(attr(nav.select_node("//a[@epub:type='toc']").node(), "href") == "nav.xhtml#toc");
    CHECK(book.files.count("EPUB/cover.xhtml") == 0);
  }

  TEST_CASE("a missing image, which the loader warned about, shows its alt text in its place") {
    Diagnostics diags;
    auto article = full_article();
    std::get<model::Figure>(article.blocks[9].value).image = {"images/gone.png", "", false};
    auto book = unzip(build(single(article), diags));
    CHECK_FALSE(diags.has_errors());
    pugi::xml_document doc;
    parse(doc, book.files["EPUB/article-001.xhtml"]);
    auto alt = doc.select_node("//*[@class='image-alt']").node();
    CHECK(std::string(alt.text().get()) == "A blue rectangle");
    CHECK_FALSE(doc.select_node("//img[@alt='A blue rectangle']"));
  }

  TEST_CASE("an undefined note is an error with file and line") {
    Diagnostics diags;
    auto article = full_article();
    article.notes.erase(article.notes.begin() + 1); // "aside"
    CHECK(build(single(article), diags).empty());
    REQUIRE(diags.error_count() == 1);
    std::string msg;
    for (const auto& d : diags.all())
      if (d.severity == Severity::Error) {
        CHECK(d.loc.file == "art.md");
        CHECK(d.loc.line == 12);
        msg = d.message;
      }
    CHECK(msg == "note 'aside' is referenced but never defined");
  }

  TEST_CASE("image policy: WebP carried as PNG, remote images warned and shown as alt text") {
    Diagnostics diags;
    auto article = plain_article(1);
    model::Inlines in{{model::Image{{"https://example.com/x.png", "", true}, "remote picture", ""}, {"p.md", 4, 2}}};
    article.blocks.push_back({model::Paragraph{in}, {}});
    auto book = unzip(build(single(article), diags));
    CHECK_FALSE(diags.has_errors());
    REQUIRE(diags.warning_count() == 1);
    CHECK(diags.all()[0].loc.line == 4);
    pugi::xml_document doc;
    parse(doc, book.files["EPUB/article-001.xhtml"]);
    CHECK(std::string(doc.select_node("//span[@class='image-alt']").node().text().get()) == "remote picture");

    // WebP is not a core media type of EPUB 3.3: the book holds the same pixels as a PNG.
    Diagnostics webp;
    auto converted = plain_article(2);
    converted.blocks.push_back(
        {model::Figure{{"w.webp", (data_dir() / "pixel.webp").string(), false}, "alt", {}, "", ""},
         {"p.md", 9, 1}});
    auto with_png = unzip(build(single(converted), webp));
    CHECK_FALSE(webp.has_errors());
    REQUIRE(with_png.files.count("EPUB/images/img-001.png") == 1);
    ImageInfo png = probe_image(with_png.files["EPUB/images/img-001.png"]);
    CHECK(png.format == ImageFormat::Png);
    CHECK(png.width == 8);
    CHECK(png.height == 8);
    const std::string& opf = with_png.files["EPUB/package.opf"];
    CHECK(opf.find("images/img-001.png\" media-type=\"image/png\"") != std::string::npos);
    CHECK(opf.find("image/webp") == std::string::npos);
  }

  TEST_CASE("links to fragments: kept when the target exists, dropped with a warning if not") {
    Diagnostics diags;
    auto article = plain_article(1);
    model::Inlines in{{model::Link{"#only-section", "", test::text("up")}, {"p.md", 5, 1}},
                      {model::Link{"#nowhere", "", test::text("lost")}, {"p.md", 5, 20}}};
    article.blocks.push_back({model::Paragraph{in}, {}});
    auto book = unzip(build(single(article), diags));
    pugi::xml_document doc;
    parse(doc, book.files["EPUB/article-001.xhtml"]);
    CHECK(attr(doc.select_node("//a[text()='up']").node(), "href") == "#a1-only-section");
    CHECK_FALSE(doc.select_node("//a[text()='lost']"));
    CHECK(book.files["EPUB/article-001.xhtml"].find("lost") != std::string::npos);
    REQUIRE(diags.warning_count() == 1);
    CHECK(diags.all()[0].loc.column == 20);
    CHECK(diags.all()[0].message.find("'#nowhere'") != std::string::npos);
  }

  TEST_CASE("raw HTML that is not well-formed is dropped with a warning") {
    Diagnostics diags;
    auto article = plain_article(1);
    article.blocks.push_back({model::RawBlock{"<p>unclosed &nbsp; <br>"}, {"p.md", 7, 1}});
    article.blocks.push_back({model::RawBlock{"<iframe src=\"https://x\"></iframe><!-- c -->"}, {"p.md", 8, 1}});
    auto book = unzip(build(single(article), diags));
    REQUIRE(diags.warning_count() == 2);
    CHECK(diags.all()[0].loc.line == 7);
    CHECK(diags.all()[0].message.find("not well-formed") != std::string::npos);
    CHECK(diags.all()[1].message.find("<iframe>") != std::string::npos);
    pugi::xml_document doc;
    parse(doc, book.files["EPUB/article-001.xhtml"]);
    CHECK_FALSE(doc.select_node("//iframe"));
    CHECK(book.files["EPUB/article-001.xhtml"].find("unclosed") == std::string::npos);
  }

  TEST_CASE("raw HTML lists keep their numbering: type, start and reversed") {
    Diagnostics diags;
    auto article = plain_article(1);
    article.blocks.push_back(
        {model::RawBlock{"<ol type=\"a\" start=\"3\"><li>c</li></ol>"
                         "<ol type=\"I\" reversed=\"reversed\"><li>II</li><li>I</li></ol>"
                         "<ol type=\"square\"><li>x</li></ol>"},
         {"p.md", 7, 1}});
    auto book = unzip(build(single(article), diags));
    pugi::xml_document doc;
    parse(doc, book.files["EPUB/article-001.xhtml"]);
    auto lists = doc.select_nodes("//ol");
    REQUIRE(lists.size() == 3);
    CHECK(attr(lists[0].node(), "type") == "a");
    CHECK(attr(lists[0].node(), "start") == "3");
    CHECK(attr(lists[1].node(), "type") == "I");
    CHECK(attr(lists[1].node(), "reversed") == "reversed");
    CHECK_FALSE(lists[2].node().attribute("type"));
    REQUIRE(diags.warning_count() == 1);
    CHECK(diags.all()[0].loc.line == 7);
    CHECK(diags.all()[0].message.find("type=\"square\"") != std::string::npos);
  }

  TEST_CASE("css uses relative units from the style and appends extra css") {
    auto s = style::default_style();
    s.epub.extra_css = ".x { color: red; }";
    std::string css = generate_css(s, "");
    CHECK(css.find("line-height: 1.333;") != std::string::npos); // 14 / 10.5
    CHECK(css.find("p + p { text-indent: 1.143em; }") != std::string::npos); // 12 / 10.5
    CHECK(css.find("\"EB Garamond\"") != std::string::npos);
    CHECK(css.find("text-align: justify") != std::string::npos);
    CHECK(css.find("pt;") == std::string::npos);
    CHECK(css.ends_with(".x { color: red; }\n"));
  }

  TEST_CASE("embedded fonts are subset and declared") {
    Diagnostics diags;
    EpubOptions o;
    o.embed_fonts = true;
    o.fonts.font_dirs = {std::filesystem::path(GALLEY_SOURCE_DIR) / "fonts"};
    auto book = unzip(build(single(plain_article(1)), diags, o));
    CHECK(diags.warning_count() == 0);
    pugi::xml_document opf;
    parse(opf, book.files["EPUB/package.opf"]);
    auto fonts = opf.select_nodes("//item[starts-with(@media-type, 'font/')]");
    CHECK(fonts.size() >= 6);
    for (const auto& f : fonts) {
      std::string href = attr(f.node(), "href");
      CHECK(book.files["EPUB/" + href].size() < 40000); // subset: the full faces are far larger
      CHECK(book.files["EPUB/style.css"].find("url(" + href + ")") != std::string::npos);
    }
  }
}
