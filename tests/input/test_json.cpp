// JSON articles and issues (input/json_article.cpp, input/json_value.cpp): the front matter's
// keys with a Markdown or HTML body, strict JSON with located errors, issue.json, and the
// published schemas (docs/article.schema.json, docs/issue.schema.json).
#include "support.hpp"

#include "input/json_article.hpp"
#include "input/json_value.hpp"
#include "input/manifest.hpp"
#include "input/meta.hpp"
#include "model/walk.hpp"
#include "util/files.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>

using namespace galley;
using galley::test::TempDir;
using galley::test::all_text;
using galley::test::load_text;
namespace fs = std::filesystem;

namespace {

fs::path source(const std::string& relative) {
  return fs::path(GALLEY_SOURCE_DIR) / relative;
}

std::set<std::string> schema_keys(const std::string& schema) {
  auto text = read_file(source("docs/" + schema));
  REQUIRE(text);
  const nlohmann::json doc = nlohmann::json::parse(*text);
  CHECK(doc.at("$schema") == "https://json-schema.org/draft/2020-12/schema");
  std::set<std::string> keys;
  for (const auto& [key, value] : doc.at("properties").items())
    keys.insert(key);
  return keys;
}

struct Run {
  int code = -1;
  std::string out;
};

Run run(const std::string& command) {
  Run r;
  FILE* p = popen((command + " 2>&1").c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[4096];
  for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;)
    r.out.append(buf, n);
  const int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

constexpr const char* kArticle = R"({
  "title": "Rivers in the city",
  "subtitle": "How three towns opened their culverts",
  "authors": [{"name": "Nova Chen", "bio": "Writes about water."}, "Ravi Patel"],
  "date": "2026-04-27",
  "lang": "en-GB",
  "tags": ["water", "cities"],
  "cover": {"image": "images/cover.jpg", "alt": "A stream in a park"},
  "body": "Culverts hide rivers.[^1]\n\n## Opening them\n\nThe first town began in 2019.\n\n[^1]: Pipes under roads.\n"
}
)";

} // namespace

