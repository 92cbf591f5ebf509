// The PDF/A-2 and PDF/UA-1 claims (--pdf-standard), read back from the files: the XMP the
// claims are in, the output intent PDF/A asks for, what PDF/A forbids, qpdf's check. No PDF/A
// validator is packaged for Debian 12 (docs/pdf.md, "Standards"), so this test checks the
// requirements galley's output could break, one by one.
#include "run.hpp"

#include "util/files.hpp"

#include <doctest/doctest.h>

#include <regex>
#include <sstream>
#include <string>

using namespace e2e;
namespace fs = std::filesystem;

namespace {

struct Made {
  std::string xmp;  ///< pdfinfo -meta
  std::string body; ///< the file as qpdf --qdf writes it: every object uncompressed, in clear
  std::string fonts;
};

Made make(const std::string& standard) {
  const fs::path dir = scratch("pdf-standard-" + standard);
  const fs::path pdf = dir / "article.pdf", qdf = dir / "article.qdf";
  const fs::path source = source_dir() / "examples/quantum-dispatch/microsoft-openai.md";
  const std::string option = standard.empty() ? "" : " --pdf-standard " + standard;
  const RunResult r = run_galley("pdf " + q(source) + option + " -o " + q(pdf));
  CAPTURE(r.err);
  REQUIRE(r.code == 0);
  const RunResult check = run("qpdf --check " + q(pdf));
  CAPTURE(check.out);
  CHECK(check.code == 0);
  REQUIRE(run("qpdf --qdf --object-streams=disable " + q(pdf) + " " + q(qdf)).code == 0);
  return {run("pdfinfo -meta " + q(pdf)).out, galley::read_file(qdf).value_or(""),
          run("pdffonts " + q(pdf)).out};
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
    ++n;
  return n;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

} // namespace

TEST_SUITE("e2e/pdf-standard") {
  TEST_CASE("by default a PDF claims PDF/A-2u and PDF/UA-1 and meets what PDF/A asks") {
    const Made m = make("");
    CHECK(has(m.xmp, "<pdfaid:part>2</pdfaid:part>"));
    CHECK(has(m.xmp, "<pdfaid:conformance>U</pdfaid:conformance>"));
    CHECK(has(m.xmp, "<pdfuaid:part>1</pdfuaid:part>"));
  }

  TEST_CASE("ua-1 with a-2u: both claims, and the schema PDF/A needs for pdfuaid") {
    const Made m = make("ua-1,a-2u");
    CHECK(has(m.xmp, "<pdfaid:conformance>U</pdfaid:conformance>"));
    CHECK(has(m.xmp, "<pdfuaid:part>1</pdfuaid:part>"));
    // pdfuaid is not a schema PDF/A predefines: the packet describes it (ISO 19005-2 6.6.2.3.3).
    CHECK(has(m.xmp, "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/"));
    // The output intent, with an embedded three-component (RGB) ICC profile.
    CHECK(has(m.body, "/OutputIntents"));
    CHECK(has(m.body, "/S /GTS_PDFA1"));
    CHECK(has(m.body, "/OutputConditionIdentifier (sRGB IEC61966-2.1)"));
    std::smatch profile;
    REQUIRE(std::regex_search(m.body, profile, std::regex(R"(/DestOutputProfile (\d+) 0 R)")));
    const std::regex object("\n" + profile[1].str() + R"( 0 obj\n<<\n((?:.|\n)*?)>>\nstream\n)");
    std::smatch icc;
    REQUIRE(std::regex_search(m.body, icc, object));
    CHECK(has(icc[1].str(), "/N 3"));
    // ICC profiles start with their size, then the header's 'acsp' signature at byte 36.
    const std::size_t data = icc.position(0) + icc.length(0);
    CHECK(m.body.substr(data + 36, 4) == "acsp");
    // What PDF/A-2 forbids or requires of what galley writes.
    for (const char* forbidden : {"/Encrypt", "/JavaScript", "/JS ", "/EmbeddedFile", "/AA ",
                                  "/Interpolate true", "/Launch"}) {
      CAPTURE(forbidden);
      CHECK_FALSE(has(m.body, forbidden));
    }
    std::smatch trailer;
    CHECK(
        std::regex_search(m.body, trailer, std::regex(R"(/ID \[<[0-9a-f]{32}><[0-9a-f]{32}>\])")));
    const std::size_t links = count(m.body, "/Subtype /Link"), printable = count(m.body, "/F 4\n");
    CHECK(links > 0);
    CHECK(printable >= links);
    // Every font embedded, with its Unicode map.
    std::size_t rows = 0;
    std::istringstream fonts(m.fonts);
    for (std::string line; std::getline(fonts, line);) {
      if (line.rfind("---", 0) == 0 || line.rfind("name", 0) == 0)
        continue;
      ++rows;
      CAPTURE(line);
      CHECK(std::regex_search(line, std::regex(R"( yes yes yes )")));
    }
    CHECK(rows >= 2);
  }

  TEST_CASE("--pdf-standard picks the claims, and none makes none") {
    const Made b = make("a-2b");
    CHECK(has(b.xmp, "<pdfaid:conformance>B</pdfaid:conformance>"));
    CHECK_FALSE(has(b.xmp, "pdfuaid"));
    CHECK(has(b.body, "/GTS_PDFA1"));
    const Made ua = make("ua-1");
    CHECK(has(ua.xmp, "<pdfuaid:part>1</pdfuaid:part>"));
    CHECK_FALSE(has(ua.xmp, "pdfaid:"));
    CHECK_FALSE(has(ua.body, "/OutputIntents"));
    const Made none = make("none");
    CHECK_FALSE(has(none.xmp, "pdfaid"));
    CHECK_FALSE(has(none.xmp, "pdfuaid"));
    CHECK_FALSE(has(none.body, "/OutputIntents"));
    const RunResult wrong =
        run_galley("pdf " + q(source_dir() / "examples/quantum-dispatch/microsoft-openai.md") +
                   " --pdf-standard a-3b -o " + q(scratch("pdf-standard-wrong") / "x.pdf"));
    CHECK(wrong.code != 0);
    CHECK(has(wrong.err, "--pdf-standard"));
    CHECK(has(wrong.err, "a-3b"));
    CHECK_FALSE(fs::exists(scratch("pdf-standard-wrong") / "x.pdf"));
  }
}
