#include "highlight/highlight.hpp"

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

using galley::highlight::classify;
using galley::highlight::Language;
using galley::highlight::Token;
using galley::highlight::tokenize;
using galley::highlight::TokenKind;
using galley::highlight::TokenLine;

namespace {

/// The lines joined back with '\n': what the tokens must always give back.
std::string joined(const std::vector<TokenLine>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0)
      out += '\n';
    for (const Token& t : lines[i])
      out += t.text;
  }
  return out;
}

/// The kind of the first token whose text is exactly `text`, or Plain when none is.
TokenKind kind_of(const std::vector<TokenLine>& lines, const std::string& text) {
  for (const TokenLine& line : lines)
    for (const Token& t : line)
      if (t.text == text)
        return t.kind;
  return TokenKind::Plain;
}

/// The kind of the token that holds byte `at` of line `line`.
TokenKind kind_at(const std::vector<TokenLine>& lines, std::size_t line, std::size_t at) {
  std::size_t pos = 0;
  for (const Token& t : lines.at(line)) {
    if (at < pos + t.text.size())
      return t.kind;
    pos += t.text.size();
  }
  FAIL("no byte " << at << " on line " << line);
  return TokenKind::Plain;
}

bool well_formed(const std::vector<TokenLine>& lines) {
  for (const TokenLine& line : lines)
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i].text.empty())
        return false;
      if (i > 0 && line[i].kind == line[i - 1].kind)
        return false;
      if ((static_cast<unsigned char>(line[i].text[0]) & 0xC0) == 0x80)
        return false;
    }
  return true;
}

} // namespace

