// The looks of every role, derived from the style's keys. Where the style has no key for a
// value (the subtitle's grey, the leading of a byline), the value is a house rule written once
// here; both outputs read it from the table.
#include "style/looks.hpp"

#include <algorithm>
#include <cmath>

namespace galley::style {

namespace {

constexpr Color kSubtitleGrey{0x44, 0x44, 0x44};
constexpr Color kDekGrey{0x33, 0x33, 0x33};
constexpr Color kMetaGrey{0x55, 0x55, 0x55};
constexpr Color kRunningHeadGrey{0x66, 0x66, 0x66};

Look look(const FontSpec& font, int weight, bool italic, double size, double leading,
          Color color) {
  Look l;
  l.font = font;
  l.weight = weight;
  l.italic = italic;
  l.size = size;
  l.leading = leading;
  l.color = color;
  return l;
}

/// Capitals and small capitals are letterspaced, lower case is not (Bringhurst, The Elements of
/// Typographic Style, 3.2.2, suggests 5 to 10 per cent of the size).
constexpr double kCapsTracking = 0.06;

/// Small text's leading, rounded to a quarter point so that baselines land on a fine grid.
double quarter_round(double v) { return std::round(v * 4) / 4; }

} // namespace

Looks resolve_looks(const Style& s) {
  const Fonts& f = s.fonts;
  const TextStyle& t = s.text;
  const Opening& o = s.opening;
  const Color text = s.colors.text;
  Looks k;
  k.body = look(f.body, 400, false, t.size, t.leading, text);
  for (int i = 0; i < 6; ++i) {
    const HeadingStyle& h = s.headings[i];
    k.headings[i] = look(f.heading, h.weight, h.italic, h.size, h.leading, h.color);
    k.headings[i].text_case = h.text_case;
  }

  // The opening: display sizes take a leading of 1.3 to 1.6 times the size, rounded to a whole
  // point; the small text of the author block 1.35 to 1.4.
  k.publication = look(f.caption, 600, false, o.publication_size, o.publication_size * 1.6,
                       s.colors.accent);
  k.publication.text_case = TextCase::Upper;
  k.title = look(f.heading, 700, false, o.title_size, o.title_leading, text);
  k.subtitle = look(f.heading, 400, false, o.subtitle_size, std::round(o.subtitle_size * 1.3),
                    kSubtitleGrey);
  k.dek = look(f.body, 400, true, o.dek_size, std::round(o.dek_size * 1.35), kDekGrey);
  const double name_size = t.size - 0.5;
  k.author_name = look(f.caption, 600, false, name_size, name_size * 1.35, text);
  k.author_bio = look(f.caption, 400, true, t.caption_size, t.caption_size * 1.35, kSubtitleGrey);
  k.byline = look(f.caption, 400, false, t.caption_size, t.caption_size * 1.4, kMetaGrey);
  const double credit_size = t.caption_size - 1;
  k.credit = look(f.caption, 400, false, credit_size, credit_size * 1.4, s.colors.muted);

  k.caption = look(f.caption, 400, false, t.caption_size, quarter_round(t.caption_size * 1.35),
                   kMetaGrey);
  const double table_size = t.caption_size + 0.5;
  k.table = look(f.caption, 400, false, table_size, quarter_round(table_size * 1.35), text);
  // One step down the size scale, for a table whose words do not fit its columns.
  const double table_small_size = table_size - 1;
  k.table_small = look(f.caption, 400, false, table_small_size,
                       quarter_round(table_small_size * 1.35), text);
  k.code = look(f.code, 400, false, t.code_size, quarter_round(t.code_size * 1.4), text);
  // The grey theme is for print in black alone: its ground is a neutral grey as well.
  if (s.code.theme == CodeTheme::Grey)
    k.code_ground = {0xf2, 0xf2, 0xf2};
  const NotesStyle& n = s.notes;
  k.note = look(f.notes, 400, false, n.size, n.leading, text);
  k.note_number = look(f.notes, 400, false, n.size, n.leading, s.colors.accent);
  // Sources are read as a list, not glanced at: half a point larger than the notes.
  const double sources_size = n.size + 0.5;
  k.sources = look(f.notes, 400, false, sources_size,
                   std::max(n.leading + 1, sources_size * 1.25), text);
  const RunningHeads& rh = s.running_heads;
  k.running_head = look(f.caption, 400, false, rh.size, rh.size * 1.4, kRunningHeadGrey);
  k.folio = look(f.caption, 400, false, rh.size + 1, (rh.size + 1) * 1.4, kDekGrey);

  // Space around blocks, in fractions of the body's leading, so that it grows with the text.
  const double lead = t.leading;
  k.list = {lead * 0.4, lead * 0.4};
  k.loose_item = lead * 0.4;
  k.quote = {lead * 0.5, lead * 0.5};
  k.thematic_break = {lead * 0.5, lead * 0.5};
  k.code_block = {lead * 0.5, lead * 0.5};
  k.figure = {lead * 0.75, lead * 0.75};
  k.table_block = {lead * 0.6, lead * 0.6};
  k.after_opening = lead;

  // The issue's front matter is set at fixed display sizes, whatever the body size.
  k.issue_publication = look(f.caption, 600, false, 11, 16, s.colors.accent);
  k.issue_publication.text_case = TextCase::Upper;
  k.issue_title = look(f.heading, 700, false, 30, 34, text);
  k.issue_subtitle = look(f.heading, 400, false, 15, 20, kSubtitleGrey);
  k.issue_line = look(f.caption, 400, false, 11, 16, kMetaGrey);
  k.issue_description = look(f.body, 400, true, 12, 16, kDekGrey);
  k.issue_editors = look(f.caption, 400, false, 9, 13, kMetaGrey);
  k.contents_heading = look(f.heading, 700, false, 24, 30, text);
  k.contents_title = look(f.heading, 600, false, 12.5, 16, text);
  k.contents_authors = look(f.body, 400, true, 10.5, 14, kMetaGrey);
  k.contents_number = look(f.heading, 600, false, 12.5, 16, s.colors.accent);

  for (Look* l : {&k.publication, &k.issue_publication, &k.headings[0], &k.headings[1],
                  &k.headings[2], &k.headings[3], &k.headings[4], &k.headings[5]})
    if (l->text_case != TextCase::None) l->tracking = kCapsTracking;
  return k;
}

} // namespace galley::style
