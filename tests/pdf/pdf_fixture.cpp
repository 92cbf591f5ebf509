#include "pdf_fixture.hpp"

#include "test_support.hpp"
#include "text/hb_handles.hpp"

#include <jpeglib.h>
#include <png.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <stdexcept>

namespace galley::pdf::test {

namespace fs = std::filesystem;

std::string font_path(const std::string& relative) {
  return std::string(GALLEY_SOURCE_DIR) + "/fonts/" + relative;
}

layout::GlyphRun shape(const std::string& font_file, int font_index, const std::string& text,
                       double size, double x, double y, double extra_space) {
  text::HbBlobPtr blob(hb_blob_create_from_file(font_file.c_str()));
  text::HbFacePtr face(hb_face_create(blob.get(), 0));
  text::HbFontPtr font(hb_font_create(face.get()));
  text::HbBufferPtr buf(hb_buffer_create());
  hb_buffer_add_utf8(buf.get(), text.data(), int(text.size()), 0, int(text.size()));
  hb_buffer_guess_segment_properties(buf.get());
  hb_shape(font.get(), buf.get(), nullptr, 0);
  unsigned n = 0;
  hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf.get(), &n);
  hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf.get(), &n);
  double scale = size / hb_face_get_upem(face.get());
  layout::GlyphRun run;
  run.font = font_index;
  run.size = size;
  run.x = x;
  run.y = y;
  for (unsigned i = 0; i < n; ++i) {
    layout::Glyph g;
    g.id = info[i].codepoint;
    g.advance = pos[i].x_advance * scale;
    g.x_offset = pos[i].x_offset * scale;
    g.y_offset = pos[i].y_offset * scale;
    unsigned cluster = info[i].cluster;
    if (i == 0 || info[i - 1].cluster != cluster) {
      unsigned end = unsigned(text.size());
      for (unsigned j = i + 1; j < n; ++j) {
        if (info[j].cluster != cluster) {
          end = info[j].cluster;
          break;
        }
      }
      g.text = text.substr(cluster, end - cluster);
    }
    if (g.text == " ")
      g.advance += extra_space;
    run.glyphs.push_back(g);
  }
  return run;
}

fs::path scratch_dir() {
  static const fs::path dir = galley::test::fresh_folder("galley-test-pdf");
  return dir;
}

