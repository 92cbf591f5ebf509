// The DOCX body's runs (docx_body.hpp): text, breaks, note references, links, pictures and
// equations, and the run formatting the model keeps, nested the way the runs share it.
#include "input/docx_body.hpp"

#include "input/images.hpp"
#include "input/omml_tex.hpp"
#include "input/xml_text.hpp"
#include "util/files.hpp"
#include "util/image_info.hpp"
#include "util/text_utils.hpp"

#include <charconv>

namespace galley::input::docx {

namespace fs = std::filesystem;

namespace {

/// Appends text, joined to the text before it.
void add_text(model::Inlines& out, std::string_view s, const SourceLoc& at) {
  if (s.empty())
    return;
  if (!out.empty())
    if (auto* t = std::get_if<model::Text>(&out.back().value)) {
      t->text += s;
      return;
    }
  out.push_back({model::Text{std::string(s)}, at});
}

void add_all(model::Inlines& out, model::Inlines& in) {
  for (auto& i : in) {
    if (auto* t = std::get_if<model::Text>(&i.value))
      add_text(out, t->text, i.loc);
    else
      out.push_back(std::move(i));
  }
}

/// The properties runs are nested by, outermost first.
enum class Property { Bold, Italic, Underline, Strike, Shift, Code, Count };

int value_of(const RunLook& look, Property p) {
  switch (p) {
  case Property::Bold:
    return look.bold.value_or(false);
  case Property::Italic:
    return look.italic.value_or(false);
  case Property::Underline:
    return look.underline.value_or(false);
  case Property::Strike:
    return look.strike.value_or(false);
  case Property::Shift:
    return look.shift.value_or(0);
  case Property::Code:
    return look.code.value_or(false);
  case Property::Count:
    break;
  }
  return 0;
}

model::Inlines wrapped(Property p, int value, model::Inlines inner, const SourceLoc& at) {
  model::Inlines out;
  switch (p) {
  case Property::Bold:
    out.push_back({model::Strong{std::move(inner)}, at});
    break;
  case Property::Italic:
    out.push_back({model::Emphasis{std::move(inner)}, at});
    break;
  case Property::Underline:
    out.push_back({model::Span{model::SpanKind::Underline, {}, {}, {}, std::move(inner)}, at});
    break;
  case Property::Strike:
    out.push_back({model::Strikethrough{std::move(inner)}, at});
    break;
  case Property::Shift:
    if (value > 0)
      out.push_back({model::Superscript{std::move(inner)}, at});
    else
      out.push_back({model::Subscript{std::move(inner)}, at});
    break;
  case Property::Code:
    // Text in a code face is code; a note reference or picture among it stays what it is.
    for (auto& i : inner) {
      if (auto* t = std::get_if<model::Text>(&i.value))
        out.push_back({model::Code{std::move(t->text)}, i.loc});
      else
        out.push_back(std::move(i));
    }
    break;
  case Property::Count:
    break;
  }
  return out;
}

template <class Piece>
void nest_range(std::vector<Piece>& pieces, size_t begin, size_t end, int property,
                model::Inlines& out, const SourceLoc& at) {
  const auto p = static_cast<Property>(property);
  if (p == Property::Count) {
    for (size_t i = begin; i < end; ++i)
      add_all(out, pieces[i].content);
    return;
  }
  for (size_t i = begin; i < end;) {
    const int value = value_of(pieces[i].look, p);
    size_t j = i + 1;
    while (j < end && value_of(pieces[j].look, p) == value)
      ++j;
    model::Inlines inner;
    nest_range(pieces, i, j, property + 1, inner, at);
    if (value == 0 || inner.empty())
      add_all(out, inner);
    else {
      model::Inlines w = wrapped(p, value, std::move(inner), at);
      add_all(out, w);
    }
    i = j;
  }
}

/// The text of a formula in Office Math (ECMA-376 Part 1, 22.1): its `m:t` runs in order.
} // namespace

model::Inlines BodyReader::nest(std::vector<Piece>& pieces) const {
  model::Inlines out;
  nest_range(pieces, 0, pieces.size(), 0, out, here());
  return out;
}

void BodyReader::runs(const pugi::xml_node& parent, std::vector<Piece>& out, Para& para,
                      int depth) {
  if (too_deep(depth))
    return;
  for (auto c : parent.children()) {
    const std::string_view name = local_name(c);
    if (name == "r") {
      run(c, out, para, depth);
    } else if (name == "hyperlink") {
      hyperlink(c, out, para, depth + 1);
    } else if (name == "ins" || name == "moveTo") {
      // A tracked insertion: the text as accepted.
      revisions_.insertions = true;
      runs(c, out, para, depth + 1);
    } else if (name == "del" || name == "moveFrom") {
      revisions_.deletions = true;
    } else if (name == "smartTag" || name == "customXml" || name == "fldSimple" || name == "dir" ||
               name == "bdo") {
      runs(c, out, para, depth + 1);
    } else if (name == "sdt") {
      runs(child_named(c, "sdtContent"), out, para, depth + 1);
    } else if (name == "AlternateContent") {
      runs(child_named(c, "Choice"), out, para, depth + 1);
    } else if (name == "commentRangeStart" || name == "commentRangeEnd") {
      revisions_.comments = true;
    } else if (name == "oMath") {
      math(c, false, out);
    } else if (name == "oMathPara") {
      // An equation on a line of its own; a paragraph of several holds them one after another.
      for (auto m : c.children())
        if (local_name(m) == "oMath")
          math(m, true, out);
    }
  }
}

void BodyReader::math(const pugi::xml_node& omath, bool display, std::vector<Piece>& out) {
  std::string tex = omml_to_tex(omath);
  if (tex.empty())
    return;
  Piece piece;
  piece.content.push_back({model::Math{std::move(tex), display}, here()});
  out.push_back(std::move(piece));
}

void BodyReader::run(const pugi::xml_node& r, std::vector<Piece>& out, Para& para, int depth) {
  pugi::xml_node rpr = child_named(r, "rPr");
  Piece piece;
  piece.look = styles_.character_look(std::string(attr(child_named(rpr, "rStyle"), "val")));
  piece.look.apply(run_look(rpr));
  if (child_named(rpr, "rPrChange"))
    revisions_.insertions = true; // a tracked change of formatting, taken as made
  if (piece.look.hidden.value_or(false))
    return;
  for (auto c : r.children())
    run_child(c, piece.content, para, para.code || piece.look.code.value_or(false), depth + 1);
  // A note reference's style raises it; the outputs set note numbers as they do everywhere.
  if (piece.content.size() == 1 && std::holds_alternative<model::NoteRef>(piece.content[0].value))
    piece.look = {};
  out.push_back(std::move(piece));
}

void BodyReader::run_child(const pugi::xml_node& c, model::Inlines& out, Para& para, bool code,
                           int depth) {
  if (too_deep(depth))
    return;
  const std::string_view name = local_name(c);
  if (name == "t") {
    add_text(out, c.text().get(), here());
  } else if (name == "tab") {
    add_text(out, code ? "\t" : " ", here());
  } else if (name == "br" || name == "cr") {
    std::string_view type = attr(c, "type");
    if (type == "page" || type == "column")
      add_text(out, " ", here()); // a new page or column: the text goes on
    else if (code)
      add_text(out, "\n", here());
    else
      out.push_back({model::LineBreak{}, here()});
  } else if (name == "softHyphen") {
    add_text(out, "\u00AD", here());
  } else if (name == "noBreakHyphen") {
    add_text(out, "\u2011", here());
  } else if (name == "sym") {
    // A character of a symbol font: one of the private use area (U+F000..) stands for a glyph
    // of that font only (Wingdings' ticks) and is left out; any other is a character.
    std::string_view hex = attr(c, "char");
    unsigned cp = 0;
    auto [end, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), cp, 16);
    if (ec == std::errc() && cp >= 0x20 && cp < 0xF000 && (cp < 0xD800 || cp > 0xDFFF)) {
      std::string s;
      append_utf8(s, static_cast<char32_t>(cp));
      add_text(out, s, here());
    }
  } else if (name == "footnoteReference" || name == "endnoteReference") {
    const std::string prefix = name == "footnoteReference" ? "fn-" : "en-";
    out.push_back({model::NoteRef{prefix + std::string(attr(c, "id"))}, here()});
  } else if (name == "drawing") {
    picture(c, out);
  } else if (name == "pict") {
    // pandoc writes a horizontal rule as a VML rectangle marked o:hr="t".
    if (c.select_node(".//*[local-name()='rect']") &&
        attr(c.select_node(".//*[local-name()='rect']").node(), "hr") == "t")
      para.rule = true;
    else
      picture(c, out);
  } else if (name == "commentReference") {
    revisions_.comments = true;
  } else if (name == "AlternateContent") {
    for (auto cc : child_named(c, "Choice").children())
      run_child(cc, out, para, code, depth + 1);
  } else if (name == "ruby") {
    // Ruby (17.3.3.25): the base text is the text; the reading above it is left out.
    for (auto r : child_named(c, "rubyBase").children())
      if (local_name(r) == "r")
        for (auto cc : r.children())
          run_child(cc, out, para, code, depth + 1);
  }
}

