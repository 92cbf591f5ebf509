#pragma once
// The resolved looks: for every role of text, the face, size, leading and colour both outputs
// set it in. layout/ draws each role with its look; epub/ writes each look as a CSS rule. No
// writer holds a design number of its own, so the PDF and the EPUB cannot drift apart: a value
// that changes here changes in both (docs/architecture.md, "Adding a style key").
#include "galley/style.hpp"

namespace galley::style {

/// How one role of text is set.
struct Look {
  FontSpec font;       ///< family and OpenType features
  int weight = 400;    ///< 100..900
  bool italic = false;
  double size = 10.5;  ///< points
  double leading = 14; ///< baseline to baseline, points
  Color color;
  TextCase text_case = TextCase::None;
  double tracking = 0; ///< space after each letter, in ems of `size` (CSS letter-spacing)
};

/// Vertical space around a block, in points: layout adds it as glue before and after the block,
/// the CSS writes it as the block's top and bottom margins.
struct Space {
  double before = 0;
  double after = 0;
};

/// Every role's look, filled from a style by resolve_looks().
struct Looks {
  Look body;
  Look headings[6];
  // The article's opening, top to bottom.
  Look publication; ///< the publication's name above the title, in capitals
  Look title;
  Look subtitle;
  Look dek;
  Look author_name;
  Look author_bio;
  Look byline; ///< the date and reading time under the names
  Look credit; ///< the lead image's credit line
  // Body furniture.
  Look caption;    ///< figure captions; a figure's credit takes `credit`'s colour
  Look table;      ///< table cells; header cells are `table` at weight 600
  Look table_small; ///< the cells of a table whose columns do not fit at `table`: a point smaller
  Look code;       ///< code blocks
  Look note;       ///< footnotes at the foot of the page
  Look note_number;
  Look sources;    ///< the list of sources at the article's end
  Look running_head;
  Look folio;
  // The issue's front matter: the cover's masthead and the contents.
  Look issue_publication;
  Look issue_title;
  Look issue_subtitle;
  Look issue_line; ///< number and date
  Look issue_description;
  Look issue_editors;
  Look contents_heading;
  Look contents_title;
  Look contents_authors;
  Look contents_number;

  // Inline runs, as fractions of the text around them.
  double inline_code_scale = 0.86; ///< code in running text: monospace faces look large
  double marker_scale = 0.62;      ///< note markers, superscript
  double marker_rise = 0.36;       ///< how far a marker's baseline rises
  // Superscripts share the note markers' size and rise; a subscript drops by less than a
  // superscript rises, so that it clears the line below.
  double subscript_drop = 0.16;
  double small_scale = 0.83;       ///< <small>: one step down, as browsers set it
  double underline_drop = 0.12;    ///< the underline's distance below the baseline

  // Vertical space, in points, around the body's blocks (headings take theirs from the style).
  Space list;                 ///< an outermost list; nested lists take none
  double loose_item = 0;      ///< before each item of a loose list
  Space quote;
  Space thematic_break;       ///< around the box the short rule is centred in
  Space code_block;
  Space figure;
  Space table_block;
  double between_notes = 2;   ///< between two notes, or two sources

  // The opening's gaps, in points, top to bottom.
  double after_lead_image = 16;
  double after_publication = 4;
  double before_subtitle = 4;
  double before_dek = 8;
  double before_byline = 12; ///< from the last line of the title group to the rule above the authors
  double after_opening = 0;  ///< from the rule under the authors to the body

  Color muted_rule{0xd0, 0xd0, 0xd0}; ///< hairlines between table rows
  Color code_ground{0xf3, 0xf1, 0xec}; ///< the ground behind code blocks (the grey theme's is grey)
  Color alt_ground{0xf4, 0xf3, 0xf0};  ///< the frame drawn for a missing image
  Color mark_ground{0xff, 0xf0, 0x8a}; ///< the highlight behind marked text (<mark>)
};

Looks resolve_looks(const Style& style);

} // namespace galley::style
