// The DOCX reader on packages built here, part by part, the way Word, Google Docs and pandoc
// write them: styles by name (localized ids too), numbering, tables with merged cells, notes,
// links, pictures, revisions, and the refusals of a corrupt or oversized package.
#include "support.hpp"

#include "input/docx.hpp"
#include "input/readers.hpp"
#include "util/files.hpp"

#include <doctest/doctest.h>
#include <zip.h>

#include <map>

using namespace galley;
using galley::test::TempDir;
namespace fs = std::filesystem;

namespace {

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

/// A package as a test describes it: the body's XML and whatever other parts it needs.
struct Docx {
  std::string body;
  std::string styles;    ///< the children of w:styles
  std::string numbering; ///< the children of w:numbering
  std::string footnotes, endnotes, comments;
  std::string core;                               ///< the children of cp:coreProperties
  std::map<std::string, std::string> media;       ///< word/media/<name> -> bytes
  std::map<std::string, std::string> hyperlinks;  ///< relationship id -> URL
  std::map<std::string, std::string> extra_parts; ///< written as they are
};

std::string part(const std::string& root, const std::string& children) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<" + root + " xmlns:w=\"" +
         kW + "\" xmlns:r=\"" + kR +
         "\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
         " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
         " xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">" +
         children + "</" + root.substr(0, root.find(' ')) + ">";
}

/// Writes the package to `name` in `dir` with libzip.
fs::path write_docx(const TempDir& dir, const std::string& name, const Docx& d) {
  std::map<std::string, std::string> parts;
  parts["[Content_Types].xml"] =
      "<?xml version=\"1.0\"?><Types "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default "
      "Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
  std::string package_rels = "<Relationship Id=\"rId1\" Type=\"" + std::string(kRel) +
                             "officeDocument\" Target=\"word/document.xml\"/>";
  if (!d.core.empty()) {
    package_rels += "<Relationship Id=\"rId2\" "
                    "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/"
                    "metadata/core-properties\" Target=\"docProps/core.xml\"/>";
    parts["docProps/core.xml"] =
        "<?xml version=\"1.0\"?><cp:coreProperties "
        "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
        "xmlns:dcterms=\"http://purl.org/dc/terms/\">" +
        d.core + "</cp:coreProperties>";
  }
  parts["_rels/.rels"] = "<?xml version=\"1.0\"?><Relationships "
                         "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                         package_rels + "</Relationships>";
  std::string rels;
  auto add = [&](const std::string& type, const std::string& target, const std::string& text,
                 const std::string& root) {
    if (text.empty())
      return;
    rels += "<Relationship Id=\"rId" + type + "\" Type=\"" + kRel + type + "\" Target=\"" + target +
            "\"/>";
    parts["word/" + target] = part(root, text);
  };
  add("styles", "styles.xml", d.styles, "w:styles");
  add("numbering", "numbering.xml", d.numbering, "w:numbering");
  add("footnotes", "footnotes.xml", d.footnotes, "w:footnotes");
  add("endnotes", "endnotes.xml", d.endnotes, "w:endnotes");
  add("comments", "comments.xml", d.comments, "w:comments");
  for (const auto& [file, bytes] : d.media) {
    rels += "<Relationship Id=\"" + file + "\" Type=\"" + kRel + "image\" Target=\"media/" + file +
            "\"/>";
    parts["word/media/" + file] = bytes;
  }
  for (const auto& [id, url] : d.hyperlinks)
    rels += "<Relationship Id=\"" + id + "\" Type=\"" + kRel + "hyperlink\" Target=\"" + url +
            "\" TargetMode=\"External\"/>";
  parts["word/_rels/document.xml.rels"] =
      "<?xml version=\"1.0\"?><Relationships "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
      rels + "</Relationships>";
  parts["word/document.xml"] = part("w:document", "<w:body>" + d.body + "</w:body>");
  for (const auto& [n, bytes] : d.extra_parts)
    parts[n] = bytes;

  const fs::path path = dir.path() / name;
  int err = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  REQUIRE(zip != nullptr);
  for (const auto& [n, bytes] : parts) {
    zip_source_t* src = zip_source_buffer(zip, bytes.data(), bytes.size(), 0);
    REQUIRE(src != nullptr);
    REQUIRE(zip_file_add(zip, n.c_str(), src, ZIP_FL_ENC_UTF_8) >= 0);
  }
  REQUIRE(zip_close(zip) == 0);
  return path;
}

