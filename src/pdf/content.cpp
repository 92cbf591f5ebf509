#include "pdf/content.hpp"

#include "pdf/raw.hpp"

#include "galley/error.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

namespace galley::pdf {

void append_number(std::string& out, double v, int decimals) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  char* end = res.ptr;
  if (std::find(buf, end, '.') != end) {
    while (end[-1] == '0')
      --end;
    if (end[-1] == '.')
      --end;
  }
  std::string_view s(buf, size_t(end - buf));
  if (s == "-0")
    s = "0";
  out += s;
}

namespace {

/// `v` ascending, each value once.
template <class T> void sort_unique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

/// Builds one page's operators; tracks the graphics state it has set so that colours and line
/// widths are written only when they change.
class ContentBuilder {
public:
  ContentBuilder(const std::vector<layout::Item>& items, double page_height,
                 const std::vector<const SubsetFont*>& fonts, const std::vector<bool>& image_ok,
                 const std::vector<layout::StructElement>& structure, int first_mcid)
      : items_(items), page_height_(page_height), fonts_(fonts), image_ok_(image_ok),
        structure_(structure), first_mcid_(first_mcid) {}

  PageContent build() {
    out_.stream.reserve(4096);
    for (const auto& item : items_) {
      if (auto* run = std::get_if<layout::GlyphRun>(&item)) {
        mark(run->element);
        glyph_run(*run);
      } else if (auto* img = std::get_if<layout::ImageItem>(&item)) {
        mark(img->element);
        image(*img);
      } else if (auto* rule = std::get_if<layout::RuleItem>(&item)) {
        mark(-1);
        this->rule(*rule);
      } else if (auto* rect = std::get_if<layout::RectItem>(&item)) {
        mark(-1);
        this->rect(*rect);
      }
    }
    if (open_ != kNone)
      op("EMC\n");
    sort_unique(out_.fonts);
    sort_unique(out_.images);
    sort_unique(out_.glyph_pictures);
    return std::move(out_);
  }

private:
  static constexpr int kNone = -2; ///< no marked-content sequence open

  /// Begins the marked-content sequence of `element` (-1: an artifact) unless the drawing
  /// before was already in it: consecutive items of one element share one sequence and MCID.
  void mark(int element) {
    if (structure_.empty() || element == open_)
      return;
    if (open_ != kNone)
      op("EMC\n");
    open_ = element;
    if (element < 0 || static_cast<std::size_t>(element) >= structure_.size()) {
      open_ = -1;
      op("/Artifact BMC\n");
      return;
    }
    // The tag is the element's structure type (14.7.4.2), the MCID its place in the page's
    // entry of the parent tree.
    op("/");
    op(structure_[static_cast<std::size_t>(element)].type);
    op(" <</MCID ");
    num(static_cast<double>(first_mcid_) + static_cast<double>(out_.marked.size()));
    op(">> BDC\n");
    out_.marked.push_back(element);
  }

  void op(std::string_view s) { out_.stream += s; }
  void num(double v, int decimals = 3) { append_number(out_.stream, v, decimals); }
  double flip(double y) const { return page_height_ - y; }

  void color(const layout::Rgb& c, std::optional<layout::Rgb>& current, std::string_view oper) {
    if (current && *current == c)
      return;
    current = c;
    num(c.r / 255.0, 4);
    op(" ");
    num(c.g / 255.0, 4);
    op(" ");
    num(c.b / 255.0, 4);
    op(" ");
    op(oper);
    op("\n");
  }

  /// Where the cluster starting at glyph `i` ends (one past its last glyph) when its text must
  /// be given as ActualText (14.9.4): the ToUnicode map gives one text per glyph id, so it reads
  /// a cluster wrongly when its first glyph maps to another cluster's text or a later glyph maps
  /// to any text (Devanagari vowel signs drawn before their consonant, Thai marks, a glyph
  /// shared by two clusters). Extractors read a later glyph that takes room but has no text as
  /// a gap between words, and one raised by text rise (an Arabic vowel sign over a ligature) as
  /// a line of its own, so such a cluster is given as one piece too. 0 when ToUnicode reads it
  /// right, as for Latin and its ligatures.
  static std::size_t actual_text_end(const std::vector<layout::GlyphView>& glyphs,
                                     const SubsetFont& font, std::size_t i) {
    auto mapped = [&](const layout::GlyphView& g) -> const std::string& {
      static const std::string none;
      const std::int32_t cid = g.id < font.cid_of.size() ? font.cid_of[g.id] : -1;
      return cid >= 0 && std::size_t(cid) < font.text.size() ? font.text[std::size_t(cid)] : none;
    };
    if (glyphs[i].text.empty())
      return 0;
    bool wrong = mapped(glyphs[i]) != glyphs[i].text;
    std::size_t end = i + 1;
    for (; end < glyphs.size() && glyphs[end].text.empty(); ++end)
      wrong = wrong || !mapped(glyphs[end]).empty() || glyphs[end].advance != 0 ||
              glyphs[end].y_offset != glyphs[i].y_offset;
    return wrong ? end : 0;
  }

