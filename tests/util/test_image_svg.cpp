// SVG images (util/svg.hpp): the intrinsic size librsvg reads from width, height and viewBox;
// links unwrapped for the PDF; and drawing that reads no file, even for references the
// cleaning would have removed.
#include "util/image_info.hpp"
#include "util/svg.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace galley;

namespace {

std::string svg(const std::string& attributes, const std::string& body = "") {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" " +
         attributes + ">" + body + "</svg>";
}

SvgSize measure(const std::string& attributes) {
  std::string error;
  std::optional<SvgSize> size = measure_svg(svg(attributes), error);
  CAPTURE(error);
  REQUIRE(size);
  return *size;
}

} // namespace

TEST_SUITE("util/image_svg") {
  TEST_CASE("the size comes from width and height in CSS pixels, else from the viewBox") {
    SvgSize inches = measure("width=\"2in\" height=\"1in\"");
    CHECK(inches.width == doctest::Approx(192));
    CHECK(inches.height == doctest::Approx(96));
    CHECK(inches.given);
    SvgSize mm = measure("width=\"254mm\" height=\"127mm\" viewBox=\"0 0 10 10\"");
    CHECK(mm.width == doctest::Approx(960));
    CHECK(mm.height == doctest::Approx(480));
    SvgSize box = measure("viewBox=\"0 0 30 10\"");
    CHECK(box.width == doctest::Approx(30));
    CHECK(box.height == doctest::Approx(10));
    CHECK(box.given);
    SvgSize percent = measure("width=\"100%\" viewBox=\"-5 -5 40 20\"");
    CHECK(percent.width == doctest::Approx(40));
    CHECK(percent.height == doctest::Approx(20));
    SvgSize none = measure("");
    CHECK(none.width == 300);
    CHECK(none.height == 150);
    CHECK_FALSE(none.given);
  }

  TEST_CASE("the header probe gives whole pixels, and refuses what librsvg cannot read") {
    ImageInfo info = probe_image(svg("width=\"20.5\" height=\"10\""));
    CHECK(info.error == "");
    CHECK(info.format == ImageFormat::Svg);
    CHECK(info.width == 21);
    CHECK(info.height == 10);
    CHECK_FALSE(info.default_size);
    CHECK(probe_image(svg("")).default_size);
    CHECK(probe_image(svg("width=\"0\" height=\"10\"")).error.find("no area") != std::string::npos);
    CHECK(probe_image("<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>")
              .error.find("not well-formed XML") == 0);
  }

  TEST_CASE("links are kept for the EPUB and unwrapped for the PDF") {
    const std::string linked = svg("", "<a href=\"#t\"><text id=\"t\">Label</text></a>");
    std::string removed, error;
    std::optional<std::string> kept = clean_svg(linked, removed, error);
    REQUIRE(kept);
    CHECK(kept->find("<a href=\"#t\">") != std::string::npos);
    std::optional<std::string> unwrapped = clean_svg(linked, removed, error, SvgLinks::Unwrap);
    REQUIRE(unwrapped);
    CHECK(unwrapped->find("<a") == std::string::npos);
    CHECK(unwrapped->find("<g href=\"#t\"><text id=\"t\">Label</text></g>") != std::string::npos);
    CHECK(removed == "");
  }

  TEST_CASE("drawing reads no other file, even for a reference the cleaning did not remove") {
    const std::string photo =
        (std::filesystem::path(GALLEY_TEST_DATA_DIR) / "e2e/data/images/photo.jpg").string();
    const std::string raw = svg("width=\"80\" height=\"40\"",
                                "<image xlink:href=\"file://" + photo +
                                    "\" width=\"40\" height=\"30\"/><image href=\"" + photo +
                                    "\" x=\"40\" width=\"40\" height=\"30\"/><text x=\"2\" "
                                    "y=\"38\">Seen</text>");
    std::string error;
    std::optional<std::string> pdf = render_svg_pdf(raw, {80, 40, true}, error);
    CAPTURE(error);
    REQUIRE(pdf);
    CHECK(pdf->rfind("%PDF-", 0) == 0);
    CHECK(pdf->find("/Subtype /Image") == std::string::npos);
    CHECK(pdf->find("/MediaBox [ 0 0 60 30 ]") != std::string::npos);
    // The same drawing with an image the SVG holds (a data: URL) does embed one.
    const std::string held = svg("width=\"80\" height=\"40\"",
                                 "<image href=\"data:image/gif;base64,R0lGODlhAQABAIAAAP///"
                                 "wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==\" width=\"40\" "
                                 "height=\"30\"/>");
    pdf = render_svg_pdf(held, {80, 40, true}, error);
    REQUIRE(pdf);
    CHECK(pdf->find("/Subtype /Image") != std::string::npos);
  }
}
