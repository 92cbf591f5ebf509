// One figure of each image format galley reads (tests/e2e/data/images/): JPEG, PNG with alpha
// at 8 and 16 bits, GIF with a transparent colour, lossy and lossless WebP with and without
// alpha, AVIF with alpha, and an SVG chart with text and gradients. The PDF draws each raster
// picture at its pixel size and depth, with a soft mask where the picture has alpha (read back
// with pdfimages), and the SVG as vectors: no image, its text found by pdftotext in embedded
// fonts. The EPUB carries WebP and AVIF as PNG, since they are not core media types of EPUB
// 3.3, and passes epubcheck. An SVG that refers to other files and carries a script is drawn
// without reading or running them. A WebP whose data does not decode, and an SVG that is not
// XML, are one located error in check, pdf and epub alike, and nothing is written.
#include "book_checks.hpp"
#include "run.hpp"

#include "util/image_info.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <pugixml.hpp>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

using namespace e2e;
namespace fs = std::filesystem;

namespace {

fs::path data(const char* name) {
  return source_dir() / "tests/e2e/data/images" / name;
}

/// (type, width, height) -> how many rows of `pdfimages -list` have them; and each image's
/// encoding, colour space and bits a sample by size.
struct ImageList {
  std::map<std::tuple<std::string, int, int>, int> rows;
  std::map<std::pair<int, int>, std::string> encoding, color;
  std::map<std::tuple<std::string, int, int>, int> bits;
  int total() const {
    int n = 0;
    for (const auto& [key, count] : rows)
      n += count;
    return n;
  }
};

ImageList pdf_images(const fs::path& pdf) {
  RunResult r = run("pdfimages -list " + q(pdf));
  REQUIRE(r.code == 0);
  ImageList list;
  std::istringstream lines(r.out);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream cols(line);
    std::string page, num, type, enc, color, comp, bpc;
    int width = 0, height = 0;
    if (!(cols >> page >> num >> type >> width >> height >> color >> comp >> bpc >> enc))
      continue; // the heading and its rule
    ++list.rows[{type, width, height}];
    list.bits[{type, width, height}] = std::stoi(bpc);
    if (type == "image") {
      list.encoding[{width, height}] = enc;
      list.color[{width, height}] = color;
    }
  }
  return list;
}

/// Each image of the book's manifest: its media type, and the format and size of its bytes.
struct BookImage {
  std::string media_type;
  galley::ImageInfo info;
};

std::map<std::string, BookImage> epub_images(const fs::path& epub) {
  RunResult opf = run("unzip -p " + q(epub) + " EPUB/package.opf");
  REQUIRE(opf.code == 0);
  pugi::xml_document doc;
  REQUIRE(doc.load_string(opf.out.c_str()));
  std::map<std::string, BookImage> out;
  for (pugi::xpath_node n : doc.select_nodes("//*[local-name()='item']")) {
    std::string type = n.node().attribute("media-type").value();
    if (type.rfind("image/", 0) != 0)
      continue;
    std::string href = n.node().attribute("href").value();
    RunResult bytes = run("unzip -p " + q(epub) + " " + q("EPUB/" + href));
    REQUIRE(bytes.code == 0);
    out[href] = {type, galley::probe_image(bytes.out)};
  }
  return out;
}


/// The streams of the form XObjects in `pdf`, uncompressed (qpdf --qdf writes each dictionary
/// before its stream).
std::vector<std::string> form_streams(const fs::path& pdf) {
  RunResult qdf = run("qpdf --qdf --object-streams=disable " + q(pdf) + " -");
  REQUIRE(qdf.code == 0);
  std::vector<std::string> out;
  for (std::size_t at = qdf.out.find("/Subtype /Form"); at != std::string::npos;
       at = qdf.out.find("/Subtype /Form", at + 1)) {
    std::size_t begin = qdf.out.find("stream\n", at), end = qdf.out.find("endstream", at);
    REQUIRE(begin < end);
    out.push_back(qdf.out.substr(begin + 7, end - begin - 7));
  }
  return out;
}

} // namespace