std::string save(const std::string& name, const std::string& bytes) {
  fs::path p = scratch_dir() / name;
  std::ofstream(p, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
  return p.string();
}

RunResult run(const std::string& command) {
  RunResult r;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen((command + " 2>&1").c_str(), "r"), pclose);
  if (!pipe)
    return r;
  std::array<char, 4096> buf;
  size_t got = 0;
  while ((got = std::fread(buf.data(), 1, buf.size(), pipe.get())) > 0)
    r.output.append(buf.data(), got);
  int status = pclose(pipe.release());
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string make_png_rgba(unsigned width, unsigned height) {
  std::string pixels(size_t(width) * height * 4, '\0');
  for (unsigned y = 0; y < height; ++y) {
    for (unsigned x = 0; x < width; ++x) {
      char* p = pixels.data() + (size_t(y) * width + x) * 4;
      p[0] = char(200);
      p[1] = char(x * 255 / width);
      p[2] = char(y * 255 / height);
      p[3] = char(x * 255 / (width - 1));
    }
  }
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  image.width = width;
  image.height = height;
  image.format = PNG_FORMAT_RGBA;
  png_alloc_size_t size = 0;
  if (!png_image_write_to_memory(&image, nullptr, &size, 0, pixels.data(), 0, nullptr))
    throw std::runtime_error("png size");
  std::string out(size, '\0');
  if (!png_image_write_to_memory(&image, out.data(), &size, 0, pixels.data(), 0, nullptr))
    throw std::runtime_error("png write");
  out.resize(size);
  return out;
}

std::string make_png_other(unsigned width, unsigned height, bool palette) {
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  image.width = width;
  image.height = height;
  std::string pixels;
  std::string colormap;
  if (palette) {
    // Two colours, the second half transparent: written as PLTE + tRNS.
    image.format = PNG_FORMAT_RGBA_COLORMAP;
    image.colormap_entries = 2;
    colormap = std::string("\x10\x80\xF0\xFF\xF0\x20\x10\x00", 8);
    for (unsigned y = 0; y < height; ++y)
      for (unsigned x = 0; x < width; ++x)
        pixels += char(x < width / 2 ? 0 : 1);
  } else {
    image.format = PNG_FORMAT_LINEAR_Y_ALPHA;
    for (unsigned y = 0; y < height; ++y) {
      for (unsigned x = 0; x < width; ++x) {
        std::uint16_t v[2] = {std::uint16_t(y * 65535 / height), std::uint16_t(x * 65535 / width)};
        pixels.append(reinterpret_cast<const char*>(v), sizeof v);
      }
    }
  }
  const void* map = colormap.empty() ? nullptr : colormap.data();
  png_alloc_size_t size = 0;
  if (!png_image_write_to_memory(&image, nullptr, &size, 0, pixels.data(), 0, map))
    throw std::runtime_error("png size");
  std::string out(size, '\0');
  if (!png_image_write_to_memory(&image, out.data(), &size, 0, pixels.data(), 0, map))
    throw std::runtime_error("png write");
  out.resize(size);
  return out;
}

std::string make_jpeg(unsigned width, unsigned height, int components) {
  jpeg_compress_struct cinfo;
  jpeg_error_mgr jerr;
  cinfo.err = jpeg_std_error(&jerr);
  jpeg_create_compress(&cinfo);
  unsigned char* mem = nullptr;
  unsigned long mem_size = 0;
  jpeg_mem_dest(&cinfo, &mem, &mem_size);
  cinfo.image_width = width;
  cinfo.image_height = height;
  cinfo.input_components = components;
  cinfo.in_color_space = components == 1 ? JCS_GRAYSCALE : components == 4 ? JCS_CMYK : JCS_RGB;
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, 85, TRUE);
  jpeg_start_compress(&cinfo, TRUE);
  std::string row(size_t(width) * unsigned(components), '\0');
  while (cinfo.next_scanline < height) {
    for (unsigned x = 0; x < width; ++x)
      for (int c = 0; c < components; ++c)
        row[size_t(x) * unsigned(components) + unsigned(c)] =
            char((x * 255 / width + cinfo.next_scanline * 3 + unsigned(c) * 60) % 256);
    JSAMPROW r = reinterpret_cast<JSAMPROW>(row.data());
    jpeg_write_scanlines(&cinfo, &r, 1);
  }
  jpeg_finish_compress(&cinfo);
  std::string out(reinterpret_cast<char*>(mem), mem_size);
  jpeg_destroy_compress(&cinfo);
  std::free(mem);
  return out;
}

layout::Document base_document() {
  layout::Document doc;
  layout::Page page;
  page.width = 419.53;
  page.height = 595.28;
  doc.pages.push_back(page);
  doc.fonts = {{font_path("ebgaramond/EBGaramond12-Regular.ttf"), 0},
               {font_path("inter/Inter-Regular.otf"), 0},
               {font_path("noto/NotoSerif-Regular.ttf"), 0}};
  doc.info.title = "The Quantum Dispatch: Qubits at Scale";
  doc.info.author = "Ada Lovelace, Grace Hopper and Émilie du Châtelet";
  doc.info.subject = "How error correction crossed the threshold";
  doc.info.keywords = "quantum, computing, hardware";
  doc.info.language = "en-GB";
  doc.info.date_epoch = 1777248000; // 2026-04-27T00:00:00Z
  doc.info.identifier = "urn:test:dispatch";
  return doc;
}

} // namespace galley::pdf::test
