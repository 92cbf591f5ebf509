#pragma once
// Blocks -> vertical list. Each function appends to `out` the boxes, glue and penalties of one
// kind of block set in `frame` (a horizontal slice of the text area: lists and quotes indent).
#include "layout/context.hpp"

namespace galley::layout::detail {

struct BlockFrame {
  double x = 0;
  double width = 0;
  int list_depth = 0;
  bool tight = false; ///< inside a tight list item: no space between paragraphs
};

/// Appends the lines of a paragraph as boxes, with club, widow and hyphen penalties between them.
/// Returns the index of the first box added (or -1 when nothing was added).
int add_lines(ArticleContext& ctx, const text::ParagraphSpec& spec, double x, double leading,
              double size, VList& out);
/// The same for lines already broken.
int add_lines(ArticleContext& ctx, const text::ParagraphLayout& lines, double x, double leading,
              double size, VList& out);

/// Narrows spec.width to the least measure that keeps the same number of lines, so that a
/// ragged title or heading breaks into lines of similar length instead of leaving one word on
/// its last line. Returns the lines at that measure.
text::ParagraphLayout balanced(ArticleContext& ctx, text::ParagraphSpec& spec);

/// Lays out blocks in order; a paragraph right after a paragraph gets the first-line indent.
void layout_blocks(ArticleContext& ctx, const model::Blocks& blocks, const BlockFrame& frame,
                   VList& out);

void layout_heading(ArticleContext& ctx, const model::Heading& h, const BlockFrame& frame,
                    VList& out);
void layout_code(ArticleContext& ctx, const model::CodeBlock& code, const BlockFrame& frame,
                 VList& out);
void layout_table(ArticleContext& ctx, const model::Table& table, const BlockFrame& frame,
                  VList& out);
/// `loc` is the figure's place in the source, where a problem with its image is reported.
void layout_figure(ArticleContext& ctx, const model::Figure& fig, const SourceLoc& loc,
                   const BlockFrame& frame, VList& out);

/// Body text look from the style.
InlineLook body_look(const ArticleContext& ctx);

/// An image ready to place: `image` indexes ctx.images, or is -1 when the image is remote,
/// missing or unreadable (then its alt text is drawn instead).
struct Picture {
  int image = -1;
  double px_width = 0, px_height = 0;
  [[nodiscard]] double aspect() const { return px_width > 0 ? px_height / px_width : 2.0 / 3.0; }
};

/// Probes an image's header for its pixel size (util/image_info.hpp); reports unreadable files.
Picture load_picture(ArticleContext& ctx, const model::ImageRef& ref, const SourceLoc& loc);

/// Draws a missing or remote image as a thin frame with its alt text inside.
void alt_text_frame(ArticleContext& ctx, const std::string& alt, double x, double y, double w,
                    double h, std::vector<Item>& items);

/// Shapes one line of plain text.
text::Line shape_line(ArticleContext& ctx, const std::string& s, const text::FontRequest& font,
                      double size, std::uint32_t color,
                      const std::vector<std::string>& features = {});

} // namespace galley::layout::detail