void BodyReader::hyperlink(const pugi::xml_node& h, std::vector<Piece>& out, Para& para,
                           int depth) {
  std::vector<Piece> inner;
  runs(h, inner, para, depth);
  // The Hyperlink style underlines a link; that is the link's look, not the writer's.
  for (auto& p : inner)
    p.look.underline.reset();
  Piece piece;
  piece.content = nest(inner);
  std::string url;
  if (auto rel = rels_.find(std::string(attr(h, "id"))); rel != rels_.end() && rel->second.external)
    url = rel->second.target;
  const std::string anchor(attr(h, "anchor"));
  if (!anchor.empty()) {
    // A place in the document: a link when a heading is there, else the text alone.
    if (url.empty() && heading_bookmarks_.count(anchor))
      url = "#" + anchor;
    else if (!url.empty())
      url += "#" + anchor;
  }
  if (!url.empty() && !piece.content.empty()) {
    model::Link link{url, std::string(attr(h, "tooltip")), std::move(piece.content)};
    piece.content.clear();
    piece.content.push_back({std::move(link), here()});
  }
  out.push_back(std::move(piece));
}

void BodyReader::picture(const pugi::xml_node& drawing, model::Inlines& out) {
  // DrawingML's picture (20.4, `a:blip r:embed`, or `r:link` for a linked one) or a VML image
  // (`v:imagedata r:id`) of older documents. A shape, chart or text box has neither.
  std::string rid;
  if (auto blip = drawing.select_node(".//*[local-name()='blip']").node()) {
    rid = attr(blip, "embed");
    if (rid.empty())
      rid = attr(blip, "link");
  } else if (auto data = drawing.select_node(".//*[local-name()='imagedata']").node()) {
    rid = attr(data, "id");
  }
  if (rid.empty())
    return;
  model::Image image;
  if (auto doc_pr = drawing.select_node(".//*[local-name()='docPr']").node()) {
    image.alt = collapse_spaces(std::string(attr(doc_pr, "descr")));
    if (image.alt.empty())
      image.alt = collapse_spaces(std::string(attr(doc_pr, "title")));
  } else if (auto shape = drawing.select_node(".//*[local-name()='shape']").node()) {
    image.alt = collapse_spaces(std::string(attr(shape, "alt")));
  }
  auto rel = rels_.find(rid);
  if (rel == rels_.end()) {
    diags_.warning(here(), "a picture names relationship '" + rid +
                               "', which the document does "
                               "not have; its alt text is shown");
    add_text(out, image.alt, here());
    return;
  }
  if (rel->second.external) {
    // A linked picture: a path or URL, resolved as any article's image is (finalize.cpp).
    image.image.src = rel->second.target;
    out.push_back({std::move(image), here()});
    return;
  }
  const std::string& part = rel->second.target;
  auto known = pictures_.find(part);
  if (known == pictures_.end()) {
    model::ImageRef ref;
    ref.src = part;
    if (auto bytes = package_.picture(part, here())) {
      const std::string label = "picture '" + part + "'";
      if (probe_image(*bytes).format == ImageFormat::Unknown)
        diags_.warning(here(),
                       label + " is not a JPEG, PNG, GIF, WebP, AVIF or SVG image (Word "
                               "also stores EMF, WMF and TIFF); its alt text is shown",
                       "insert the picture as PNG or JPEG");
      else if (check_image_bytes(*bytes, label, here(), *ctx_.options, diags_)) {
        // Held in memory under a name no file can have: the package's own path, then the
        // part's. The layout and both writers read it by that name (util/files.hpp).
        const fs::path held =
            absolute_normal(ctx_.base_dir / fs::path(ctx_.display).filename()) / part;
        hold_file(held, std::move(*bytes));
        ref.path = held.string();
      }
    }
    known = pictures_.emplace(part, std::move(ref)).first;
  }
  if (known->second.path.empty()) {
    add_text(out, image.alt, here());
    return;
  }
  image.image = known->second;
  out.push_back({std::move(image), here()});
}

} // namespace galley::input::docx