TEST_SUITE("input/json") {
  TEST_CASE("a JSON article: the front matter's keys and a Markdown body") {
    TempDir dir;
    Diagnostics diags;
    auto a = load_text(dir, "rivers.json", kArticle, diags);
    REQUIRE(a);
    CAPTURE(test::dump(diags));
    CHECK(diags.empty());
    CHECK(a->meta.title == "Rivers in the city");
    CHECK(a->meta.subtitle == "How three towns opened their culverts");
    REQUIRE(a->meta.authors.size() == 2);
    CHECK(a->meta.authors[0].bio == "Writes about water.");
    CHECK(a->meta.authors[1].name == "Ravi Patel");
    CHECK(a->meta.language == "en-GB");
    CHECK(a->meta.tags.size() == 2);
    REQUIRE(a->meta.cover);
    CHECK(all_text(a->blocks) ==
          "Culverts hide rivers.\nOpening them\nThe first town began in 2019.\n");
    REQUIRE(a->notes.size() == 1);
    CHECK(all_text(a->notes[0].blocks) == "Pipes under roads.\n");
  }

  TEST_CASE("body_html is read as an HTML article's body, with its footnotes") {
    TempDir dir;
    Diagnostics diags;
    auto a = load_text(dir, "html.json", R"({"title": "Mit HTML", "lang": "de",
  "body_html": "<p>Erster Satz.<sup id=\"fnref:1\"><a href=\"#fn:1\">1</a></sup></p>\n<h2>Teil</h2>\n<p>Zweiter Satz.</p>\n<div class=\"footnotes\"><ol><li id=\"fn:1\"><p>Anmerkung. <a href=\"#fnref:1\" class=\"reversefootnote\">&#8617;</a></p></li></ol></div>"})",
                  diags);
    REQUIRE(a);
    CAPTURE(test::dump(diags));
    CHECK(diags.empty());
    CHECK(a->meta.language == "de");
    CHECK(all_text(a->blocks) == "Erster Satz.\nTeil\nZweiter Satz.\n");
    REQUIRE(a->notes.size() == 1);
    CHECK(all_text(a->notes[0].blocks) == "Anmerkung.\n");
  }

  TEST_CASE("escapes: \\u, surrogate pairs for emoji, \\/ and \\n") {
    TempDir dir;
    Diagnostics diags;
    auto a = load_text(
        dir, "ja.json",
        R"({"title": "\u6771\u4eac\u306e\u685c \ud83c\udf38", "lang": "ja", "body": "a\/b\n\n\u685c"})",
        diags);
    REQUIRE(a);
    CAPTURE(test::dump(diags));
    CHECK(a->meta.title == "東京の桜 🌸");
    CHECK(all_text(a->blocks) == "a/b\n桜\n");
  }

  TEST_CASE("malformed JSON is one error at its line and column, and no article") {
    TempDir dir;
    const std::vector<std::tuple<const char*, const char*, int, int>> bad = {
        {"missing comma", "{\n  \"title\": \"T\"\n  \"body\": \"x\"\n}\n", 3, 3},
        {"trailing comma", "{\n  \"title\": \"T\",\n  \"body\": \"x\",\n}\n", 4, 1},
        {"comment", "{\n  // a comment\n  \"body\": \"x\"\n}\n", 2, 3},
        {"unclosed", "{\n  \"title\": \"T\",\n  \"body\": \"x\n", 3, 13},
    };
    for (const auto& [what, text, line, column] : bad) {
      CAPTURE(what);
      Diagnostics diags;
      CHECK_FALSE(load_text(dir, "bad.json", text, diags));
      CAPTURE(test::dump(diags));
      REQUIRE(diags.error_count() == 1);
      CHECK(diags.all().front().message.starts_with("invalid JSON: "));
      CHECK(diags.all().front().loc.line == line);
      CHECK(diags.all().front().loc.column == column);
    }
  }

  TEST_CASE("what is not a JSON article is refused with a located error") {
    TempDir dir;
    Diagnostics array;
    CHECK_FALSE(load_text(dir, "a.json", "\n  [1, 2]\n", array));
    CHECK(test::has(array, Severity::Error, "must be an object", 2));
    Diagnostics nobody;
    CHECK_FALSE(load_text(dir, "b.json", "{\"title\": \"T\"}", nobody));
    CHECK(test::has(nobody, Severity::Error, "has no 'body'", 1));
    Diagnostics both;
    CHECK_FALSE(
        load_text(dir, "c.json", "{\"title\": \"T\",\n\"body\": \"x\",\n\"body_html\": \"y\"}", both));
    CHECK(test::has(both, Severity::Error, "not both", 3));
    Diagnostics deep;
    CHECK_FALSE(load_text(
        dir, "d.json",
        "{\"body\": \"x\", \"k\": " + std::string(200, '[') + std::string(200, ']') + "}", deep));
    CHECK(test::has(deep, Severity::Error, "nested more than 64 levels", 1));
  }

  TEST_CASE("a wrong-typed key is located at its value") {
    TempDir dir;
    Diagnostics diags;
    auto a = load_text(
        dir, "typed.json",
        "{\n  \"title\": [\"One\", \"Two\"],\n  \"date\": \"someday\",\n  \"body\": \"Text.\"\n}\n",
        diags);
    REQUIRE(a);
    CAPTURE(test::dump(diags));
    CHECK(test::has(diags, Severity::Error, "'title' must be a string, got a list", 2));
    const auto& e = diags.all().front();
    CHECK(e.loc.column == 12);
    CHECK(test::has(diags, Severity::Warning, "'date' is not a date", 3));
  }

  TEST_CASE("messages about the Markdown body name its line, at the body's place") {
    TempDir dir;
    Diagnostics diags;
    auto a =
        load_text(dir, "refs.json",
             "{\"title\": \"T\",\n \"body\": \"One.\\n\\nA <x>tag</x>.\\n\\nTwo.[^gone]\"}", diags);
    REQUIRE(a);
    CAPTURE(test::dump(diags));
    // Read from the body: its line is named. Checked after reading (notes): at the body.
    CHECK(test::has(diags, Severity::Warning, "(line 3 of the body)", 2));
    CHECK(test::has(diags, Severity::Error, "has no note", 2));
    for (const Diagnostic& d : diags.all())
      CHECK(d.loc.column == 10);
  }

  TEST_CASE("issue.json is an issue manifest wherever issue.yaml is") {
    TempDir dir;
    dir.write("one.json", R"({"title": "One", "body": "First."})");
    dir.write("two.md", "---\ntitle: Two\n---\nSecond.\n");
    const fs::path issue = dir.write("issue.json", R"({
  "title": "The JSON Gazette",
  "number": "7",
  "date": "2026-05-01",
  "lang": "fr",
  "editors": ["Ana Lima"],
  "articles": ["one.json", "two.md"]
})");
    CHECK(input::is_manifest_path(issue));
    CHECK_FALSE(input::is_manifest_path(dir.path() / "one.json"));
    CHECK_FALSE(input::is_manifest_path(dir.path() / "absent.json"));
    Diagnostics diags;
    auto loaded = input::load_inputs({issue}, {}, diags);
    REQUIRE(loaded);
    CAPTURE(test::dump(diags));
    CHECK(diags.empty());
    CHECK_FALSE(loaded->single_article);
    CHECK(loaded->title == "The JSON Gazette");
    CHECK(loaded->language == "fr");
    REQUIRE(loaded->articles.size() == 2);
    CHECK(loaded->articles[0].meta.title == "One");

    Diagnostics bad;
    const fs::path broken = dir.write(
        "broken.json", "{\n  \"title\": \"X\",\n  \"articles\": [\"one.json\" \"two.md\"]\n}\n");
    CHECK(input::is_manifest_path(broken)); // an issue by its `articles`, before the mistake
    CHECK_FALSE(input::load_inputs({broken}, {}, bad));
    CHECK(test::has(bad, Severity::Error, "invalid JSON", 3));
    Diagnostics typed;
    const fs::path wrong =
        dir.write("wrong/issue.json", "{\"title\": \"X\",\n \"articles\": \"one.json\"}");
    input::load_inputs({wrong}, {}, typed);
    CHECK(test::has(typed, Severity::Error, "'articles' must be a list", 2));
  }

  TEST_CASE("every key the readers know is in the published schemas") {
    const std::set<std::string> article = schema_keys("article.schema.json");
    for (const std::string& key : input::known_keys()) {
      CAPTURE(key);
      CHECK(article.count(key) == 1);
    }
    for (const std::string& key : input::json_body_keys()) {
      CAPTURE(key);
      CHECK(article.count(key) == 1);
    }
    const std::set<std::string> issue = schema_keys("issue.schema.json");
    for (const std::string& key : input::manifest_keys()) {
      CAPTURE(key);
      CHECK(issue.count(key) == 1);
    }
  }

  TEST_CASE("the sample JSON files are valid against the schemas") {
    if (run("python3 -c 'import jsonschema'").code != 0) {
      MESSAGE("python3-jsonschema is not installed: the schema validation is skipped");
      return;
    }
    const std::string script = source("tests/input/validate_json.py").string();
    const fs::path data = source("tests/e2e/data/json");
    std::string articles, issues;
    for (const auto& entry : fs::recursive_directory_iterator(data)) {
      if (entry.path().extension() != ".json")
        continue;
      (entry.path().filename() == "issue.json" ? issues : articles) +=
          " '" + entry.path().string() + "'";
    }
    CHECK(articles.size() > 0);
    CHECK(issues.size() > 0);
    const Run a = run("python3 '" + script + "' '" + source("docs/article.schema.json").string() +
                      "'" + articles);
    CAPTURE(a.out);
    CHECK(a.code == 0);
    const Run i = run("python3 '" + script + "' '" + source("docs/issue.schema.json").string() +
                      "'" + issues);
    CAPTURE(i.out);
    CHECK(i.code == 0);
    // The validator does find what is wrong.
    TempDir dir;
    const fs::path wrong =
        dir.write("wrong.json", R"({"title": ["a list"], "body": "x", "colour": "red"})");
    const Run w = run("python3 '" + script + "' '" + source("docs/article.schema.json").string() +
                      "' '" + wrong.string() + "'");
    CHECK(w.code != 0);
    CHECK(w.out.find("title") != std::string::npos);
  }
}
