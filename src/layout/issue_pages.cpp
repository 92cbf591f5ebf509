#include "layout/issue_pages.hpp"

#include <algorithm>
#include <cmath>

#include "util/files.hpp"
#include "util/image_info.hpp"

namespace galley::layout::detail {

text::Line plain_line(text::Engine& engine, Diagnostics& diags, const std::string& language,
                      const std::string& s, const text::FontRequest& font, double size,
                      std::uint32_t color, const std::vector<std::string>& features) {
  return engine.layout_line({plain_span(s, font, size, color, features)}, language, diags);
}

namespace {

struct Setter {
  const model::Issue& issue;
  const style::Style& style;
  text::Engine& engine;
  Diagnostics& diags;
  Geometry geo = page_geometry(style);
  style::Looks looks = style::resolve_looks(style);

  /// Sets `s` in `look` as a ragged paragraph at `width` from (x, y = top of the first line);
  /// returns the y below the last line.
  double para(Page& page, const std::string& s, const style::Look& look, double x, double y,
              double width) {
    if (s.empty()) return y;
    const double size = look.size, leading = look.leading;
    text::ParagraphSpec spec;
    spec.spans = {plain_span(s, font_of(look), size, rgb(look.color), look.font.features)};
    spec.spans.front().tracking = look.tracking * size;
    spec.language = issue.language;
    spec.align = text::Alignment::Left;
    spec.width = width;
    spec.hyphenation.enabled = false;
    for (const text::Line& line : engine.layout_paragraph(spec, diags).lines) {
      for (const text::LineRun& r : line.runs)
        page.items.emplace_back(make_run(r, x, y + baseline_in(leading, size)));
      y += leading;
    }
    return y;
  }

