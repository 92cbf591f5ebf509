// Makes the colour test pictures (README.md): a 16-bit RGBA PNG, an Adobe CMYK JPEG and an RGB
// JPEG whose ICC profile is split over two APP2 segments. Run once from this folder:
//   g++ -std=c++20 make_colour_images.cpp -lpng -ljpeg -o /tmp/make && /tmp/make
#include <png.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <jpeglib.h>

namespace {

void deep_png() {
  // 34 x 22, 16 bits a sample: values no 8-bit sample can hold, and an alpha channel that
  // rises from transparent on the left to opaque on the right.
  const int w = 34, h = 22;
  std::FILE* f = std::fopen("deep.png", "wb");
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  png_init_io(png, f);
  png_set_IHDR(png, info, w, h, 16, PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  std::vector<png_byte> row(w * 8);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const std::uint16_t v[4] = {std::uint16_t(x * 1927 + 3), std::uint16_t(y * 2979 + 5),
                                  std::uint16_t(40001), std::uint16_t(x * 65535 / (w - 1))};
      for (int c = 0; c < 4; ++c) {
        row[x * 8 + c * 2] = png_byte(v[c] >> 8);
        row[x * 8 + c * 2 + 1] = png_byte(v[c] & 0xFF);
      }
    }
    png_write_row(png, row.data());
  }
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  std::fclose(f);
}

/// A JPEG of `components` colour samples made by `pixel`, with `markers` written after the
/// headers libjpeg writes itself (for CMYK, its Adobe APP14 segment).
template <typename Pixel>
void jpeg(const char* name, int w, int h, J_COLOR_SPACE space, int components, Pixel pixel,
          const std::vector<std::string>& app2) {
  jpeg_compress_struct c;
  jpeg_error_mgr err;
  c.err = jpeg_std_error(&err);
  jpeg_create_compress(&c);
  std::FILE* f = std::fopen(name, "wb");
  jpeg_stdio_dest(&c, f);
  c.image_width = JDIMENSION(w);
  c.image_height = JDIMENSION(h);
  c.input_components = components;
  c.in_color_space = space;
  jpeg_set_defaults(&c);
  jpeg_set_quality(&c, 90, TRUE);
  jpeg_start_compress(&c, TRUE);
  for (const std::string& m : app2)
    jpeg_write_marker(&c, JPEG_APP0 + 2, reinterpret_cast<const JOCTET*>(m.data()),
                      unsigned(m.size()));
  std::vector<JSAMPLE> row(std::size_t(w * components));
  while (int(c.next_scanline) < h) {
    for (int x = 0; x < w; ++x)
      pixel(x, int(c.next_scanline), &row[std::size_t(x * components)]);
    JSAMPROW rows[1] = {row.data()};
    jpeg_write_scanlines(&c, rows, 1);
  }
  jpeg_finish_compress(&c);
  jpeg_destroy_compress(&c);
  std::fclose(f);
}

} // namespace

int main() {
  deep_png();
  // CMYK stored inverted, as Photoshop writes it (Adobe Technical Note 5116: with the APP14
  // segment libjpeg writes for CMYK, 0 is full ink): cyan rising left to right, black bottom.
  jpeg("cmyk.jpg", 30, 22, JCS_CMYK, 4,
       [](int x, int y, JSAMPLE* p) {
         p[0] = JSAMPLE(255 - x * 255 / 29);
         p[1] = 255 - 40;
         p[2] = 255;
         p[3] = JSAMPLE(y < 16 ? 255 : 0);
       },
       {});
  // ICC.1:2010 annex B.4: the profile in APP2 segments, each "ICC_PROFILE\0", its number and
  // the count; split in two, as a profile larger than one segment would be.
  std::ifstream in("/usr/share/color/icc/compatibleWithAdobeRGB1998.icc", std::ios::binary);
  std::string profile((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::size_t half = profile.size() / 2;
  std::vector<std::string> app2;
  for (int i = 0; i < 2; ++i)
    app2.push_back(std::string("ICC_PROFILE", 12) + char(i + 1) + char(2) +
                   profile.substr(i == 0 ? 0 : half, i == 0 ? half : std::string::npos));
  jpeg(
      "icc.jpg", 26, 18, JCS_RGB, 3,
      [](int x, int y, JSAMPLE* p) {
        p[0] = JSAMPLE(x * 9);
        p[1] = JSAMPLE(200 - y * 8);
        p[2] = 90;
      },
      app2);
  return 0;
}