TEST_SUITE("highlight/tokenize") {
  TEST_CASE("Python: keywords, strings, comments, numbers") {
    const std::string code = "def greet(name):\n"
                             "    # say hello\n"
                             "    return f\"hello {name}\" * 3\n";
    auto lines = tokenize("python", code);
    REQUIRE(lines.size() == 4);
    CHECK(joined(lines) == code);
    CHECK(kind_of(lines, "def") == TokenKind::Keyword);
    CHECK(kind_at(lines, 1, 4) == TokenKind::Comment);
    CHECK(kind_at(lines, 2, 4) == TokenKind::Keyword); // return
    CHECK(kind_at(lines, 2, 14) == TokenKind::String); // inside "hello {name}"
    CHECK(kind_of(lines, "3") == TokenKind::Number);
    CHECK(well_formed(lines));
  }

  TEST_CASE("C++: preprocessor, types, a comment across lines") {
    const std::string code = "#include <vector>\n"
                             "/* two\n"
                             "   lines */\n"
                             "int main() { return 0; }";
    auto lines = tokenize("cpp", code);
    REQUIRE(lines.size() == 4);
    CHECK(joined(lines) == code);
    CHECK(kind_at(lines, 0, 0) == TokenKind::Preprocessor);
    CHECK(kind_at(lines, 1, 0) == TokenKind::Comment);
    CHECK(kind_at(lines, 2, 3) == TokenKind::Comment); // the comment goes on
    CHECK(kind_of(lines, "int") == TokenKind::Type);
    CHECK(kind_of(lines, "return") == TokenKind::Keyword);
    CHECK(tokenize("c++", code) == lines); // GitHub's name, not in lang.map
  }

  TEST_CASE("shell, SQL, JavaScript, Rust, Go: keywords and strings") {
    auto sh = tokenize("bash", "if [ -f \"$HOME/x\" ]; then echo ok; fi # done");
    CHECK(kind_of(sh, "if") == TokenKind::Keyword);
    CHECK(kind_of(sh, "# done") == TokenKind::Comment);
    auto sql = tokenize("sql", "SELECT name FROM users WHERE id = 'x'; -- one");
    CHECK(kind_of(sql, "SELECT") == TokenKind::Keyword);
    CHECK(kind_of(sql, "-- one") == TokenKind::Comment);
    auto js = tokenize("javascript", "const s = 'x'; // note");
    CHECK(kind_of(js, "const") == TokenKind::Keyword);
    CHECK(kind_of(js, "'x'") == TokenKind::String);
    auto rust = tokenize("rust", "fn main() { let v: u32 = 7; }");
    CHECK(kind_of(rust, "fn") == TokenKind::Keyword);
    CHECK(kind_of(rust, "u32") == TokenKind::Type);
    auto go = tokenize("go", "func f() string { return \"x\" }");
    CHECK(kind_of(go, "func") == TokenKind::Keyword);
    CHECK(kind_of(go, "\"x\"") == TokenKind::String);
  }

  TEST_CASE("language names: lang.map, aliases, case, plain fences, unknown names") {
    CHECK(classify("python") == Language::Highlighted);
    CHECK(classify("py") == Language::Highlighted);
    CHECK(classify("Python") == Language::Highlighted);
    CHECK(classify("rust") == Language::Highlighted);
    CHECK(classify("sh") == Language::Highlighted);
    CHECK(classify("") == Language::Plain);
    CHECK(classify("text") == Language::Plain);
    CHECK(classify("console") == Language::Plain);
    CHECK(classify("txt") == Language::Plain);
    CHECK(classify("klingon") == Language::Unknown);
    CHECK(classify("mermaid") == Language::Unknown);
  }

  TEST_CASE("an unknown language: one plain token per line, the text as written") {
    const std::string code = "if x then\n\n  y";
    auto lines = tokenize("klingon", code);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == TokenLine{{TokenKind::Plain, "if x then"}});
    CHECK(lines[1].empty());
    CHECK(joined(lines) == code);
    CHECK(joined(tokenize("text", "def x")) == "def x");
    CHECK(tokenize("text", "def x")[0].size() == 1);
  }

  TEST_CASE("empty code: one empty line") {
    auto lines = tokenize("python", "");
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].empty());
    CHECK(tokenize("cpp", "\n").size() == 2);
  }

  TEST_CASE("a very long line comes back whole; past 1,000 bytes it is plain") {
    auto line_of = [](int items) {
      std::string code = "x = [";
      for (int i = 0; i < items; ++i)
        code += "\"item " + std::to_string(i) + "\", ";
      return code + "]  # end";
    };
    const std::string highlighted = line_of(60); // about 780 bytes
    auto lines = tokenize("python", highlighted + "\ny = 1");
    CHECK(joined(lines) == highlighted + "\ny = 1");
    CHECK(kind_of(lines, "\"item 59\"") == TokenKind::String);
    CHECK(kind_of(lines, "# end") == TokenKind::Comment);
    CHECK(well_formed(lines));

    const std::string dump = line_of(20000); // 300 kB, as minified script may be
    lines = tokenize("python", dump + "\n# after");
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == TokenLine{{TokenKind::Plain, dump}});
    CHECK(lines[1] == TokenLine{{TokenKind::Comment, "# after"}});
  }

  TEST_CASE("non-ASCII text in strings and comments stays whole characters") {
    const std::string code = "s = \"Grüße, 世界, Ελλάδα\"  # café ☕ — naïve\n"
                             "é = 'ñ'";
    auto lines = tokenize("python", code);
    CHECK(joined(lines) == code);
    CHECK(kind_of(lines, "\"Grüße, 世界, Ελλάδα\"") == TokenKind::String);
    CHECK(kind_of(lines, "# café ☕ — naïve") == TokenKind::Comment);
    CHECK(well_formed(lines));
    auto js = tokenize("js", "// Привет\nlet a = «x»; /* ü */");
    CHECK(joined(js) == "// Привет\nlet a = «x»; /* ü */");
    CHECK(kind_of(js, "// Привет") == TokenKind::Comment);
    CHECK(well_formed(js));
  }

  TEST_CASE("CRLF: the carriage return stays, plain, and does not upset the rules") {
    const std::string code = "x = 1  # one\r\ny = 'two'\r\n";
    auto lines = tokenize("python", code);
    REQUIRE(lines.size() == 3);
    CHECK(joined(lines) == code);
    CHECK(lines[0].back() == Token{TokenKind::Plain, "\r"});
    CHECK(kind_of(lines, "# one") == TokenKind::Comment);
    CHECK(kind_of(lines, "'two'") == TokenKind::String);
  }

  TEST_CASE("threads: each thread builds its own definitions and highlights alike") {
    const std::string py = "for i in range(10):\n    print(i)  # loop";
    const std::string c = "#define N 3\nstatic int x = N; // x";
    const auto expected_py = tokenize("python", py);
    const auto expected_c = tokenize("c", c);
    std::vector<std::vector<TokenLine>> got(16);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < 4; ++t)
      threads.emplace_back([&, t] {
        for (std::size_t i = t; i < got.size(); i += 4)
          got[i] = i % 2 ? tokenize("py", py) : tokenize("c", c);
      });
    for (std::thread& t : threads)
      t.join();
    for (std::size_t i = 0; i < got.size(); ++i)
      CHECK(got[i] == (i % 2 ? expected_py : expected_c));
  }
}
