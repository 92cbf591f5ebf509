#include "pdf/podofo_util.hpp"

#include "pdf/raw.hpp"

namespace galley::pdf {

using namespace PoDoFo;

PdfObject pdf_real(double v) {
  std::string s;
  raw_real(s, v);
  return raw_value(s);
}

PdfObject pdf_text(const std::string& utf8) {
  std::string s;
  raw_text(s, utf8);
  return raw_value(s);
}

PdfObject pdf_bytes(std::string_view bytes) {
  std::string s;
  raw_bytes(s, bytes);
  return raw_value(s);
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
