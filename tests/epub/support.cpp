#include "support.hpp"

#include "galley/style.hpp"

#include <array>
#include <cstdio>
#include <doctest/doctest.h>
#include <zip.h>

namespace galley::epub::test {

using namespace model;

std::filesystem::path data_dir() { return std::filesystem::path(GALLEY_TEST_DATA_DIR) / "epub" / "data"; }

Inlines text(const std::string& s) { return {Inline{Text{s}, {}}}; }

namespace {
ImageRef local(const std::string& name) {
  return {"images/" + name, (data_dir() / name).string(), false};
}
Block para(Inlines in, int line = 0) { return Block{Paragraph{std::move(in)}, {"art.md", line, 1}}; }
Block heading(int level, const std::string& t, const std::string& id) {
  return Block{Heading{level, text(t), id}, {}};
}
Note source_note(const std::string& id, int number, bool cited, const std::string& publisher) {
  Note n;
  n.id = id;
  n.kind = NoteKind::Source;
  n.number = number;
  n.cited = cited;
  n.source = Source{"A report on things", publisher, "April 27, 2026", "https://example.com/" + id};
  return n;
}
} // namespace

Article full_article(int n) {
  Article a;
  std::string num = std::to_string(n);
  a.source_path = "art" + num + ".md";
  a.meta.publication = "The Quantum Dispatch";
  a.meta.title = "Article number " + num;
  a.meta.subtitle = "A subtitle";
  a.meta.dek = "A one-sentence summary of article " + num + ".";
  Author au;
  au.name = "Nova Chen";
  au.file_as = "Chen, Nova";
  au.role = "aut";
  au.bio = "Nova Chen covers cloud platforms.";
  au.portrait = local("pixel.png");
  a.meta.authors.push_back(au);
  a.meta.date = Date{2026, 4, 27};
  a.meta.reading_minutes = 6;
  a.meta.tags = {"Cloud", "AI"};
  a.meta.cover = Cover{local("pixel.jpg"), "Cover illustration for article " + num,
                       "Illustration by The Quantum Dispatch", {"art.md", 5, 3}};
  a.meta.slug = "article-" + num;

  Inlines rich;
  rich.push_back({Text{"Plain, "}, {}});
  rich.push_back({Emphasis{text("emphasis")}, {}});
  rich.push_back({Text{", "}, {}});
  rich.push_back({Strong{text("strong")}, {}});
  rich.push_back({Text{", "}, {}});
  rich.push_back({Strikethrough{text("struck")}, {}});
  rich.push_back({SoftBreak{}, {}});
  rich.push_back({Code{"x < y && z"}, {}});
  rich.push_back({Text{" and "}, {}});
  rich.push_back({Link{"https://example.com/a b", "Example", text("a link")}, {}});
  rich.push_back({NoteRef{"ms-blog"}, {"art.md", 12, 40}});
  rich.push_back({LineBreak{}, {}});
  rich.push_back({Image{local("pixel.gif"), "a green square", ""}, {}});
  rich.push_back({Text{" an "}, {}});
  rich.push_back({RawInline{"<abbr title=\"HyperText Markup Language\">"}, {}});
  rich.push_back({Text{"HTML"}, {}});
  rich.push_back({RawInline{"</abbr>"}, {}});
  rich.push_back({Text{" abbreviation."}, {}});
  rich.push_back({NoteRef{"aside"}, {"art.md", 12, 70}});

  a.blocks.push_back(heading(1, "First section", "first-section"));
  a.blocks.push_back(para(std::move(rich), 12));
  a.blocks.push_back(para(text("A second paragraph that cites the first source again."), 13));
  a.blocks.back().value = Paragraph{{Inline{Text{"Cited again."}, {}},
                                     Inline{NoteRef{"ms-blog"}, {"art.md", 13, 12}}}};
  a.blocks.push_back(heading(2, "A subsection", "a-subsection"));
  List bullets;
  for (const char* item : {"one", "two"}) bullets.items.push_back({{para(text(item))}, {}, {}});
  a.blocks.push_back(Block{bullets, {}});
  List tasks;
  tasks.items.push_back({{para(text("done"))}, true, {}});
  tasks.items.push_back({{para(text("to do"))}, false, {}});
  a.blocks.push_back(Block{tasks, {}});
  List ordered;
  ordered.kind = ListKind::Ordered;
  ordered.numbering = ListNumbering::LowerRoman;
  ordered.start = 3;
  ordered.tight = false;
  ordered.items.push_back({{para(text("three")), para(text("more"))}, {}, {}});
  a.blocks.push_back(Block{ordered, {}});
  a.blocks.push_back(Block{BlockQuote{{para(text("A quotation."))}}, {}});
  a.blocks.push_back(Block{CodeBlock{"c++", "int main() {\n    return 0;\n}"}, {}});
  a.blocks.push_back(Block{Figure{local("pixel.png"), "A blue rectangle", text("A caption."),
                                  "Photo: Example", "fig-blue"},
                           {"art.md", 20, 1}});
  a.blocks.push_back(Block{Figure{local("shape.svg"), "A vector shape", {}, "", ""}, {}});
  Table t;
  t.aligns = {model::Align::Left, model::Align::Right};
  t.rows.push_back({{{text("Name"), {}}, {text("Share"), {}}}});
  t.rows.push_back({{{text("Azure"), {}}, {text("24%"), {}}}});
  a.blocks.push_back(Block{t, {}});
  a.blocks.push_back(Block{ThematicBreak{}, {}});
  a.blocks.push_back(Block{RawBlock{"<div class=\"note\"><p onclick=\"x()\">Safe <b>bold</b></p>"
                                    "<script>alert(1)</script></div>"},
                           {"art.md", 30, 1}});
  a.blocks.push_back(heading(1, "Last section", "last-section"));
  a.blocks.push_back(para(text("The end.")));

  a.notes.push_back(source_note("ms-blog", 1, true, "Microsoft Official Blog"));
  Note aside;
  aside.id = "aside";
  aside.number = 2;
  aside.cited = true;
  aside.blocks.push_back(para(text("A footnote defined in the body.")));
  a.notes.push_back(aside);
  a.notes.push_back(source_note("cnbc", 3, false, "CNBC"));
  return a;
}

Article plain_article(int n) {
  Article a;
  std::string num = std::to_string(n);
  a.source_path = "plain" + num + ".md";
  a.meta.title = "Plain article " + num;
  a.meta.dek = "Summary " + num;
  a.meta.authors.push_back({"Theo Vasquez", "Vasquez, Theo", "aut", "", std::nullopt, {}});
  a.meta.date = Date{2026, 5, 1};
  a.meta.tags = {"Chips"};
  a.blocks.push_back(heading(1, "Only section", "only-section"));
  a.blocks.push_back(para(text("Text of a plain article.")));
  return a;
}

Issue make_issue(std::vector<Article> articles, bool with_cover) {
  Issue issue;
  issue.title = "The Quantum Dispatch — May 2026";
  issue.subtitle = "Clouds and qubits";
  issue.publication = "The Quantum Dispatch";
  issue.number = "5";
  issue.date = Date{2026, 5, 1};
  issue.editors = {"Iris Okafor", "Tomás Lindqvist"};
  issue.description = "The month in technology.";
  if (with_cover)
    issue.cover = Cover{{"images/pixel.jpg", (data_dir() / "pixel.jpg").string(), false},
                        "Issue cover", "Illustration", {"issue.yaml", 12, 3}};
  issue.articles = std::move(articles);
  issue.source_path = "issue.yaml";
  return issue;
}

Issue single(Article a) {
  Issue issue;
  issue.single_article = true;
  issue.language = a.meta.language;
  issue.publication = a.meta.publication;
  issue.articles.push_back(std::move(a));
  return issue;
}

Unzipped unzip(const std::string& epub) {
  Unzipped out;
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(epub.data(), epub.size(), 0, &err);
  REQUIRE(src != nullptr);
  // ZIP_CHECKCONS: each local header must agree with the central directory.
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  REQUIRE(z != nullptr);
  zip_int64_t n = zip_get_num_entries(z, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st);
    std::string name = st.name;
    zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
    REQUIRE(f != nullptr);
    std::string data(static_cast<size_t>(st.size), '\0');
    // Reading to the end checks the entry's CRC (ZIP_ER_CRC).
    CHECK(zip_fread(f, data.data(), st.size) == static_cast<zip_int64_t>(st.size));
    char past = 0;
    CHECK(zip_fread(f, &past, 1) == 0);
    CHECK(zip_fclose(f) == 0);
    out.names.push_back(name);
    out.stored[name] = st.comp_method == ZIP_CM_STORE;
    out.files[name] = std::move(data);
  }
  zip_close(z);
  return out;
}

