#include "pdf/font_embed.hpp"

#include "pdf/podofo_util.hpp"
#include "pdf/raw.hpp"

namespace galley::pdf {

using namespace PoDoFo;

namespace {

PdfObject* font_descriptor(PdfVecObjects& objects, const SubsetFont& font, const PdfName& name,
                           const StreamData& program) {
  PdfObject* file = objects.CreateObject(PdfVariant(PdfDictionary()));
  set_stream(file, program);
  if (font.cff)
    file->GetDictionary().AddKey("Subtype", PdfName("CIDFontType0C"));
  else
    file->GetDictionary().AddKey("Length1", pdf_int(std::int64_t(font.program.size())));

  PdfObject* desc = objects.CreateObject("FontDescriptor");
  PdfDictionary& d = desc->GetDictionary();
  d.AddKey("FontName", name);
  d.AddKey("Flags", pdf_int(font.flags));
  PdfArray bbox;
  for (int v : font.bbox)
    bbox.push_back(pdf_int(v));
  d.AddKey("FontBBox", bbox);
  d.AddKey("ItalicAngle", pdf_real(font.italic_angle));
  d.AddKey("Ascent", pdf_int(font.ascent));
  d.AddKey("Descent", pdf_int(font.descent));
  d.AddKey("CapHeight", pdf_int(font.cap_height));
  d.AddKey("StemV", pdf_int(font.stem_v));
  d.AddKey(font.cff ? "FontFile3" : "FontFile2", file->Reference());
  return desc;
}

/// 9.7.4.3: glyph widths by CID. A renumbered subset's CIDs are dense from 0, so one run lists
/// every width; a CID-keyed font keeps its sparse CIDs, listed as runs of the CIDs shown.
PdfArray width_array(const SubsetFont& font) {
  PdfArray w;
  if (!font.cid_keyed) {
    PdfArray widths;
    for (double v : font.widths)
      widths.push_back(pdf_real(v));
    w.push_back(pdf_int(0));
    w.push_back(widths);
    return w;
  }
  std::vector<bool> shown(font.widths.size(), false);
  shown[0] = true; // .notdef
  for (std::int32_t cid : font.cid_of)
    if (cid >= 0) shown[std::size_t(cid)] = true;
  std::size_t cid = 0;
  while (cid < shown.size()) {
    if (!shown[cid]) {
      ++cid;
      continue;
    }
    PdfArray run;
    const std::size_t first = cid;
    while (cid < shown.size() && shown[cid])
      run.push_back(pdf_real(font.widths[cid++]));
    w.push_back(pdf_int(std::int64_t(first)));
    w.push_back(run);
  }
  return w;
}

} // namespace

std::string to_unicode_cmap(const SubsetFont& font) {
  std::string out = "/CIDInit /ProcSet findresource begin\n"
                    "12 dict begin\n"
                    "begincmap\n"
                    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                    "/CMapName /Adobe-Identity-UCS def\n"
                    "/CMapType 2 def\n"
                    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<unsigned> cids;
  for (unsigned cid = 0; cid < font.text.size(); ++cid)
    if (!font.text[cid].empty())
      cids.push_back(cid);
  for (size_t start = 0; start < cids.size(); start += 100) {
    size_t end = std::min(cids.size(), start + 100);
    out += std::to_string(end - start) + " beginbfchar\n";
    for (size_t i = start; i < end; ++i) {
      out += '<';
      append_hex16(out, cids[i]);
      out += "> <" + utf16_hex(font.text[cids[i]]) + ">\n";
    }
    out += "endbfchar\n";
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

FontStreams font_streams(const SubsetFont& font, bool compress) {
  return {pack_stream(font.program, compress), pack_stream(to_unicode_cmap(font), compress)};
}

PdfObject* embed_font(PdfVecObjects& objects, const SubsetFont& font, const FontStreams& streams) {
  std::string base = font.tag + "+" + font.ps_name;
  PdfName cid_name(base);
  PdfObject* desc = font_descriptor(objects, font, cid_name, streams.program);

  PdfObject* cid_font = objects.CreateObject("Font");
  PdfDictionary& c = cid_font->GetDictionary();
  // 9.7.4: CFF outlines make a CIDFontType0 whose CIDs are the CFF's glyph indices (name-keyed
  // CFF, 9.7.4.2); TrueType outlines a CIDFontType2 with an identity CID -> GID map.
  c.AddKey("Subtype", PdfName(font.cff ? "CIDFontType0" : "CIDFontType2"));
  c.AddKey("BaseFont", cid_name);
  PdfDictionary info;
  info.AddKey("Registry", PdfString("Adobe"));
  info.AddKey("Ordering", PdfString("Identity"));
  info.AddKey("Supplement", pdf_int(0));
  c.AddKey("CIDSystemInfo", info);
  c.AddKey("FontDescriptor", desc->Reference());
  if (!font.cff)
    c.AddKey("CIDToGIDMap", PdfName("Identity"));
  c.AddKey("W", width_array(font));

  PdfObject* cmap = objects.CreateObject(PdfVariant(PdfDictionary()));
  set_stream(cmap, streams.to_unicode);

  PdfObject* type0 = objects.CreateObject("Font");
  PdfDictionary& t = type0->GetDictionary();
  t.AddKey("Subtype", PdfName("Type0"));
  // 9.7.6.1: with a CIDFontType0 descendant the name carries the CMap's name as well.
  t.AddKey("BaseFont", PdfName(font.cff ? base + "-Identity-H" : base));
  t.AddKey("Encoding", PdfName("Identity-H"));
  PdfArray descendants;
  descendants.push_back(cid_font->Reference());
  t.AddKey("DescendantFonts", descendants);
  t.AddKey("ToUnicode", cmap->Reference());
  return type0;
}

} // namespace galley::pdf
