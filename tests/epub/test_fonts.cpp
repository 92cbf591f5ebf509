// Both outputs set every role in the same font files. For each house style an article with one
// piece of text per role is laid out for the PDF (whose frames name the font file of every run)
// and written as an EPUB with embedded fonts; the face a reading system takes from the EPUB's
// @font-face rules for each role must be the file the PDF draws that role with.
#include "support.hpp"

#include "layout/layout.hpp"
#include "style/looks.hpp"
#include "galley/style.hpp"
#include "text/engine.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

namespace galley::epub::test {

namespace {

/// A role, the text set in it, and its look.
struct Role {
  const char* name;
  const char* marker;
  const style::Look& (*look)(const style::Looks&);
};

constexpr Role kRoles[] = {
    {"body", "Bodymark", [](const style::Looks& k) -> const style::Look& { return k.body; }},
    {"heading", "Headingmark",
     [](const style::Looks& k) -> const style::Look& { return k.headings[0]; }},
    {"caption", "Captionmark",
     [](const style::Looks& k) -> const style::Look& { return k.caption; }},
    {"code", "Codemark", [](const style::Looks& k) -> const style::Look& { return k.code; }},
    {"notes", "Notemark", [](const style::Looks& k) -> const style::Look& { return k.note; }},
};

model::Block para(model::Inlines in) {
  return model::Block{model::Paragraph{std::move(in)}, {}};
}

/// One heading, paragraph, code block, captioned figure and footnote, each with its marker.
model::Article role_article() {
  model::Article a;
  a.source_path = "roles.md";
  a.meta.title = "Roles";
  a.meta.slug = "roles";
  a.blocks.push_back(model::Block{model::Heading{1, text("Headingmark"), "heading"}, {}});
  a.blocks.push_back(para(text("Bodymark")));
  model::Inlines cites = text("Cited.");
  cites.push_back({model::NoteRef{"n"}, {}});
  a.blocks.push_back(para(std::move(cites)));
  a.blocks.push_back(model::Block{model::CodeBlock{"", "Codemark"}, {}});
  std::string png = (data_dir() / "pixel.png").string();
  a.blocks.push_back(model::Block{
      model::Figure{{"images/pixel.png", png, false}, "A square", text("Captionmark"), "", ""},
      {}});
  model::Note note;
  note.id = "n";
  note.number = 1;
  note.cited = true;
  note.blocks.push_back(para(text("Notemark")));
  a.notes.push_back(note);
  return a;
}

/// The font options render.cpp gives both outputs, on the bundled fonts only.
text::EngineOptions font_options(const style::Style& s) {
  text::EngineOptions o;
  o.font_dirs = {text::bundled_fonts_dir()};
  for (const auto& face : s.fonts.faces)
    o.extra_faces.push_back({face.family, face.weight, face.italic, face.path});
  o.fallback = s.fonts.fallback;
  o.use_fontconfig = false;
  return o;
}

std::string file_of(const std::filesystem::path& path, int index) {
  return path.string() + "#" + std::to_string(index);
}

/// Marker -> the font file of the PDF run that draws it.
std::map<std::string, std::string> pdf_files(const layout::Document& doc) {
  std::map<std::string, std::string> out;
  for (const layout::Page& page : doc.pages)
    for (const layout::Item& item : page.items) {
      const auto* run = std::get_if<layout::GlyphRun>(&item);
      if (!run)
        continue;
      std::string s;
      for (const layout::GlyphView& g : run->glyphs)
        s += g.text;
      const layout::FontResource& font = doc.fonts.at(static_cast<std::size_t>(run->font));
      for (const Role& r : kRoles)
        if (s.find(r.marker) != std::string::npos)
          out[r.marker] = file_of(font.path, font.face_index);
    }
  return out;
}

/// The face a reading system takes for `look` among the embedded faces, by the font matching of
/// CSS Fonts 4, 5.2: the family (without regard to case), then the style (italic faces for an
/// italic request when there are any, normal ones otherwise), then the weight (the exact one;
/// for 400 to 500 the heavier ones up to 500, then the lighter ones, then the heavier ones; below
/// 400 lighter first; above 500 heavier first; nearest first in each group).
std::string css_pick(const std::vector<EmbeddedFace>& faces, const style::Look& look) {
  auto key = [](std::string s) {
    for (char& c : s)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  std::vector<const EmbeddedFace*> family;
  for (const auto& f : faces)
    if (key(f.family) == key(look.font.family))
      family.push_back(&f);
  bool has_style = false;
  for (const auto* f : family)
    has_style = has_style || f->face.italic == look.italic;
  const int w = look.weight;
  auto rank = [w](int fw) -> std::pair<int, int> {
    if (fw == w)
      return {0, 0};
    if (w >= 400 && w <= 500) {
      if (fw > w && fw <= 500)
        return {1, fw - w};
      return fw < w ? std::pair{2, w - fw} : std::pair{3, fw - w};
    }
    if (w < 400)
      return fw < w ? std::pair{1, w - fw} : std::pair{2, fw - w};
    return fw > w ? std::pair{1, fw - w} : std::pair{2, w - fw};
  };
  const EmbeddedFace* best = nullptr;
  for (const auto* f : family) {
    if (has_style && f->face.italic != look.italic)
      continue;
    if (!best || rank(f->face.weight) < rank(best->face.weight))
      best = f;
  }
  return best ? file_of(best->face.path, best->face.index) : "(not embedded)";
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1))
    ++n;
  return n;
}

} // namespace

TEST_SUITE("epub/fonts") {
  TEST_CASE("the PDF and the EPUB set every role in the same font files") {
    for (const std::string name : {"dispatch", "broadsheet", "pocket"}) {
      CAPTURE(name);
      Diagnostics diags;
      const style::Style s = style::load_style(name, diags);
      REQUIRE(diags.empty());
      const text::EngineOptions fonts = font_options(s);
      const model::Issue issue = single(role_article());

      text::Engine engine(fonts);
      Diagnostics layout_diags;
      const layout::Document doc = layout::layout_issue(issue, s, engine, {}, layout_diags);
      const std::map<std::string, std::string> pdf = pdf_files(doc);

      EpubOptions options;
      options.embed_fonts = true;
      options.fonts = fonts;
      const std::vector<EmbeddedFace> faces = font_faces(s, options, diags);
      CHECK(diags.empty());

      const style::Looks looks = style::resolve_looks(s);
      for (const Role& r : kRoles) {
        const std::string role = r.name;
        CAPTURE(role);
        REQUIRE(pdf.count(r.marker) == 1);
        CHECK(pdf.at(r.marker) == css_pick(faces, r.look(looks)));
      }

      // The book embeds exactly these faces: one manifest item and one @font-face rule each.
      auto book = unzip(write_epub(issue, s, options, diags));
      CHECK(count(book.files["EPUB/package.opf"], "media-type=\"font/") == faces.size());
      CHECK(count(book.files["EPUB/style.css"], "@font-face") == faces.size());
    }
  }
}

} // namespace galley::epub::test
