#pragma once
// A typeset formula, or a piece of one: glyphs and rules around a baseline, with TeX's width,
// height and depth. Coordinates are points, x to the right of the box's left edge and y up
// from its baseline; layout/math.cpp turns them into frame items.
#include "text/engine.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace galley::layout::detail {

struct MathGlyph {
  text::FaceId face = 0;
  std::uint32_t glyph = 0;
  double size = 10;
  double x = 0, y = 0; ///< pen position on the glyph's baseline
  double advance = 0;
  std::string text; ///< what the glyph stands for, for ToUnicode ("" for parts after the first)
};

/// A filled rectangle: fraction bars, radical overbars, \overline.
struct MathRule {
  double x = 0, y = 0; ///< bottom left corner
  double width = 0, height = 0;
};

struct MathBox {
  double width = 0, height = 0, depth = 0;
  /// A single glyph's italic correction and top accent attachment (from its left edge).
  double italic = 0;
  double accent_x = -1;
  double ink_center = 0; ///< a single glyph's: the middle of its ink, from its origin
  std::vector<MathGlyph> glyphs;
  std::vector<MathRule> rules;

  /// Draws `b` with its origin at (dx, dy); the extents are the caller's to set.
  void draw(const MathBox& b, double dx, double dy) {
    for (MathGlyph g : b.glyphs) {
      g.x += dx;
      g.y += dy;
      glyphs.push_back(std::move(g));
    }
    for (MathRule r : b.rules) {
      r.x += dx;
      r.y += dy;
      rules.push_back(r);
    }
  }
  /// Draws `b` at (dx, dy) and grows the extents to hold it.
  void add(const MathBox& b, double dx, double dy) {
    draw(b, dx, dy);
    if (dx + b.width > width)
      width = dx + b.width;
    if (b.height + dy > height)
      height = b.height + dy;
    if (b.depth - dy > depth)
      depth = b.depth - dy;
  }
};

} // namespace galley::layout::detail