std::string p(const std::string& style, const std::string& runs) {
  return "<w:p>" + (style.empty() ? "" : "<w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>") +
         runs + "</w:p>";
}

std::string r(const std::string& text, const std::string& rpr = "") {
  return "<w:r>" + (rpr.empty() ? "" : "<w:rPr>" + rpr + "</w:rPr>") +
         "<w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}

std::string style(const std::string& id, const std::string& name,
                  const std::string& type = "paragraph", const std::string& inside = "") {
  return "<w:style w:type=\"" + type + "\" w:styleId=\"" + id + "\"><w:name w:val=\"" + name +
         "\"/>" + inside + "</w:style>";
}

std::optional<model::Article> load(const fs::path& path, Diagnostics& diags,
                                   const input::LoadOptions& options = {}) {
  return input::load_article(path, options, diags);
}

template <class T> const T& block(const model::Article& a, size_t i) {
  REQUIRE(i < a.blocks.size());
  const T* b = std::get_if<T>(&a.blocks[i].value);
  REQUIRE(b != nullptr);
  return *b;
}

std::string text(const model::Inlines& in) {
  return model::plain_text(in);
}

} // namespace

TEST_SUITE("input/docx") {
  TEST_CASE("the DOCX reader is in the table by extension and by content") {
    const input::Reader* by_extension = input::binary_reader(".docx", "anything");
    REQUIRE(by_extension != nullptr);
    CHECK(by_extension->name == "DOCX");
    TempDir dir;
    Docx d;
    d.body = p("", r("Sniffed."));
    const fs::path path = write_docx(dir, "export.bin", d);
    auto bytes = read_file(path);
    REQUIRE(bytes);
    CHECK(input::is_docx(*bytes));
    CHECK(input::binary_reader(".bin", *bytes) == by_extension);
    CHECK(input::binary_reader(".md", *bytes) == nullptr); // an extension a text reader owns
    Diagnostics diags;
    auto a = load(path, diags);
    REQUIRE(a);
    CHECK(text(block<model::Paragraph>(*a, 0).content) == "Sniffed.");
  }

  TEST_CASE("paragraph styles give the title block, headings, quotes and code, by name") {
    TempDir dir;
    Docx d;
    // A German Word: style ids in German, names in English.
    d.styles = "<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val=\"de-DE\"/></w:rPr>"
               "</w:rPrDefault></w:docDefaults>" +
               style("Titel", "Title", "paragraph", "<w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr>") +
               style("Untertitel", "Subtitle") + style("berschrift1", "heading 1") +
               style("berschrift2", "heading 2") + style("Zitat", "Quote") +
               style("Quelltext", "Source Code") +
               style("Kapitel", "Kapitel", "paragraph", "<w:basedOn w:val=\"berschrift1\"/>");
    d.body = p("Titel", r("Der Bericht")) + p("Untertitel", r("Ein Jahr")) +
             p("berschrift1", r("Einleitung")) + p("", r("Text.")) +
             "<w:p><w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr>" + r("Gliederung") + "</w:p>" +
             p("Kapitel", r("Geerbt")) + p("berschrift2", r("Zweite")) + p("Zitat", r("Eins.")) +
             p("Zitat", r("Zwei.")) + p("Quelltext", r("int x;")) +
             p("Quelltext", "<w:r><w:tab/><w:t>return x;</w:t></w:r>") +
             "<w:p><w:pPr><w:pStyle w:val=\"berschrift1\"/><w:outlineLvl w:val=\"9\"/></w:pPr>" +
             r("Body after all") + "</w:p>";
    Diagnostics diags;
    auto a = load(write_docx(dir, "bericht.docx", d), diags);
    REQUIRE(a);
    CAPTURE(test::dump(diags));
    CHECK(diags.empty());
    CHECK(a->meta.title == "Der Bericht");
    CHECK(a->meta.subtitle == "Ein Jahr");
    CHECK(a->meta.language == "de-DE");
    CHECK(block<model::Heading>(*a, 0).level == 1);
    CHECK(text(block<model::Heading>(*a, 0).content) == "Einleitung");
    CHECK(block<model::Heading>(*a, 2).level == 3); // outline level 2 counts from 0
    CHECK(text(block<model::Heading>(*a, 3).content) == "Geerbt");
    CHECK(block<model::Heading>(*a, 3).level == 1);
    CHECK(block<model::Heading>(*a, 4).level == 2);
    const auto& quote = block<model::BlockQuote>(*a, 5);
    CHECK(quote.blocks.size() == 2);
    CHECK(block<model::CodeBlock>(*a, 6).code == "int x;\n\treturn x;");
    CHECK(text(block<model::Paragraph>(*a, 7).content) == "Body after all");
  }

  TEST_CASE("runs keep bold, italic, underline, strike and shifts, from character styles too") {
    TempDir dir;
    Docx d;
    d.styles =
        style("Strong", "Strong", "character", "<w:rPr><w:b/></w:rPr>") +
        style("VerbatimChar", "Verbatim Char", "character") +
        style("Hyperlink", "Hyperlink", "character", "<w:rPr><w:u w:val=\"single\"/></w:rPr>");
    d.body =
        p("", r("plain ") + r("bold ", "<w:b/>") + r("both", "<w:b/><w:i/>") + r(" it", "<w:i/>") +
                  r(" not", "<w:b w:val=\"0\"/>") + r(" under", "<w:u w:val=\"single\"/>") +
                  r(" none", "<w:u w:val=\"none\"/>") + r(" gone", "<w:strike/>") +
                  r("2", "<w:vertAlign w:val=\"superscript\"/>") +
                  r("x", "<w:vertAlign w:val=\"subscript\"/>") +
                  r(" styled", "<w:rStyle w:val=\"Strong\"/>") +
                  r(" code()", "<w:rStyle w:val=\"VerbatimChar\"/>") +
                  r(" mono", "<w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\"/>") +
                  r(" hidden", "<w:vanish/>") +
                  "<w:r><w:t>a</w:t><w:softHyphen/><w:t>b</w:t><w:noBreakHyphen/>"
                  "<w:t>c</w:t><w:br/><w:t>d</w:t><w:tab/><w:t>e</w:t></w:r>");
    Diagnostics diags;
    auto a = load(write_docx(dir, "runs.docx", d), diags);
    REQUIRE(a);
    const std::string dump = test::dump(*a);
    CAPTURE(dump);
    const auto& in = block<model::Paragraph>(*a, 0).content;
    REQUIRE(in.size() >= 10);
    // "bold both" nests: Strong[bold , Emphasis[both]], then Emphasis[ it].
    const auto* strong = std::get_if<model::Strong>(&in[1].value);
    REQUIRE(strong);
    CHECK(text(strong->children) == "bold both");
    CHECK(std::holds_alternative<model::Emphasis>(strong->children.back().value));
    CHECK(std::holds_alternative<model::Emphasis>(in[2].value));
    CHECK(std::get<model::Text>(in[3].value).text == " not");
    const auto* under = std::get_if<model::Span>(&in[4].value);
    REQUIRE(under);
    CHECK(under->kind == model::SpanKind::Underline);
    CHECK(std::get<model::Text>(in[5].value).text == " none");
    CHECK(std::holds_alternative<model::Strikethrough>(in[6].value));
    CHECK(std::holds_alternative<model::Superscript>(in[7].value));
    CHECK(std::holds_alternative<model::Subscript>(in[8].value));
    CHECK(std::holds_alternative<model::Strong>(in[9].value));
    const std::string all = text(in);
    CHECK(all.find("hidden") == std::string::npos);
    CHECK(all.find("a\u00ADb\u2011c") != std::string::npos);
    // A character style and a monospace font both make code, one run of it.
    CHECK(dump.find("code ' code() mono'") != std::string::npos);
    CHECK(dump.find("line-break") != std::string::npos);
  }

  TEST_CASE("lists follow numbering.xml: bullets, numbers, nesting, start values, counting on, "
            "letters and roman numerals") {
    TempDir dir;
    Docx d;
    d.numbering = "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
                  "<w:numFmt w:val=\"bullet\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:start w:val=\"3\"/>"
                  "<w:numFmt w:val=\"lowerLetter\"/></w:lvl></w:abstractNum>"
                  "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
                  "<w:numFmt w:val=\"upperRoman\"/></w:lvl></w:abstractNum>"
                  "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
                  "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\">"
                  "<w:startOverride w:val=\"5\"/></w:lvlOverride></w:num>";
    d.styles = style("ListBullet", "List Bullet", "paragraph",
                     "<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr>");
    auto item = [](const std::string& num, int level, const std::string& t) {
      return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(level) +
             "\"/><w:numId w:val=\"" + num + "\"/></w:numPr></w:pPr>" + r(t) + "</w:p>";
    };
    d.body = item("1", 0, "apples") + item("1", 1, "green") + item("1", 1, "red") +
             p("ListBullet", r("pears")) + item("2", 0, "fifth") + item("2", 0, "sixth") +
             p("", r("Between.")) + item("2", 0, "seventh");
    Diagnostics diags;
    auto a = load(write_docx(dir, "lists.docx", d), diags);
    REQUIRE(a);
    CAPTURE(test::dump(*a));
    const auto& bullets = block<model::List>(*a, 0);
    CHECK(bullets.kind == model::ListKind::Bullet);
    REQUIRE(bullets.items.size() == 2); // apples (with its sub-list), pears
    REQUIRE(bullets.items[0].blocks.size() == 2);
    const auto& sub = std::get<model::List>(bullets.items[0].blocks[1].value);
    CHECK(sub.kind == model::ListKind::Ordered);
    CHECK(sub.start == 3);
    CHECK(sub.numbering == model::ListNumbering::LowerAlpha);
    CHECK(sub.items.size() == 2);
    const auto& numbered = block<model::List>(*a, 1);
    CHECK(numbered.kind == model::ListKind::Ordered);
    CHECK(numbered.start == 5);
    CHECK(numbered.numbering == model::ListNumbering::UpperRoman);
    CHECK(numbered.items.size() == 2);
    CHECK(block<model::List>(*a, 3).start == 7); // the list counts on after the paragraph
  }

  TEST_CASE("equations are formulas: inline in their paragraph, and set apart") {
    TempDir dir;
    Docx d;
    const std::string m = "xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\"";
    d.body = p("", r("Energy is ") + "<m:oMath " + m +
                       "><m:r><m:t>E=m</m:t></m:r><m:sSup><m:e><m:r><m:t>c</m:t></m:r></m:e>"
                       "<m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup></m:oMath>" +
                       r(", they say.")) +
             p("", "<m:oMathPara " + m +
                       "><m:oMath><m:f><m:num><m:r><m:t>a</m:t></m:r></m:num><m:den><m:r>"
                       "<m:t>b</m:t></m:r></m:den></m:f></m:oMath></m:oMathPara>") +
             p("", r("After."));
    Diagnostics diags;
    auto a = load(write_docx(dir, "math.docx", d), diags);
    REQUIRE(a);
    CAPTURE(test::dump(diags));
    const auto& first = block<model::Paragraph>(*a, 0).content;
    REQUIRE(first.size() == 3);
    const auto* inline_math = std::get_if<model::Math>(&first[1].value);
    REQUIRE(inline_math != nullptr);
    CHECK(inline_math->tex == "E=m {c }^{2 }");
    CHECK_FALSE(inline_math->display);
    CHECK(text(first) == "Energy is E=m {c }^{2 }, they say.");
    const auto& second = block<model::Paragraph>(*a, 1).content;
    REQUIRE(second.size() == 1);
    const auto* display = std::get_if<model::Math>(&second[0].value);
    REQUIRE(display != nullptr);
    CHECK(display->tex == "\\frac{a }{b }");
    CHECK(display->display);
    CHECK(text(block<model::Paragraph>(*a, 2).content) == "After.");
  }

  TEST_CASE("tables: merged cells keep the columns, header rows repeat") {
    TempDir dir;
    Docx d;
    auto tc = [](const std::string& pr, const std::string& t) {
      return "<w:tc><w:tcPr>" + pr + "</w:tcPr>" + p("", r(t)) + "</w:tc>";
    };
    d.body = "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
             "<w:tr><w:trPr><w:tblHeader/></w:trPr>" +
             tc("<w:gridSpan w:val=\"2\"/>", "Region") + tc("", "Total") + "</w:tr><w:tr>" +
             tc("<w:vMerge w:val=\"restart\"/>", "North") + tc("", "a") + tc("", "1") +
             "</w:tr><w:tr>" + tc("<w:vMerge/>", "ignored") + tc("", "b") + tc("", "2") +
             "</w:tr></w:tbl>";
    Diagnostics diags;
    auto a = load(write_docx(dir, "table.docx", d), diags);
    REQUIRE(a);
    const auto& t = block<model::Table>(*a, 0);
    CHECK(t.header_rows == 1);
    CHECK(t.aligns.size() == 3);
    REQUIRE(t.rows.size() == 3);
    for (const auto& row : t.rows)
      CHECK(row.cells.size() == 3);
    CHECK(text(t.rows[0].cells[0].content) == "Region");
    CHECK(t.rows[0].cells[1].content.empty());
    CHECK(text(t.rows[1].cells[0].content) == "North");
    CHECK(t.rows[2].cells[0].content.empty());
    CHECK(text(t.rows[2].cells[1].content) == "b");
  }

  TEST_CASE("footnotes and endnotes become notes; separators do not") {
    TempDir dir;
    Docx d;
    d.body = p("Title", r("Notes")) +
             p("", r("Claim.") + "<w:r><w:footnoteReference w:id=\"2\"/></w:r>" + r(" Other.") +
                       "<w:r><w:endnoteReference w:id=\"1\"/></w:r>");
    d.footnotes =
        "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p>"
        "</w:footnote><w:footnote w:id=\"2\"><w:p><w:r><w:footnoteRef/></w:r>" +
        r(" The source.") + "</w:p></w:footnote>";
    d.endnotes = "<w:endnote w:id=\"1\"><w:p><w:r><w:endnoteRef/></w:r>" + r(" At the end.") +
                 "</w:p></w:endnote>";
    Diagnostics diags;
    auto a = load(write_docx(dir, "notes.docx", d), diags);
    REQUIRE(a);
    CAPTURE(test::dump(diags));
    CHECK(diags.empty());
    REQUIRE(a->notes.size() == 2);
    CHECK(a->notes[0].number == 1);
    CHECK(text(std::get<model::Paragraph>(a->notes[0].blocks[0].value).content) == "The source.");
    CHECK(text(std::get<model::Paragraph>(a->notes[1].blocks[0].value).content) == "At the end.");
  }

  TEST_CASE("links: external targets, anchors at headings, other anchors as text") {
    TempDir dir;
    Docx d;
    d.hyperlinks["rIdLink"] = "https://example.org/budget";
    d.styles = style("Heading1", "heading 1");
    d.body =
        p("Title", r("Links")) + "<w:bookmarkStart w:id=\"0\" w:name=\"costs\"/>" +
        p("Heading1", r("Costs")) + "<w:bookmarkEnd w:id=\"0\"/>" +
        p("", "<w:hyperlink r:id=\"rIdLink\">" + r("budget") + "</w:hyperlink>" + r(", ") +
                  "<w:hyperlink w:anchor=\"costs\">" + r("see costs") + "</w:hyperlink>" + r(", ") +
                  "<w:hyperlink w:anchor=\"_Ref12\">" + r("table 1") + "</w:hyperlink>");
    Diagnostics diags;
    auto a = load(write_docx(dir, "links.docx", d), diags);
    REQUIRE(a);
    CAPTURE(test::dump(*a));
    CAPTURE(test::dump(diags));
    CHECK(diags.empty());
    CHECK(block<model::Heading>(*a, 0).id == "costs");
    const auto& in = block<model::Paragraph>(*a, 1).content;
    REQUIRE(in.size() == 4);
    CHECK(std::get<model::Link>(in[0].value).url == "https://example.org/budget");
    CHECK(std::get<model::Link>(in[2].value).url == "#costs");
    CHECK(std::get<model::Text>(in[3].value).text == ", table 1");
  }

  TEST_CASE("a picture is read from the package, checked, and read back by its held name") {
    TempDir dir;
    auto png = read_file(fs::path(GALLEY_TEST_DATA_DIR) / "e2e/data/images/alpha.png");
    REQUIRE(png);
    Docx d;
    d.media["image1.png"] = *png;
    d.media["image2.emf"] = std::string("\x01\x00\x00\x00 EMF", 8);
    auto drawing = [](const std::string& id, const std::string& descr) {
      return "<w:r><w:drawing><wp:inline><wp:docPr id=\"1\" name=\"Picture\" descr=\"" + descr +
             "\"/><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed=\"" + id +
             "\"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>"
             "</w:r>";
    };
    d.styles = style("Caption", "caption");
    d.body = p("", drawing("image1.png", "A red square")) + p("Caption", r("The square.")) +
             p("", r("Inline ") + drawing("image1.png", "again") + r(" and ") +
                       drawing("image2.emf", "a chart"));
    Diagnostics diags;
    auto a = load(write_docx(dir, "pictures.docx", d), diags);
    REQUIRE(a);
    CAPTURE(test::dump(diags));
    const auto& f = block<model::Figure>(*a, 0);
    CHECK(f.alt == "A red square");
    CHECK(text(f.caption) == "The square.");
    CHECK(f.image.src == "word/media/image1.png");
    CHECK(f.image.path == (dir.path() / "pictures.docx/word/media/image1.png").string());
    CHECK_FALSE(fs::exists(f.image.path));
    auto held = read_file(f.image.path);
    REQUIRE(held);
    CHECK(*held == *png);
    const auto& in = block<model::Paragraph>(*a, 1).content;
    CHECK(std::get<model::Image>(in[1].value).image.path == f.image.path);
    CHECK(text(in).find("a chart") != std::string::npos); // EMF: its alt text, and a warning
    CHECK(test::has(diags, Severity::Warning, "picture 'word/media/image2.emf' is not a JPEG"));
    CHECK(diags.error_count() == 0);
  }

  TEST_CASE("tracked changes are accepted and comments dropped, with one warning") {
    TempDir dir;
    Docx d;
    d.body =
        p("Title", r("Revised")) +
        p("", r("Kept ") + "<w:ins w:id=\"1\" w:author=\"Ed\">" + r("added ") + "</w:ins>" +
                  "<w:del w:id=\"2\" w:author=\"Ed\"><w:r><w:delText>removed </w:delText>"
                  "</w:r></w:del>" +
                  "<w:commentRangeStart w:id=\"0\"/>" + r("text.") +
                  "<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r>") +
        p("", "<w:del w:id=\"3\" w:author=\"Ed\">" + r("gone") + "</w:del>" + r("Second."));
    d.comments =
        "<w:comment w:id=\"0\" w:author=\"Ed\"><w:p>" + r("Check this") + "</w:p></w:comment>";
    Diagnostics diags;
    auto a = load(write_docx(dir, "revised.docx", d), diags);
    REQUIRE(a);
    CHECK(text(block<model::Paragraph>(*a, 0).content) == "Kept added text.");
    CHECK(text(block<model::Paragraph>(*a, 1).content) == "Second.");
    CAPTURE(test::dump(diags));
    CHECK(diags.warning_count() == 1);
    CHECK(test::has(diags, Severity::Warning,
                    "the document has tracked changes and comments: tracked changes are taken as "
                    "accepted (insertions kept, deletions dropped) and comments are left out"));
  }

  TEST_CASE("core properties give title, authors and language; their dates are not the article's") {
    TempDir dir;
    Docx d;
    d.core = "<dc:title>Harbour plans</dc:title><dc:creator>Ana Lima; Jo Park</dc:creator>"
             "<dc:language>pt-BR</dc:language><cp:keywords>port, city</cp:keywords>"
             "<dcterms:created>2024-01-02T03:04:05Z</dcterms:created>";
    d.body = p("", r("Text."));
    Diagnostics diags;
    auto a = load(write_docx(dir, "core.docx", d), diags);
    REQUIRE(a);
    CHECK(a->meta.title == "Harbour plans");
    REQUIRE(a->meta.authors.size() == 2);
    CHECK(a->meta.authors[1].name == "Jo Park");
    CHECK(a->meta.language == "pt-BR");
    CHECK(a->meta.tags == std::vector<std::string>{"port", "city"});
    CHECK_FALSE(a->meta.date);
  }

  TEST_CASE("pandoc's title block: Author, Date and Abstract paragraphs") {
    TempDir dir;
    Docx d;
    d.core = "<dc:creator>Someone Else</dc:creator>";
    d.body = p("Title", r("Shore")) + p("Author", r("Mia Berg")) + p("Author", r("Li Wen")) +
             p("Date", r("2026-04-27")) + p("Abstract", r("What happened.")) + p("", r("Body."));
    Diagnostics diags;
    auto a = load(write_docx(dir, "pandoc.docx", d), diags);
    REQUIRE(a);
    CHECK(a->meta.title == "Shore");
    REQUIRE(a->meta.authors.size() == 2);
    CHECK(a->meta.authors[0].name == "Mia Berg");
    REQUIRE(a->meta.date);
    CHECK(*a->meta.date == model::Date{2026, 4, 27});
    CHECK(a->meta.dek == "What happened.");
    CHECK(a->blocks.size() == 1);
  }

  TEST_CASE("a file that is not a DOCX, or a corrupt one, is one error at the file") {
    TempDir dir;
    Docx d;
    d.body = p("", r("Whole."));
    const fs::path good = write_docx(dir, "good.docx", d);
    auto bytes = read_file(good);
    REQUIRE(bytes);
    struct Case {
      std::string name, content, message;
    };
    const std::vector<Case> cases{
        {"truncated.docx", bytes->substr(0, bytes->size() / 2),
         "the DOCX file is corrupt: the zip archive cannot be read"},
        {"text.docx", "This is not a zip.", "not a DOCX file: it is no zip archive"},
        {"empty.docx", "", "not a DOCX file: it is no zip archive"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.name);
      Diagnostics diags;
      CHECK_FALSE(load(dir.write(c.name, c.content), diags));
      CAPTURE(test::dump(diags));
      CHECK(diags.error_count() == 1);
      CHECK(test::has(diags, Severity::Error, c.message));
      CHECK(diags.all().front().loc.file == (dir.path() / c.name).generic_string());
      CHECK(diags.all().front().loc.line == 0);
    }
    Docx not_docx;
    not_docx.extra_parts["readme.txt"] = "hello";
    const fs::path zip = write_docx(dir, "other.docx", not_docx);
    // The same zip without its document part.
    int err = 0;
    zip_t* z = zip_open(zip.c_str(), 0, &err);
    REQUIRE(z);
    REQUIRE(zip_delete(z, static_cast<zip_uint64_t>(zip_name_locate(z, "word/document.xml", 0))) ==
            0);
    REQUIRE(zip_close(z) == 0);
    Diagnostics diags;
    CHECK_FALSE(load(zip, diags));
    CHECK(diags.error_count() == 1);
    CHECK(test::has(diags, Severity::Error, "the zip archive holds no word/document.xml"));

    Docx broken;
    broken.body = p("", r("<unclosed>"));
    Diagnostics diags2;
    CHECK_FALSE(load(write_docx(dir, "broken.docx", broken), diags2));
    CAPTURE(test::dump(diags2));
    CHECK(diags2.error_count() == 1);
    CHECK(test::has(diags2, Severity::Error, "the DOCX file is corrupt: word/document.xml (line"));
  }

  TEST_CASE("a part larger than the limit is refused from its stated size, before inflating") {
    TempDir dir;
    Docx d;
    d.body = p("", r(std::string(300000, 'a')));
    const fs::path path = write_docx(dir, "bomb.docx", d);
    CHECK(fs::file_size(path) < 10000); // compresses well
    input::LoadOptions options;
    options.limits.max_file_size = 100000;
    Diagnostics diags;
    CHECK_FALSE(load(path, diags, options));
    CAPTURE(test::dump(diags));
    CHECK(diags.error_count() == 1);
    CHECK(test::has(diags, Severity::Error, "word/document.xml is too large (300"));
  }

  TEST_CASE("an entity declaration in a part is refused") {
    TempDir dir;
    Docx d;
    d.body = p("", r("x"));
    d.extra_parts["word/styles.xml"] =
        "<?xml version=\"1.0\"?><!DOCTYPE w:styles [<!ENTITY a \"aaaa\">]><w:styles/>";
    Diagnostics diags;
    CHECK_FALSE(load(write_docx(dir, "entities.docx", d), diags));
    CHECK(test::has(diags, Severity::Error, "DOCTYPE declares entities"));
  }
}
