// The text trace of frames (frame.hpp): one line per item, numbers rounded to 0.01 pt, so tests
// can assert on layout without reading PDF bytes.
#include "layout/frame.hpp"
#include "util/text_utils.hpp"

#include <type_traits>

namespace galley::layout {

namespace {

std::string num(double v) { return format_number(v, 2); }

std::string hex(Rgb c) {
  static const char* digits = "0123456789abcdef";
  std::string s;
  for (std::uint8_t v : {c.r, c.g, c.b}) {
    s += digits[v >> 4];
    s += digits[v & 15];
  }
  return s;
}

void outline(std::string& out, const std::vector<OutlineItem>& items, int depth) {
  for (const OutlineItem& o : items) {
    out.append(static_cast<std::size_t>(depth) * 2 + 2, ' ');
    out += "- " + o.title + " -> " + o.dest + "\n";
    outline(out, o.children, depth + 1);
  }
}

} // namespace

std::string trace(const Document& doc) {
  std::string out;
  out.reserve(doc.pages.size() * 4096);
  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    const Page& page = doc.pages[p];
    out += "page " + std::to_string(p + 1) + " " + num(page.width) + "x" + num(page.height) +
           " label=" + page.label + "\n";
    // Where each item is drawn: moved by the page's shift, furniture as it is.
    for_each_drawn(page, [&](const Item& item, double dx) {
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, GlyphRun>) {
              std::string ids, text;
              for (const GlyphView& g : v.glyphs) {
                if (!ids.empty()) ids += ',';
                ids += std::to_string(g.id);
                text += g.text;
              }
              out += "  run font=" + std::to_string(v.font) + " size=" + num(v.size) + " at " +
                     num(v.x + dx) + "," + num(v.y) + " color=" + hex(v.color) + " text=\"" + text +
                     "\" glyphs=" + ids + "\n";
            } else if constexpr (std::is_same_v<T, ImageItem>) {
              out += "  image " + std::to_string(v.image) + " at " + num(v.x + dx) + "," +
                     num(v.y) + " size " + num(v.width) + "x" + num(v.height) +
                     (v.circle_clip ? " circle" : "") + "\n";
            } else if constexpr (std::is_same_v<T, RuleItem>) {
              out += "  rule " + num(v.x1 + dx) + "," + num(v.y1) + " to " + num(v.x2 + dx) + "," +
                     num(v.y2) + " width=" + num(v.thickness) + " color=" + hex(v.color) + "\n";
            } else if constexpr (std::is_same_v<T, RectItem>) {
              out += "  rect " + num(v.x + dx) + "," + num(v.y) + " size " + num(v.width) + "x" +
                     num(v.height) + " fill=" + hex(v.fill) + "\n";
            } else if constexpr (std::is_same_v<T, LinkItem>) {
              out += "  link " + num(v.x + dx) + "," + num(v.y) + " size " + num(v.width) + "x" +
                     num(v.height) + (v.uri.empty() ? " dest=" + v.dest : " uri=" + v.uri) + "\n";
            } else if constexpr (std::is_same_v<T, AnchorItem>) {
              out += "  anchor " + v.name + " at " + num(v.x + dx) + "," + num(v.y) + "\n";
            }
          },
          item);
    });
  }
  out += "outline\n";
  outline(out, doc.outline, 0);
  out += "fonts\n";
  for (const FontResource& f : doc.fonts)
    out += "  " + f.path + "#" + std::to_string(f.face_index) + "\n";
  out += "images\n";
  for (const ImageResource& i : doc.images) out += "  " + i.path + "\n";
  out += "page map\n";
  for (const NodePage& n : doc.page_map)
    out += "  article " + std::to_string(n.article) + " block " + std::to_string(n.block) +
           " page " + std::to_string(n.page + 1) + "\n";
  return out;
}

} // namespace galley::layout
