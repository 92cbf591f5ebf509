#include "text/trace.hpp"

#include "util/text_utils.hpp"

namespace galley::text {
namespace {

std::string num(double v) {
  return format_number(v, 2);
}

std::string face_label(const FaceInfo& f) {
  return f.family + " " + std::to_string(f.weight) + (f.italic ? " italic" : "");
}

void trace_run(std::string& out, const Engine& engine, const LineRun& run, bool glyph_lines) {
  out += "  run face='" + face_label(engine.face(run.face)) + "' size=" + num(run.size) +
         " x=" + num(run.x) + " w=" + num(run.width) + (run.rtl ? " rtl" : "") + "\n";
  if (glyph_lines) {
    for (const auto& g : run.glyphs) {
      out += "    " + std::to_string(g.glyph) + " x=" + num(g.x) + " adv=" + num(g.advance);
      if (g.x_offset != 0 || g.y_offset != 0)
        out += " off=" + num(g.x_offset) + "," + num(g.y_offset);
      out += " '" + g.text + "'\n";
    }
    return;
  }
  out += "    glyphs";
  for (const auto& g : run.glyphs)
    out += " " + std::to_string(g.glyph);
  out += "\n";
}

} // namespace

std::string trace_shape(Engine& engine, std::string_view text, const FontRequest& font, double size,
                        const std::string& language, const std::vector<std::string>& features,
                        Diagnostics& diags) {
  Span span;
  span.text = std::string(text);
  span.font = font;
  span.size = size;
  span.features = features;
  Line line = engine.layout_line({span}, language, diags);
  std::string out = "line w=" + num(line.natural_width) + " ascent=" + num(line.ascent) +
                    " descent=" + num(line.descent) + "\n";
  for (const auto& run : line.runs)
    trace_run(out, engine, run, true);
  return out;
}

std::string trace_paragraph(const Engine& engine, const ParagraphLayout& layout) {
  std::string out = "paragraph lines=" + std::to_string(layout.lines.size()) + "\n";
  for (size_t i = 0; i < layout.lines.size(); ++i) {
    const Line& line = layout.lines[i];
    std::string text;
    for (const auto& run : line.runs)
      for (const auto& g : run.glyphs)
        text += g.text;
    out += "line " + std::to_string(i + 1) + " w=" + num(line.width) +
           " natural=" + num(line.natural_width) + " r=" + num(line.ratio) +
           (line.hyphenated ? " hyphenated" : "") + (line.overfull ? " overfull" : "") + " |" +
           text + "|\n";
    for (const auto& run : line.runs)
      trace_run(out, engine, run, false);
  }
  return out;
}

} // namespace galley::text
