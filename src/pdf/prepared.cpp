#include "pdf/prepared.hpp"

#include "util/record.hpp"

namespace galley::pdf {

namespace {

// A change of either format changes its name, so that an old record reads as another kind.
constexpr std::string_view kImageMagic = "galley prepared image 1";
constexpr std::string_view kFontMagic = "galley prepared font 1";

void write_optional(RecordWriter& w, const std::optional<StreamData>& s) {
  w.number(s ? 1 : 0);
  if (s)
    write_stream(w, *s);
}

std::optional<StreamData> read_optional(RecordReader& r) {
  if (r.number() == 0)
    return std::nullopt;
  return read_stream(r);
}

} // namespace

std::string image_record(const PreparedImage& image) {
  const ImageData& i = image.info;
  RecordWriter w(kImageMagic);
  w.number(i.dct ? 1 : 0);
  w.number(i.form ? 1 : 0);
  w.number(i.width);
  w.number(i.height);
  w.number(static_cast<std::uint64_t>(i.components));
  w.number(static_cast<std::uint64_t>(i.bits));
  w.number(i.invert_cmyk ? 1 : 0);
  write_stream(w, image.samples);
  write_optional(w, image.alpha);
  write_optional(w, image.icc);
  return w.seal();
}

std::optional<PreparedImage> read_image_record(std::string_view bytes) {
  RecordReader r(bytes, kImageMagic);
  PreparedImage image;
  ImageData& i = image.info;
  i.dct = r.number() != 0;
  i.form = r.number() != 0;
  i.width = static_cast<std::uint32_t>(r.number());
  i.height = static_cast<std::uint32_t>(r.number());
  i.components = static_cast<int>(r.number());
  i.bits = static_cast<int>(r.number());
  i.invert_cmyk = r.number() != 0;
  image.samples = read_stream(r);
  image.alpha = read_optional(r);
  image.icc = read_optional(r);
  if (!r.at_end())
    return std::nullopt;
  return image;
}

std::string font_record(const PreparedFont& prepared) {
  const SubsetFont& f = prepared.font;
  if (!f.color_glyphs.empty())
    return {};
  RecordWriter w(kFontMagic);
  w.number(f.cff ? 1 : 0);
  w.text(f.program);
  w.text(f.ps_name);
  w.text(f.tag);
  w.number(f.cid_keyed ? 1 : 0);
  w.number(f.cid_of.size());
  for (std::int32_t cid : f.cid_of)
    w.signed_number(cid);
  w.number(f.widths.size());
  for (double width : f.widths)
    w.real(width);
  w.number(f.text.size());
  for (const std::string& t : f.text)
    w.text(t);
  w.signed_number(f.flags);
  w.real(f.italic_angle);
  for (int v : {f.ascent, f.descent, f.cap_height, f.stem_v, f.bbox[0], f.bbox[1], f.bbox[2],
                f.bbox[3]})
    w.signed_number(v);
  write_stream(w, prepared.streams.program);
  write_stream(w, prepared.streams.to_unicode);
  return w.seal();
}

std::optional<PreparedFont> read_font_record(std::string_view bytes) {
  RecordReader r(bytes, kFontMagic);
  PreparedFont prepared;
  SubsetFont& f = prepared.font;
  f.cff = r.number() != 0;
  f.program = r.text();
  f.ps_name = r.text();
  f.tag = r.text();
  f.cid_keyed = r.number() != 0;
  f.cid_of.resize(r.count());
  for (std::int32_t& cid : f.cid_of)
    cid = static_cast<std::int32_t>(r.signed_number());
  f.widths.resize(r.count());
  for (double& width : f.widths)
    width = r.real();
  f.text.resize(r.count());
  for (std::string& t : f.text)
    t = r.text();
  f.flags = static_cast<int>(r.signed_number());
  f.italic_angle = r.real();
  for (int* v : {&f.ascent, &f.descent, &f.cap_height, &f.stem_v, &f.bbox[0], &f.bbox[1],
                 &f.bbox[2], &f.bbox[3]})
    *v = static_cast<int>(r.signed_number());
  prepared.streams.program = read_stream(r);
  prepared.streams.to_unicode = read_stream(r);
  if (!r.at_end())
    return std::nullopt;
  return prepared;
}

} // namespace galley::pdf
