#pragma once
// Notes at the foot of the page, placed the way TeX places \footnote insertions (The TeXbook,
// ch. 15): a note starts on the page of its marker; when room is short its remaining lines head
// the next page's notes, marked as continued. The page builder asks what a candidate break's
// notes would take, decides, and then has the decision applied here.
#include "layout/context.hpp"
#include "layout/vlist.hpp"

#include <cstddef>
#include <vector>

namespace galley::layout::detail {

/// What the notes of one page would take at a candidate break.
struct NoteFit {
  std::size_t lines = 0; ///< lines of the page's note queue that fit
  double height = 0;     ///< those lines with the rule and its gaps
  bool feasible = true;  ///< every note cited on the page starts on it with two lines or all
  bool split = false;    ///< some lines wait for the next page
};

class NoteInsertions {
public:
  explicit NoteInsertions(ArticleContext& ctx);

  /// Adds the notes cited in `box` to a page's list: once per page, and not when the page
  /// already carries the rest of that note.
  void add_cites(std::vector<NoteCite>& fresh, const VBox& box) const;

  /// The least room the notes of a page need: all carried lines and every new note but the
  /// last, and two lines of the last (the split the builder may make).
  double min_height(const std::vector<NoteCite>& fresh);

  /// The notes of a page whose body cites `fresh`: the carried lines, then every line of the
  /// new notes in number order, as many as fit in `room`.
  NoteFit fit(const std::vector<NoteCite>& fresh, double room);

  /// Sets the first `lines` lines of the queue for `fresh` at the foot of the column whose left
  /// edge is `left` and whose bottom is `bottom`; the rest is carried to the next column.
  /// `lines` is clamped to the queue.
  void place(Page& page, const std::vector<NoteCite>& fresh, std::size_t lines, double left,
             double bottom);

  /// Lines of a note split at the foot of the last column, waiting for the next one.
  bool carrying() const { return !carry_.empty(); }

private:
  /// A line of a note waiting to be placed.
  struct Line {
    int note = 0;
    int line = 0;
    int occurrence = 1; ///< the citation this copy of the note answers
    bool brief = false; ///< a line of the note's short form
  };

  /// The note's lines, or its short form's once a page has set it (notes.repeat).
  const NoteLines& note(int index, bool brief);
  bool brief(int index) const;
  double line_height(const Line& l);
  /// Fills queue_ with the carried lines and the lines of `fresh`; returns how many lines of
  /// the queue the page must take (all new notes, two lines of the last).
  std::size_t make_queue(const std::vector<NoteCite>& fresh);
  void continued_label(Page& page, double x, double rule_y);

  ArticleContext& ctx_;
  std::vector<Line> carry_;
  std::vector<Line> queue_;
  std::vector<int> copies_; ///< per note, how many times it has been set
};

} // namespace galley::layout::detail
