#pragma once
// The vertical list: what blocks become before pages exist. Modelled on TeX's main vertical list
// (The TeXbook, ch. 15): boxes that are never split, glue that vanishes at a page break, and
// penalties that say how bad a page break at that point would be.
#include "layout/frame.hpp"

#include <string>
#include <vector>

namespace galley::layout::detail {

/// A penalty at or above this forbids the break (TeX's 10000).
constexpr int kForbidden = 10000;
/// Penalties for breaking after the first line of a paragraph (club) and before its last (widow)
/// are the style's (pages.club-penalty, pages.widow-penalty; TeX's \clubpenalty and
/// \widowpenalty are 150).
/// Breaking after a hyphenated line (TeX's \brokenpenalty).
constexpr int kBrokenPenalty = 100;

/// A heading (or the article) as it goes into the outline.
struct OutlineMark {
  int level = 1; ///< 0 for the article itself
  std::string title;
  std::string dest;
};

/// A note marker in a box: which note, and which citation of it (1 = the first).
struct NoteCite {
  int note = 0;
  int occurrence = 1;
};

/// An unsplittable piece of a page: a line, a table row, a figure. Items are relative to the
/// left edge of the text area and the top of the box.
struct VBox {
  double height = 0;
  double baseline = 0; ///< first baseline below the top, for list markers beside it
  std::vector<Item> items;
  std::vector<NoteCite> notes;    ///< notes cited here (indices into the article's notes)
  std::vector<OutlineMark> marks; ///< headings that start here
  int table_header = -1;          ///< the header row box repeated when a page starts inside a table
  bool heading = false;           ///< a heading line: never the last line of a page
  bool on_grid = false; ///< a line at the body leading: with text.baseline_grid it snaps to the grid
  bool floating = false;          ///< a figure: may move to the top of the next page
  std::string section;            ///< set on a level-1 heading: its text
  int block = -1;                 ///< the first box of top-level block `block` of the article
  /// Where the body text set in this box begins; block -1 for a box without body text (an
  /// opening line, a note, a figure without caption).
  TextPoint source;
};

enum class VKind { Box, Glue, Penalty };

struct VItem {
  VKind kind = VKind::Box;
  int box = -1;       ///< VKind::Box: index into VList::boxes
  double size = 0;    ///< VKind::Glue: height
  int penalty = 0;    ///< VKind::Penalty
  double shrink = 0;  ///< VKind::Glue: how much of `size` a full page may take back
};

class VList {
public:
  /// Appends a box. Consumes one box of a pending keep_next().
  void box(VBox b);
  /// Vertical space, discarded at a page break. Adjacent glue collapses to the larger (the way
  /// CSS collapses margins), so "space after a paragraph" and "space before a heading" do not add.
  /// `shrink_share` of it may be taken back on a page that needs it (TeX's glue "minus").
  void glue(double size);
  /// A legal break with this cost. Inside a keep it becomes forbidden; two penalties in a row
  /// merge into the larger.
  void penalty(int cost);
  /// Forbids every break until `boxes` more boxes have been added.
  void keep_next(int boxes);
  /// Ends a keep early.
  void end_keep() { keep_ = 0; }

  [[nodiscard]] bool empty() const { return items.empty(); }

  std::vector<VBox> boxes;
  std::vector<VItem> items;
  double box_height = 0; ///< the boxes' heights added up: a lower bound of the pages they take
  double shrink_share = 0; ///< of each glue's size, what it may shrink (pages.shrink)

private:
  int keep_ = 0;
};

} // namespace galley::layout::detail