  /// Text (9.4): one BT block per run. Glyphs are shown by CID through TJ; before each glyph the
  /// pen is moved from where the font's /W width left it to where the frame puts the glyph, so
  /// kerning, justification and x offsets all become TJ adjustments in 1/1000 em (9.4.3).
  void glyph_run(const layout::GlyphRun& run) {
    if (run.glyphs.empty())
      return;
    if (run.font < 0 || size_t(run.font) >= fonts_.size() || !fonts_[size_t(run.font)])
      throw Error("glyph run uses font " + std::to_string(run.font) + " that has no subset");
    const SubsetFont& font = *fonts_[size_t(run.font)];
    // The glyphs as views, looked ahead in (one buffer per thread, kept between runs).
    thread_local std::vector<layout::GlyphView> glyphs;
    run.glyphs.views(glyphs);
    out_.fonts.push_back(run.font);
    color(run.color, fill_, "rg");
    op("BT\n/F");
    num(run.font);
    op(" ");
    num(run.size);
    op(" Tf\n");
    // A colour bitmap font's glyphs are pictures, drawn below as images: its text is kept,
    // invisible (text rendering mode 3, 9.3.6), for search, copy and read-aloud.
    const bool pictures = !font.color_glyphs.empty();
    if (pictures)
      op("3 Tr\n");
    op("1 0 0 1 ");
    num(run.x);
    op(" ");
    num(flip(run.y));
    op(" Tm\n[");
    // Where each glyph's origin is, in points from run.x: the frame's advances summed.
    std::vector<double> origin(glyphs.size());
    for (std::size_t i = 0, n = glyphs.size(); i + 1 < n; ++i)
      origin[i + 1] = origin[i] + glyphs[i].advance;
    double pen = 0; // where the PDF pen is, in points from run.x
    double rise = 0;
    const double to_units = 1000.0 / run.size;
    bool in_hex = false;
    bool empty = true; // nothing shown yet in the open TJ array
    // Ends the open TJ array (dropping it when empty), writes `between`, opens another.
    auto split_array = [&](const std::string& between) {
      if (in_hex)
        op(">");
      in_hex = false;
      if (empty)
        out_.stream.pop_back(); // drop the "[" just opened
      else
        op("] TJ\n");
      op(between);
      op("[");
      empty = true;
    };
    auto show = [&](const layout::GlyphView& g, double at) {
      if (g.y_offset != rise) {
        // Text rise (9.3.7) cannot change inside one TJ array: close it, set Ts, reopen.
        std::string ts;
        append_number(ts, g.y_offset);
        split_array(ts + " Ts\n");
        rise = g.y_offset;
      }
      double want = at + g.x_offset;
      double adjust = std::round((pen - want) * to_units * 100) / 100;
      if (adjust != 0) {
        if (in_hex)
          op(">");
        in_hex = false;
        num(adjust, 2);
        empty = false;
        pen -= adjust / to_units;
      }
      std::int32_t cid = g.id < font.cid_of.size() ? font.cid_of[g.id] : -1;
      if (cid < 0)
        throw Error("glyph " + std::to_string(g.id) + " is missing from its subset");
      if (!in_hex)
        op("<");
      in_hex = true;
      empty = false;
      append_hex16(out_.stream, unsigned(cid));
      pen += font.widths[size_t(cid)] / to_units;
    };
    for (std::size_t i = 0; i < glyphs.size();) {
      const std::size_t end = actual_text_end(glyphs, font, i);
      if (end == 0) {
        show(glyphs[i], origin[i]);
        ++i;
        continue;
      }
      split_array("/Span <</ActualText <FEFF" + utf16_hex(glyphs[i].text) + ">>> BDC\n");
      // Extractors place the replacement text from the start of the span's first glyph to the
      // end of its last one. So the glyphs on the baseline come first (a mark's rise would put
      // the cluster on a line of its own: a fathatan over a lam that comes first in visual
      // order), then the raised or lowered marks, and after a mark the last baseline glyph is
      // shown again, invisibly (rendering mode 3, 9.3.6), so that the span ends where the
      // cluster does and no gap splits the word there.
      std::size_t last_base = end;
      for (std::size_t k = i; k < end; ++k)
        if (glyphs[k].y_offset == 0) {
          show(glyphs[k], origin[k]);
          last_base = k;
        }
      bool marks = false;
      for (std::size_t k = i; k < end; ++k)
        if (glyphs[k].y_offset != 0) {
          show(glyphs[k], origin[k]);
          marks = true;
        }
      if (marks && last_base != end) {
        if (!pictures)
          split_array("3 Tr\n");
        show(glyphs[last_base], origin[last_base]);
        if (!pictures)
          split_array("0 Tr\n");
      }
      split_array("EMC\n");
      i = end;
    }
    if (in_hex)
      op(">");
    if (empty)
      out_.stream.pop_back(); // the "[" opened after a span ended the run
    else
      op("] TJ\n");
    if (rise != 0)
      op("0 Ts\n"); // text state outlives ET (9.3.1)
    if (pictures)
      op("0 Tr\n");
    op("ET\n");
    if (pictures)
      glyph_pictures(run, font);
  }