void parse(pugi::xml_document& doc, const std::string& xml) {
  auto r = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata);
  CAPTURE(xml.substr(0, 400));
  REQUIRE_MESSAGE(r, r.description());
}

CheckReport epubcheck(const std::filesystem::path& file) {
  CheckReport rep;
  // Client VM settings: the check is short, so a JIT that starts fast halves the run time.
  std::string cmd = "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -jar /usr/share/java/epubcheck.jar '" + file.string() + "' 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) rep.text.append(buf.data(), n);
  pclose(p);
  // Each message is a line "SEVERITY(CODE): where: what"; the exit code hides warnings.
  size_t pos = 0;
  while (pos < rep.text.size()) {
    size_t end = rep.text.find('\n', pos);
    if (end == std::string::npos) end = rep.text.size();
    std::string_view line(rep.text.data() + pos, end - pos);
    if (line.starts_with("ERROR(") || line.starts_with("FATAL(")) ++rep.errors;
    if (line.starts_with("WARNING(")) ++rep.warnings;
    pos = end + 1;
  }
  REQUIRE_MESSAGE(rep.text.find("EPUBCheck completed") != std::string::npos, rep.text);
  return rep;
}

std::string build(const Issue& issue, Diagnostics& diags, EpubOptions options) {
  if (options.date_epoch == 0) options.date_epoch = 1777248000;
  return write_epub(issue, style::default_style(), options, diags);
}

} // namespace galley::epub::test
