// Embedded fonts: the faces of the style's families, subset with hb-subset to the characters
// the book uses. Only the role families are embedded (body, headings, captions, code, notes);
// fallback families are left to the reading system.
#include "epub/book.hpp"
#include "util/text_utils.hpp"

#include <algorithm>
#include <charconv>
#include <hb-ot.h>
#include <hb-subset.h>
#include <memory>
#include <optional>

namespace galley::epub {

namespace {
struct BlobDeleter {
  void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
};
struct FaceDeleter {
  void operator()(hb_face_t* f) const { hb_face_destroy(f); }
};
struct FontDeleter {
  void operator()(hb_font_t* f) const { hb_font_destroy(f); }
};
struct InputDeleter {
  void operator()(hb_subset_input_t* i) const { hb_subset_input_destroy(i); }
};
using BlobPtr = std::unique_ptr<hb_blob_t, BlobDeleter>;
using FacePtr = std::unique_ptr<hb_face_t, FaceDeleter>;

struct Candidate {
  std::string family;
  int weight = 400;
  bool italic = false;
  std::filesystem::path path;
};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string name_of(hb_face_t* face, hb_ot_name_id_t id) {
  unsigned int len = hb_ot_name_get_utf8(face, id, hb_language_from_string("en", -1), nullptr, nullptr);
  if (len == 0) return "";
  std::string out(len + 1, '\0');
  unsigned int size = len + 1;
  hb_ot_name_get_utf8(face, id, hb_language_from_string("en", -1), &size, out.data());
  out.resize(size);
  return out;
}

/// Family (the typographic family when the font names one), weight and slant of a font file.
std::optional<Candidate> describe(const std::filesystem::path& path) {
  BlobPtr blob(hb_blob_create_from_file_or_fail(path.c_str()));
  if (!blob) return std::nullopt;
  FacePtr face(hb_face_create(blob.get(), 0));
  if (hb_face_get_glyph_count(face.get()) == 0) return std::nullopt;
  Candidate c;
  c.path = path;
  c.family = name_of(face.get(), HB_OT_NAME_ID_TYPOGRAPHIC_FAMILY);
  if (c.family.empty()) c.family = name_of(face.get(), HB_OT_NAME_ID_FONT_FAMILY);
  std::unique_ptr<hb_font_t, FontDeleter> font(hb_font_create(face.get()));
  c.weight = static_cast<int>(hb_style_get_value(font.get(), HB_STYLE_TAG_WEIGHT));
  c.italic = hb_style_get_value(font.get(), HB_STYLE_TAG_ITALIC) > 0;
  return c;
}

std::vector<Candidate> candidates(const style::Style& style,
                                  const std::vector<std::filesystem::path>& dirs) {
  std::vector<Candidate> out;
  for (const auto& f : style.fonts.faces) out.push_back({f.family, f.weight, f.italic, f.path});
  for (const auto& dir : dirs) {
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      auto ext = lower(it->path().extension().string());
      if (ext == ".ttf" || ext == ".otf") files.push_back(it->path());
    }
    std::sort(files.begin(), files.end()); // directory order is not deterministic
    for (const auto& f : files)
      if (auto c = describe(f)) out.push_back(std::move(*c));
  }
  return out;
}

std::string counter(size_t n) {
  char buf[16];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  std::string s(buf, end);
  while (s.size() < 3) s.insert(s.begin(), '0');
  return s;
}
} // namespace

std::vector<Resource> embed_fonts(const style::Style& style,
                                  const std::vector<std::filesystem::path>& font_dirs,
                                  std::string_view text, std::string& css, Diagnostics& diags) {
  std::vector<std::string> families;
  for (const auto* spec : {&style.fonts.body, &style.fonts.heading, &style.fonts.caption,
                           &style.fonts.code, &style.fonts.notes})
    if (!spec->family.empty() &&
        std::find(families.begin(), families.end(), spec->family) == families.end())
      families.push_back(spec->family);

  std::unique_ptr<hb_subset_input_t, InputDeleter> input(hb_subset_input_create_or_fail());
  if (!input) return {};
  // Hinting is for low-resolution rasterisers; e-reader screens and the browsers inside
  // reading systems ignore most of it, and it is a large part of a subset.
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);
  hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
  // Mark each code point once: the text is the whole book, mostly the same few letters.
  std::vector<bool> marked(0x110000);
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    char32_t cp = c < 0x80 ? (++i, c) : next_code_point(text, i);
    if (!marked[cp]) {
      marked[cp] = true;
      hb_set_add(unicodes, cp);
    }
  }

  auto all = candidates(style, font_dirs);
  std::vector<Resource> out;
  std::vector<std::string> seen; // "family|weight|italic": the first file found wins
  for (const auto& family : families) {
    bool found = false;
    for (const auto& c : all) {
      if (lower(c.family) != lower(family)) continue;
      found = true;
      std::string key = lower(family) + "|" + std::to_string(c.weight) + (c.italic ? "i" : "");
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
      seen.push_back(key);
      BlobPtr blob(hb_blob_create_from_file_or_fail(c.path.c_str()));
      if (!blob) {
        diags.warning({c.path.string(), 0, 0}, "font file cannot be read; it is not embedded");
        continue;
      }
      FacePtr face(hb_face_create(blob.get(), 0));
      FacePtr subset(hb_subset_or_fail(face.get(), input.get()));
      if (!subset) {
        diags.warning({c.path.string(), 0, 0}, "font could not be subset; it is not embedded");
        continue;
      }
      BlobPtr data(hb_face_reference_blob(subset.get()));
      unsigned int size = 0;
      const char* bytes = hb_blob_get_data(data.get(), &size);
      BlobPtr cff_table(hb_face_reference_table(face.get(), HB_TAG('C', 'F', 'F', ' ')));
      bool cff = hb_blob_get_length(cff_table.get()) > 0;
      Resource r;
      std::string n = counter(out.size() + 1);
      r.id = "font-" + n;
      r.href = "fonts/font-" + n + (cff ? ".otf" : ".ttf");
      r.media_type = cff ? "font/otf" : "font/ttf";
      r.data.assign(bytes, size);
      std::string css_family;
      for (char ch : family)
        if (ch != '"' && ch != '\\' && ch != '\n') css_family += ch;
      css += "@font-face { font-family: \"" + css_family + "\"; font-weight: " +
             std::to_string(c.weight) + "; font-style: " + (c.italic ? "italic" : "normal") +
             "; src: url(" + r.href + "); }\n";
      out.push_back(std::move(r));
    }
    if (!found)
      diags.warning({style.source_file.string(), 0, 0},
                    "font family '" + family + "' was not found; it is not embedded");
  }
  return out;
}

} // namespace galley::epub
