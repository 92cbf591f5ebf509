// Writing a resolved style back as YAML: every key, in the order docs/styles.md lists them,
// lengths in points, so that `galley styles show` tells the whole truth and loads again.
#include "style/dump.hpp"
#include "style/values.hpp"
#include "util/text_utils.hpp"

#include <yaml-cpp/yaml.h>

namespace galley::style {

namespace {

void key(YAML::Emitter& out, const char* k) { out << YAML::Key << k << YAML::Value; }

void length(YAML::Emitter& out, const char* k, double pt) {
  key(out, k);
  out << format_length(pt);
}

void integer(YAML::Emitter& out, const char* k, int v) {
  key(out, k);
  out << format_number(v, 0);
}

void flag(YAML::Emitter& out, const char* k, bool v) {
  key(out, k);
  out << v;
}

void text(YAML::Emitter& out, const char* k, const std::string& v) {
  key(out, k);
  out << YAML::DoubleQuoted << v;
}

void word(YAML::Emitter& out, const char* k, std::string_view v) {
  key(out, k);
  out << std::string(v);
}

void hyphen_minimum(YAML::Emitter& out, const char* k, int v) {
  if (v > 0)
    integer(out, k, v);
  else
    word(out, k, "auto");
}

void list(YAML::Emitter& out, const char* k, const std::vector<std::string>& items) {
  key(out, k);
  out << YAML::Flow << YAML::BeginSeq;
  for (const auto& item : items) out << YAML::DoubleQuoted << item;
  out << YAML::EndSeq;
}

void color(YAML::Emitter& out, const char* k, Color c) {
  key(out, k);
  out << YAML::DoubleQuoted << format_color(c);
}

void font(YAML::Emitter& out, const char* k, const FontSpec& f) {
  key(out, k);
  out << YAML::BeginMap;
  text(out, "family", f.family);
  list(out, "features", f.features);
  out << YAML::EndMap;
}

void page(YAML::Emitter& out, const PageStyle& p) {
  key(out, "page");
  out << YAML::BeginMap;
  word(out, "size", p.size);
  length(out, "width", p.width);
  length(out, "height", p.height);
  key(out, "margins");
  out << YAML::BeginMap;
  length(out, "top", p.margins.top);
  length(out, "bottom", p.margins.bottom);
  length(out, "inner", p.margins.inner);
  length(out, "outer", p.margins.outer);
  out << YAML::EndMap;
  length(out, "bleed", p.bleed);
  flag(out, "facing", p.facing);
  integer(out, "columns", p.columns);
  length(out, "gutter", p.gutter);
  out << YAML::EndMap;
}

void fonts(YAML::Emitter& out, const Fonts& f) {
  key(out, "fonts");
  out << YAML::BeginMap;
  font(out, "body", f.body);
  font(out, "heading", f.heading);
  font(out, "caption", f.caption);
  font(out, "code", f.code);
  font(out, "notes", f.notes);
  list(out, "fallback", f.fallback);
  key(out, "faces");
  if (f.faces.empty()) out << YAML::Flow; // "faces: []" rather than a dangling block list
  out << YAML::BeginSeq;
  for (const auto& face : f.faces) {
    out << YAML::BeginMap;
    text(out, "family", face.family);
    integer(out, "weight", face.weight);
    flag(out, "italic", face.italic);
    text(out, "path", face.path.generic_string());
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
  out << YAML::EndMap;
}

void text_style(YAML::Emitter& out, const TextStyle& t) {
  key(out, "text");
  out << YAML::BeginMap;
  length(out, "size", t.size);
  length(out, "leading", t.leading);
  flag(out, "baseline-grid", t.baseline_grid);
  length(out, "indent", t.indent);
  length(out, "paragraph-spacing", t.paragraph_spacing);
  word(out, "align", enum_name(kAlignNames, t.align));
  flag(out, "hyphenate", t.hyphenate);
  hyphen_minimum(out, "hyphen-left", t.hyphen_left);
  hyphen_minimum(out, "hyphen-right", t.hyphen_right);
  integer(out, "hyphen-narrow-minimum", t.hyphen_narrow_minimum);
  if (t.hyphen_limit)
    integer(out, "hyphen-limit", *t.hyphen_limit);
  else
    word(out, "hyphen-limit", "auto");
  if (t.uc_hyphen)
    flag(out, "uc-hyphen", *t.uc_hyphen);
  else
    word(out, "uc-hyphen", "auto");
  integer(out, "double-hyphen-demerits", t.double_hyphen_demerits);
  integer(out, "final-hyphen-demerits", t.final_hyphen_demerits);
  length(out, "emergency-stretch", t.emergency_stretch);
  list(out, "exceptions", t.exceptions);
  length(out, "caption-size", t.caption_size);
  length(out, "code-size", t.code_size);
  length(out, "quote-indent", t.quote_indent);
  length(out, "list-indent", t.list_indent);
  out << YAML::EndMap;
}

void headings(YAML::Emitter& out, const HeadingStyle (&levels)[6]) {
  key(out, "headings");
  out << YAML::BeginMap;
  for (int i = 0; i < 6; ++i) {
    const HeadingStyle& h = levels[i];
    std::string name = "h" + std::to_string(i + 1);
    key(out, name.c_str());
    out << YAML::BeginMap;
    length(out, "size", h.size);
    length(out, "leading", h.leading);
    integer(out, "weight", h.weight);
    flag(out, "italic", h.italic);
    word(out, "case", enum_name(kCaseNames, h.text_case));
    length(out, "space-before", h.space_before);
    length(out, "space-after", h.space_after);
    color(out, "color", h.color);
    flag(out, "numbered", h.numbered);
    out << YAML::EndMap;
  }
  out << YAML::EndMap;
}

void opening(YAML::Emitter& out, const Opening& o) {
  key(out, "opening");
  out << YAML::BeginMap;
  word(out, "cover", enum_name(kCoverNames, o.cover));
  word(out, "portrait", enum_name(kPortraitNames, o.portrait));
  length(out, "portrait-size", o.portrait_size);
  length(out, "publication-size", o.publication_size);
  length(out, "title-size", o.title_size);
  length(out, "title-leading", o.title_leading);
  length(out, "subtitle-size", o.subtitle_size);
  length(out, "dek-size", o.dek_size);
  flag(out, "title-centered", o.title_centered);
  length(out, "lead-image-height", o.lead_image_height);
  out << YAML::EndMap;
}

} // namespace

std::string dump_style(const Style& s) {
  YAML::Emitter out;
  out << YAML::BeginMap;
  text(out, "name", s.name);
  text(out, "description", s.description);
  page(out, s.page);
  fonts(out, s.fonts);
  text_style(out, s.text);
  headings(out, s.headings);
  opening(out, s.opening);

  key(out, "author-block");
  out << YAML::BeginMap;
  list(out, "fields", s.author_block.fields);
  out << YAML::EndMap;

  key(out, "running-heads");
  out << YAML::BeginMap;
  text(out, "verso", s.running_heads.verso);
  text(out, "recto", s.running_heads.recto);
  word(out, "folio", enum_name(kFolioNames, s.running_heads.folio));
  length(out, "size", s.running_heads.size);
  out << YAML::EndMap;

  key(out, "notes");
  out << YAML::BeginMap;
  length(out, "size", s.notes.size);
  length(out, "leading", s.notes.leading);
  flag(out, "separator", s.notes.separator);
  length(out, "separator-width", s.notes.separator_width);
  word(out, "numbering", enum_name(kNumberingNames, s.notes.numbering));
  word(out, "repeat", enum_name(kRepeatNames, s.notes.repeat));
  out << YAML::EndMap;

  key(out, "pages");
  out << YAML::BeginMap;
  integer(out, "underfull", s.pages.underfull);
  integer(out, "widow-penalty", s.pages.widow_penalty);
  integer(out, "club-penalty", s.pages.club_penalty);
  integer(out, "split-note", s.pages.split_note);
  integer(out, "shrink", s.pages.shrink);
  integer(out, "last-page-lines", s.pages.last_page_lines);
  out << YAML::EndMap;

  key(out, "colors");
  out << YAML::BeginMap;
  color(out, "text", s.colors.text);
  color(out, "accent", s.colors.accent);
  color(out, "rule", s.colors.rule);
  color(out, "muted", s.colors.muted);
  color(out, "link", s.colors.link);
  out << YAML::EndMap;

  key(out, "code");
  out << YAML::BeginMap;
  word(out, "theme", enum_name(kCodeThemeNames, s.code.theme));
  flag(out, "line-numbers", s.code.line_numbers);
  key(out, "colors");
  out << YAML::BeginMap;
  for (std::size_t i = 1; i < kTokenKinds; ++i)
    color(out, std::string(kTokenNames[i]).c_str(), s.code.tokens[i].color);
  out << YAML::EndMap;
  out << YAML::EndMap;

  key(out, "issue");
  out << YAML::BeginMap;
  flag(out, "cover", s.issue.cover);
  flag(out, "contents", s.issue.contents);
  flag(out, "recto-openings", s.issue.recto_openings);
  out << YAML::EndMap;

  key(out, "epub");
  out << YAML::BeginMap;
  text(out, "extra-css", s.epub.extra_css);
  flag(out, "embed-fonts", s.epub.embed_fonts);
  out << YAML::EndMap;

  out << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

} // namespace galley::style
