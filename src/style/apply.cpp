// The schema of a style file, as code: each function reads one section of a document onto the
// style built so far, so a document overrides exactly the keys it names (docs/styles.md).
#include "style/reader.hpp"
#include "style/values.hpp"
#include "util/text_utils.hpp"

#include <algorithm>
#include <cmath>

namespace galley::style {

namespace {

void apply_page(PageStyle& page, MapReader& r) {
  std::optional<std::string> size_name;
  if (const YAML::Node* node = r.raw("size")) {
    if (auto text = r.scalar("size", *node, "A4, A5, Letter or custom")) {
      if (const NamedPageSize* named = find_page_size(*text)) {
        page.size = std::string(named->name);
        page.width = named->width;
        page.height = named->height;
        size_name = page.size;
        r.mark_given("size", *node);
      } else if (*text == "custom") {
        page.size = "custom";
        size_name = page.size;
        r.mark_given("size", *node);
      } else {
        std::vector<std::string> allowed{"A4", "A5", "Letter", "custom"};
        std::string near = closest_match(*text, allowed);
        r.error(*node, "unknown value '" + *text + "' for 'page.size' (allowed: A4, A5, Letter, "
                "custom)", near.empty() ? "" : "did you mean '" + near + "'?");
      }
    }
  }
  // A width or height with a named size must agree with it; without a size it makes the page
  // custom, so a child style can give just the two dimensions.
  double width = page.width, height = page.height;
  bool has_width = r.length("width", width, Bound::Positive);
  bool has_height = r.length("height", height, Bound::Positive);
  if (has_width || has_height) {
    const NamedPageSize* named = size_name ? find_page_size(*size_name) : nullptr;
    auto agrees = [](double a, double b) { return std::abs(a - b) < 0.01; };
    if (named && !(agrees(width, named->width) && agrees(height, named->height))) {
      r.error(*r.raw(has_width ? "width" : "height"),
              "page width and height do not match size " + std::string(named->name),
              "use size: custom for your own dimensions");
    } else {
      if (!size_name) page.size = "custom";
      page.width = width;
      page.height = height;
    }
  }
  if (auto m = r.section("margins")) {
    m->length("top", page.margins.top);
    m->length("bottom", page.margins.bottom);
    m->length("inner", page.margins.inner);
    m->length("outer", page.margins.outer);
    m->finish();
  }
  // Printers ask for 3 to 5 mm; an inch is already more than any asks for.
  r.length("bleed", page.bleed, Bound::NonNegative, true, 72);
  r.boolean("facing", page.facing);
  r.integer("columns", page.columns, 1, 4);
  r.length("gutter", page.gutter);
}

bool valid_feature(std::string_view f) {
  // An OpenType feature tag (OpenType spec, "Feature tags"): four printable ASCII characters,
  // optionally prefixed by + or - to switch it on or off, as HarfBuzz writes them.
  if (!f.empty() && (f.front() == '+' || f.front() == '-')) f.remove_prefix(1);
  if (f.size() != 4) return false;
  for (char c : f)
    if (c < 0x21 || c > 0x7e) return false;
  return true;
}

void apply_font_spec(FontSpec& spec, MapReader& r, std::string_view key) {
  const YAML::Node* node = r.raw(key);
  if (!node) return;
  if (node->IsScalar()) { // shorthand: `body: EB Garamond`
    spec.family = node->Scalar();
    r.mark_given(key, *node);
    return;
  }
  if (!node->IsMap()) {
    r.error(*node, "'" + r.full(key) + "' expects a family name or a map with family and "
                   "features");
    return;
  }
  MapReader f(*node, r.full(key), r.context());
  f.string("family", spec.family);
  std::vector<std::string> features = spec.features;
  if (f.strings("features", features)) {
    const YAML::Node& list = *f.raw("features");
    bool ok = true;
    for (size_t i = 0; i < features.size(); ++i) {
      if (valid_feature(features[i])) continue;
      f.error(list[i], "'" + features[i] + "' in '" + f.full("features") +
                           "' is not an OpenType feature tag",
              "a tag has four letters, such as onum or -liga");
      ok = false;
    }
    if (ok) spec.features = std::move(features);
  }
  f.finish();
}

/// The largest font file a style may name. The biggest fonts in use, CJK collections, are 20 to
/// 120 MB; the font stages read a whole file, so a larger one would only exhaust memory.
constexpr std::uintmax_t kMaxFontFile = 256 * 1024 * 1024;

void apply_faces(Fonts& fonts, MapReader& r) {
  const YAML::Node* node = r.raw("faces");
  if (!node) return;
  if (!node->IsSequence()) {
    r.error(*node, "'fonts.faces' expects a list of {family, weight, italic, path}");
    return;
  }
  std::vector<FontFace> faces;
  for (size_t i = 0; i < node->size(); ++i) {
    const YAML::Node item = (*node)[i];
    std::string path = "fonts.faces[" + std::to_string(i) + "]";
    if (!item.IsMap()) {
      r.error(item, "'" + path + "' expects a map with family, weight, italic and path");
      continue;
    }
    MapReader f(item, path, r.context());
    FontFace face;
    if (!f.string("family", face.family)) f.error(item, "'" + path + "' needs a family");
    f.integer("weight", face.weight, 1, 1000);
    f.boolean("italic", face.italic);
    std::string file;
    if (f.string("path", file)) {
      // Font paths are relative to the style file that names them, not to the current folder.
      std::filesystem::path resolved = r.context().dir / file;
      std::error_code ec;
      if (!std::filesystem::is_regular_file(resolved, ec))
        f.error(*f.raw("path"), "font file '" + file + "' not found (looked in " +
                                    (r.context().dir.empty() ? std::string(".")
                                                             : r.context().dir.generic_string()) +
                                    ")");
      else if (auto size = std::filesystem::file_size(resolved, ec); !ec && size > kMaxFontFile)
        f.error(*f.raw("path"), "font file '" + file + "' is too large (" + std::to_string(size) +
                                    " bytes; the limit is " + std::to_string(kMaxFontFile) + ")",
                "a font, even a CJK collection, is a few tens of megabytes");
      face.path = resolved.lexically_normal();
    } else {
      f.error(item, "'" + path + "' needs a path to the font file");
    }
    f.finish();
    faces.push_back(std::move(face));
  }
  fonts.faces = std::move(faces);
}

void apply_fonts(Fonts& fonts, MapReader& r) {
  apply_font_spec(fonts.body, r, "body");
  apply_font_spec(fonts.heading, r, "heading");
  apply_font_spec(fonts.caption, r, "caption");
  apply_font_spec(fonts.code, r, "code");
  apply_font_spec(fonts.notes, r, "notes");
  r.strings("fallback", fonts.fallback);
  apply_faces(fonts, r);
}

/// A hyphen minimum: a number of letters, or `auto` (0) for the language's own.
void hyphen_minimum(MapReader& r, std::string_view key, int& out) {
  if (const YAML::Node* node = r.raw(key); node && node->IsScalar() && node->Scalar() == "auto") {
    out = 0;
    r.mark_given(key, *node);
    return;
  }
  r.integer(key, out, 1, 10);
}

/// A number from `low` to `high`, or `auto` (unset: the language decides).
void optional_integer(MapReader& r, std::string_view key, std::optional<int>& out, int low,
                      int high) {
  if (const YAML::Node* node = r.raw(key); node && node->IsScalar() && node->Scalar() == "auto") {
    out.reset();
    r.mark_given(key, *node);
    return;
  }
  int value = out.value_or(0);
  if (r.integer(key, value, low, high))
    out = value;
}

/// true, false, or `auto` (unset: the language decides).
void optional_flag(MapReader& r, std::string_view key, std::optional<bool>& out) {
  const YAML::Node* node = r.raw(key);
  if (!node) return;
  auto text = r.scalar(key, *node, "true, false or auto");
  if (!text) return;
  std::optional<bool> v = parse_bool(*text);
  if (!v && *text != "auto") {
    r.error(*node, "'" + r.full(key) + "' expects true, false or auto, got '" + *text + "'");
    return;
  }
  out = v;
  r.mark_given(key, *node);
}

void apply_text(TextStyle& text, MapReader& r) {
  r.length("size", text.size, Bound::Positive, false);
  r.length("leading", text.leading, Bound::Positive);
  r.boolean("baseline-grid", text.baseline_grid);
  r.length("indent", text.indent);
  r.length("paragraph-spacing", text.paragraph_spacing);
  r.choice("align", text.align, kAlignNames);
  r.boolean("hyphenate", text.hyphenate);
  hyphen_minimum(r, "hyphen-left", text.hyphen_left);
  hyphen_minimum(r, "hyphen-right", text.hyphen_right);
  r.integer("hyphen-narrow-minimum", text.hyphen_narrow_minimum, 1, 10);
  optional_integer(r, "hyphen-limit", text.hyphen_limit, 0, 10);
  optional_flag(r, "uc-hyphen", text.uc_hyphen);
  // TeX's demerits are integers below 2^30 (TeX: The Program, section 859).
  r.integer("double-hyphen-demerits", text.double_hyphen_demerits, 0, 1 << 30);
  r.integer("final-hyphen-demerits", text.final_hyphen_demerits, 0, 1 << 30);
  r.length("emergency-stretch", text.emergency_stretch);
  std::vector<std::string> exceptions = text.exceptions;
  if (r.strings("exceptions", exceptions)) {
    const YAML::Node& list = *r.raw("exceptions");
    bool ok = true;
    for (size_t i = 0; i < exceptions.size(); ++i) {
      const std::string& word = exceptions[i];
      if (word.empty() || word.front() == '-' || word.back() == '-' ||
          word.find_first_of(" \t") != std::string::npos) {
        r.error(list[i], "hyphenation exception '" + word + "' is not a word",
                "write the word with hyphens where it may break, such as ta-ble");
        ok = false;
      }
    }
    if (ok) text.exceptions = std::move(exceptions);
  }
  r.length("caption-size", text.caption_size, Bound::Positive);
  r.length("code-size", text.code_size, Bound::Positive);
  r.length("quote-indent", text.quote_indent);
  r.length("list-indent", text.list_indent);
}

void apply_heading(HeadingStyle& h, MapReader& r) {
  r.length("size", h.size, Bound::Positive);
  r.length("leading", h.leading, Bound::Positive);
  r.integer("weight", h.weight, 1, 1000);
  r.boolean("italic", h.italic);
  r.choice("case", h.text_case, kCaseNames);
  r.length("space-before", h.space_before);
  r.length("space-after", h.space_after);
  r.color("color", h.color);
  r.boolean("numbered", h.numbered);
}

void apply_opening(Opening& o, MapReader& r) {
  r.choice("cover", o.cover, kCoverNames);
  r.choice("portrait", o.portrait, kPortraitNames);
  r.length("portrait-size", o.portrait_size, Bound::Positive);
  r.length("publication-size", o.publication_size, Bound::Positive);
  r.length("title-size", o.title_size, Bound::Positive);
  r.length("title-leading", o.title_leading, Bound::Positive);
  r.length("subtitle-size", o.subtitle_size, Bound::Positive);
  r.length("dek-size", o.dek_size, Bound::Positive);
  r.boolean("title-centered", o.title_centered);
  r.length("lead-image-height", o.lead_image_height, Bound::Positive);
}

void apply_author_block(AuthorBlock& a, MapReader& r) {
  std::vector<std::string> fields = a.fields;
  if (!r.strings("fields", fields)) return;
  std::vector<std::string> allowed(kAuthorFields.begin(), kAuthorFields.end());
  std::string list;
  for (const auto& f : allowed) list += (list.empty() ? "" : ", ") + f;
  const YAML::Node& node = *r.raw("fields");
  bool ok = true;
  for (size_t i = 0; i < fields.size(); ++i) {
    const YAML::Node item = node[i];
    if (std::find(allowed.begin(), allowed.end(), fields[i]) == allowed.end()) {
      std::string near = closest_match(fields[i], allowed);
      r.error(item, "unknown author-block field '" + fields[i] + "' (allowed: " + list + ")",
              near.empty() ? "" : "did you mean '" + near + "'?");
      ok = false;
    } else if (std::find(fields.begin(), fields.begin() + static_cast<long>(i), fields[i]) !=
               fields.begin() + static_cast<long>(i)) {
      r.error(item, "author-block field '" + fields[i] + "' is listed twice");
      ok = false;
    }
  }
  if (ok) a.fields = std::move(fields);
}

void check_template(MapReader& r, std::string_view key, const std::string& value) {
  // Placeholders are {word}; anything else in braces is almost certainly a typo.
  std::vector<std::string> allowed(kHeadPlaceholders.begin(), kHeadPlaceholders.end());
  for (size_t open = value.find('{'); open != std::string::npos;
       open = value.find('{', open + 1)) {
    size_t close = value.find('}', open);
    std::string placeholder =
        value.substr(open, close == std::string::npos ? std::string::npos : close - open + 1);
    if (std::find(allowed.begin(), allowed.end(), placeholder) != allowed.end()) continue;
    std::string near = closest_match(placeholder, allowed);
    r.error(*r.raw(key), "unknown placeholder '" + placeholder + "' in '" + r.full(key) +
                             "' (allowed: {publication}, {issue}, {title}, {section}, {author})",
            near.empty() ? "" : "did you mean '" + near + "'?");
  }
}

void apply_running_heads(RunningHeads& h, MapReader& r) {
  if (r.string("verso", h.verso)) check_template(r, "verso", h.verso);
  if (r.string("recto", h.recto)) check_template(r, "recto", h.recto);
  r.choice("folio", h.folio, kFolioNames);
  r.length("size", h.size, Bound::Positive);
}

void apply_notes(NotesStyle& n, MapReader& r) {
  r.length("size", n.size, Bound::Positive);
  r.length("leading", n.leading, Bound::Positive);
  r.boolean("separator", n.separator);
  r.length("separator-width", n.separator_width);
  r.choice("numbering", n.numbering, kNumberingNames);
  r.choice("repeat", n.repeat, kRepeatNames);
}

void apply_pages(PageMakeup& p, MapReader& r) {
  r.integer("underfull", p.underfull, 0, 10000);
  r.integer("widow-penalty", p.widow_penalty, 0, 10000);
  r.integer("club-penalty", p.club_penalty, 0, 10000);
  r.integer("split-note", p.split_note, 0, 10000);
  r.integer("shrink", p.shrink, 0, 50);
  r.integer("last-page-lines", p.last_page_lines, 0, 40);
}

void apply_colors(Colors& c, MapReader& r) {
  r.color("text", c.text);
  r.color("accent", c.accent);
  r.color("rule", c.rule);
  r.color("link", c.link);
  r.color("muted", c.muted);
}

/// The theme first, then any token colour the section gives on top of it: a style that names a
/// theme and a colour gets that theme with that one colour changed.
void apply_code(CodeStyle& c, MapReader& r) {
  if (r.choice("theme", c.theme, kCodeThemeNames))
    c.tokens = code_theme(c.theme);
  r.boolean("line-numbers", c.line_numbers);
  if (auto colors = r.section("colors")) {
    for (std::size_t i = 1; i < kTokenKinds; ++i)
      colors->color(kTokenNames[i], c.tokens[i].color);
    colors->finish();
  }
}

/// Extra CSS goes into the book's style sheet as it is. Two things in it would break the book
/// rather than style it: `@import` fetches a sheet the EPUB does not carry (a remote resource
/// EPUB 3.3 requires to be declared), and markup ("</style>", "<script>") is not CSS at all.
void check_extra_css(const std::string& css, MapReader& r) {
  const std::string lower = ascii_lower(css);
  const char* what = lower.find("@import") != std::string::npos ? "@import"
                     : lower.find('<') != std::string::npos      ? "markup ('<')"
                                                                 : nullptr;
  if (what)
    r.error(*r.raw("extra-css"), "'epub.extra-css' cannot contain " + std::string(what) +
                                     ": the EPUB carries only its own style sheet",
            "put the rules themselves in extra-css");
}

template <class T, class F> void section(MapReader& r, std::string_view key, T& target, F apply) {
  if (auto s = r.section(key)) {
    apply(target, *s);
    s->finish();
  }
}

} // namespace

void apply_document(Style& style, const YAML::Node& root, ReadContext& ctx) {
  MapReader r(root, "", ctx);
  r.raw("extends"); // resolved by the loader before this document is applied
  r.string("name", style.name);
  r.string("description", style.description);
  section(r, "page", style.page, apply_page);
  section(r, "fonts", style.fonts, apply_fonts);
  section(r, "text", style.text, apply_text);
  if (auto h = r.section("headings")) {
    for (int level = 1; level <= 6; ++level) {
      std::string key = "h" + std::to_string(level);
      section(*h, key, style.headings[level - 1], apply_heading);
    }
    h->finish();
  }
  section(r, "opening", style.opening, apply_opening);
  section(r, "author-block", style.author_block, apply_author_block);
  section(r, "running-heads", style.running_heads, apply_running_heads);
  section(r, "notes", style.notes, apply_notes);
  section(r, "pages", style.pages, apply_pages);
  section(r, "colors", style.colors, apply_colors);
  section(r, "code", style.code, apply_code);
  section(r, "issue", style.issue, [](IssuePages& i, MapReader& s) {
    s.boolean("cover", i.cover);
    s.boolean("contents", i.contents);
    s.boolean("recto-openings", i.recto_openings);
  });
  section(r, "epub", style.epub, [](EpubStyle& e, MapReader& s) {
    if (s.string("extra-css", e.extra_css)) check_extra_css(e.extra_css, s);
    s.boolean("embed-fonts", e.embed_fonts);
  });
  r.finish();
}

} // namespace galley::style