  /// The pictures of a colour bitmap font's glyphs (see ColorGlyph), each an image XObject
  /// scaled from ems to the run's size at the glyph's place.
  void glyph_pictures(const layout::GlyphRun& run, const SubsetFont& font) {
    double pen = 0;
    for (const auto& g : run.glyphs) {
      auto found = font.color_glyphs.find(g.id);
      if (found != font.color_glyphs.end()) {
        const ColorGlyph& picture = found->second;
        const double x = run.x + pen + g.x_offset + picture.left * run.size;
        const double top = run.y - g.y_offset - picture.top * run.size;
        const double height = picture.height * run.size;
        op("q\n");
        num(picture.width * run.size);
        op(" 0 0 ");
        num(height);
        op(" ");
        num(x);
        op(" ");
        num(flip(top + height));
        op(" cm\n/G");
        num(run.font);
        op("_");
        num(g.id);
        op(" Do\nQ\n");
        out_.glyph_pictures.emplace_back(run.font, g.id);
      }
      pen += g.advance;
    }
  }

  /// Ellipse inscribed in the box, as four Bezier quarter arcs (8.5.2.2); the control points sit
  /// at 0.5523 of the radius, the usual cubic approximation of a quarter circle.
  void ellipse(double x, double y, double w, double h) {
    constexpr double k = 0.5522847498;
    double rx = w / 2, ry = h / 2, cx = x + rx, cy = y + ry;
    auto pt = [&](double px, double py) {
      num(px);
      op(" ");
      num(py);
      op(" ");
    };
    auto curve = [&](double x1, double y1, double x2, double y2, double x3, double y3) {
      pt(x1, y1);
      pt(x2, y2);
      pt(x3, y3);
      op("c\n");
    };
    pt(cx + rx, cy);
    op("m\n");
    curve(cx + rx, cy + k * ry, cx + k * rx, cy + ry, cx, cy + ry);
    curve(cx - k * rx, cy + ry, cx - rx, cy + k * ry, cx - rx, cy);
    curve(cx - rx, cy - k * ry, cx - k * rx, cy - ry, cx, cy - ry);
    curve(cx + k * rx, cy - ry, cx + rx, cy - k * ry, cx + rx, cy);
  }

  /// Images (8.9.5): the unit square scaled to the box by cm, inside q/Q; portraits are clipped
  /// to the inscribed ellipse first (8.5.4, W n).
  void image(const layout::ImageItem& img) {
    if (img.image < 0 || size_t(img.image) >= image_ok_.size())
      throw Error("image item uses image " + std::to_string(img.image) + " that does not exist");
    if (!image_ok_[size_t(img.image)])
      return;
    out_.images.push_back(img.image);
    double bottom = flip(img.y + img.height);
    op("q\n");
    if (img.circle_clip) {
      ellipse(img.x, bottom, img.width, img.height);
      op("W n\n");
    }
    num(img.width);
    op(" 0 0 ");
    num(img.height);
    op(" ");
    num(img.x);
    op(" ");
    num(bottom);
    op(" cm\n/Im");
    num(img.image);
    op(" Do\nQ\n");
  }

  void rule(const layout::RuleItem& r) {
    color(r.color, stroke_, "RG");
    if (!line_width_ || *line_width_ != r.thickness) {
      line_width_ = r.thickness;
      num(r.thickness);
      op(" w\n");
    }
    num(r.x1);
    op(" ");
    num(flip(r.y1));
    op(" m ");
    num(r.x2);
    op(" ");
    num(flip(r.y2));
    op(" l S\n");
  }

  void rect(const layout::RectItem& r) {
    color(r.fill, fill_, "rg");
    num(r.x);
    op(" ");
    num(flip(r.y + r.height));
    op(" ");
    num(r.width);
    op(" ");
    num(r.height);
    op(" re f\n");
  }

  const std::vector<layout::Item>& items_;
  double page_height_;
  const std::vector<const SubsetFont*>& fonts_;
  const std::vector<bool>& image_ok_;
  const std::vector<layout::StructElement>& structure_;
  int first_mcid_;
  int open_ = kNone;
  PageContent out_;
  std::optional<layout::Rgb> fill_, stroke_;
  std::optional<double> line_width_;
};

} // namespace

void add_uses(PageContent& into, const PageContent& more) {
  into.fonts.insert(into.fonts.end(), more.fonts.begin(), more.fonts.end());
  sort_unique(into.fonts);
  into.images.insert(into.images.end(), more.images.begin(), more.images.end());
  sort_unique(into.images);
  into.glyph_pictures.insert(into.glyph_pictures.end(), more.glyph_pictures.begin(),
                             more.glyph_pictures.end());
  sort_unique(into.glyph_pictures);
  into.marked.insert(into.marked.end(), more.marked.begin(), more.marked.end());
}

PageContent page_content(const std::vector<layout::Item>& items, double page_height,
                         const std::vector<const SubsetFont*>& fonts,
                         const std::vector<bool>& image_ok,
                         const std::vector<layout::StructElement>& structure, int first_mcid) {
  return ContentBuilder(items, page_height, fonts, image_ok, structure, first_mcid).build();
}

} // namespace galley::pdf
