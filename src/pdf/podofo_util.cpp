#include "pdf/podofo_util.hpp"

#include "pdf/content.hpp"

namespace galley::pdf {

using namespace PoDoFo;

PdfObject pdf_real(double v) {
  // PoDoFo's compact mode writes no separator before raw data: supply our own.
  std::string s = " ";
  append_number(s, v, 4);
  return PdfObject(PdfVariant(PdfData(s.c_str())));
}

PdfString pdf_text(const std::string& utf8) {
  bool ascii = true;
  for (unsigned char c : utf8)
    ascii = ascii && c >= 0x20 && c < 0x7F;
  if (ascii)
    return PdfString(utf8);
  return PdfString(reinterpret_cast<const pdf_utf8*>(utf8.c_str()));
}

PdfString pdf_bytes(std::string_view bytes) {
  return PdfString(bytes.data(), pdf_long(bytes.size()));
}

void set_stream(PdfObject* obj, const StreamData& data) {
  set_raw_stream(obj, data.bytes);
  if (data.deflated)
    obj->GetDictionary().AddKey(PdfName::KeyFilter, PdfName("FlateDecode"));
}

void set_raw_stream(PdfObject* obj, std::string_view data) {
  PdfMemoryInputStream in(data.data(), pdf_long(data.size()));
  obj->GetStream()->SetRawData(&in, pdf_long(data.size()));
}

PdfArray pdf_rect(double x1, double y1, double x2, double y2) {
  PdfArray a;
  a.push_back(pdf_real(x1));
  a.push_back(pdf_real(y1));
  a.push_back(pdf_real(x2));
  a.push_back(pdf_real(y2));
  return a;
}

} // namespace galley::pdf