TEST_SUITE("e2e/images") {
  TEST_CASE("every raster format is drawn in the PDF at its pixel size, alpha as a soft mask, "
            "SVG as vectors") {
    const fs::path pdf = scratch("images-pdf") / "formats.pdf";
    RunResult r = run_galley("pdf " + q(data("formats.md")) + " -o " + q(pdf));
    CAPTURE(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.err.find("error") == std::string::npos);
    ImageList list = pdf_images(pdf);
    // JPEG passes through; the others are decoded to samples.
    CHECK(list.rows[{"image", 40, 30}] == 1);
    CHECK(list.encoding[{40, 30}] == "jpeg");
    for (auto [w, h] : {std::pair{36, 24}, {32, 20}, {52, 34}, {44, 28}, {40, 24}}) {
      CAPTURE(w);
      CAPTURE(h);
      CHECK(list.rows[{"image", w, h}] == 1);
      CHECK(list.rows[{"smask", w, h}] == 1);
      CHECK(list.encoding[{w, h}] == "image");
    }
    // The opaque lossy WebP needs no mask.
    CHECK(list.rows[{"image", 48, 32}] == 1);
    CHECK(list.rows[{"smask", 48, 32}] == 0);
    // The 16-bit PNG keeps its depth, in its colour and in its soft mask.
    CHECK(list.rows[{"image", 34, 22}] == 1);
    CHECK(list.bits[{"image", 34, 22}] == 16);
    CHECK(list.rows[{"smask", 34, 22}] == 1);
    CHECK(list.bits[{"smask", 34, 22}] == 16);
    CHECK(list.bits[{"image", 36, 24}] == 8);
    // Under PDF/A (the default) the CMYK JPEG without a profile becomes RGB samples; the JPEG
    // with an ICC profile passes through with an ICCBased space.
    CHECK(list.rows[{"image", 30, 22}] == 1);
    CHECK(list.color[{30, 22}] == "rgb");
    CHECK(list.encoding[{30, 22}] == "image");
    CHECK(list.rows[{"image", 26, 18}] == 1);
    CHECK(list.color[{26, 18}] == "icc");
    CHECK(list.encoding[{26, 18}] == "jpeg");
    // The SVG adds no image: it is one form XObject of paths, gradients and text.
    CHECK(list.total() == 16);
    std::vector<std::string> forms = form_streams(pdf);
    REQUIRE(forms.size() == 1);
    CHECK(forms[0].find(" sh") != std::string::npos); // the gradient, a shading
    CHECK(forms[0].find("BDC") == std::string::npos);
    RunResult text = run("pdftotext " + q(pdf) + " -");
    CHECK(text.out.find("Growth · Wachstum · Рост") != std::string::npos);
    CHECK(text.out.find("Quarterly revenue") != std::string::npos);
    // Every font embedded, subset, with a ToUnicode map: galley's and those cairo drew the
    // SVG's labels with.
    RunResult fonts = run("pdffonts " + q(pdf));
    REQUIRE(fonts.code == 0);
    std::istringstream rows(fonts.out);
    std::string row;
    int font_rows = 0;
    while (std::getline(rows, row)) {
      if (row.rfind("name", 0) == 0 || row.rfind("---", 0) == 0)
        continue;
      ++font_rows;
      CAPTURE(row);
      CHECK(std::regex_search(row, std::regex(" yes +yes +yes ")));
    }
    CHECK(font_rows >= 4);
    CHECK(run("qpdf --check " + q(pdf)).code == 0);

    // Without PDF/A the CMYK JPEG passes through, its inverted samples undone by /Decode.
    const fs::path plain = pdf.parent_path() / "plain.pdf";
    REQUIRE(
        run_galley("pdf --pdf-standard ua-1 " + q(data("formats.md")) + " -o " + q(plain)).code ==
        0);
    ImageList plain_list = pdf_images(plain);
    CHECK(plain_list.color[{30, 22}] == "cmyk");
    CHECK(plain_list.encoding[{30, 22}] == "jpeg");
    CHECK(plain_list.color[{26, 18}] == "icc");
    CHECK(run("qpdf --qdf --object-streams=disable " + q(plain) +
              " - | tr -s ' \\n' ' ' | grep -ac '/Decode \\[ 1 0 1 0 1 0 1 0 \\]'")
              .out == "1\n");

    // The same input gives the same PDF, decoded pictures included.
    const fs::path again = pdf.parent_path() / "again.pdf";
    REQUIRE(run_galley("pdf " + q(data("formats.md")) + " -o " + q(again)).code == 0);
    CHECK(run("cmp " + q(pdf) + " " + q(again)).code == 0);
  }

  TEST_CASE("librsvg and libavif are opened when a picture needs them, not when galley starts") {
    // The dynamic loader lists each library it loads or opens (ld.so(8), LD_DEBUG=libs).
    auto loaded = [](const std::string& args) {
      const char* bin = std::getenv("GALLEY_BIN");
      return run("LD_DEBUG=libs " + std::string(bin ? bin : "galley") + " " + args).err;
    };
    const std::string plain = loaded("--version");
    CHECK(plain.find("libharfbuzz") != std::string::npos); // the listing works
    CHECK(plain.find("librsvg") == std::string::npos);
    CHECK(plain.find("libavif") == std::string::npos);
    CHECK(plain.find("libcairo") == std::string::npos);
    const fs::path pdf = scratch("images-lazy") / "formats.pdf";
    const std::string drawn = loaded("pdf " + q(data("formats.md")) + " -o " + q(pdf));
    CHECK(drawn.find("librsvg") != std::string::npos);
    CHECK(drawn.find("libavif") != std::string::npos);
  }
  TEST_CASE("the EPUB carries WebP and AVIF as PNG, JPEG, PNG, GIF and SVG as they are") {
    const fs::path dir = scratch("images-epub");
    const fs::path epub = dir / "formats.epub";
    RunResult r = run_galley("epub " + q(data("formats.md")) + " -o " + q(epub));
    CAPTURE(r.err);
    REQUIRE(r.code == 0);
    std::map<std::string, BookImage> images = epub_images(epub);
    REQUIRE(images.size() == 11);
    // (format, width, height, components) of every image in the book.
    std::multiset<std::tuple<std::string, int, int, int>> seen;
    for (const auto& [href, img] : images) {
      CAPTURE(href);
      CHECK(img.info.error == "");
      CHECK(img.media_type == galley::media_type(img.info.format));
      CHECK(href.substr(href.rfind('.')) != ".webp");
      CHECK(href.substr(href.rfind('.')) != ".avif");
      seen.insert({img.media_type, int(img.info.width), int(img.info.height), img.info.components});
    }
    using T = std::tuple<std::string, int, int, int>;
    CHECK(seen == std::multiset<T>{T{"image/jpeg", 40, 30, 3}, T{"image/jpeg", 30, 22, 4},
                                   T{"image/jpeg", 26, 18, 3}, T{"image/png", 36, 24, 4},
                                   T{"image/png", 34, 22, 4}, T{"image/gif", 32, 20, 0},
                                   T{"image/png", 48, 32, 3}, T{"image/png", 52, 34, 4},
                                   T{"image/png", 44, 28, 4}, T{"image/png", 40, 24, 4},
                                   T{"image/svg+xml", 480, 240, 0}});
    // The GIF is carried byte for byte.
    RunResult gif = run("unzip -p " + q(epub) + " 'EPUB/images/*.gif'");
    CHECK(gif.out == run("cat " + q(data("transparent.gif"))).out);

    check_epubs({epub});

    // The same input gives the same book, converted pictures included.
    const fs::path again = dir / "again.epub";
    REQUIRE(run_galley("epub " + q(data("formats.md")) + " -o " + q(again)).code == 0);
    CHECK(run("cmp " + q(epub) + " " + q(again)).code == 0);
  }

  TEST_CASE("an SVG's references to other files are not followed, nor its script run") {
    const fs::path dir = scratch("images-external");
    const fs::path pdf = dir / "external.pdf", epub = dir / "external.epub";
    RunResult r = run_galley("pdf " + q(data("external.md")) + " -o " + q(pdf));
    CAPTURE(r.err);
    REQUIRE(r.code == 0);
    // The photograph next to it is not drawn, nor anything of the other SVG or the system file.
    CHECK(pdf_images(pdf).total() == 0);
    RunResult text = run("pdftotext " + q(pdf) + " -");
    CHECK(text.out.find("Linked label") != std::string::npos);
    CHECK(text.out.find("Away") != std::string::npos);
    CHECK(text.out.find("Quarterly") == std::string::npos);
    // The system file's line, when it is long enough not to occur by chance.
    RunResult hostname = run("head -n1 /etc/hostname");
    if (hostname.out.size() > 8)
      CHECK(text.out.find(hostname.out.substr(0, hostname.out.size() - 1)) == std::string::npos);
    // Its links are drawn as their content: no annotation, no marked content of cairo's own
    // inside the figure's (ISO 14289-1 7.1).
    std::vector<std::string> forms = form_streams(pdf);
    REQUIRE(forms.size() == 1);
    CHECK(forms[0].find("BDC") == std::string::npos);
    CHECK(forms[0].find("BMC") == std::string::npos);
    CHECK(run("qpdf --qdf --object-streams=disable " + q(pdf) + " - | grep -ac /Annot").out ==
          "0\n");
    CHECK(run("qpdf --check " + q(pdf)).code == 0);

    r = run_galley("epub " + q(data("external.md")) + " -o " + q(epub));
    CAPTURE(r.err);
    REQUIRE(r.code == 0);
    RunResult svg = run("unzip -p " + q(epub) + " 'EPUB/images/*.svg'");
    for (const char* gone : {"photo.jpg", "/etc/hostname", "theme.css", "script", "onload",
                             "tracker.example", "chart.svg"})
      CHECK_MESSAGE(svg.out.find(gone) == std::string::npos, gone);
    CHECK(svg.out.find("Linked label") != std::string::npos);
    // The picture's two links keep no title, as the input wrote them: epubcheck's two ACC-011
    // warnings (a link's title is the picture's author's to give).
    check_epubs({epub}, 2);
  }

  TEST_CASE("an SVG without a size is drawn at CSS's default size, with a warning") {
    const fs::path dir = scratch("images-unsized");
    std::ofstream(dir / "dot.svg") << "<svg xmlns=\"http://www.w3.org/2000/svg\">"
                                      "<circle cx=\"150\" cy=\"75\" r=\"60\"/></svg>";
    std::ofstream(dir / "dot.md") << "# A dot\n\n![A black dot](dot.svg)\n";
    RunResult r = run_galley("pdf " + q(dir / "dot.md") + " -o " + q(dir / "dot.pdf"));
    CAPTURE(r.err);
    CHECK(r.code == 0);
    CHECK(r.err.find("dot.md:3:1: warning: figure image 'dot.svg' gives no width, height or "
                     "viewBox; it is drawn at 300 x 150 pixels") != std::string::npos);
    CHECK(fs::exists(dir / "dot.pdf"));
  }

  TEST_CASE("a WebP that does not decode, or an SVG that is not XML, is one located error, and "
            "nothing is written") {
    struct Case {
      const char* article;
      std::string where;
    };
    for (const Case& c :
         {Case{"corrupt", "corrupt.md:7:1: error: figure image 'corrupt.webp' is unreadable: "
                          "corrupt WebP: "},
          Case{"broken-svg", "broken-svg.md:7:1: error: figure image 'broken.svg' is unreadable: "
                             "not well-formed XML: "}}) {
      const fs::path dir = scratch(std::string("images-") + c.article);
      const fs::path md = data((std::string(c.article) + ".md").c_str());
      const std::string& where = c.where;
      RunResult check = run_galley("check " + q(md));
      CAPTURE(check.err);
      CHECK(check.code == 1);
      CHECK(check.err.find(where) != std::string::npos);
      for (const char* command : {"pdf", "epub"}) {
        CAPTURE(command);
        const fs::path target = dir / (std::string(c.article) + "." + command);
        RunResult r = run_galley(std::string(command) + " " + q(md) + " -o " + q(target));
        CAPTURE(r.err);
        CHECK(r.code == 1);
        CHECK(r.err.find(where) != std::string::npos);
        // One error, not one from each stage that reads the picture.
        std::size_t errors = 0;
        for (std::size_t at = r.err.find(": error: "); at != std::string::npos;
             at = r.err.find(": error: ", at + 1))
          ++errors;
        CHECK(errors == 1);
        CHECK_FALSE(fs::exists(target));
      }
    }
  }
}
