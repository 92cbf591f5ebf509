#include "pdf/writer.hpp"
#include "pdf_fixture.hpp"

#include <doctest/doctest.h>

#include <chrono>

using namespace galley;
using namespace galley::pdf::test;

namespace {

int count(const std::string& hay, const std::string& needle) {
  int n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1))
    ++n;
  return n;
}

layout::Document image_document(const std::vector<std::string>& paths) {
  layout::Document doc = base_document();
  int i = 0;
  for (const auto& p : paths) {
    doc.images.push_back({p});
    layout::ImageItem item{i, 20.0 + 90 * i, 40, 80, 60, false};
    doc.pages[0].items.emplace_back(item);
    ++i;
  }
  return doc;
}

} // namespace

TEST_SUITE("pdf/images") {
  TEST_CASE("JPEG passes through byte for byte, embedded once when drawn twice") {
    std::string jpeg = make_jpeg(64, 48, 3);
    std::string path = save("photo.jpg", jpeg);
    layout::Document doc = image_document({path});
    layout::ImageItem portrait{0, 40, 200, 120, 120, true};
    doc.pages[0].items.emplace_back(portrait);
    Diagnostics diags;
    std::string pdf = pdf::write_pdf(doc, diags);
    CHECK(diags.empty());
    CHECK(pdf.find(jpeg) != std::string::npos);
    CHECK(count(pdf, "/DCTDecode") == 1);
    CHECK(count(pdf, "/Subtype/Image") == 1);
    std::string out = save("jpeg.pdf", pdf);
    CHECK(run("qpdf --check " + out).exit_code == 0);
    auto list = run("pdfimages -list " + out);
    CAPTURE(list.output);
    CHECK(list.output.find("jpeg") != std::string::npos);
    // The circle-clipped portrait is drawn through a clipping path.
    std::string plain = pdf::write_pdf(doc, diags, {.compress = false});
    CHECK(plain.find("W n") != std::string::npos);
    CHECK(count(plain, "/Im0 Do") == 2);
  }

  TEST_CASE("CMYK JPEG with an Adobe marker gets an inverting Decode array, or RGB under PDF/A") {
    std::string path = save("cmyk.jpg", make_jpeg(32, 32, 4));
    Diagnostics diags;
    pdf::WriteOptions plain{.compress = false};
    plain.standard.archive = PdfStandard::Archive::None;
    std::string pdf = pdf::write_pdf(image_document({path}), diags, plain);
    CHECK(diags.empty());
    CHECK(pdf.find("/DeviceCMYK") != std::string::npos);
    CHECK(pdf.find("/Decode[ 1 0 1 0 1 0 1 0]") != std::string::npos);
    // PDF/A's sRGB output intent cannot say what DeviceCMYK means: the samples become RGB.
    std::string archived = pdf::write_pdf(image_document({path}), diags, {.compress = false});
    CHECK(diags.empty());
    CHECK(archived.find("/DeviceCMYK") == std::string::npos);
    CHECK(archived.find("/DCTDecode") == std::string::npos);
    CHECK(archived.find("/DeviceRGB") != std::string::npos);
  }

  TEST_CASE("PNG with alpha gets a soft mask") {
    std::string path = save("alpha.png", make_png_rgba(40, 30));
    Diagnostics diags;
    std::string pdf = pdf::write_pdf(image_document({path}), diags);
    CHECK(diags.empty());
    CHECK(pdf.find("/SMask") != std::string::npos);
    std::string out = save("png.pdf", pdf);
    CHECK(run("qpdf --check " + out).exit_code == 0);
    auto list = run("pdfimages -list " + out);
    CAPTURE(list.output);
    CHECK(list.output.find("smask") != std::string::npos);
  }

  TEST_CASE("16-bit gray + alpha and palette + tRNS PNGs get soft masks, at their depth") {
    for (bool palette : {false, true}) {
      CAPTURE(palette);
      std::string png = make_png_other(24, 16, palette);
      if (palette)
        CHECK(png.find("tRNS") != std::string::npos);
      else
        CHECK(int(png[24]) == 16); // IHDR bit depth
      std::string path = save(palette ? "palette.png" : "gray16.png", png);
      Diagnostics diags;
      std::string pdf = pdf::write_pdf(image_document({path}), diags, {.compress = false});
      CHECK(diags.empty());
      CHECK(pdf.find("/SMask") != std::string::npos);
      CHECK(pdf.find(palette ? "/DeviceRGB" : "/DeviceGray") != std::string::npos);
      // The 16-bit image keeps 16 bits, in its samples and its soft mask.
      CHECK((pdf.find("/BitsPerComponent 8") != std::string::npos) == palette);
      CHECK((pdf.find("/BitsPerComponent 16") != std::string::npos) == !palette);
      CHECK(run("qpdf --check " + save("other.pdf", pdf)).exit_code == 0);
    }
  }

  TEST_CASE("undecodable images are reported with their path and skipped") {
    std::string good = make_jpeg(16, 16, 3);
    std::string corrupt_jpeg = good.substr(0, 2) + "\xFF\xE0garbage garbage garbage garbage";
    std::string png = make_png_rgba(20, 20);
    std::string truncated_png = png.substr(0, png.size() / 2);
    // A valid header claiming 50,000 x 50,000 pixels, and no pixel data at all.
    std::string bomb("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\xc3\x50\0\0\xc3\x50\x08\x06\0\0\0", 29);
    bomb += std::string(4, '\0') + std::string("\0\0\0\0IEND\xae\x42\x60\x82", 12);
    std::string cut_jpeg = good.substr(0, good.size() - 40);
    std::vector<std::string> paths = {save("corrupt.jpg", corrupt_jpeg),
                                      save("truncated.png", truncated_png), save("bomb.png", bomb),
                                      save("cut.jpg", cut_jpeg),
                                      (scratch_dir() / "missing.png").string()};
    Diagnostics diags;
    auto start = std::chrono::steady_clock::now();
    std::string pdf = pdf::write_pdf(image_document(paths), diags);
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
    CHECK(ms.count() < 2000);
    REQUIRE(diags.error_count() == 5);
    for (size_t i = 0; i < paths.size(); ++i) {
      const auto& d = diags.all()[i];
      CAPTURE(d.message);
      CHECK(d.loc.file == paths[i]);
      CHECK(d.message.find("cannot embed image '" + paths[i] + "'") == 0);
    }
    CHECK(diags.all()[1].message.find("truncated PNG") != std::string::npos);
    CHECK(diags.all()[2].message.find("too large: 50000 x 50000") != std::string::npos);
    CHECK(diags.all()[3].message.find("truncated JPEG") != std::string::npos);
    CHECK(diags.all()[4].message.find("no such file") != std::string::npos);
    CHECK(pdf.find("/Subtype/Image") == std::string::npos);
    CHECK(run("qpdf --check " + save("bad-images.pdf", pdf)).exit_code == 0);
  }

  TEST_CASE("GIF, WebP and AVIF become RGB images, with a soft mask where a pixel is not opaque") {
    const std::string dir = std::string(GALLEY_TEST_DATA_DIR) + "/e2e/data/images/";
    struct Case {
      const char* file;
      bool mask;
    };
    for (const Case& c : {Case{"transparent.gif", true}, Case{"lossy.webp", false},
                          Case{"lossless-alpha.webp", true}, Case{"alpha.avif", true}}) {
      CAPTURE(c.file);
      Diagnostics diags;
      std::string pdf = pdf::write_pdf(image_document({dir + c.file}), diags, {.compress = false});
      CHECK(diags.empty());
      CHECK(count(pdf, "/Subtype/Image") == (c.mask ? 2 : 1));
      CHECK(pdf.find("/DeviceRGB") != std::string::npos);
      CHECK((pdf.find("/SMask") != std::string::npos) == c.mask);
      CHECK(run("qpdf --check " + save("decoded.pdf", pdf)).exit_code == 0);
    }
  }
}
