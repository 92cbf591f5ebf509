#pragma once
// Helpers for the PDF writer tests: shaping with HarfBuzz, synthetic images, running the
// validators (qpdf, poppler-utils) on a written file.
#include "layout/frame.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace galley::pdf::test {

/// A bundled font's path.
std::string font_path(const std::string& relative);

/// Shapes `text` with HarfBuzz (kerning and ligatures on) into a run at (x, y). Each space
/// glyph gets `extra_space` more advance, as a justified line would.
layout::GlyphRun shape(const std::string& font_file, int font_index, const std::string& text,
                       double size, double x, double y, double extra_space = 0);

/// Changes a run's glyphs: `change` gets them unpacked, and they are packed again.
template <class F> void change_glyphs(layout::GlyphRun& run, F change) {
  std::vector<layout::Glyph> glyphs = run.glyphs.unpack();
  change(glyphs);
  run.glyphs = {};
  for (const layout::Glyph& g : glyphs)
    run.glyphs.push_back(g);
}

/// A scratch folder for this test binary, emptied on first use.
std::filesystem::path scratch_dir();

/// Writes `bytes` to scratch_dir()/name and returns the path.
std::string save(const std::string& name, const std::string& bytes);

struct RunResult {
  int exit_code = -1;
  std::string output; ///< stdout and stderr
};
/// Runs a shell command and captures its output.
RunResult run(const std::string& command);

/// An RGBA PNG whose alpha ramps from transparent to opaque.
std::string make_png_rgba(unsigned width, unsigned height);

/// A 16-bit gray + alpha PNG (`palette` false) or an 8-bit palette PNG with a tRNS chunk.
std::string make_png_other(unsigned width, unsigned height, bool palette);

/// A baseline JPEG (libjpeg) with 1, 3 or 4 components.
std::string make_jpeg(unsigned width, unsigned height, int components);

/// A document with one A5 page, the fonts EB Garamond Regular (0), Inter Regular (1) and
/// Noto Serif Regular (2), and metadata.
layout::Document base_document();

} // namespace galley::pdf::test