  Page blank() const {
    Page p;
    p.width = geo.page_width;
    p.height = geo.page_height;
    p.bleed = geo.bleed;
    return p;
  }
};


/// Publication, issue title, subtitle, number and date, description and editors, from (left, y);
/// returns the y below.
double masthead(Setter& s, Page& page, double left, double y) {
  const model::Issue& issue = s.issue;
  const double width = s.geo.width();
  const style::Looks& k = s.looks;
  if (!issue.publication.empty())
    y = s.para(page, upper_case(issue.publication), k.issue_publication, left, y, width) + 6;
  y = s.para(page, issue.title, k.issue_title, left, y, width) + 4;
  y = s.para(page, issue.subtitle, k.issue_subtitle, left, y, width) + 6;
  std::string line;
  if (!issue.number.empty()) line = "No. " + issue.number;
  if (issue.date) line += (line.empty() ? "" : " \u00B7 ") + model::format_date_long(*issue.date, issue.language);
  y = s.para(page, line, k.issue_line, left, y, width);
  if (!issue.description.empty())
    y = s.para(page, issue.description, k.issue_description, left, y + 6, width);
  if (!issue.editors.empty())
    y = s.para(page, "Edited by " + join_names(issue.editors), k.issue_editors, left, y + 8, width);
  return y;
}

/// The text set on `page` after its first `from` items belongs to element `id`.
void belongs(Page& page, std::size_t from, int id) {
  for (std::size_t i = from; i < page.items.size(); ++i)
    if (auto* run = std::get_if<GlyphRun>(&page.items[i])) run->element = id;
}

/// The cover. A cover image shaped like the page is a designed cover (it carries its own title):
/// it fills the page alone, and the masthead moves to the contents page (`designed` is set).
/// Other images fill the top of the page above the masthead.
Page cover_page(Setter& s, std::vector<ImageResource>& images, bool& designed,
                std::vector<StructElement>& structure) {
  const model::Issue& issue = s.issue;
  Page page = s.blank();
  designed = false;
  double y = s.geo.top + s.geo.height() * 0.3;
  if (issue.cover && !issue.cover->image.remote && !issue.cover->image.path.empty()) {
    std::string why;
    std::optional<std::string> bytes = read_file(issue.cover->image.path, &why);
    ImageInfo info = bytes ? probe_image(*bytes) : ImageInfo{};
    if (!bytes || !info.error.empty() || info.width == 0 || info.height == 0) {
      s.diags.error(issue.cover->loc, "issue cover '" + issue.cover->image.src + "' is unusable: " +
                                          (bytes ? info.error : why));
    } else {
      double aspect = static_cast<double>(info.height) / info.width;
      designed = std::abs(aspect / (page.height / page.width) - 1) < 0.15;
      // Designed covers fill the page and its bleed; others the top 60%, a white band below
      // hiding what overhangs. The page edge crops the rest.
      const double band = designed ? page.height + page.bleed : page.height * 0.6;
      double bw = page.width + 2 * page.bleed, bh = band + page.bleed;
      double scale = std::max(bw / info.width, bh / info.height);
      double w = info.width * scale, h = info.height * scale;
      images.push_back(ImageResource{issue.cover->image.path});
      // The cover picture is a Figure with its alternative text, under the Document.
      structure.push_back(StructElement{"Figure", -1, issue.cover->alt, {}, false});
      page.items.emplace_back(ImageItem{static_cast<int>(images.size()) - 1, (page.width - w) / 2,
                                        -page.bleed + (bh - h) / 2, w, h, false,
                                        static_cast<int>(structure.size()) - 1});
      if (designed) return page;
      page.items.emplace_back(RectItem{-page.bleed, band, page.width + 2 * page.bleed,
                                       page.height - band + page.bleed, Rgb{255, 255, 255}});
      y = std::max(band + 28, s.geo.top);
    }
  }
  // The masthead (publication, issue, date) is the cover's text: a paragraph.
  const std::size_t from = page.items.size();
  masthead(s, page, s.geo.left(true), y);
  structure.push_back(StructElement{"P", -1, {}, {}, false});
  belongs(page, from, static_cast<int>(structure.size()) - 1);
  return page;
}

} // namespace

FrontMatter front_matter(const model::Issue& issue, const std::vector<ContentsEntry>& entries,
                         const style::Style& style, text::Engine& engine, Diagnostics& diags) {
  FrontMatter fm;
  Setter s{issue, style, engine, diags};
  fm.anchor = "issue";
  bool designed = false;
  if (style.issue.cover) {
    fm.pages.push_back(cover_page(s, fm.images, designed, fm.structure));
    fm.pages.back().items.emplace_back(AnchorItem{fm.anchor, 0, 0});
  }
  if (!style.issue.contents) return fm;
  // Contents: a heading, then one entry per article (title, authors, page number at the right).
  const style::Looks& k = s.looks;
  auto element = [&fm](std::string type, int parent) {
    fm.structure.push_back(StructElement{std::move(type), parent, {}, {}, false});
    return static_cast<int>(fm.structure.size()) - 1;
  };
  // In reading order: the masthead a designed cover sends to this page, the heading, the entries.
  const int masthead_text = designed ? element("P", -1) : -1;
  const int heading = element("H1", -1);
  const int toc = element("TOC", -1);
  const double number_col = 36;
  auto new_page = [&](bool first) {
    Page p = s.blank();
    double left = s.geo.left(fm.pages.size() % 2 == 0);
    double y = s.geo.top;
    if (first) {
      p.items.emplace_back(AnchorItem{"contents", left, y});
      if (fm.pages.empty()) p.items.emplace_back(AnchorItem{fm.anchor, left, y});
      if (designed) {
        // The masthead the designed cover stands in for, above the contents.
        const std::size_t from = p.items.size();
        y = masthead(s, p, left, y);
        belongs(p, from, masthead_text);
        Rgb accent{style.colors.accent.r, style.colors.accent.g, style.colors.accent.b};
        p.items.emplace_back(RuleItem{left, y + 10, left + 48, y + 10, 1.5, accent});
        y += 34;
      }
      const std::size_t from = p.items.size();
      y = s.para(p, "Contents", k.contents_heading, left, y, s.geo.width()) + 6;
      belongs(p, from, heading);
      Rgb rule{style.colors.rule.r, style.colors.rule.g, style.colors.rule.b};
      p.items.emplace_back(RuleItem{left, y, left + s.geo.width(), y, 0.5, rule});
      y += 18;
    }
    fm.pages.push_back(std::move(p));
    return y;
  };
  double y = new_page(true);
  for (const ContentsEntry& a : entries) {
    double left = s.geo.left((fm.pages.size() - 1) % 2 == 0);
    // Measure first on a scratch page, so that an entry never splits across pages.
    Page scratch = s.blank();
    double text_w = s.geo.width() - number_col;
    double h = s.para(scratch, a.title, k.contents_title, 0, 0, text_w);
    h = s.para(scratch, a.authors, k.contents_authors, 0, h, text_w);
    if (y + h > s.geo.top + s.geo.height()) {
      y = new_page(false);
      left = s.geo.left((fm.pages.size() - 1) % 2 == 0);
    }
    const int link = element("Link", element("TOCI", toc));
    belongs(scratch, 0, link);
    for (Item& it : scratch.items) {
      translate(it, left, y);
      fm.pages.back().items.push_back(std::move(it));
    }
    fm.pages.back().items.emplace_back(LinkItem{left, y, s.geo.width(), h, "", a.anchor, link});
    fm.slots.push_back({fm.pages.size() - 1, left + s.geo.width(),
                        y + baseline_in(k.contents_title.leading, k.contents_title.size), link});
    y += h + 12;
  }
  return fm;
}

void fill_numbers(FrontMatter& fm, const std::vector<int>& numbers, const model::Issue& issue,
                  const style::Style& style, text::Engine& engine, Diagnostics& diags) {
  const style::Look number = style::resolve_looks(style).contents_number;
  for (std::size_t i = 0; i < fm.slots.size() && i < numbers.size(); ++i) {
    const NumberSlot& slot = fm.slots[i];
    text::Line line = plain_line(engine, diags, issue.language, std::to_string(numbers[i]),
                                 font_of(number), number.size, rgb(number.color),
                                 number.font.features);
    for (const text::LineRun& r : line.runs) {
      GlyphRun run = make_run(r, slot.right - line.natural_width, slot.baseline);
      run.element = slot.element;
      fm.pages[slot.page].items.emplace_back(std::move(run));
    }
  }
}

} // namespace galley::layout::detail
