// Embedded fonts: the faces of the style's role families (body, headings, captions, code, notes),
// subset with hb-subset to the characters the book uses. Which file a family, weight and style
// stand for is the font service's answer (text/fonts.hpp), the same the PDF is set with; fallback
// families are left to the reading system.
#include "text/fonts.hpp"
#include "epub/book.hpp"
#include "text/subset.hpp"
#include "util/text_utils.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace galley::epub {

namespace {

/// The role families of the style, each once, in role order. CSS matches family names without
/// regard to case (CSS Fonts 4, 5.1), so "Inter" and "inter" are one family.
std::vector<std::string> role_families(const style::Style& style) {
  std::vector<std::string> families, keys;
  for (const auto* spec : {&style.fonts.body, &style.fonts.heading, &style.fonts.caption,
                           &style.fonts.code, &style.fonts.notes}) {
    std::string key = ascii_lower(spec->family);
    if (!spec->family.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) {
      families.push_back(spec->family);
      keys.push_back(key);
    }
  }
  return families;
}

/// Every code point of `text`, each once, ascending.
std::vector<char32_t> code_points(std::string_view text) {
  // Mark each code point once: the text is the whole book, mostly the same few letters.
  std::vector<bool> marked(0x110000);
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    char32_t cp = c < 0x80 ? (++i, c) : next_code_point(text, i);
    marked[cp] = true;
  }
  std::vector<char32_t> out;
  for (char32_t cp = 0; cp < marked.size(); ++cp)
    if (marked[cp])
      out.push_back(cp);
  return out;
}

std::string counter(size_t n) {
  char buf[16];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  std::string s(buf, end);
  while (s.size() < 3)
    s.insert(s.begin(), '0');
  return s;
}

/// The @font-face rule (CSS Fonts 4, 4.1) declaring `face` under `family`.
std::string font_face_rule(const std::string& family, const text::FaceInfo& face,
                           const std::string& href) {
  std::string css_family;
  for (char ch : family)
    if (ch != '"' && ch != '\\' && ch != '\n')
      css_family += ch;
  return "@font-face { font-family: \"" + css_family +
         "\"; font-weight: " + std::to_string(face.weight) +
         "; font-style: " + (face.italic ? "italic" : "normal") + "; src: url(" + href + "); }\n";
}

} // namespace

std::vector<EmbeddedFace> font_faces(const style::Style& style, const EpubOptions& options,
                                     Diagnostics& diags) {
  text::FontRegistry fonts(options.fonts);
  std::vector<EmbeddedFace> out;
  for (const auto& family : role_families(style)) {
    std::vector<text::FaceId> ids = fonts.family_faces(family);
    if (ids.empty())
      diags.warning({style.source_file.string(), 0, 0},
                    "font family '" + family + "' was not found; it is not embedded");
    for (text::FaceId id : ids)
      out.push_back({family, fonts.info(id)});
  }
  return out;
}

std::vector<Resource> embed_fonts(const style::Style& style, const EpubOptions& options,
                                  std::string_view text, std::string& css, Diagnostics& diags) {
  text::SubsetRequest request;
  request.code_points = code_points(text);
  std::vector<Resource> out;
  for (const EmbeddedFace& e : font_faces(style, options, diags)) {
    const std::string where = e.face.path.string();
    text::HbBlobPtr blob(hb_blob_create_from_file_or_fail(e.face.path.c_str()));
    if (!blob) {
      diags.warning({where, 0, 0}, "font file cannot be read; it is not embedded");
      continue;
    }
    text::HbFacePtr face(hb_face_create(blob.get(), static_cast<unsigned>(e.face.index)));
    std::optional<text::Subset> subset = text::subset_face(face.get(), request);
    if (!subset) {
      diags.warning({where, 0, 0}, "font could not be subset; it is not embedded");
      continue;
    }
    text::HbBlobPtr data(hb_face_reference_blob(subset->face.get()));
    // EPUB 3.3 core media types: OpenType with CFF outlines is font/otf, with TrueType font/ttf.
    bool cff = text::has_cff(face.get());
    Resource r;
    std::string n = counter(out.size() + 1);
    r.id = "font-" + n;
    r.href = "fonts/font-" + n + (cff ? ".otf" : ".ttf");
    r.media_type = cff ? "font/otf" : "font/ttf";
    r.data = text::blob_bytes(data.get());
    r.source = where;
    css += font_face_rule(e.family, e.face, r.href);
    out.push_back(std::move(r));
  }
  return out;
}

} // namespace galley::epub
