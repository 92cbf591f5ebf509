// One figure of each raster format galley reads (tests/e2e/data/images/): JPEG, PNG with alpha,
// GIF with a transparent colour, lossy and lossless WebP with and without alpha, AVIF with
// alpha. The PDF draws each at its pixel size, with a soft mask where the picture has alpha
// (read back with pdfimages); the EPUB carries WebP and AVIF as PNG, since they are not core
// media types of EPUB 3.3, and passes epubcheck. A WebP whose data does not decode is one
// located error in check, pdf and epub alike, and nothing is written.
#include "run.hpp"

#include "util/image_info.hpp"

#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

using namespace e2e;
namespace fs = std::filesystem;

namespace {

fs::path data(const char* name) {
  return source_dir() / "tests/e2e/data/images" / name;
}

/// (type, width, height) -> how many rows of `pdfimages -list` have them; and each image's
/// encoding by size.
struct ImageList {
  std::map<std::tuple<std::string, int, int>, int> rows;
  std::map<std::pair<int, int>, std::string> encoding;
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
    if (type == "image")
      list.encoding[{width, height}] = enc;
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

} // namespace

TEST_SUITE("e2e/images") {
  TEST_CASE("every raster format is drawn in the PDF at its pixel size, alpha as a soft mask") {
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
    int total = 0;
    for (const auto& [key, n] : list.rows)
      total += n;
    CHECK(total == 12);

    // The same input gives the same PDF, decoded pictures included.
    const fs::path again = pdf.parent_path() / "again.pdf";
    REQUIRE(run_galley("pdf " + q(data("formats.md")) + " -o " + q(again)).code == 0);
    CHECK(run("cmp " + q(pdf) + " " + q(again)).code == 0);
  }

  TEST_CASE("the EPUB carries WebP and AVIF as PNG, JPEG, PNG and GIF as they are") {
    const fs::path dir = scratch("images-epub");
    const fs::path epub = dir / "formats.epub";
    RunResult r = run_galley("epub " + q(data("formats.md")) + " -o " + q(epub));
    CAPTURE(r.err);
    REQUIRE(r.code == 0);
    std::map<std::string, BookImage> images = epub_images(epub);
    REQUIRE(images.size() == 7);
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
    CHECK(seen == std::multiset<T>{T{"image/jpeg", 40, 30, 3}, T{"image/png", 36, 24, 4},
                                   T{"image/gif", 32, 20, 0}, T{"image/png", 48, 32, 3},
                                   T{"image/png", 52, 34, 4}, T{"image/png", 44, 28, 4},
                                   T{"image/png", 40, 24, 4}});
    // The GIF is carried byte for byte.
    RunResult gif = run("unzip -p " + q(epub) + " 'EPUB/images/*.gif'");
    CHECK(gif.out == run("cat " + q(data("transparent.gif"))).out);

    RunResult check = run(std::string(kEpubcheck) + " " + q(epub));
    CAPTURE(check.out);
    CAPTURE(check.err);
    CHECK(check.code == 0);
    CHECK(std::regex_search(check.out + check.err,
                            std::regex("No errors or warnings detected|0 fatals / 0 errors")));

    // The same input gives the same book, converted pictures included.
    const fs::path again = dir / "again.epub";
    REQUIRE(run_galley("epub " + q(data("formats.md")) + " -o " + q(again)).code == 0);
    CHECK(run("cmp " + q(epub) + " " + q(again)).code == 0);
  }

  TEST_CASE("a WebP that does not decode is one located error, and nothing is written") {
    const fs::path dir = scratch("images-corrupt");
    RunResult check = run_galley("check " + q(data("corrupt.md")));
    CAPTURE(check.err);
    CHECK(check.code == 1);
    const std::string where = "corrupt.md:7:1: error: figure image 'corrupt.webp' is unreadable: "
                              "corrupt WebP: ";
    CHECK(check.err.find(where) != std::string::npos);
    for (const char* command : {"pdf", "epub"}) {
      CAPTURE(command);
      const fs::path target = dir / (std::string("corrupt.") + command);
      RunResult r =
          run_galley(std::string(command) + " " + q(data("corrupt.md")) + " -o " + q(target));
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
